-- Goods and facilities pledged to a campaign's barang needs. A pledge is a
-- promise of a quantity with a delivery plan; the organisation records what
-- arrives, in one or more receipts, and `received` is their running sum.
-- The CHECK on `received` is the last guard against counting more than
-- was pledged; the store's conditional UPDATE is the first.
-- The item and its unit are copied from the need, so a pledge keeps its
-- meaning if the need is later removed (need_id then becomes NULL).

CREATE TABLE goods_pledges (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    need_id       BIGINT REFERENCES campaign_needs (id) ON DELETE SET NULL,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    item          TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    quantity      BIGINT NOT NULL CHECK (quantity > 0),
    received      BIGINT NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= quantity),
    delivery      TEXT NOT NULL CHECK (delivery IN ('antar', 'jemput', 'ekspedisi')),
    -- YYYY-MM-DD in the pledger's reckoning, '' when not given.
    expected_on   TEXT NOT NULL DEFAULT '',
    delivery_note TEXT NOT NULL DEFAULT '',
    pledger_name  TEXT NOT NULL DEFAULT '',
    anonymous     BOOLEAN NOT NULL DEFAULT FALSE,
    message       TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    -- The language of the page used, for the e-mails that follow.
    lang          TEXT NOT NULL DEFAULT 'id',
    status        TEXT NOT NULL DEFAULT 'pledged'
                  CHECK (status IN ('pledged', 'partial', 'received', 'cancelled')),
    -- The one-time token of the form that created it: a repeated submit
    -- finds this row instead of creating another. It is also the pledger's
    -- private link to the pledge.
    form_token    TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    cancelled_at  TIMESTAMP,
    cancelled_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    cancel_reason TEXT NOT NULL DEFAULT '',
    CHECK (contact_email <> '' OR contact_phone <> ''),
    CHECK (status <> 'received' OR received = quantity),
    CHECK (status <> 'pledged' OR received = 0)
);
CREATE INDEX goods_pledges_need ON goods_pledges (need_id, status);
CREATE INDEX goods_pledges_campaign ON goods_pledges (campaign_id, id);

-- Each time goods arrive: how many, on which day, recorded by whom.
CREATE TABLE goods_receipts (
    id          BIGSERIAL PRIMARY KEY,
    pledge_id   BIGINT NOT NULL REFERENCES goods_pledges (id) ON DELETE CASCADE,
    quantity    BIGINT NOT NULL CHECK (quantity > 0),
    received_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Copied so the record survives the account's deletion.
    recorder    TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX goods_receipts_pledge ON goods_receipts (pledge_id, id);
