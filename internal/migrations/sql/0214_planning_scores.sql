-- Who takes part in a round's scoring, and for which group: residents
-- (warga), OMS or government (pemerintah). An OMS or government
-- participant speaks through a verified organisation of that kind.
CREATE TABLE planning_participants (
    round_id   BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    grp        TEXT NOT NULL CHECK (grp IN ('warga', 'oms', 'pemerintah')),
    org_id     BIGINT REFERENCES organizations (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (round_id, user_id)
);

-- The proposals a round ranks, entered when scoring opens.
CREATE TABLE planning_entries (
    round_id    BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, proposal_id)
);
CREATE INDEX planning_entries_proposal ON planning_entries (proposal_id);

-- A participant's score (1-5) of a proposal on a criterion, once: the key
-- refuses a second score. The group is copied so that the tally by group
-- stays as scored.
CREATE TABLE planning_scores (
    round_id     BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    proposal_id  BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    criterion_id BIGINT NOT NULL REFERENCES planning_criteria (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    grp          TEXT NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (round_id, proposal_id, criterion_id, user_id)
);
