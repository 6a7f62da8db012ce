-- The open licence under which an organisation publishes its open data
-- (internal/opendata): CC BY 4.0 unless its owners choose another from the
-- short list of open licences.
ALTER TABLE organizations ADD COLUMN data_licence TEXT NOT NULL DEFAULT 'CC-BY-4.0'
    CHECK (data_licence IN ('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0'));
