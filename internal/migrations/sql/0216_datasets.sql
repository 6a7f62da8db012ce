-- Datasets that organisations (OMS, government units, action teams)
-- publish on the platform (internal/dataset): an uploaded CSV/XLSX file
-- kept in the blob store with its data dictionary, or a link to data kept
-- elsewhere. Only published ones are public; a withdrawn one keeps its row
-- (and its citations) but leaves the catalogue.
CREATE TABLE datasets (
    id           BIGSERIAL PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    region_code  TEXT NOT NULL REFERENCES regions (code),
    licence      TEXT NOT NULL,
    -- Keywords, one a line.
    keywords     TEXT NOT NULL DEFAULT '',
    -- Temporal coverage as YYYY-MM-DD, '' when not given.
    covers_from  TEXT NOT NULL DEFAULT '',
    covers_to    TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL CHECK (source IN ('file', 'link')),
    -- The uploaded file: its blob key, name as uploaded, header (one
    -- column name a line), size in bytes and rows below the header.
    file_key     TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    file_header  TEXT NOT NULL DEFAULT '',
    file_size    BIGINT NOT NULL DEFAULT 0,
    row_count    BIGINT NOT NULL DEFAULT 0,
    -- The format: CSV or XLSX for a file, the name given for a link.
    format       TEXT NOT NULL DEFAULT '',
    link_url     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
    published_at TIMESTAMP,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX datasets_org ON datasets (org_id, id);
CREATE INDEX datasets_status ON datasets (status, id);

-- The data dictionary of a dataset: each column's name, type (the types
-- of internal/opendata), meaning and unit, in the file's order.
CREATE TABLE dataset_columns (
    dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    meaning    TEXT NOT NULL DEFAULT '',
    unit       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dataset_id, position)
);

-- Who cites a dataset: a proposal, a forum, an action team's plan.
CREATE TABLE dataset_citations (
    dataset_id   BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL,
    subject_id   BIGINT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (dataset_id, subject_kind, subject_id)
);
CREATE INDEX dataset_citations_subject ON dataset_citations (subject_kind, subject_id);
