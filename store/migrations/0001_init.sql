-- kaohe schema 1: rubrics, assessments and an append-only revision graph.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- A rubric by its declared id and version; content is the canonical JSON
-- whose SHA-256 is sha256. The same id and version with other content is refused.
CREATE TABLE rubric (
  id      TEXT NOT NULL,
  version TEXT NOT NULL,
  sha256  TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

-- An assessment's id is derived from (rubric id, version, unit, period), so
-- inspectors who start the same unit and period on their own laptops share it.
CREATE TABLE assessment (
  id             TEXT PRIMARY KEY,
  rubric_id      TEXT NOT NULL,
  rubric_version TEXT NOT NULL,
  unit           TEXT NOT NULL,
  period         TEXT NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubric (id, version)
) STRICT;

-- One recorded value. Never updated or deleted: a change is a new revision
-- naming the revisions it supersedes as parents; value NULL retracts.
CREATE TABLE revision (
  id            TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessment (id),
  subject       TEXT NOT NULL,
  value         TEXT,
  note          TEXT NOT NULL DEFAULT '',
  inspector     TEXT NOT NULL,
  device        TEXT NOT NULL,
  hlc           TEXT NOT NULL,
  wall          TEXT NOT NULL,
  hash          TEXT NOT NULL
) STRICT;
CREATE INDEX revision_subject ON revision (assessment_id, subject);
CREATE INDEX revision_hlc ON revision (hlc);

CREATE TABLE revision_parent (
  revision_id TEXT NOT NULL REFERENCES revision (id),
  parent_id   TEXT NOT NULL REFERENCES revision (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (revision_id, parent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX revision_parent_parent ON revision_parent (parent_id);
