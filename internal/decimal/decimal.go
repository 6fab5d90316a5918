// Package decimal is kaohe's exact number type: a fixed-point decimal with six
// fractional digits held in an int64. Every figure between a recorded value and
// a printed score is a Dec; no float64 is ever involved.
package decimal

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Scale is the number of units in 1: a Dec holds value × Scale.
const Scale = 1_000_000

// FracDigits is the number of fractional digits a Dec keeps exactly.
const FracDigits = 6

// Max is the largest magnitude a parsed Dec may have, far above any figure a
// rubric or an inspector deals in, and small enough that products of a count
// and an amount cannot overflow.
const Max = Dec(1_000_000_000_000 * Scale)

// Cent is 0.01, the unit every score is rounded to.
const Cent = Dec(Scale / 100)

// Dec is an exact decimal number: the value is int64(d) / Scale.
type Dec int64

// Zero is 0.
const Zero Dec = 0

// FromInt returns the Dec equal to n.
func FromInt(n int64) Dec { return Dec(n * Scale) }

// ErrSyntax is wrapped by every Parse error about malformed text (as opposed
// to a well-formed number that is too large or too precise).
var ErrSyntax = errors.New("not a decimal number")

// Fault is what is wrong with a text Parse refuses.
type Fault int

// The faults Parse names.
const (
	Syntax     Fault = iota + 1 // not a decimal number at all
	TooLarge                    // a magnitude above Max
	TooPrecise                  // more than FracDigits fractional digits
)

// ParseError says why a text is not a Dec, as data: the text as given and
// the fault, so a caller can word it (or quote only its reason) without
// taking the message apart.
type ParseError struct {
	Text  string
	Fault Fault
}

// Reason is the message without the quoted text: "is too large (at most …)".
func (e *ParseError) Reason() string {
	switch e.Fault {
	case TooLarge:
		return fmt.Sprintf("is too large (at most %s)", Max)
	case TooPrecise:
		return fmt.Sprintf("has more than %d decimal places", FracDigits)
	}
	return "is " + ErrSyntax.Error()
}

// Error is the text quoted, then the reason.
func (e *ParseError) Error() string { return fmt.Sprintf("%q %s", e.Text, e.Reason()) }

// Unwrap is ErrSyntax for text that is not a number at all.
func (e *ParseError) Unwrap() error {
	if e.Fault == Syntax {
		return ErrSyntax
	}
	return nil
}

// TooLargeError is the error for a figure, as typed, that is above Max.
func TooLargeError(text string) error { return &ParseError{Text: text, Fault: TooLarge} }

// Parse reads a plain decimal number such as "12", "-0.5" or "92.345". It
// rejects exponents, more than six fractional digits, and magnitudes above Max,
// each with a message a user can act on; its error is a *ParseError.
func Parse(s string) (Dec, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, &ParseError{Text: s, Fault: Syntax}
	}
	neg := false
	switch t[0] {
	case '-':
		neg, t = true, t[1:]
	case '+':
		t = t[1:]
	}
	intPart, fracPart, hasDot := strings.Cut(t, ".")
	if intPart == "" && (!hasDot || fracPart == "") {
		return 0, &ParseError{Text: s, Fault: Syntax}
	}
	var v int64
	for _, c := range intPart {
		if c < '0' || c > '9' {
			return 0, &ParseError{Text: s, Fault: Syntax}
		}
		if v > int64(Max)/Scale {
			return 0, &ParseError{Text: s, Fault: TooLarge}
		}
		v = v*10 + int64(c-'0')
	}
	if hasDot && fracPart == "" && intPart == "" {
		return 0, &ParseError{Text: s, Fault: Syntax}
	}
	if len(fracPart) > FracDigits {
		trimmed := strings.TrimRight(fracPart, "0")
		if len(trimmed) > FracDigits {
			return 0, &ParseError{Text: s, Fault: TooPrecise}
		}
		fracPart = trimmed
	}
	var f int64
	for i := 0; i < FracDigits; i++ {
		f *= 10
		if i < len(fracPart) {
			c := fracPart[i]
			if c < '0' || c > '9' {
				return 0, &ParseError{Text: s, Fault: Syntax}
			}
			f += int64(c - '0')
		}
	}
	if v > int64(Max)/Scale {
		return 0, &ParseError{Text: s, Fault: TooLarge}
	}
	d := Dec(v*Scale + f)
	if d > Max {
		return 0, &ParseError{Text: s, Fault: TooLarge}
	}
	if neg {
		d = -d
	}
	return d, nil
}

// MustParse is Parse for constants in code and tests; it panics on bad input.
func MustParse(s string) Dec {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// String prints the shortest exact form: 1, 0.5, 92.345, -3.
func (d Dec) String() string {
	neg := d < 0
	u := uint64(d)
	if neg {
		u = uint64(-d)
	}
	ip, fp := u/Scale, u%Scale
	s := fmt.Sprintf("%d", ip)
	if fp != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%06d", fp), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Fixed prints d with exactly n fractional digits (0 ≤ n ≤ 6), truncating
// nothing: callers print scores, which are whole cents, with n = 2.
func (d Dec) Fixed(n int) string {
	s := d.String()
	ip, fp, _ := strings.Cut(s, ".")
	if len(fp) > n {
		return s
	}
	if n == 0 {
		return ip
	}
	return ip + "." + fp + strings.Repeat("0", n-len(fp))
}

// MarshalJSON writes d as a JSON number.
func (d Dec) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number without passing through float64.
func (d *Dec) UnmarshalJSON(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// IsInt reports whether d is a whole number.
func (d Dec) IsInt() bool { return d%Scale == 0 }

// IntPart returns the whole part of d, truncated toward zero.
func (d Dec) IntPart() int64 { return int64(d) / Scale }

// IsCents reports whether d is a whole number of cents (at most two decimals).
func (d Dec) IsCents() bool { return d%Cent == 0 }

// Neg returns −d.
func (d Dec) Neg() Dec { return -d }

// Min returns the smaller of a and b.
func Min(a, b Dec) Dec {
	if a < b {
		return a
	}
	return b
}

// Max2 returns the larger of a and b.
func Max2(a, b Dec) Dec {
	if a > b {
		return a
	}
	return b
}

// MulInt returns d × n, saturating at the int64 range (never reached for the
// bounded figures kaohe accepts).
func (d Dec) MulInt(n int64) Dec {
	hi, lo := bits.Mul64(uint64(abs(int64(d))), uint64(abs(n)))
	if hi != 0 || lo > math.MaxInt64 {
		if (d < 0) != (n < 0) {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	r := int64(lo)
	if (d < 0) != (n < 0) {
		r = -r
	}
	return Dec(r)
}

// FloorDiv returns ⌊a / b⌋ as a whole number, for a ≥ 0 and b > 0.
func FloorDiv(a, b Dec) int64 {
	if b <= 0 || a < 0 {
		panic("decimal: FloorDiv needs a ≥ 0 and b > 0")
	}
	return int64(a) / int64(b)
}

// MulDivRoundCents returns a × b / c rounded half-up to a whole number of
// cents, exactly, for a, b ≥ 0 and c > 0. It is the one place where a
// proportional deduction (a cap or the points times a fraction) is computed.
func MulDivRoundCents(a, b, c Dec) Dec {
	if a < 0 || b < 0 || c <= 0 {
		panic("decimal: MulDivRoundCents needs a, b ≥ 0 and c > 0")
	}
	// a×b/c is in units of Scale; in cents it is a×b / (c×Cent), rounded.
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	chi, den := bits.Mul64(uint64(c), uint64(Cent))
	if chi == 0 && hi < den {
		q, r := bits.Div64(hi, lo, den)
		if r >= den-r {
			q++
		}
		if q <= math.MaxInt64/uint64(Cent) {
			return Dec(q) * Cent
		}
	}
	// Out of the 128/64-bit fast path: do it in big integers.
	num := new(big.Int).Mul(big.NewInt(int64(a)), big.NewInt(int64(b)))
	d := new(big.Int).Mul(big.NewInt(int64(c)), big.NewInt(int64(Cent)))
	q, r := new(big.Int).QuoRem(num, d, new(big.Int))
	if r.Lsh(r, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	q.Mul(q, big.NewInt(int64(Cent)))
	if !q.IsInt64() {
		return math.MaxInt64
	}
	return Dec(q.Int64())
}

// RoundCents rounds d half-up (away from zero at exactly half) to 0.01.
func (d Dec) RoundCents() Dec {
	if d < 0 {
		return -(-d).RoundCents()
	}
	q, r := d/Cent, d%Cent
	if r*2 >= Cent {
		q++
	}
	return q * Cent
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// UnmarshalYAML reads a YAML scalar as written (goccy/go-yaml hands over the
// raw text), so 0.1 in a rubric file is exactly 0.1, never a float64.
func (d *Dec) UnmarshalYAML(b []byte) error {
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, `"`) || strings.HasPrefix(s, `'`) {
		return fmt.Errorf("expected a number, got text %s", s)
	}
	v, err := Parse(s)
	if err != nil {
		return fmt.Errorf("expected a number: %v", err)
	}
	*d = v
	return nil
}

// MarshalYAML writes d as a plain number.
func (d Dec) MarshalYAML() ([]byte, error) { return []byte(d.String()), nil }
