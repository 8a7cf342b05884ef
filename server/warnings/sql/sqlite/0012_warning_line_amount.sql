-- PAYMENT_OVER_STANDARD reads the payments of a fund line above an amount, FUND_HELD_TOO_LONG adds up a line's
-- payments of a year: both through this index on the line, the amount and the period. The expressions are
-- Store::fieldSql() on this store (the amount as the rule's SQL casts it).
CREATE INDEX records_disbursement_line_amount ON records (
    json_extract(data, '$.fundCode'), CAST(json_extract(data, '$.amountFen') AS BIGINT),
    json_extract(data, '$.period'))
    WHERE type = 'disbursement';
