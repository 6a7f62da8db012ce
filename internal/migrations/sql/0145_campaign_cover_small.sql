-- A phone-sized copy of a campaign's cover (480 pixels at most), for the
-- campaign cards' srcset; '' for covers uploaded before it existed.
ALTER TABLE campaigns ADD COLUMN cover_small_key TEXT NOT NULL DEFAULT '';
