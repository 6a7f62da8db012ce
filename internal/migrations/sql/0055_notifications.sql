-- E-mail notifications to organisation members (internal/notify): each
-- member's wish per organisation and kind of event, the secret of their
-- one-click link to those wishes, and the events waiting for a daily digest.

-- A member's choice for one kind of event; without a row the kind's
-- default applies.
CREATE TABLE notify_prefs (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('now', 'digest', 'off')),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, org_id, kind)
);

-- The link in every notification that opens the member's preferences for
-- the organisation without logging in.
CREATE TABLE notify_links (
    token      TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, org_id)
);

-- An event for a member who wants it in the daily digest, its summary
-- already written in the member's language. A digest claims its items by
-- setting batch (only where it is still NULL) in the transaction that
-- queues the e-mail, so an item goes out in one digest only.
CREATE TABLE notify_digest_items (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    path       TEXT NOT NULL,
    summary    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    batch      TEXT,
    sent_at    TIMESTAMP
);
CREATE INDEX notify_digest_items_pending ON notify_digest_items (batch, user_id, org_id);
