-- 分析预警: the records pushes touched that the rules still have to look at (a durable queue, filled in the push's
-- own transaction and emptied in the transaction that raises their warnings), the rules' settings (every change
-- a new version) and the runs.
CREATE TABLE warning_queue (
    record_id TEXT PRIMARY KEY,
    queued_at BIGINT NOT NULL
);

CREATE TABLE warning_rule_versions (
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    parameters TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    set_by TEXT,
    PRIMARY KEY (code, version)
);

CREATE TABLE warning_runs (
    started_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    run_day TEXT NOT NULL,
    finished_at BIGINT NOT NULL,
    findings BIGINT NOT NULL,
    raised BIGINT NOT NULL,
    escalated BIGINT NOT NULL
);
CREATE INDEX warning_runs_started ON warning_runs(kind, started_at);
