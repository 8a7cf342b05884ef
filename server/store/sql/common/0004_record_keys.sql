-- Keys no two live records may share across the city (e.g. a person's 身份证号, held by one record only).
CREATE TABLE record_keys (
    key TEXT PRIMARY KEY,
    record_id TEXT NOT NULL
);
CREATE INDEX record_keys_record ON record_keys(record_id);
