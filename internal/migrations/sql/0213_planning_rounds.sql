-- Planning rounds (internal/planning): the participatory prioritisation of
-- a region's proposals for a period of years, e.g. the musrenbang of a
-- kelurahan for 2027-2029. A round is convened by an organisation (a
-- government office, usually) and moves from setup (persiapan) to scoring
-- (penilaian) to its result (ditetapkan).
CREATE TABLE planning_rounds (
    id           BIGSERIAL PRIMARY KEY,
    region_code  TEXT NOT NULL REFERENCES regions (code),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    first_year   INTEGER NOT NULL,
    years        INTEGER NOT NULL CHECK (years BETWEEN 1 AND 5),
    status       TEXT NOT NULL DEFAULT 'persiapan' CHECK (status IN ('persiapan', 'penilaian', 'ditetapkan')),
    org_id       BIGINT NOT NULL REFERENCES organizations (id),
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    settled_at   TIMESTAMP
);
CREATE INDEX planning_rounds_region ON planning_rounds (region_code, id);

-- The round's stages and their dates, in order (YYYY-MM-DD).
CREATE TABLE planning_stages (
    round_id  BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);

-- The criteria agreed in the forum, with their weights in percent (the
-- weights of a round add up to 100 before scoring opens).
CREATE TABLE planning_criteria (
    id          BIGSERIAL PRIMARY KEY,
    round_id    BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    weight      INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
    UNIQUE (round_id, position)
);

-- The budget ceiling of each year of the round, in whole rupiah.
CREATE TABLE planning_years (
    round_id BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    year     INTEGER NOT NULL,
    ceiling  BIGINT NOT NULL CHECK (ceiling >= 0),
    -- decided_at is set once the year's funding was recorded.
    decided_at TIMESTAMP,
    PRIMARY KEY (round_id, year)
);
