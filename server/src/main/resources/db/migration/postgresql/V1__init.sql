-- Kindred store, schema version 1 (PostgreSQL). The same tables as db/migration/sqlite/V1,
-- with two differences: audit_log's id is an identity column (ids of purged entries are never
-- reused, as with SQLite's AUTOINCREMENT), and the text columns the store sorts or looks up by
-- compare byte by byte (COLLATE "C", SQLite's default), whatever the database's own collation.
-- Nothing here stores a network address, a password, a token or a whole chat message
-- except held_message.text, which is erased once a moderator decides.

CREATE TABLE moderator_account (
    name          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    role          TEXT     NOT NULL,
    password_hash TEXT     NOT NULL,
    disabled      SMALLINT NOT NULL DEFAULT 0,
    created_at    BIGINT   NOT NULL
);

CREATE TABLE login_token (
    token_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account    TEXT COLLATE "C" NOT NULL REFERENCES moderator_account (name),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX login_token_account ON login_token (account);

CREATE TABLE ban (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    member_id   TEXT,
    fingerprint TEXT,
    reason      TEXT   NOT NULL,
    banned_by   TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT,
    lifted_at   BIGINT,
    lifted_by   TEXT,
    CHECK (member_id IS NOT NULL OR fingerprint IS NOT NULL)
);
CREATE INDEX ban_member ON ban (member_id);
CREATE INDEX ban_fingerprint ON ban (fingerprint);

CREATE TABLE mute (
    room       TEXT   NOT NULL,
    member_id  TEXT   NOT NULL,
    until_at   BIGINT NOT NULL,
    muted_by   TEXT   NOT NULL,
    reason     TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (room, member_id)
);

CREATE TABLE report (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    room        TEXT   NOT NULL,
    msg_id      TEXT   NOT NULL,
    reporter_id TEXT   NOT NULL,
    reported_id TEXT,
    reason      TEXT   NOT NULL,
    note        TEXT,
    excerpt     TEXT,
    created_at  BIGINT NOT NULL,
    status      TEXT   NOT NULL,
    closed_by   TEXT,
    closed_at   BIGINT
);
CREATE INDEX report_status_created ON report (status, created_at);
CREATE INDEX report_created ON report (created_at);

CREATE TABLE escalation (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    room        TEXT,
    member_id   TEXT   NOT NULL,
    level       TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    excerpt     TEXT,
    status      TEXT   NOT NULL,
    claimed_by  TEXT,
    claimed_at  BIGINT,
    outcome     TEXT,
    note        TEXT,
    resolved_by TEXT,
    resolved_at BIGINT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX escalation_status_created ON escalation (status, created_at);
CREATE INDEX escalation_created ON escalation (created_at);

CREATE TABLE held_message (
    msg_id     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    room       TEXT   NOT NULL,
    member_id  TEXT   NOT NULL,
    text       TEXT,
    categories TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    status     TEXT   NOT NULL,
    decided_by TEXT,
    decided_at BIGINT
);
CREATE INDEX held_status_created ON held_message (status, created_at);
CREATE INDEX held_created ON held_message (created_at);

CREATE TABLE audit_log (
    id     BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ts     BIGINT  NOT NULL,
    actor  TEXT    NOT NULL,
    action TEXT    NOT NULL,
    target TEXT,
    room   TEXT,
    reason TEXT
);
CREATE INDEX audit_ts ON audit_log (ts);
CREATE INDEX audit_target ON audit_log (target, id);
