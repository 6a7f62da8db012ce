-- The home page's "ending soon": running campaigns by deadline.
CREATE INDEX campaigns_ending ON campaigns (status, ends_at, id);
