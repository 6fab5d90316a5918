-- kaohe schema 4: a role on the lead's roster. A device listed with the
-- role 'lead' may decide appeals; '' is an inspector. Local like the roster.
ALTER TABLE team ADD COLUMN role TEXT NOT NULL DEFAULT '';
