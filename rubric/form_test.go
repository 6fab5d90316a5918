package rubric

import (
	"strings"
	"testing"
)

// seedWith is the seed rubric's YAML with old replaced by new once.
func seedWith(t *testing.T, old, new string) []byte {
	t.Helper()
	src := string(DefaultSource())
	if !strings.Contains(src, old) {
		t.Fatalf("the seed has no %q", old)
	}
	return []byte(strings.Replace(src, old, new, 1))
}

// What the format leaves open is refused with the line and column: a
// language kaohe does not speak, a unit holding a bidi control, a title
// that is not UTF-8, an id or version or group id outside the documented
// form.
func TestRubricFormRefusedWithPositions(t *testing.T) {
	cases := map[string]struct {
		old, new, want string
	}{
		"language":        {"language: zh", "language: xx", `x.yaml:8:11: language "xx" is not one kaohe speaks`},
		"bidi unit":       {"[吉首市,", "[吉首\u202e市,", `x.yaml:9:9: unit "吉首\u202e市" contains a text-direction (bidi) control (U+202E at byte 6)`},
		"isolate unit":    {" 泸溪县,", " 泸\u2066溪县,", "x.yaml:9:14: unit"},
		"mark unit":       {" 凤凰县,", " 凤凰县\u200f,", "U+200F"},
		"arabic mark":     {" 花垣县,", " 花\u061c垣县,", "U+061C"},
		"invalid title":   {"title: 县市（区）", "title: 县市\xff（区）", "x.yaml:7:10: not valid UTF-8 text (byte 0xFF)"},
		"id path":         {"id: xiangxi-fangguanfu-county", "id: ../x y", `x.yaml:5:5: rubric id "../x y" may hold only English letters, digits and . - _ (not '.' at byte 0)`},
		"id space":        {"id: xiangxi-fangguanfu-county", "id: xiangxi county", `rubric id "xiangxi county" may hold only`},
		"id chinese":      {"id: xiangxi-fangguanfu-county", "id: 湘西考核", `rubric id "湘西考核" may hold only English letters`},
		"version slash":   {`version: "2021"`, `version: "2021/2"`, `x.yaml:6:10: rubric version "2021/2" may hold only`},
		"group id":        {`id: "3.2.cards"`, `id: "3.2/cards"`, `group id "3.2/cards" may hold only`},
		"U+FFFD in title": {"title: 县市（区）", "title: 县市\ufffd（区）", "x.yaml:7:8: title holds U+FFFD"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("x.yaml", seedWith(t, tc.old, tc.new))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
	// The forms the README shows are accepted; an id is in English letters,
	// as the workbook's 编号 note says.
	for _, tc := range []struct{ old, new string }{
		{"language: zh", "language: en"}, {"language: zh", "language: zh-CN"}, {"language: zh", "language: zh_CN"}, {"language: zh", "language: ZH-Hans"},
		{"id: xiangxi-fangguanfu-county", "id: gov_county.2025"},
	} {
		if _, err := Parse("x.yaml", seedWith(t, tc.old, tc.new)); err != nil {
			t.Errorf("%s: %v", tc.new, err)
		}
	}
}

// A rubric already in a database (checked by Validate when it is read back)
// is not held to the form rules, so a database that stored one before them
// still opens; reading the same rubric from a file refuses it.
func TestStoredRubricsKeepTheirOldForm(t *testing.T) {
	rb := Default()
	rb.ID, rb.Language = "湘西考核", "xx"
	if err := Validate(rb); err != nil {
		t.Errorf("a stored rubric of the old form no longer validates: %v", err)
	}
	if len(CheckForm(rb)) != 2 {
		t.Errorf("CheckForm: %v, want the id and the language", CheckForm(rb))
	}
}
