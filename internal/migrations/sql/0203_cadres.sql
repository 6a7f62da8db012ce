-- The cadre register (kader, internal/cadre): people an organisation has
-- trained to lead, where they work, their skills, the trainings they took
-- and what they led. Personal data: only the organisation's people read
-- it; erasing a cadre deletes the row and everything under it. Days are
-- YYYY-MM-DD.
CREATE TABLE cadres (
    id                  BIGSERIAL PRIMARY KEY,
    org_id              BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    role                TEXT NOT NULL,
    region_code         TEXT NOT NULL,
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    -- one skill a line
    skills              TEXT NOT NULL DEFAULT '',
    -- desa, kecamatan, kabupaten, provinsi: where the cadre works
    work_level          TEXT NOT NULL CHECK (work_level IN ('desa', 'kecamatan', 'kabupaten', 'provinsi')),
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    volunteer_signup_id BIGINT REFERENCES volunteer_signups (id) ON DELETE SET NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX cadres_org ON cadres (org_id, name);
CREATE INDEX cadres_signup ON cadres (volunteer_signup_id);

CREATE TABLE cadre_trainings (
    id        BIGSERIAL PRIMARY KEY,
    cadre_id  BIGINT NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    taken_on  TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cadre_trainings_cadre ON cadre_trainings (cadre_id);

CREATE TABLE cadre_activities (
    id       BIGSERIAL PRIMARY KEY,
    cadre_id BIGINT NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    done_on  TEXT NOT NULL
);
CREATE INDEX cadre_activities_cadre ON cadre_activities (cadre_id);
