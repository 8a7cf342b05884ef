-- BENEFICIARY_DUPLICATE groups payments by person, fund line and period: one index on the three serves finding
-- each group's payments; a person's payments (a push's check) use its first column. The expressions are
-- Store::fieldSql() on this store.
DROP INDEX records_disbursement_id_number;
CREATE INDEX records_disbursement_person_line_period ON records (
    ((data::jsonb ->> 'idNumber')), ((data::jsonb ->> 'fundCode')), ((data::jsonb ->> 'period')))
    WHERE type = 'disbursement';
