-- Goods handed out to the people served (internal/distribution): what, how
-- many, where and when, linked to the open books by the approved expense
-- that bought the goods or the goods receipt that brought them in. The
-- campaign and initiative are copied from that link so public reports can
-- be narrowed to them.
CREATE TABLE distributions (
    id               BIGSERIAL PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    expense_id       BIGINT REFERENCES expenses (id),
    goods_receipt_id BIGINT REFERENCES goods_receipts (id),
    campaign_id      BIGINT REFERENCES campaigns (id) ON DELETE SET NULL,
    initiative_id    BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
    item             TEXT NOT NULL,
    unit             TEXT NOT NULL DEFAULT '',
    quantity         BIGINT NOT NULL CHECK (quantity > 0),
    place            TEXT NOT NULL,
    -- The day handed out, YYYY-MM-DD in the organisation's zone.
    distributed_on   TEXT NOT NULL,
    recorded_by      BIGINT NOT NULL,
    recorded_name    TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL,
    CHECK ((expense_id IS NULL) <> (goods_receipt_id IS NULL))
);
CREATE INDEX distributions_org ON distributions (org_id, distributed_on);
CREATE INDEX distributions_expense ON distributions (expense_id);

-- Who received a share: a household or person (penerima) or a group whose
-- RT/RW head confirms for it (kelompok). The label is a marker staff
-- choose ("Rumah 4", "RT 03/RW 05"), shown only to staff and to whoever
-- holds the slip. The code is printed on the slip, as text and as a QR
-- code, and confirms once: confirmed_at is set once and never cleared.
CREATE TABLE distribution_recipients (
    id              BIGSERIAL PRIMARY KEY,
    distribution_id BIGINT NOT NULL REFERENCES distributions (id) ON DELETE CASCADE,
    label           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('penerima', 'kelompok')),
    quantity        BIGINT NOT NULL CHECK (quantity > 0),
    code            TEXT NOT NULL UNIQUE,
    confirmed_at    TIMESTAMP,
    -- How: 'qr' (the slip's QR page) or 'kode' (the code typed in).
    confirmed_via   TEXT NOT NULL DEFAULT '' CHECK (confirmed_via IN ('', 'qr', 'kode')),
    -- Who confirmed: the recipient, or the head of the RT or RW for a group.
    confirmer       TEXT NOT NULL DEFAULT '' CHECK (confirmer IN ('', 'penerima', 'ketua_rt', 'ketua_rw')),
    -- How many the recipient says arrived (at most the share).
    received        BIGINT CHECK (received IS NULL OR (received >= 0 AND received <= quantity)),
    note            TEXT NOT NULL DEFAULT '',
    CHECK ((confirmed_at IS NULL) = (received IS NULL))
);
CREATE INDEX distribution_recipients_distribution ON distribution_recipients (distribution_id, id);
