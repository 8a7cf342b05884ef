-- Summaries of the fund records, kept current in the transaction that writes the records (server/summary), so the
-- dashboard reads thousands of rows, not millions. `sunshine-server summary-check` recomputes them from the raw
-- rows; `summary-rebuild` rewrites them.
--
-- fund_summary: live disbursements rolled up at every level of the org tree. A record placed at a village adds to
-- four rows (lvl 1 city, 2 county, 3 town, 4 village: unit_id is its ancestor at that level, parent_id the one
-- above); a record placed at a county adds to two. Year and month are those of the period (所属期; a quarter
-- counts in its first month). Kind is not stored: it follows from fund_code through the catalog in force.
CREATE TABLE fund_summary (
    lvl INTEGER NOT NULL,
    unit_id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    department_id TEXT NOT NULL,
    fund_code TEXT NOT NULL,
    record_count BIGINT NOT NULL,
    amount_fen BIGINT NOT NULL,
    late_count BIGINT NOT NULL,
    late_fen BIGINT NOT NULL,
    PRIMARY KEY (lvl, unit_id, year, month, department_id, fund_code)
);
CREATE INDEX fund_summary_parent ON fund_summary(lvl, parent_id, year);

-- Deadlines still open on live fund records, by due date, at the unit the record is placed at: disbursements
-- without vouchers (due 5 working days after payment, Art. 7) and provincial-or-higher allocations not yet
-- reported to the city (Art. 6 (一)). Overdue as of a day = rows due before it.
CREATE TABLE fund_pending (
    unit_id TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    department_id TEXT NOT NULL,
    fund_code TEXT NOT NULL,
    what TEXT NOT NULL,
    due_on TEXT NOT NULL,
    record_count BIGINT NOT NULL,
    amount_fen BIGINT NOT NULL,
    PRIMARY KEY (unit_id, department_id, fund_code, what, due_on)
);
CREATE INDEX fund_pending_due ON fund_pending(due_on);
