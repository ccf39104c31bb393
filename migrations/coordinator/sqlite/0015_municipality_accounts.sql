-- A municipality's read-only account: a policy officer sees the totals of every organisation in that municipality,
-- always protected and rounded. Such an account has its municipality (CBS code) here. Its `role` column says
-- 'coordinator', because that column's CHECK predates the municipality role and SQLite cannot change a CHECK
-- without rebuilding the table; the coordinator reads an account with a municipality as the municipality role
-- (every query selects `CASE WHEN municipality IS NULL THEN role ELSE 'municipality' END`).
ALTER TABLE accounts ADD COLUMN municipality TEXT;
