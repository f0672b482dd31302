-- Kindred store, schema version 2 (PostgreSQL): pages sent to webhook targets when nobody answers an escalation.
-- One row per escalation, reason and target, so a page is neither lost nor repeated across
-- restarts. No message text, excerpt, member id or nickname is stored here; target is a
-- digest of the webhook's format and URL (a Slack URL is itself a secret).

CREATE TABLE page_delivery (
    escalation_id   TEXT COLLATE "C" NOT NULL,
    reason          TEXT COLLATE "C" NOT NULL,
    target          TEXT COLLATE "C" NOT NULL,
    level           TEXT    NOT NULL,
    room            TEXT,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (escalation_id, reason, target)
);
CREATE INDEX page_delivery_status ON page_delivery (status);
