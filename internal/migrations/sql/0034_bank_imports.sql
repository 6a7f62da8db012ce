-- Bank-statement imports and transfer proofs.
--
-- A treasurer uploads a bank's CSV statement for one of the organisation's
-- accounts. The file waits in bank_statement_imports as a pending import
-- (its id is random and unguessable) while the preview is shown; nothing
-- else changes until a money manager confirms it. Confirming records every
-- credit line in bank_statement_lines, whose unique constraint per account
-- makes a second import of the same lines change nothing, and confirms the
-- pending donations the lines pay.

CREATE TABLE bank_statement_imports (
    id              TEXT PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    bank_account_id BIGINT NOT NULL REFERENCES org_bank_accounts (id) ON DELETE CASCADE,
    bank            TEXT NOT NULL CHECK (bank IN ('bca', 'bri', 'mandiri')),
    file_name       TEXT NOT NULL DEFAULT '',
    -- The uploaded file while the import is pending; emptied once it is
    -- confirmed, when its credit lines live on in bank_statement_lines.
    content         BYTEA,
    line_count      INTEGER NOT NULL DEFAULT 0,
    credit_count    INTEGER NOT NULL DEFAULT 0,
    -- Proposed matches at upload, then the lines matched at confirmation.
    matched_count   INTEGER NOT NULL DEFAULT 0,
    -- Credit lines this import recorded, and donations it confirmed.
    new_count       INTEGER NOT NULL DEFAULT 0,
    confirmed_count INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
    created_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    confirmed_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    confirmed_by_name TEXT NOT NULL DEFAULT '',
    confirmed_at    TIMESTAMP
);
CREATE INDEX bank_statement_imports_org ON bank_statement_imports (org_id, created_at);

-- Every credit line ever imported into an account, once.
CREATE TABLE bank_statement_lines (
    id              BIGSERIAL PRIMARY KEY,
    bank_account_id BIGINT NOT NULL REFERENCES org_bank_accounts (id) ON DELETE CASCADE,
    fingerprint     TEXT NOT NULL,
    import_id       TEXT NOT NULL REFERENCES bank_statement_imports (id) ON DELETE CASCADE,
    line_number     INTEGER NOT NULL,
    booked_on       TIMESTAMP NOT NULL,
    amount          BIGINT NOT NULL CHECK (amount > 0),
    description     TEXT NOT NULL DEFAULT '',
    -- The donation this line confirmed, if any.
    donation_id     BIGINT REFERENCES donations (id) ON DELETE SET NULL,
    UNIQUE (bank_account_id, fingerprint)
);
CREATE INDEX bank_statement_lines_import ON bank_statement_lines (import_id);

-- The donor's proof of transfer (a picture or a PDF): at most one per
-- donation, the latest upload. The file is private (not under a public
-- media prefix) and is served only to the organisation's money managers.
CREATE TABLE donation_proofs (
    donation_id  BIGINT PRIMARY KEY REFERENCES donations (id) ON DELETE CASCADE,
    blob_key     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    uploaded_at  TIMESTAMP NOT NULL
);
