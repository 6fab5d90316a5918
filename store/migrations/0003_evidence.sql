-- kaohe schema 3: evidence files (佐证材料), content-addressed, and
-- signed revisions.
-- A file's bytes are stored once per database under their SHA-256, in
-- chunks so that they stream in and out with flat memory. Rows are never
-- updated or deleted: a detached attachment keeps its bytes for history.
CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL CHECK (size >= 0),
  chunks INTEGER NOT NULL CHECK (chunks >= 0)
) STRICT;

-- A rowid table (not WITHOUT ROWID): its megabyte rows go to overflow pages
-- that inserting and seeking never read; the index holds only the key.
CREATE TABLE blob_chunk (
  sha256 TEXT NOT NULL REFERENCES blob (sha256) DEFERRABLE INITIALLY DEFERRED,
  seq    INTEGER NOT NULL,
  data   BLOB NOT NULL,
  PRIMARY KEY (sha256, seq)
) STRICT;

-- Devices are their keys: a device's ID is the first 16 hex digits of the
-- SHA-256 of its Ed25519 public key. The private key never enters a
-- database; the public key travels with the revisions it signed.
CREATE TABLE device (
  id         TEXT PRIMARY KEY,
  public_key BLOB NOT NULL
) STRICT;

-- A revision's signature: Ed25519 over its content hash (the hex text), by
-- the key of its device. Revisions written before signing began have none.
CREATE TABLE revision_signature (
  revision_id TEXT PRIMARY KEY REFERENCES revision (id) DEFERRABLE INITIALLY DEFERRED,
  signature   BLOB NOT NULL
) STRICT;

-- The lead's roster: which devices belong to which inspector. Local to
-- this database (a lead's judgement, not merged).
CREATE TABLE team (
  name   TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (name, device)
) STRICT;

-- Who created an assessment on this laptop (creating writes no revision, so
-- that inspectors' files never disagree about it): the list shows the
-- creator as inspector before the first value. Local, never merged.
CREATE TABLE assessment_creator (
  assessment_id TEXT PRIMARY KEY,
  inspector     TEXT NOT NULL
) STRICT;
