-- kaohe schema 2: evidence files (佐证材料), content-addressed.
-- A file's bytes are stored once per database under their SHA-256, in
-- chunks so that they stream in and out with flat memory. Rows are never
-- updated or deleted: a detached attachment keeps its bytes for history.
CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL CHECK (size >= 0),
  chunks INTEGER NOT NULL CHECK (chunks >= 0)
) STRICT;

CREATE TABLE blob_chunk (
  sha256 TEXT NOT NULL REFERENCES blob (sha256) DEFERRABLE INITIALLY DEFERRED,
  seq    INTEGER NOT NULL,
  data   BLOB NOT NULL,
  PRIMARY KEY (sha256, seq)
) STRICT, WITHOUT ROWID;
