-- Participatory reflection and learning sessions (CoRel): what is under
-- review, who sat together, what each group said, the structured outcome,
-- the self-assessment of competence and the action plan that follows.
CREATE TABLE reflection_sessions (
    id           BIGSERIAL PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    cycle_id     BIGINT REFERENCES cycles (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    held_on      TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    facilitator  TEXT NOT NULL DEFAULT '',
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    purpose      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'rencana',
    published_at TIMESTAMP,
    created_by   BIGINT,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX reflection_sessions_org ON reflection_sessions (org_id, held_on, id);

CREATE TABLE reflection_initiatives (
    session_id    BIGINT NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, initiative_id)
);

-- A group sits apart (staff, the people served, strategic partners) or is
-- the joint sitting; participants are counted, never named.
CREATE TABLE reflection_groups (
    id           BIGSERIAL PRIMARY KEY,
    session_id   BIGINT NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0,
    women        INTEGER NOT NULL DEFAULT 0,
    sat_on       TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reflection_groups_session ON reflection_groups (session_id, position, id);

-- What a group said, kept as the group said it: findings may draw on
-- inputs but never replace them.
CREATE TABLE reflection_inputs (
    id         BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    group_id   BIGINT NOT NULL REFERENCES reflection_groups (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX reflection_inputs_group ON reflection_inputs (group_id, id);

CREATE TABLE reflection_findings (
    id            BIGSERIAL PRIMARY KEY,
    session_id    BIGINT NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL DEFAULT '',
    addressed_to  TEXT NOT NULL DEFAULT '',
    group_id      BIGINT REFERENCES reflection_groups (id) ON DELETE SET NULL,
    initiative_id BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX reflection_findings_session ON reflection_findings (session_id, kind, id);

-- The organisation's own competence checklist (SAC-style), scored per
-- session so its change shows across sessions.
CREATE TABLE competence_areas (
    id       BIGSERIAL PRIMARY KEY,
    org_id   BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    archived BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX competence_areas_org ON competence_areas (org_id, position, id);

CREATE TABLE competence_scores (
    session_id BIGINT NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    area_id    BIGINT NOT NULL REFERENCES competence_areas (id) ON DELETE CASCADE,
    score      INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, area_id)
);

-- The action plan: what, who, by when, budget and the indicator it moves.
-- indicator_id names an indicator (internal/indicator) without a foreign
-- key, so a removed indicator leaves the action standing.
CREATE TABLE reflection_actions (
    id           BIGSERIAL PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id   BIGINT REFERENCES reflection_sessions (id) ON DELETE SET NULL,
    finding_id   BIGINT REFERENCES reflection_findings (id) ON DELETE SET NULL,
    what         TEXT NOT NULL,
    owner_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    owner_name   TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    budget       BIGINT NOT NULL DEFAULT 0,
    indicator_id BIGINT,
    status       TEXT NOT NULL DEFAULT 'rencana',
    note         TEXT NOT NULL DEFAULT '',
    reminded_on  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX reflection_actions_org ON reflection_actions (org_id, status, due_on);
CREATE INDEX reflection_actions_due ON reflection_actions (status, due_on);

-- A fundamental change found in a reflection, recorded against the
-- organisation's strategy.
CREATE TABLE strategy_changes (
    id         BIGSERIAL PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES reflection_sessions (id) ON DELETE SET NULL,
    finding_id BIGINT REFERENCES reflection_findings (id) ON DELETE SET NULL,
    change     TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX strategy_changes_org ON strategy_changes (org_id, decided_on);
