-- The rules find a payment's other payments to the same person through this (BENEFICIARY_DUPLICATE on a push).
-- The expression is Store::fieldSql("idNumber") on this store.
CREATE INDEX records_disbursement_id_number ON records (((data::jsonb ->> 'idNumber')))
    WHERE type = 'disbursement';
