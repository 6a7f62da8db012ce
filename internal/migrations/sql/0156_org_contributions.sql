-- Goods pledges and volunteer sign-ups by organisation. Rebuilding the
-- region figures (after a bulk load, lokadaya generate) sums both per
-- organisation; without these indexes each organisation's sum read the
-- whole table, so the rebuild grew with organisations × contributions
-- (hours at national scale). received is in the index so the goods sum is
-- read from it alone.
CREATE INDEX goods_pledges_org ON goods_pledges (org_id, received);
CREATE INDEX volunteer_signups_org ON volunteer_signups (org_id, id);
