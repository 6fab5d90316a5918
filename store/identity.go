package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Meta keys.
const (
	metaInspector = "inspector"
	metaDevice    = "device"
)

// Identity is who writes from this database: the inspector's name and the
// random device ID fixed when the database was initialised.
type Identity struct {
	Inspector string
	Device    string
	key       ed25519.PrivateKey // signs new revisions; nil: unsigned
}

// Signs reports whether revisions written as id are signed.
func (id Identity) Signs() bool { return id.key != nil }

// ErrNoInspector is returned by writes when no inspector name is set.
var ErrNoInspector error = refusalOf(CodeNoInspector, "no inspector is set for this database")

// Identity returns the stored inspector and device; override, when not
// empty, replaces the stored inspector name (KAOHE_INSPECTOR). The device ID
// is created on first use.
func (s *Store) Identity(override string) (Identity, error) {
	id := Identity{}
	dev, err := s.meta(metaDevice)
	if err != nil {
		return id, err
	}
	if dev == "" {
		dev, err = s.ensureDevice()
		if err != nil {
			return id, err
		}
	}
	id.Device = dev
	if s.keyDir != "" {
		key, err := LoadDeviceKey(s.keyDir)
		if err != nil {
			return id, err
		}
		id.key = key
		id.Device = Fingerprint(key.Public().(ed25519.PublicKey))
	}
	name, err := s.meta(metaInspector)
	if err != nil {
		return id, err
	}
	if strings.TrimSpace(override) != "" {
		if name, err = ValidName("inspector", override); err != nil {
			return id, fmt.Errorf("KAOHE_INSPECTOR: %w", err)
		}
	}
	id.Inspector = name
	return id, nil
}

// SetInspector records the inspector's name for this database (and creates
// the device ID if it has none).
func (s *Store) SetInspector(name string) (Identity, error) {
	name, err := ValidName("inspector name", name)
	if err != nil {
		return Identity{}, err
	}
	if _, err := s.ensureDevice(); err != nil {
		return Identity{}, err
	}
	if _, err := s.db.Exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", metaInspector, name); err != nil {
		return Identity{}, s.writeErr(err)
	}
	return s.Identity("")
}

func (s *Store) ensureDevice() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	if _, err := s.db.Exec("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", metaDevice, hex.EncodeToString(b)); err != nil {
		return "", s.writeErr(err)
	}
	return s.meta(metaDevice)
}

func (s *Store) meta(key string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}
