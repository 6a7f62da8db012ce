-- The lessons library (internal/lesson): what an organisation learned,
-- from a reflection session or any stage of the cycle, tagged by stage,
-- issue and region, with the initiative it came from, what it led to and
-- the evidence it rests on. Published lessons are public and searchable.
CREATE TABLE lessons (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
    -- The stage of the cycle it comes from, 1–7; 0 for none.
    stage         INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 7),
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    -- Focus-issue keys (org.FocusIssues), comma-separated like an
    -- organisation's focus_issues.
    issues        TEXT NOT NULL DEFAULT '',
    region_code   TEXT NOT NULL REFERENCES regions (code),
    led_to        TEXT NOT NULL DEFAULT '',
    -- Where it was written from: a reflection session, a cycle, or other.
    -- source_id names the session or cycle; deliberately no foreign key,
    -- as the sources live in tables of their own parts.
    source_kind   TEXT NOT NULL DEFAULT 'other' CHECK (source_kind IN ('reflection', 'cycle', 'other')),
    source_id     BIGINT,
    published     BOOLEAN NOT NULL DEFAULT FALSE,
    published_at  TIMESTAMP,
    created_by    BIGINT,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX lessons_org ON lessons (org_id, id);
CREATE INDEX lessons_source ON lessons (source_kind, source_id);
CREATE INDEX lessons_initiative ON lessons (initiative_id);

-- The evidence a lesson rests on: links to pages of the site (a results
-- page, the books) or outside, in the order written.
CREATE TABLE lesson_evidence (
    lesson_id BIGINT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    url       TEXT NOT NULL,
    PRIMARY KEY (lesson_id, position)
);
