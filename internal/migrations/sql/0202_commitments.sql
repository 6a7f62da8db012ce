-- Commitments to collect on (menagih janji, internal/commitment): promises
-- a stakeholder made to an organisation at an event or audience, and each
-- time the organisation went back to collect on them. Days are YYYY-MM-DD
-- in the organisation's zone; '' is "not given". The commitment's status is
-- kept equal to its latest follow-up's ('belum' without any), written in
-- the same transaction as the follow-up.
CREATE TABLE commitments (
    id             BIGSERIAL PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    who            TEXT NOT NULL,
    position       TEXT NOT NULL DEFAULT '',
    office         TEXT NOT NULL DEFAULT '',
    -- pemda, dprd, kementerian, desa, akademisi, usaha, media, lainnya
    kind           TEXT NOT NULL,
    -- desa, kecamatan, kabupaten, provinsi, nasional; '' for none
    gov_level      TEXT NOT NULL DEFAULT '',
    what           TEXT NOT NULL,
    made_on        TEXT NOT NULL,
    event_name     TEXT NOT NULL DEFAULT '',
    event_place    TEXT NOT NULL DEFAULT '',
    due_on         TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    evidence_url   TEXT NOT NULL DEFAULT '',
    region_code    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'belum'
                   CHECK (status IN ('belum', 'ditepati', 'sebagian', 'diingkari')),
    next_follow_up TEXT NOT NULL DEFAULT '',
    published      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX commitments_org ON commitments (org_id, made_on);
CREATE INDEX commitments_region ON commitments (region_code);

CREATE TABLE commitment_follow_ups (
    id            BIGSERIAL PRIMARY KEY,
    commitment_id BIGINT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    done_on       TEXT NOT NULL,
    action        TEXT NOT NULL,
    by_whom       TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('belum', 'ditepati', 'sebagian', 'diingkari')),
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX commitment_follow_ups_commitment ON commitment_follow_ups (commitment_id, done_on);
