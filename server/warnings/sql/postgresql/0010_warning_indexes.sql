-- The rules find a payment's other payments to the same person through this (BENEFICIARY_DUPLICATE on a push).
-- The expression is Store::fieldSql("idNumber") on this store.
CREATE INDEX records_disbursement_id_number ON records (((data::jsonb ->> 'idNumber')))
    WHERE type = 'disbursement';
-- A household's payments (PAID_AFTER_EXIT).
CREATE INDEX records_disbursement_household ON records (((data::jsonb ->> 'householdId')))
    WHERE type = 'disbursement';
