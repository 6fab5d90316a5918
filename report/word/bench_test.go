package word

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// BenchmarkDocuments writes, for 120 signed units with every rule
// recorded (a deduction on most indicators), the xlsx report and, beside
// it in the same run, the 通报 (with its 共性问题) and the 120 反馈意见书:
// each from the report's Build, as kaohe report and kaohe doc do. The documents must take
// at most 2 s.
func BenchmarkDocuments(b *testing.B) {
	states := signedStates(b, 120)
	l := i18n.For("zh")
	b.Run("xlsx", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			r, err := report.Build(states, report.Filter{Period: "2021", Analysis: true}, l, now)
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.WriteXLSX(&buf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("docx=通报+120反馈意见书", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			r, err := report.Build(states, report.Filter{Period: "2021"}, l, now)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := WriteNotice(l, r, states, options, nil); err != nil {
				b.Fatal(err)
			}
			docs, err := WriteUnits(l, Feedback, r, states, options, nil)
			if err != nil || len(docs) != len(states) {
				b.Fatal(err, len(docs))
			}
		}
	})
}

// signedStates is n units of 2021, every rule recorded, each signed.
func signedStates(b testing.TB, n int) []*store.State {
	b.Helper()
	s, id := seed.Store(b)
	rb := rubric.Default()
	full := seed.FullMarks(rb)
	for i := range n {
		a := seed.Assessment(b, s, id, fmt.Sprintf("单位%03d", i), "2021")
		seed.Record(b, s, id, a.ID, full...)
		if _, err := s.Sign(id, a.ID, true); err != nil {
			b.Fatal(err)
		}
	}
	states, err := s.States()
	if err != nil {
		b.Fatal(err)
	}
	return states
}
