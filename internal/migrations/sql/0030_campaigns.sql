-- Galang Daya: campaigns of published initiatives, their needs, the
-- organisation's updates and a daily count of public page views.

CREATE TABLE campaigns (
    id                BIGSERIAL PRIMARY KEY,
    initiative_id     BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    org_id            BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    slug              TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    story             TEXT NOT NULL DEFAULT '',
    cover_key         TEXT NOT NULL DEFAULT '',
    starts_at         TIMESTAMP,
    ends_at           TIMESTAMP,
    status            TEXT NOT NULL DEFAULT 'draft',
    scheme            TEXT NOT NULL DEFAULT '',
    pub_permit_number TEXT NOT NULL DEFAULT '',
    pub_permit_issuer TEXT NOT NULL DEFAULT '',
    pub_permit_from   TIMESTAMP,
    pub_permit_until  TIMESTAMP,
    created_by        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    published_at      TIMESTAMP
);
CREATE INDEX campaigns_org ON campaigns (org_id, id);
CREATE INDEX campaigns_initiative ON campaigns (initiative_id);
CREATE INDEX campaigns_status ON campaigns (status, id);

-- target is rupiah (dana), a quantity (barang), slots (relawan) or
-- signatures (advokasi); 0 for keahlian and kemitraan.
CREATE TABLE campaign_needs (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    target        BIGINT NOT NULL DEFAULT 0 CHECK (target >= 0),
    unit          TEXT NOT NULL DEFAULT '',
    item_value    BIGINT CHECK (item_value >= 0),
    skills        TEXT NOT NULL DEFAULT '',
    schedule      TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    petition_text TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX campaign_needs_campaign ON campaign_needs (campaign_id, position);

CREATE TABLE campaign_updates (
    id          BIGSERIAL PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    author      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX campaign_updates_campaign ON campaign_updates (campaign_id, id);

-- Public page views per day (YYYY-MM-DD, UTC), for "visits → supporters".
CREATE TABLE campaign_visits (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    count       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, day)
);
