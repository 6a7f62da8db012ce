-- An organisation is an actor of a kind: an OMS (the default, and every
-- organisation before this), a government unit (OPD/SKPD, a kecamatan, a
-- desa/kelurahan office, a DPRD) or another stakeholder (business,
-- academia, media, a residents' group such as an RT/RW). All are verified
-- by a hub coordinator or admin alike; only an OMS runs the cycle and
-- Galang Daya.
ALTER TABLE organizations ADD COLUMN kind TEXT NOT NULL DEFAULT 'oms';
CREATE INDEX organizations_kind ON organizations (kind, region_code);
