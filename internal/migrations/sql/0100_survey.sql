-- The satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017)
-- of an initiative's service (internal/survey). A round covers a period;
-- the people served in that period are the population of its sample check.
-- The code is public: it is in the link and QR code of the round's
-- questionnaire page.
CREATE TABLE survey_rounds (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    code          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    -- The period surveyed, days YYYY-MM-DD in the organisation's zone.
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    -- People served in the period as typed by staff, used when no service
    -- records cover the period; NULL when not given.
    population    BIGINT CHECK (population IS NULL OR population > 0),
    -- Whether the public questionnaire takes answers.
    open          BOOLEAN NOT NULL DEFAULT TRUE,
    created_by    BIGINT NOT NULL,
    created_name  TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX survey_rounds_initiative ON survey_rounds (initiative_id, period_from);

-- One filled-in questionnaire. u1 … u9 are the nine elements in the
-- regulation's order, scored 1–4; 0 is an element a paper questionnaire
-- left blank (the online form asks for all nine). The profile is optional
-- and names no one; the suggestion is read by staff only.
CREATE TABLE survey_responses (
    id           BIGSERIAL PRIMARY KEY,
    round_id     BIGINT NOT NULL REFERENCES survey_rounds (id) ON DELETE CASCADE,
    source       TEXT NOT NULL CHECK (source IN ('daring', 'kertas')),
    u1           SMALLINT NOT NULL CHECK (u1 BETWEEN 0 AND 4),
    u2           SMALLINT NOT NULL CHECK (u2 BETWEEN 0 AND 4),
    u3           SMALLINT NOT NULL CHECK (u3 BETWEEN 0 AND 4),
    u4           SMALLINT NOT NULL CHECK (u4 BETWEEN 0 AND 4),
    u5           SMALLINT NOT NULL CHECK (u5 BETWEEN 0 AND 4),
    u6           SMALLINT NOT NULL CHECK (u6 BETWEEN 0 AND 4),
    u7           SMALLINT NOT NULL CHECK (u7 BETWEEN 0 AND 4),
    u8           SMALLINT NOT NULL CHECK (u8 BETWEEN 0 AND 4),
    u9           SMALLINT NOT NULL CHECK (u9 BETWEEN 0 AND 4),
    sex          TEXT NOT NULL DEFAULT '',
    age_band     TEXT NOT NULL DEFAULT '',
    education    TEXT NOT NULL DEFAULT '',
    occupation   TEXT NOT NULL DEFAULT '',
    suggestion   TEXT NOT NULL DEFAULT '',
    -- The number written on a paper questionnaire: the same sheet is not
    -- typed in twice. '' for online answers.
    paper_ref    TEXT NOT NULL DEFAULT '',
    -- The one-time token of the form: a repeated submit finds this row.
    form_token   TEXT NOT NULL UNIQUE,
    entered_by   BIGINT,
    entered_name TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    CHECK (u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9 > 0),
    CHECK (source = 'kertas' OR (u1 > 0 AND u2 > 0 AND u3 > 0 AND u4 > 0 AND u5 > 0 AND u6 > 0
                                 AND u7 > 0 AND u8 > 0 AND u9 > 0))
);
CREATE INDEX survey_responses_round ON survey_responses (round_id, id);
CREATE UNIQUE INDEX survey_responses_paper ON survey_responses (round_id, paper_ref) WHERE paper_ref <> '';
