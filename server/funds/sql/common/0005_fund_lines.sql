-- Fund lines added by administrators to the catalog (Art. 22). Built-in lines come with the program
-- (resources/funds/fund-catalog.csv) and are not stored here; a code is unique across both.
CREATE TABLE fund_lines (
    code TEXT PRIMARY KEY,
    article TEXT NOT NULL,
    name TEXT NOT NULL,
    lead_department TEXT NOT NULL,
    kind TEXT NOT NULL,
    cycle TEXT NOT NULL,
    recipient TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    created_by TEXT
);
