-- Names of organisations and accounts are unique however they are capitalised, and the database itself enforces
-- it: two requests at once can no longer both pass a check made before the insert. `name_folded` is the name in
-- lower case, written by the coordinator (Unicode-aware). Rows from before get SQLite's lower(), which folds ASCII
-- letters only; should two old names fold alike, the later one keeps its id in its folded name, so this upgrade
-- never fails on old data.
ALTER TABLE organisations ADD COLUMN name_folded TEXT;
UPDATE organisations SET name_folded = lower(name);
UPDATE organisations SET name_folded = name_folded || '#' || id
 WHERE id NOT IN (SELECT min(id) FROM organisations GROUP BY lower(name));
CREATE UNIQUE INDEX organisations_name_folded ON organisations (name_folded);

ALTER TABLE accounts ADD COLUMN name_folded TEXT;
UPDATE accounts SET name_folded = lower(name);
UPDATE accounts SET name_folded = name_folded || '#' || id
 WHERE id NOT IN (SELECT min(id) FROM accounts GROUP BY lower(name));
CREATE UNIQUE INDEX accounts_name_folded ON accounts (name_folded);
