-- kaohe schema 2: the current state, materialised.
-- head holds, per assessment and subject, the revisions no other revision
-- names as a parent. It is a cache of the revision graph: written in the
-- same transaction as every revision, rebuildable from revision and
-- revision_parent alone, and checked against them by kaohe verify.
CREATE TABLE head (
  assessment_id TEXT NOT NULL,
  subject       TEXT NOT NULL,
  revision_id   TEXT NOT NULL REFERENCES revision (id),
  PRIMARY KEY (assessment_id, subject, revision_id)
) STRICT, WITHOUT ROWID;

INSERT INTO head (assessment_id, subject, revision_id)
  SELECT r.assessment_id, r.subject, r.id FROM revision r
  WHERE NOT EXISTS (SELECT 1 FROM revision_parent p WHERE p.parent_id = r.id);

-- Who wrote to each assessment and how much, for the list: each inspector's
-- first revision clock and revision count. Also a cache of the revisions,
-- kept and checked like head (reading it from the revisions costs as much
-- as reading every head).
CREATE TABLE assessment_inspector (
  assessment_id TEXT NOT NULL,
  inspector     TEXT NOT NULL,
  first_hlc     TEXT NOT NULL,
  revisions     INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, inspector)
) STRICT, WITHOUT ROWID;

INSERT INTO assessment_inspector (assessment_id, inspector, first_hlc, revisions)
  SELECT assessment_id, inspector, min(hlc), count(*) FROM revision GROUP BY assessment_id, inspector;
