package i18n

import "fmt"

// Message is an error worded in English by its fmt format and arguments,
// which In words in another language from that language's Refusals; the
// command line prints every error through it, so a message made with
// Errorf reaches a Chinese reader in Chinese.
type Message struct {
	Format string
	Args   []any
}

// Errorf makes a Message: fmt.Errorf without %w, worded later.
func Errorf(format string, args ...any) error { return &Message{Format: format, Args: args} }

// Phrase makes a Message that is a piece of another message rather than an
// error of its own (a field's name, "rule 1.2.a amount"): passed as an
// argument of a Message (or of Word), it is worded with it, so a sentence
// built from pieces still has one wording per piece.
func Phrase(format string, args ...any) *Message { return &Message{Format: format, Args: args} }

// Error is the English wording.
func (m *Message) Error() string { return fmt.Sprintf(m.Format, m.Args...) }

// String is the English wording, so that a Phrase prints as itself in fmt.
func (m *Message) String() string { return m.Error() }

// In is the wording in l's language (English when l has none for it).
func (m *Message) In(l *Labels) string { return Word(l, m.Format, m.Args...) }

// Word is the English fmt format with its arguments worded in l's
// language: the format by l's Refusals (itself when l has no wording for
// it), and its arguments by wordedArgs. Every worded message goes through
// it, so a reason kept as a format and arguments (a store refusal, a rubric
// problem) is worded one way.
func Word(l *Labels, format string, args ...any) string {
	w := l.Report.Refusals[format]
	if w == "" {
		w = format
	}
	return fmt.Sprintf(w, wordedArgs(l, args)...)
}

// wordedArgs words the arguments that are themselves English words kaohe
// chose (a field's name such as "unit", a reason such as "a zero-width
// character"), found as keys of the refusal table, and those that word
// themselves (a Phrase, a nested error with In); names, numbers and other
// text pass as they are.
func wordedArgs(l *Labels, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		switch a := a.(type) {
		case string:
			if w := l.Report.Refusals[a]; w != "" {
				out[i] = w
			}
		case interface{ In(*Labels) string }:
			out[i] = a.In(l)
		}
	}
	return out
}
