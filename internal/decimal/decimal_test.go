package decimal

import "testing"

func TestParseAndString(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "12": "12", "-0.5": "-0.5", "92.345": "92.345", "+3.10": "3.1", ".5": "0.5",
		"100000": "100000", "0.000001": "0.000001", "1.2000000": "1.2",
	} {
		d, err := Parse(in)
		if err != nil || d.String() != want {
			t.Errorf("Parse(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"", "abc", "1e3", "1.2.3", "0.0000001", "--1", "1,5", "十", "99999999999999", ".", "-"} {
		if d, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %s, want an error", bad, d)
		}
	}
}

func TestFixed(t *testing.T) {
	if got := MustParse("2.5").Fixed(2); got != "2.50" {
		t.Errorf("Fixed = %s", got)
	}
	if got := MustParse("-3").Fixed(2); got != "-3.00" {
		t.Errorf("Fixed = %s", got)
	}
}

func TestRounding(t *testing.T) {
	cases := []struct{ a, b, c, want string }{
		{"3", "7.5", "100", "0.23"}, // 0.225 rounds half up
		{"1", "5", "85", "0.06"},    // 0.0588…
		{"1", "17", "85", "0.2"},    // exact
		{"3", "1", "3", "1"},        // exact
		{"1", "1", "3", "0.33"},     // 0.333…
		{"2", "1", "3", "0.67"},     // 0.666…
		{"0.1", "5", "200", "0"},    // 0.0025 rounds down
		{"0.1", "5", "100", "0.01"}, // 0.005 rounds up
		{"1000000", "1000000", "1", "1000000000000"},
	}
	for _, tc := range cases {
		got := MulDivRoundCents(MustParse(tc.a), MustParse(tc.b), MustParse(tc.c))
		if got != MustParse(tc.want) {
			t.Errorf("%s×%s/%s = %s, want %s", tc.a, tc.b, tc.c, got, tc.want)
		}
	}
	for in, want := range map[string]string{"0.125": "0.13", "0.124999": "0.12", "-0.125": "-0.13", "2": "2"} {
		if got := MustParse(in).RoundCents(); got != MustParse(want) {
			t.Errorf("RoundCents(%s) = %s, want %s", in, got, want)
		}
	}
	if (MustParse("0.1") + MustParse("0.2")) != MustParse("0.3") {
		t.Error("0.1 + 0.2 != 0.3")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("1.25")
	f.Add("-0")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %s → %s, %v", s, d, back, err)
		}
	})
}
