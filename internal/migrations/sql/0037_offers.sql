-- Offers of expertise (keahlian) and partnership (kemitraan) to a
-- campaign's need. Anyone may offer, no account needed; the offerer keeps
-- a private link (access_token) to follow the conversation with the
-- organisation. Contacts are never shown publicly.

CREATE TABLE offers (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    -- NULL once the organisation removes the need; need_title keeps what
    -- was sought when the offer came.
    need_id       BIGINT REFERENCES campaign_needs (id) ON DELETE SET NULL,
    need_title    TEXT NOT NULL,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    offerer_kind  TEXT NOT NULL
                  CHECK (offerer_kind IN ('individu', 'pemda', 'swasta', 'komunitas', 'akademisi', 'media')),
    name          TEXT NOT NULL,
    institution   TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT NOT NULL DEFAULT '',
    -- An individual may agree to be named among the partners once agreed.
    show_name     BOOLEAN NOT NULL DEFAULT FALSE,
    lang          TEXT NOT NULL DEFAULT 'id',
    status        TEXT NOT NULL DEFAULT 'baru'
                  CHECK (status IN ('baru', 'dibahas', 'disepakati', 'ditolak')),
    reject_reason TEXT NOT NULL DEFAULT '',
    -- TRUE while the last word is the offerer's: the organisation owes an answer.
    awaiting_org  BOOLEAN NOT NULL DEFAULT TRUE,
    form_token    TEXT NOT NULL UNIQUE,
    access_token  TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    decided_at    TIMESTAMP,
    CHECK (offerer_kind = 'individu' OR institution <> ''),
    CHECK (status <> 'ditolak' OR reject_reason <> '')
);
CREATE INDEX offers_campaign ON offers (campaign_id, need_id, id);
CREATE INDEX offers_need ON offers (need_id, status);
CREATE INDEX offers_org ON offers (org_id, id);

-- The thread of an offer: replies of either side and the organisation's
-- status changes (event names the new status), oldest first by id.
CREATE TABLE offer_messages (
    id          BIGSERIAL PRIMARY KEY,
    offer_id    BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    from_org    BOOLEAN NOT NULL,
    author_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    event       TEXT NOT NULL DEFAULT ''
                CHECK (event IN ('', 'dibahas', 'disepakati', 'ditolak')),
    created_at  TIMESTAMP NOT NULL,
    CHECK (body <> '' OR event <> '')
);
CREATE INDEX offer_messages_offer ON offer_messages (offer_id, id);
