package sheet

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/xuri/excelize/v2"
	"pgregory.net/rapid"
)

// readUnchecked reads a workbook without validating the rubric, returning
// the reading errors only.
func readUnchecked(t *rapid.T, data []byte) (*rubric.Rubric, []cellError) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := &reader{f: f, name: "x.xlsx", at: map[string]place{}, taken: map[place]bool{}}
	return r.read(), r.errs
}

func text(t *rapid.T, label string) string {
	alphabet := []rune("a Z0 　\n\t“”（）'\"=<>&;，。分扣考核")
	return rapid.StringOfN(rapid.SampledFrom(alphabet), 0, 12, -1).Draw(t, label)
}

func optNum(t *rapid.T, label string) *decimal.Dec {
	if !rapid.Bool().Draw(t, label+"?") {
		return nil
	}
	d := decimal.Dec(rapid.Int64Range(-int64(decimal.Max), int64(decimal.Max)).Draw(t, label))
	return &d
}

// Whatever the words and numbers of a rubric, the workbook carries them
// exactly: a seed whose texts and numbers are replaced at random comes back
// from its workbook field for field (valid or not: this is the layout, not
// the validator), the rubric language's grades, penalty categories, bands,
// ranges and figures included.
func TestWorkbookCarriesEveryField(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rb := rubric.Default()
		// Category 3 has a group, 7 is a bonus category; fewer rows keep
		// each check fast.
		rb.Categories = []rubric.Category{rb.Categories[2], rb.Categories[6]}
		rb.Title = text(t, "title")
		rb.Grades = nil
		for range rapid.IntRange(0, 4).Draw(t, "grades") {
			// A grade has a name (the validator refuses one without); a
			// row with neither name nor min is a blank row of the sheet.
			name := text(t, "grade") + rapid.SampledFrom([]string{"优秀", "良好", "A"}).Draw(t, "grade name")
			rb.Grades = append(rb.Grades, rubric.Grade{Name: name, Min: optNum(t, "grade min")})
		}
		for ci := range rb.Categories {
			c := &rb.Categories[ci]
			c.Title = text(t, "cat title")
			c.Points = decimal.Dec(rapid.Int64Range(0, int64(decimal.Max)).Draw(t, "cat points"))
			c.Bonus = rapid.Bool().Draw(t, "bonus")
			c.Penalty, c.Cap = rapid.Bool().Draw(t, "penalty"), optNum(t, "cat cap")
			for ii := range c.Indicators {
				ind := &c.Indicators[ii]
				ind.Content = text(t, "content")
				ind.Standard = text(t, "standard")
				ind.Cap = optNum(t, "ind cap")
				for ri := range ind.Rules {
					r := &ind.Rules[ri]
					r.Kind = rapid.SampledFrom(rubric.Kinds()).Draw(t, "kind")
					r.Label, r.Clause, r.Review = text(t, "label"), text(t, "clause"), text(t, "review")
					r.Amount, r.Cap, r.Target = optNum(t, "amount"), optNum(t, "cap"), optNum(t, "target")
					r.Step, r.Full, r.MaxValue = optNum(t, "step"), optNum(t, "full"), optNum(t, "max")
					r.Limit, r.From, r.To, r.Points = optNum(t, "limit"), optNum(t, "from"), optNum(t, "to"), optNum(t, "points")
					if lo, hi := optNum(t, "range lo"), optNum(t, "range hi"); lo != nil && hi != nil {
						r.Range = []decimal.Dec{*lo, *hi}
					}
					r.PerItem = rapid.Bool().Draw(t, "per_item")
					r.Bands = nil
					for range rapid.IntRange(0, 3).Draw(t, "bands") {
						b := rubric.ScoreBand{Min: optNum(t, "band min"), Points: decimal.Dec(rapid.Int64Range(-int64(decimal.Max), int64(decimal.Max)).Draw(t, "band points"))}
						if rapid.Bool().Draw(t, "labelled") {
							b.Label = text(t, "band label")
						}
						r.Bands = append(r.Bands, b)
					}
				}
			}
		}
		data, err := Write(rb)
		if err != nil {
			t.Fatal(err)
		}
		back, errs := readUnchecked(t, data)
		if len(errs) > 0 {
			t.Fatalf("reading errors: %+v", errs)
		}
		want, _ := json.Marshal(rb)
		got, _ := json.Marshal(back)
		if !bytes.Equal(got, want) {
			t.Fatalf("the workbook changed the rubric:\n got %s\nwant %s", got, want)
		}
	})
}
