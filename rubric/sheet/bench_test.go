package sheet

import (
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

func BenchmarkWriteSeed(b *testing.B) {
	rb := rubric.Default()
	for b.Loop() {
		if _, err := Write(rb); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSeed(b *testing.B) {
	data, err := Write(rubric.Default())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("指标.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
}
