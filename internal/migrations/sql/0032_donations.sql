-- Galang Daya donations. A bank transfer carries a unique code (1–999
-- rupiah) so that its amount tells it apart from every other pending
-- donation to the same account; donation_codes holds exactly those pending
-- amounts, and its primary key is what keeps them unique under concurrency.

CREATE TABLE donations (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    need_id         BIGINT REFERENCES campaign_needs (id) ON DELETE SET NULL,
    org_id          BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    method          TEXT NOT NULL CHECK (method IN ('transfer', 'qris', 'gateway')),
    bank_account_id BIGINT REFERENCES org_bank_accounts (id),
    base_amount     BIGINT NOT NULL CHECK (base_amount > 0),
    -- 0 for methods that need no code.
    unique_code     INTEGER NOT NULL DEFAULT 0 CHECK (unique_code BETWEEN 0 AND 999),
    amount          BIGINT NOT NULL,
    donor_name      TEXT NOT NULL DEFAULT '',
    anonymous       BOOLEAN NOT NULL DEFAULT FALSE,
    message         TEXT NOT NULL DEFAULT '',
    contact_email   TEXT NOT NULL DEFAULT '',
    contact_phone   TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'confirmed', 'rejected', 'expired')),
    -- The one-time token of the form that created it: a repeated submit
    -- finds this row instead of creating another.
    form_token      TEXT NOT NULL UNIQUE,
    created_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    confirmed_at    TIMESTAMP,
    confirmed_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reject_reason   TEXT NOT NULL DEFAULT '',
    CHECK (amount = base_amount + unique_code)
);
CREATE INDEX donations_campaign ON donations (campaign_id, status, id);
CREATE INDEX donations_org ON donations (org_id, status, id);
CREATE INDEX donations_expiry ON donations (status, expires_at);

-- The amounts of pending transfers, one per account: a row is inserted in
-- the transaction that creates the donation and deleted when it is
-- confirmed, rejected or expired, which frees the code.
CREATE TABLE donation_codes (
    bank_account_id BIGINT NOT NULL REFERENCES org_bank_accounts (id) ON DELETE CASCADE,
    amount          BIGINT NOT NULL,
    donation_id     BIGINT NOT NULL UNIQUE REFERENCES donations (id) ON DELETE CASCADE,
    PRIMARY KEY (bank_account_id, amount)
);
