-- The foundation: regions, people, organisations, hubs, audit, mail queue,
-- rate limits. Times are UTC TIMESTAMPs; money (later) is integer rupiah.

CREATE TABLE regions (
    code        TEXT PRIMARY KEY,
    parent_code TEXT REFERENCES regions (code),
    level       TEXT NOT NULL,
    name        TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE users (
    id                BIGSERIAL PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    password_hash     TEXT NOT NULL,
    email_verified_at TIMESTAMP,
    is_admin          BOOLEAN NOT NULL DEFAULT FALSE,
    locale            TEXT NOT NULL DEFAULT 'id',
    created_at        TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time tokens (e-mail verification, password reset); only hashes kept.
CREATE TABLE user_tokens (
    hash       TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX user_tokens_user ON user_tokens (user_id);

CREATE TABLE organizations (
    id            BIGSERIAL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    legal_form    TEXT NOT NULL,
    akta_number   TEXT NOT NULL DEFAULT '',
    sk_ahu        TEXT NOT NULL DEFAULT '',
    npwp          TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    region_code   TEXT NOT NULL REFERENCES regions (code),
    focus_issues  TEXT NOT NULL DEFAULT '',
    vision        TEXT NOT NULL DEFAULT '',
    mission       TEXT NOT NULL DEFAULT '',
    founded_year  INTEGER NOT NULL DEFAULT 0,
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL DEFAULT '',
    logo_key      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'pending',
    status_reason TEXT NOT NULL DEFAULT '',
    verified_at   TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX organizations_region ON organizations (region_code);

CREATE TABLE memberships (
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP
);
CREATE INDEX invitations_org ON invitations (org_id);

CREATE TABLE hubs (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE hub_regions (
    hub_id      BIGINT NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    region_code TEXT NOT NULL REFERENCES regions (code),
    PRIMARY KEY (hub_id, region_code)
);
CREATE INDEX hub_regions_region ON hub_regions (region_code);

CREATE TABLE hub_coordinators (
    hub_id  BIGINT NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (hub_id, user_id)
);
CREATE INDEX hub_coordinators_user ON hub_coordinators (user_id);

-- Verification decisions on an organisation, newest last.
CREATE TABLE org_reviews (
    id          BIGSERIAL PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    reviewer_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decision    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX org_reviews_org ON org_reviews (org_id);

-- Privileged actions. The actor's name is copied so the log survives the
-- deletion of an account.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name  TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

-- Background jobs (e-mail first): any instance may claim a due job.
CREATE TABLE jobs (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    run_at       TIMESTAMP NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    done_at      TIMESTAMP,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);

-- Fixed-window counters for rate limits, shared by all instances.
CREATE TABLE rate_limits (
    key          TEXT NOT NULL,
    window_start TIMESTAMP NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);
