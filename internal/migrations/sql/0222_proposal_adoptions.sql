-- A proposal (a priority of a planning round, often) taken up by an OMS:
-- as one of its initiatives in its cycle, or as a campaign in Galang Daya.
-- The proposal and the region page show who took it up and what was
-- mobilised through it.
CREATE TABLE proposal_adoptions (
    id            BIGSERIAL PRIMARY KEY,
    proposal_id   BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
    campaign_id   BIGINT REFERENCES campaigns (id) ON DELETE CASCADE,
    adopted_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL,
    CHECK ((initiative_id IS NULL) <> (campaign_id IS NULL))
);
CREATE UNIQUE INDEX proposal_adoptions_initiative ON proposal_adoptions (proposal_id, initiative_id) WHERE initiative_id IS NOT NULL;
CREATE UNIQUE INDEX proposal_adoptions_campaign ON proposal_adoptions (proposal_id, campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX proposal_adoptions_org ON proposal_adoptions (org_id);
