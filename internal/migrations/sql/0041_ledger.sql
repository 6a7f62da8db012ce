-- The open books: every rupiah in and out of an organisation is one row of
-- an append-only, hash-chained ledger (internal/ledger; the encoding that is
-- hashed is in docs/ledger.md). Rows are only ever inserted: a correction is
-- a reversing entry. seq is gapless per organisation.

CREATE TABLE ledger_entries (
    org_id        BIGINT NOT NULL REFERENCES organizations (id),
    seq           BIGINT NOT NULL CHECK (seq > 0),
    recorded_at   TIMESTAMP NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN
                  ('donation', 'goods', 'expense', 'fee', 'transfer', 'refund', 'reversal')),
    -- Signed rupiah: money in is positive, money out negative.
    amount        BIGINT NOT NULL CHECK (amount <> 0),
    category      TEXT NOT NULL CHECK (category IN
                  ('program', 'operasional', 'biaya_platform', 'cadangan', 'alokasi_surplus', 'zakat_infak')),
    campaign_id   BIGINT REFERENCES campaigns (id),
    initiative_id BIGINT REFERENCES initiatives (id),
    description   TEXT NOT NULL DEFAULT '',
    -- As the supporter chose to be shown; empty for anonymous.
    counterparty  TEXT NOT NULL DEFAULT '',
    receipt_key   TEXT,
    -- What the entry books, e.g. ('donation', 123): booked once per kind.
    source_type   TEXT,
    source_id     BIGINT,
    reverses_seq  BIGINT,
    -- The user who recorded it. No foreign key: the id is part of the
    -- hashed entry and must outlive an erased account.
    recorded_by   BIGINT,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (org_id, seq),
    UNIQUE (source_type, source_id, kind),
    -- An entry is reversed at most once.
    UNIQUE (org_id, reverses_seq),
    FOREIGN KEY (org_id, reverses_seq) REFERENCES ledger_entries (org_id, seq),
    CHECK ((source_type IS NULL) = (source_id IS NULL)),
    CHECK ((kind = 'reversal') = (reverses_seq IS NOT NULL))
);
CREATE INDEX ledger_entries_time ON ledger_entries (org_id, recorded_at);
CREATE INDEX ledger_entries_campaign ON ledger_entries (campaign_id, recorded_at);
CREATE INDEX ledger_entries_initiative ON ledger_entries (initiative_id, recorded_at);

-- Each organisation's chain head. Append locks this row (FOR UPDATE on
-- PostgreSQL; SQLite transactions are already serialised), so appends to
-- one organisation queue while other organisations' appends go on.
CREATE TABLE ledger_heads (
    org_id     BIGINT PRIMARY KEY REFERENCES organizations (id),
    seq        BIGINT NOT NULL CHECK (seq >= 0),
    hash       TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
