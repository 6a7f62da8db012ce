-- Where an organisation receives money: its bank accounts for transfers and
-- its static QRIS. Donations (a later migration) point at these rows.

CREATE TABLE org_bank_accounts (
    id             BIGSERIAL PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    bank           TEXT NOT NULL CHECK (bank IN ('bca', 'bri', 'mandiri', 'bni', 'bsi', 'lainnya')),
    account_number TEXT NOT NULL CHECK (length(account_number) BETWEEN 6 AND 20),
    account_name   TEXT NOT NULL,
    -- An account is deactivated, never deleted, so that past donations
    -- keep the account they were sent to.
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX org_bank_accounts_org ON org_bank_accounts (org_id);
-- The same account cannot be listed twice while active.
CREATE UNIQUE INDEX org_bank_accounts_active ON org_bank_accounts (org_id, bank, account_number) WHERE active;

-- One static QRIS per organisation. The merchant name and NMID are copied
-- from the payload when it is saved; donations may use the code only once a
-- money manager has confirmed that they are the organisation's own.
CREATE TABLE org_qris (
    org_id        BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    payload       TEXT NOT NULL,
    merchant_name TEXT NOT NULL,
    nmid          TEXT NOT NULL DEFAULT '',
    confirmed_at  TIMESTAMP,
    confirmed_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at    TIMESTAMP NOT NULL
);
