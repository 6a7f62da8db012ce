-- A new cycle starts its funding table (stage 1) and asset inventory
-- (stage 2) from the previous cycle's. A carried asset remembers the asset
-- and the cycle number it came from; the unique index makes carrying the
-- same asset into the same cycle twice impossible. No foreign key: the
-- carried row lives on its own, whatever happens to the old one.
ALTER TABLE cycle_assets ADD COLUMN carried_from_id BIGINT;
ALTER TABLE cycle_assets ADD COLUMN carried_from_cycle INTEGER;
CREATE UNIQUE INDEX cycle_assets_carried ON cycle_assets (cycle_id, carried_from_id);

ALTER TABLE cycle_funding ADD COLUMN carried_from_cycle INTEGER;
