-- Org tree, departments, accounts and sessions.
CREATE TABLE org_units (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES org_units(id),
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX org_units_parent ON org_units(parent_id);

CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    org_unit_id TEXT NOT NULL REFERENCES org_units(id),
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_unit_id, code)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_unit_id TEXT NOT NULL REFERENCES org_units(id),
    department_id TEXT REFERENCES departments(id),
    phone TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    last_login_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX users_org ON users(org_unit_id);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0,
    address TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
