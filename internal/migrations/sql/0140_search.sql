-- The search index: one row per public document (campaign, organisation,
-- initiative, hub, and later types), the regions it is based in or serves,
-- and its filter values. The full-text part differs by database and is
-- added by the Go step 141 (FTS5 on SQLite, a tsvector on PostgreSQL).
-- Sort keys are integers so that each sort pages by (key, id):
-- ends_unix is the deadline in Unix seconds (far future when there is
-- none), need_bp the unmet share of the money target in basis points.
CREATE TABLE search_docs (
    id             BIGSERIAL PRIMARY KEY,
    doc_type       TEXT NOT NULL,
    doc_id         BIGINT NOT NULL,
    slug           TEXT NOT NULL,
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    url            TEXT NOT NULL,
    extra          TEXT NOT NULL DEFAULT '',
    ends_unix      BIGINT NOT NULL,
    published_unix BIGINT NOT NULL,
    need_bp        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_type, doc_id)
);
CREATE INDEX search_docs_newest ON search_docs (published_unix, id);
CREATE INDEX search_docs_ending ON search_docs (ends_unix, id);
CREATE INDEX search_docs_needed ON search_docs (need_bp, id);

-- covers = 1: the document serves the region (an initiative's or a hub's
-- area), so it also matches searches for places inside that region.
CREATE TABLE search_doc_regions (
    doc         BIGINT NOT NULL REFERENCES search_docs (id) ON DELETE CASCADE,
    region_code TEXT NOT NULL,
    covers      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, doc)
);
CREATE INDEX search_doc_regions_doc ON search_doc_regions (doc);

CREATE TABLE search_doc_facets (
    doc   BIGINT NOT NULL REFERENCES search_docs (id) ON DELETE CASCADE,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (facet, value, doc)
);
CREATE INDEX search_doc_facets_doc ON search_doc_facets (doc);

CREATE TABLE search_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
