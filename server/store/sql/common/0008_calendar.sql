-- The official working-day schedules city administrators loaded (one row per year, the State Council's
-- holidays and make-up workdays as "date,type,name" lines). They replace the years the program ships with and
-- add the years it does not know; version counts the loads, so clients see a change.
CREATE TABLE working_calendar (
    year INTEGER PRIMARY KEY,
    csv TEXT NOT NULL,
    version INTEGER NOT NULL,
    loaded_at BIGINT NOT NULL,
    loaded_by TEXT
);
