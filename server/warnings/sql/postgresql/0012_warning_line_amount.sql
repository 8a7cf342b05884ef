-- PAYMENT_OVER_STANDARD reads the payments of a fund line above an amount, FUND_HELD_TOO_LONG adds up a line's
-- payments of a year: both through this index on the line, the amount and the period. The expressions are
-- Store::fieldSql() on this store (the amount as the rule's SQL casts it).
CREATE INDEX records_disbursement_line_amount ON records (
    ((data::jsonb ->> 'fundCode')), (CAST((data::jsonb ->> 'amountFen') AS BIGINT)), ((data::jsonb ->> 'period')))
    WHERE type = 'disbursement';
