-- Who supports a proposal: a person (org_id NULL), at most once per
-- proposal, or an OMS through one of its members, at most once per
-- organisation per proposal.
CREATE TABLE proposal_supports (
    id          BIGSERIAL PRIMARY KEY,
    proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     BIGINT REFERENCES users (id) ON DELETE CASCADE,
    org_id      BIGINT REFERENCES organizations (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX proposal_supports_person ON proposal_supports (proposal_id, user_id) WHERE org_id IS NULL;
CREATE UNIQUE INDEX proposal_supports_org ON proposal_supports (proposal_id, org_id) WHERE org_id IS NOT NULL;
CREATE INDEX proposal_supports_user ON proposal_supports (user_id);
