-- The supporters' wall of a campaign page shows its latest confirmed
-- donations; ordered by confirmation in the index, the page reads those
-- fifty rows instead of sorting every confirmed donation of the campaign.
CREATE INDEX donations_wall ON donations (campaign_id, status, confirmed_at, id);
