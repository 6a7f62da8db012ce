-- What money a campaign collects: 'umum' (general funds) or 'zakat_infak'.
-- Zakat and infak money is booked in the ledger's own zakat_infak category
-- and never mixed into other balances.
ALTER TABLE campaigns ADD COLUMN fund TEXT NOT NULL DEFAULT 'umum' CHECK (fund IN ('umum', 'zakat_infak'));
