-- Keyset pages of one record type in id order (GET /api/v1/records): the area filter and the tombstone flag are
-- read from the index itself, so a page of a city or county area reads about one index entry per record shown.
-- Small areas (towns, villages) are served by records_type_path (type, org_path) instead.
CREATE INDEX records_type_id ON records(type, id, org_path, deleted);
