package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// DeviceKeyFile is the private key's file name in the key folder.
const DeviceKeyFile = "device.key"

// Fingerprint is a device's ID: the first 16 hex digits of the SHA-256 of
// its Ed25519 public key. No one can write as an existing device without
// its private key.
func Fingerprint(pub ed25519.PublicKey) string {
	h := sha256.Sum256(pub)
	return hex.EncodeToString(h[:8])
}

// LoadDeviceKey reads the device's private key from dir, creating a new key
// pair (file mode 0600, folder 0700) when there is none. The key lives in the
// user's config folder, never in a database and never in a packed copy.
func LoadDeviceKey(dir string) (ed25519.PrivateKey, error) {
	path := filepath.Join(dir, DeviceKeyFile)
	// A named pipe (or a device) in the key's place would be waited on by
	// every command that writes: refuse it at once, as a database is.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (a named pipe, device or folder), not a kaohe device key; move it away and kaohe makes a new one", path)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return createDeviceKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the device key: %w", err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s is not a kaohe device key (PEM PRIVATE KEY); move it away and kaohe makes a new one", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	key, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s holds a key that is not Ed25519", path)
	}
	return key, nil
}

func createDeviceKey(path string) (ed25519.PrivateKey, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for the device key: %w", err)
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	// O_EXCL: two kaohe processes creating a key at once keep the first.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadDeviceKey(filepath.Dir(path))
	}
	if err != nil {
		return nil, fmt.Errorf("cannot write the device key: %w", err)
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return key, nil
}

// signRevision stores rev's signature by key, and key's public half, in
// tx; added reports that the key is new to the database.
func signRevision(tx *sql.Tx, key ed25519.PrivateKey, rev *Revision) (added bool, err error) {
	pub := key.Public().(ed25519.PublicKey)
	res, err := tx.Exec("INSERT OR IGNORE INTO device(id, public_key) VALUES (?, ?)", Fingerprint(pub), []byte(pub))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	sig := ed25519.Sign(key, []byte(rev.Hash))
	_, err = tx.Exec("INSERT INTO revision_signature(revision_id, signature) VALUES (?, ?)", rev.ID, sig)
	return n > 0, err
}

// deviceKeys reads every device's public key.
func deviceKeys(db q) (map[string]ed25519.PublicKey, error) {
	rows, err := db.Query("SELECT id, public_key FROM device")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]ed25519.PublicKey{}
	for rows.Next() {
		var id string
		var pub []byte
		if err := rows.Scan(&id, &pub); err != nil {
			return nil, err
		}
		out[id] = pub
	}
	return out, rows.Err()
}

// signatures reads every revision signature.
func signatures(db q) (map[string][]byte, error) {
	return querySignatures(db, "SELECT revision_id, signature FROM revision_signature")
}

// querySignatures runs a query of (revision ID, signature) rows and maps
// each revision to its signature.
func querySignatures(db q, query string, args ...any) (map[string][]byte, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return scanSignatures(rows)
}

// scanSignatures maps each (revision ID, signature) row to its revision,
// and closes rows.
func scanSignatures(rows *sql.Rows) (map[string][]byte, error) {
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var id string
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return nil, err
		}
		out[id] = sig
	}
	return out, rows.Err()
}

// SignatureProblem is why a revision's signature does not hold, or "" when
// it does; unsigned reports a revision written without a signature by a
// device that has no key (before signing began), which is allowed.
func SignatureProblem(r *Revision, sig []byte, keys map[string]ed25519.PublicKey) (problem string, unsigned bool) {
	pub, hasKey := keys[r.Device]
	switch {
	case sig == nil && !hasKey:
		return "", true
	case sig == nil:
		return fmt.Sprintf("it is unsigned, but device %s signs its revisions (a forgery in that device's name)", r.Device), false
	case !hasKey:
		return fmt.Sprintf("it is signed by device %s, whose public key the file does not hold", r.Device), false
	case len(pub) != ed25519.PublicKeySize || Fingerprint(pub) != r.Device:
		return fmt.Sprintf("device %s's public key does not match its ID", r.Device), false
	case !ed25519.Verify(pub, []byte(r.Hash), sig):
		return "its signature does not verify (edited after signing, or forged)", false
	}
	return "", false
}

// checkDeviceKeys reports the first device whose ID is not its key's
// fingerprint.
func checkDeviceKeys(keys map[string]ed25519.PublicKey) error {
	ids := make([]string, 0, len(keys))
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if pub := keys[id]; len(pub) != ed25519.PublicKeySize || Fingerprint(pub) != id {
			return fmt.Errorf("device %s: its public key does not match its ID", id)
		}
	}
	return nil
}

// Device is one device that contributed to a database.
type Device struct {
	Fingerprint string    `json:"fingerprint"`
	Signed      bool      `json:"signed"` // false: revisions from before signing began
	Names       []string  `json:"names"`
	Revisions   int       `json:"revisions"`
	First       time.Time `json:"first"`
	Last        time.Time `json:"last"`
	// Team is the roster names the lead gave this device (kaohe team add).
	Team []string `json:"team,omitempty"`
}

// Devices lists every device that wrote a revision, in order of first
// revision: its fingerprint, the names it wrote under, how many revisions,
// first and last time.
func (s *Store) Devices() ([]Device, error) {
	keys, err := deviceKeys(s.db)
	if err != nil {
		return nil, err
	}
	roster, err := s.Team()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT device, inspector, count(*), min(wall), max(wall) FROM revision
		GROUP BY device, inspector ORDER BY min(wall)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string]*Device{}
	var order []string
	for rows.Next() {
		var dev, name, first, last string
		var n int
		if err := rows.Scan(&dev, &name, &n, &first, &last); err != nil {
			return nil, err
		}
		d := byID[dev]
		if d == nil {
			_, signed := keys[dev]
			d = &Device{Fingerprint: dev, Signed: signed}
			byID[dev] = d
			order = append(order, dev)
		}
		d.Names = append(d.Names, name)
		d.Revisions += n
		f, _ := time.Parse(timeFormat, first)
		l, _ := time.Parse(timeFormat, last)
		if d.First.IsZero() || f.Before(d.First) {
			d.First = f
		}
		if l.After(d.Last) {
			d.Last = l
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Device, 0, len(order))
	for _, id := range order {
		d := byID[id]
		for _, m := range roster {
			if m.Device == id {
				d.Team = append(d.Team, m.Name)
			}
		}
		out = append(out, *d)
	}
	return out, nil
}

// TeamMember is one line of the lead's roster: a device of a team member,
// with the member's role (RoleLead, or "" for an inspector).
type TeamMember struct {
	Name   string `json:"name"`
	Device string `json:"device"`
	Role   string `json:"role,omitempty"`
}

// RoleLead is the roster role of the team's lead: only a lead's device
// decides appeals.
const RoleLead = "lead"

// AddTeamMember records that device belongs to name, with role (RoleLead
// or "" for an inspector). Adding the line again with another role
// changes its role.
func (s *Store) AddTeamMember(name, device, role string) error {
	if !isFingerprint(device) {
		return refusalOf(CodeBadDevice, "%q is not a device fingerprint (16 hex digits)", device)
	}
	if role != "" && role != RoleLead {
		return invalid("%q is not a role on the roster (lead, or none for an inspector)", role)
	}
	// The name as every other door stores it (trimmed, NFC), so that it
	// matches the names revisions carry.
	name, err := ValidName("inspector", name)
	if err != nil {
		return err
	}
	if _, err := s.db.Exec("INSERT INTO team(name, device, role) VALUES (?, ?, ?) ON CONFLICT(name, device) DO UPDATE SET role = excluded.role", name, device, role); err != nil {
		return s.writeErr(err)
	}
	return nil
}

// Team returns the roster, by name then device.
func (s *Store) Team() ([]TeamMember, error) {
	rows, err := s.db.Query("SELECT name, device, role FROM team ORDER BY name, device")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TeamMember
	for rows.Next() {
		var m TeamMember
		if err := rows.Scan(&m.Name, &m.Device, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// isLead reports whether the roster lists device as a lead's.
func isLead(db q, device string) (bool, error) {
	var n int
	err := db.QueryRow("SELECT count(*) FROM team WHERE device = ? AND role = ?", device, RoleLead).Scan(&n)
	return n > 0, err
}

// OffRoster lists revisions whose inspector name is on the roster but whose
// device is not on it for that name: someone writing under a team member's
// name from another laptop. Empty when there is no roster.
func (s *Store) OffRoster() ([]*Revision, error) {
	// Only what the roster names and does not give its device; the whole
	// history is not read for it.
	return loadRevisions(s.db, `WHERE r.inspector IN (SELECT name FROM team)
		AND NOT EXISTS (SELECT 1 FROM team t WHERE t.name = r.inspector AND t.device = r.device)
		ORDER BY r.hlc`)
}

// isFingerprint reports whether s is a device ID as kaohe writes it: 16
// lowercase hex digits.
func isFingerprint(s string) bool {
	return isLowerHex(s, 16)
}
