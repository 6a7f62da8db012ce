-- The development cycle workspace: numbered cycles per organisation, the
-- organisation's versioned answers to the guiding questions, attachments,
-- every move between stages, and accompaniment comments.

CREATE TABLE cycles (
    id                BIGSERIAL PRIMARY KEY,
    org_id            BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    number            INTEGER NOT NULL,
    current_stage     INTEGER NOT NULL,
    framework_version TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open',
    opened_at         TIMESTAMP NOT NULL,
    opened_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    closed_at         TIMESTAMP,
    UNIQUE (org_id, number)
);

-- Answers are never updated: each save is a new version, and the UNIQUE
-- constraint decides which of two concurrent saves on the same base wins.
CREATE TABLE answer_versions (
    id           BIGSERIAL PRIMARY KEY,
    cycle_id     BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    version      INTEGER NOT NULL,
    body         TEXT NOT NULL,
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    carried_over BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (cycle_id, question_key, version)
);

CREATE TABLE answer_attachments (
    id            BIGSERIAL PRIMARY KEY,
    cycle_id      BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    stage         INTEGER NOT NULL,
    question_key  TEXT,
    blob_key      TEXT NOT NULL UNIQUE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          BIGINT NOT NULL,
    uploader_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploader_name TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE INDEX answer_attachments_stage ON answer_attachments (cycle_id, stage);

CREATE TABLE stage_moves (
    id         BIGSERIAL PRIMARY KEY,
    cycle_id   BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    from_stage INTEGER NOT NULL,
    to_stage   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    actor_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);

CREATE INDEX stage_moves_cycle ON stage_moves (cycle_id, id);

CREATE TABLE cycle_comments (
    id           BIGSERIAL PRIMARY KEY,
    cycle_id     BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    stage        INTEGER NOT NULL,
    question_key TEXT,
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL,
    at           TIMESTAMP NOT NULL
);

CREATE INDEX cycle_comments_stage ON cycle_comments (cycle_id, stage);
