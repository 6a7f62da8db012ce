-- Expenses (internal/expense): money an organisation spent, recorded by a
-- money manager with its receipt and approved by an owner or admin who is
-- not the person who recorded it (maker–checker). Only an approved expense
-- counts: approval appends its ledger entry in the same transaction, and
-- ledger_seq points at it. An approved expense is never edited; it is
-- corrected by a reversing ledger entry (reversal_seq, reversal_reason).

-- A disaster appeal (bencana) follows its own operational-cost cap.
ALTER TABLE campaigns ADD COLUMN appeal TEXT NOT NULL DEFAULT 'umum' CHECK (appeal IN ('umum', 'bencana'));

CREATE TABLE expenses (
    id              BIGSERIAL PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES organizations (id),
    amount          BIGINT NOT NULL CHECK (amount > 0),
    category        TEXT NOT NULL CHECK (category IN
                    ('program', 'operasional', 'biaya_platform', 'cadangan', 'zakat_infak')),
    campaign_id     BIGINT REFERENCES campaigns (id),
    initiative_id   BIGINT REFERENCES initiatives (id),
    description     TEXT NOT NULL,
    payee           TEXT NOT NULL,
    -- The day the money was spent, YYYY-MM-DD in the organisation's zone.
    spent_on        TEXT NOT NULL,
    receipt_key     TEXT,
    receipt_type    TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan', 'disetujui', 'ditolak')),
    -- Users are named as well as numbered so that the record outlives an
    -- erased account; no foreign key for the same reason.
    recorded_by     BIGINT NOT NULL,
    recorded_name   TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    decided_by      BIGINT,
    decided_name    TEXT NOT NULL DEFAULT '',
    decided_at      TIMESTAMP,
    reject_reason   TEXT NOT NULL DEFAULT '',
    ledger_seq      BIGINT,
    reversal_seq    BIGINT,
    reversal_reason TEXT NOT NULL DEFAULT '',
    CHECK ((status = 'disetujui') = (ledger_seq IS NOT NULL)),
    CHECK (reversal_seq IS NULL OR ledger_seq IS NOT NULL)
);
CREATE INDEX expenses_org ON expenses (org_id, status, created_at);
CREATE INDEX expenses_campaign ON expenses (campaign_id, status);
