-- A settled round's ranked, periodised list: each proposal's rank, its
-- combined score (thousandths of a point on the 1-5 scale), its cost and
-- the year it is planned for now (NULL once it no longer fits the round:
-- it waits for the next round). funded is set when its year's funding was
-- recorded.
CREATE TABLE planning_results (
    round_id     BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    proposal_id  BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    rank         INTEGER NOT NULL,
    score_milli  INTEGER NOT NULL,
    cost         BIGINT NOT NULL,
    planned_year INTEGER,
    first_year   INTEGER,
    funded       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (round_id, proposal_id)
);

-- What happened to a proposal in rounds, oldest first: ranked and planned
-- for a year, funded, or moved forward from one year to the next (to_year
-- NULL: beyond the round) and why.
CREATE TABLE proposal_rank_history (
    id          BIGSERIAL PRIMARY KEY,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    round_id    BIGINT NOT NULL REFERENCES planning_rounds (id) ON DELETE CASCADE,
    event       TEXT NOT NULL CHECK (event IN ('diperingkat', 'didanai', 'dipindah')),
    rank        INTEGER NOT NULL,
    score_milli INTEGER NOT NULL,
    from_year   INTEGER,
    to_year     INTEGER,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX proposal_rank_history_proposal ON proposal_rank_history (proposal_id, id);
