-- The working tools of the cycle's stages and the initiatives they produce.

-- Stage 1: funding and support received, by source and year, in rupiah.
CREATE TABLE cycle_funding (
    cycle_id BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    year     INTEGER NOT NULL,
    source   TEXT NOT NULL,
    amount   BIGINT NOT NULL DEFAULT 0 CHECK (amount >= 0),
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (cycle_id, year, source)
);

-- Stage 2: the asset and resource inventory.
CREATE TABLE cycle_assets (
    id              BIGSERIAL PRIMARY KEY,
    cycle_id        BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    level           TEXT NOT NULL,
    holder          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    tangible        BOOLEAN NOT NULL DEFAULT FALSE,
    financial       BOOLEAN NOT NULL DEFAULT FALSE,
    estimated_value BIGINT CHECK (estimated_value >= 0),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX cycle_assets_cycle ON cycle_assets (cycle_id);

-- Stage 3: initiatives, the products of the cycle.
CREATE TABLE initiatives (
    id                  BIGSERIAL PRIMARY KEY,
    org_id              BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    cycle_id            BIGINT REFERENCES cycles (id) ON DELETE SET NULL,
    slug                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    logo_key            TEXT NOT NULL DEFAULT '',
    tagline             TEXT NOT NULL DEFAULT '',
    problem             TEXT NOT NULL DEFAULT '',
    vision_link         TEXT NOT NULL DEFAULT '',
    framework           TEXT NOT NULL DEFAULT '',
    advantages          TEXT NOT NULL DEFAULT '',
    stakeholder_scheme  TEXT NOT NULL DEFAULT '',
    communication_sheet TEXT NOT NULL DEFAULT '',
    expected_results    TEXT NOT NULL DEFAULT '',
    cost_recovery       TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'draft',
    published_at        TIMESTAMP,
    parent_id           BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX initiatives_org ON initiatives (org_id);
CREATE INDEX initiatives_status ON initiatives (status, id);

CREATE TABLE initiative_regions (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    region_code   TEXT NOT NULL REFERENCES regions (code),
    PRIMARY KEY (initiative_id, region_code)
);
CREATE INDEX initiative_regions_code ON initiative_regions (region_code);

CREATE TABLE initiative_assets (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    asset_id      BIGINT NOT NULL REFERENCES cycle_assets (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, asset_id)
);

-- Stages 4 to 7: reviews and decisions; every version is kept.
CREATE TABLE stage_reviews (
    id         BIGSERIAL PRIMARY KEY,
    cycle_id   BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    stage      INTEGER NOT NULL CHECK (stage BETWEEN 4 AND 7),
    summary    TEXT NOT NULL DEFAULT '',
    decision   TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '',
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX stage_reviews_cycle ON stage_reviews (cycle_id, stage, id);
