-- Galang Daya advocacy: signatures on a campaign's petitions (advokasi
-- needs). A signature counts only once its e-mail is verified through a
-- one-time link; the e-mail is kept trimmed and in lower case, and one
-- e-mail signs once per campaign, whichever of its petitions. Only the
-- SHA-256 of the link's token is kept. Unverified signatures are deleted
-- when their link expires.

CREATE TABLE petition_signatures (
    id               BIGSERIAL PRIMARY KEY,
    campaign_id      BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    need_id          BIGINT NOT NULL REFERENCES campaign_needs (id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    name             TEXT NOT NULL,
    -- The region the signer chose (kabupaten/kota or deeper) and its
    -- kabupaten/kota, by which the organisation counts signatures.
    region_code      TEXT NOT NULL REFERENCES regions (code),
    kab_code         TEXT NOT NULL REFERENCES regions (code),
    comment          TEXT NOT NULL DEFAULT '',
    anonymous        BOOLEAN NOT NULL DEFAULT FALSE,
    -- The signer asked for the campaign's news; recorded as a subscription
    -- only when the e-mail is verified.
    news             BOOLEAN NOT NULL DEFAULT FALSE,
    lang             TEXT NOT NULL DEFAULT 'id',
    token_hash       TEXT NOT NULL UNIQUE,
    token_expires_at TIMESTAMP NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    verified_at      TIMESTAMP,
    UNIQUE (campaign_id, email)
);
CREATE INDEX petition_signatures_need ON petition_signatures (need_id, verified_at);
CREATE INDEX petition_signatures_expiry ON petition_signatures (verified_at, token_expires_at);
