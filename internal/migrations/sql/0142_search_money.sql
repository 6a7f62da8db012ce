-- The search index refreshes the money figures (and the "most needed"
-- order) of campaigns whose donations were confirmed since its last look;
-- this index finds them without reading every donation.
CREATE INDEX donations_confirmed_at ON donations (confirmed_at);
