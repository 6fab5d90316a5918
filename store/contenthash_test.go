package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// contentHashByReflection is ContentHash as first written, through
// encoding/json: every hash already stored in a file was made this way.
func contentHashByReflection(r *Revision) string {
	parents := append([]string(nil), r.Parents...)
	sort.Strings(parents)
	doc := struct {
		ID, Assessment, Subject string
		Value                   *string
		Note, Inspector, Device string
		HLC, Wall               string
		Parents                 []string
	}{r.ID, r.Assessment, r.Subject, r.Value, r.Note, r.Inspector, r.Device, r.HLC,
		r.Wall.UTC().Format(time.RFC3339Nano), parents}
	b, _ := json.Marshal(doc)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Any valid UTF-8 text (HTML characters, control characters, quotes,
// U+2028, U+FFFD itself) hashes as the JSON document always did, so no
// stored hash of text kaohe accepts stops matching.
func TestContentHashIsTheJSONDocument(t *testing.T) {
	// Strings drawn from runes that JSON treats specially, mixed with
	// plain ones.
	special := rapid.SampledFrom([]string{"<", ">", "&", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "é", "吉首市", "🙂", "a", " ", "/", "\ufffd"})
	text := rapid.Custom(func(t *rapid.T) string {
		var s string
		for range rapid.IntRange(0, 12).Draw(t, "pieces") {
			if rapid.Bool().Draw(t, "plain") {
				s += rapid.String().Draw(t, "plain text")
			} else {
				s += special.Draw(t, "special")
			}
		}
		return s
	})
	rapid.Check(t, func(t *rapid.T) {
		r := &Revision{ID: text.Draw(t, "id"), Assessment: text.Draw(t, "assessment"), Subject: text.Draw(t, "subject"),
			Note: text.Draw(t, "note"), Inspector: text.Draw(t, "inspector"), Device: text.Draw(t, "device"), HLC: text.Draw(t, "hlc"),
			Wall: time.UnixMilli(rapid.Int64Range(-1e13, 1e14).Draw(t, "wall")).In(time.FixedZone("x", rapid.IntRange(-50000, 50000).Draw(t, "zone")))}
		if rapid.Bool().Draw(t, "has value") {
			v := text.Draw(t, "value")
			r.Value = &v
		}
		r.Parents = rapid.SliceOfN(text, 0, 4).Draw(t, "parents")
		if rapid.Bool().Draw(t, "long note") {
			// Longer than the buffer the document is written into when
			// it fits.
			r.Note += strings.Repeat("长", rapid.IntRange(250, 2000).Draw(t, "long"))
		}
		want := contentHashByReflection(r)
		if got := r.ContentHash(); got != want {
			t.Fatalf("ContentHash %s, the JSON document's %s", got, want)
		}
		r.Hash = want
		if !r.HoldsContentHash() {
			t.Fatal("HoldsContentHash refuses the revision's own hash")
		}
		r.Hash = strings.ToUpper(want)
		if r.HoldsContentHash() {
			t.Fatal("HoldsContentHash takes a hash in other letters")
		}
		last := "0"
		if want[63] == '0' {
			last = "1"
		}
		r.Hash = want[:63] + last
		if r.HoldsContentHash() {
			t.Fatal("HoldsContentHash takes a hash with its last digit changed")
		}
	})
}

// Bytes that are not UTF-8 (which no door lets in) are hashed as they are:
// changing one changes the hash, where encoding/json would read each as
// U+FFFD and hash them all the same.
func TestContentHashOfInvalidBytes(t *testing.T) {
	notes := []string{"坏\xff", "坏\xfe", "坏\xc3", "坏\ufffd", "坏"}
	seen := map[string]string{}
	for _, n := range notes {
		r := &Revision{ID: "x", Note: n, Wall: time.UnixMilli(0)}
		h := r.ContentHash()
		if other, dup := seen[h]; dup {
			t.Fatalf("notes %q and %q hash the same", other, n)
		}
		seen[h] = n
	}
}

// BenchmarkContentHash is one revision of a typical merge.
func BenchmarkContentHash(b *testing.B) {
	v := `"3"`
	r := &Revision{ID: "0b7c8e52-3f0e-4e43-9d1a-6c4f2f5f8a11", Assessment: "8e3cc4a5d625188236cfd9a450199923", Subject: "1.2.a", Value: &v,
		Note: "抽查三份档案", Inspector: "张三", Device: "5f0c1d2e3a4b5c6d", HLC: "0000018c2b3a4d5e-0000", Wall: time.UnixMilli(1700000000000),
		Parents: []string{"1d2c3b4a-0000-4000-8000-000000000000"}}
	for b.Loop() {
		r.ContentHash()
	}
}
