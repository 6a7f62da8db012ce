-- A need's confirmed money (campaign pages, cards and the API add it up for
-- every dana need shown) was a scan of every donation; at national scale
-- (millions of donations) one API page of campaigns took tens of seconds.
-- The amount is in the index so the sum is read from it alone.
CREATE INDEX donations_need ON donations (need_id, status, amount);
