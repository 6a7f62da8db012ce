-- Forums on an issue and the joint action teams they form (seed 001:
-- understand the issue together, form a team of government and OMS,
-- support its plan with open data, reflect in separate sittings).
-- Participants are counted by group, never named. Dates are YYYY-MM-DD.
CREATE TABLE forums (
    id            BIGSERIAL PRIMARY KEY,
    title         TEXT NOT NULL,
    issue         TEXT NOT NULL,
    proposal_id   BIGINT REFERENCES proposals (id) ON DELETE SET NULL,
    region_code   TEXT NOT NULL REFERENCES regions (code),
    held_on       TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    -- The convening organisation; NULL when a hub coordinator or a
    -- platform admin convened it alone.
    org_id        BIGINT REFERENCES organizations (id) ON DELETE SET NULL,
    convener_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    n_pemerintah  INTEGER NOT NULL DEFAULT 0,
    n_oms         INTEGER NOT NULL DEFAULT 0,
    n_warga       INTEGER NOT NULL DEFAULT 0,
    n_akademisi   INTEGER NOT NULL DEFAULT 0,
    n_bisnis      INTEGER NOT NULL DEFAULT 0,
    n_media       INTEGER NOT NULL DEFAULT 0,
    causes        TEXT NOT NULL DEFAULT '',
    implications  TEXT NOT NULL DEFAULT '',
    initiatives   TEXT NOT NULL DEFAULT '',
    data_needs    TEXT NOT NULL DEFAULT '',
    published     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX forums_region ON forums (region_code, held_on);
CREATE INDEX forums_org ON forums (org_id);
CREATE INDEX forums_proposal ON forums (proposal_id);

CREATE TABLE action_teams (
    id         BIGSERIAL PRIMARY KEY,
    forum_id   BIGINT NOT NULL REFERENCES forums (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX action_teams_forum ON action_teams (forum_id);

-- A member's side is kept on the membership: the same person may sit for
-- government in one team and for an OMS in another.
CREATE TABLE action_team_members (
    team_id   BIGINT NOT NULL REFERENCES action_teams (id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    side      TEXT NOT NULL CHECK (side IN ('pemerintah', 'oms')),
    org_id    BIGINT REFERENCES organizations (id) ON DELETE SET NULL,
    -- The unit or organisation as written, when it is not on the platform.
    org_name  TEXT NOT NULL DEFAULT '',
    role      TEXT NOT NULL CHECK (role IN ('ketua', 'anggota')),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX action_team_members_user ON action_team_members (user_id);

CREATE TABLE action_team_activities (
    id         BIGSERIAL PRIMARY KEY,
    team_id    BIGINT NOT NULL REFERENCES action_teams (id) ON DELETE CASCADE,
    what       TEXT NOT NULL,
    owner_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    starts_on  TEXT NOT NULL,
    due_on     TEXT NOT NULL,
    budget     BIGINT NOT NULL DEFAULT 0 CHECK (budget >= 0),
    indicator  TEXT NOT NULL DEFAULT '',
    datasets   TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'rencana',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX action_team_activities_team ON action_team_activities (team_id, starts_on, id);

-- Reviews are scheduled on a date; once held they keep a progress note
-- per activity.
CREATE TABLE action_team_reviews (
    id         BIGSERIAL PRIMARY KEY,
    team_id    BIGINT NOT NULL REFERENCES action_teams (id) ON DELETE CASCADE,
    due_on     TEXT NOT NULL,
    held_at    TIMESTAMP,
    held_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (team_id, due_on)
);

CREATE TABLE action_team_review_notes (
    review_id   BIGINT NOT NULL REFERENCES action_team_reviews (id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES action_team_activities (id) ON DELETE CASCADE,
    note        TEXT NOT NULL,
    PRIMARY KEY (review_id, activity_id)
);

-- Reflection sittings: in each round government and OMS sit apart, then
-- together; each keeps its own collaboration-climate assessment.
CREATE TABLE action_team_sittings (
    id           BIGSERIAL PRIMARY KEY,
    team_id      BIGINT NOT NULL REFERENCES action_teams (id) ON DELETE CASCADE,
    round        INTEGER NOT NULL CHECK (round > 0),
    side         TEXT NOT NULL CHECK (side IN ('pemerintah', 'oms', 'bersama')),
    held_on      TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0,
    notes        TEXT NOT NULL DEFAULT '',
    recorded_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (team_id, round, side)
);

CREATE TABLE action_team_sitting_scores (
    sitting_id BIGINT NOT NULL REFERENCES action_team_sittings (id) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (sitting_id, question)
);
