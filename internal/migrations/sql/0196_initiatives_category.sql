-- The public initiative lists filtered by a category (/inisiatif?kategori=,
-- the initiatives API) walk that category's published initiatives, newest
-- first, from this index; walking every published initiative and reading
-- each row for its category cost some 4,000 rows for one page of a
-- province's education initiatives at national scale. The category comes
-- first so that the lists without one keep walking initiatives_status
-- (status, id) in order: led by status, this index would tempt SQLite to
-- read every published initiative and sort them.
CREATE INDEX initiatives_category ON initiatives (category, status, id);
