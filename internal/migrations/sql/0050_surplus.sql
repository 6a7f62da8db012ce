-- Stage 6 of the cycle: the surplus of an initiative over a period and the
-- decisions on what to do with it (internal/surplus). Every allocation is
-- booked in the ledger in the same transaction; an allocation to a new
-- initiative creates it with initiatives.parent_id set to the initiative
-- whose surplus it came from (the column exists since 0022).

-- A period of an initiative whose surplus is allocated. The reserve the
-- organisation keeps back is fixed with the period; periods of one
-- initiative never overlap, so no rupiah is allocated twice.
CREATE TABLE surplus_periods (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id),
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id),
    -- Start of the first day and start of the day after the last, in the
    -- organisation's zone, stored in UTC: period_from <= time < period_to.
    period_from   TIMESTAMP NOT NULL,
    period_to     TIMESTAMP NOT NULL,
    reserve       BIGINT NOT NULL CHECK (reserve >= 0),
    created_by    BIGINT,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (initiative_id, period_from, period_to),
    CHECK (period_to > period_from)
);
CREATE INDEX surplus_periods_org ON surplus_periods (org_id, period_from);

-- One decision: an amount of a period's surplus to replication, scale-up,
-- spin-off or reserve, with its reason, and the two ledger entries that
-- book it (out of the initiative, into the target).
CREATE TABLE surplus_allocations (
    id             BIGSERIAL PRIMARY KEY,
    period_id      BIGINT NOT NULL REFERENCES surplus_periods (id),
    org_id         BIGINT NOT NULL REFERENCES organizations (id),
    kind           TEXT NOT NULL CHECK (kind IN ('replikasi', 'perluasan', 'pemisahan', 'cadangan')),
    amount         BIGINT NOT NULL CHECK (amount > 0),
    -- The initiative that receives the money (the initiative itself for
    -- reserve and for scaling itself up).
    target_id      BIGINT NOT NULL REFERENCES initiatives (id),
    -- The target was created by this decision.
    created_target BOOLEAN NOT NULL DEFAULT FALSE,
    rationale      TEXT NOT NULL,
    decided_by     BIGINT,
    decided_name   TEXT NOT NULL DEFAULT '',
    decided_at     TIMESTAMP NOT NULL,
    out_seq        BIGINT NOT NULL,
    in_seq         BIGINT NOT NULL
);
CREATE INDEX surplus_allocations_period ON surplus_allocations (period_id, id);
CREATE INDEX surplus_allocations_target ON surplus_allocations (target_id);
CREATE INDEX initiatives_parent ON initiatives (parent_id);
