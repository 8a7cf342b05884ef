-- Payments made after their pay-by date (monthly by the 15th, quarterly in the quarter's first month, Art. 6
-- (三)): counted like the entries made late, per unit, month, department and fund line. Filled by the
-- summary rebuild that follows this migration (SummaryUpdater::rebuildAfterMigration).
ALTER TABLE fund_summary ADD COLUMN paid_late_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fund_summary ADD COLUMN paid_late_fen BIGINT NOT NULL DEFAULT 0;
