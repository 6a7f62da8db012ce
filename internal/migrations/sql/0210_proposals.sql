-- Issues and proposals (usulan) of residents and OMS for a region at any
-- level down to a desa/kelurahan (internal/proposal): an issue (isu) or a
-- concrete activity (kegiatan), where (with a free RT/RW detail), who
-- benefits, a rough cost and the evidence. Planning rounds rank them later;
-- a proposal merged as a duplicate keeps its page and points to the one it
-- was merged into.
CREATE TABLE proposals (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('isu', 'kegiatan')),
    title         TEXT NOT NULL,
    what          TEXT NOT NULL,
    region_code   TEXT NOT NULL REFERENCES regions (code),
    place         TEXT NOT NULL DEFAULT '',
    beneficiaries TEXT NOT NULL DEFAULT '',
    -- The estimated number of people who benefit; NULL when not given.
    beneficiaries_count BIGINT,
    -- Rough cost in whole rupiah; NULL when not given.
    cost          BIGINT,
    status        TEXT NOT NULL DEFAULT 'terbuka',
    merged_into   BIGINT REFERENCES proposals (id),
    proposer_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX proposals_region ON proposals (region_code, id);
CREATE INDEX proposals_proposer ON proposals (proposer_id);

-- The evidence a proposal rests on: links to pages of the site (a
-- complaint, a survey's results) or outside, in the order written.
CREATE TABLE proposal_evidence (
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    url         TEXT NOT NULL,
    PRIMARY KEY (proposal_id, position)
);
