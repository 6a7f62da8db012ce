-- Donations paid through a payment gateway. The donation itself stays in
-- donations (method 'gateway', no unique code); its payment at the gateway
-- is kept beside it, because the gateway has states of its own that the
-- donations.status CHECK does not know (and SQLite cannot alter a CHECK):
--
--   new        stored here, no transaction at the gateway yet (or it could
--              not be created: the donation is then rejected and never counts)
--   pending    the payer has a payment page; nothing paid yet
--   paid       money received: the donation is confirmed, counted once
--   failed, cancelled, expired
--              no money: the donation is rejected or expired
--   refunded   paid, then given back: the donation moves from confirmed to
--              rejected, so that every sum of confirmed money drops it
--
-- The order id sent to the gateway is the donation id.

CREATE TABLE donation_payments (
    donation_id    BIGINT PRIMARY KEY REFERENCES donations (id) ON DELETE CASCADE,
    provider       TEXT NOT NULL,
    state          TEXT NOT NULL DEFAULT 'new'
                   CHECK (state IN ('new', 'pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded')),
    token          TEXT NOT NULL DEFAULT '',
    payment_url    TEXT NOT NULL DEFAULT '',
    transaction_id TEXT NOT NULL DEFAULT '',
    payment_type   TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

-- Every signed notification received, with what it did: applied (moved the
-- payment), ignored (a repeat, or out of order) or refused (its amount did
-- not match the donation). Notifications whose signature fails are not
-- stored.
CREATE TABLE payment_notifications (
    id                 BIGSERIAL PRIMARY KEY,
    provider           TEXT NOT NULL,
    order_id           TEXT NOT NULL,
    donation_id        BIGINT REFERENCES donations (id) ON DELETE CASCADE,
    transaction_status TEXT NOT NULL,
    status_code        TEXT NOT NULL,
    gross_amount       BIGINT NOT NULL,
    state              TEXT NOT NULL,
    outcome            TEXT NOT NULL CHECK (outcome IN ('applied', 'ignored', 'refused')),
    received_at        TIMESTAMP NOT NULL
);
CREATE INDEX payment_notifications_donation ON payment_notifications (donation_id, id);
