-- Synced records of every type, their history, the operations already applied, and the commit-order sequence.
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    org_unit_id TEXT NOT NULL REFERENCES org_units(id),
    org_path TEXT NOT NULL,
    department_id TEXT REFERENCES departments(id),
    version BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    late_synced INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    created_by TEXT,
    data TEXT NOT NULL
);
CREATE UNIQUE INDEX records_seq ON records(seq);
CREATE INDEX records_type_path ON records(type, org_path);

CREATE TABLE record_history (
    record_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    changed TEXT NOT NULL,
    data TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    late_synced INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT,
    op_id TEXT,
    PRIMARY KEY (record_id, version)
);

CREATE TABLE applied_ops (
    op_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    record_id TEXT,
    base_version BIGINT NOT NULL,
    result TEXT NOT NULL,
    applied_at BIGINT NOT NULL
);

-- The last sequence number handed out. Writers lock this row just before commit, so sequence order is commit order.
CREATE TABLE sync_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO sync_head (id, seq) VALUES (1, 0);

CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    mime_type TEXT,
    received BIGINT NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    uploaded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    completed_at BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE attachment_refs (
    sha256 TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (sha256, record_id)
);
CREATE INDEX attachment_refs_record ON attachment_refs(record_id);
