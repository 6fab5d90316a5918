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

// Error is the English wording.
func (m *Message) Error() string { return fmt.Sprintf(m.Format, m.Args...) }

// In is the wording in l's language (English when l has none for it).
func (m *Message) In(l *Labels) string {
	if w := l.Report.Refusals[m.Format]; w != "" {
		return fmt.Sprintf(w, wordedArgs(l, m.Args)...)
	}
	return m.Error()
}

// wordedArgs words the arguments that are themselves English words kaohe
// chose (a field's name such as "unit", a reason such as "a zero-width
// character"), found as keys of the refusal table; names, numbers and
// other text pass as they are.
func wordedArgs(l *Labels, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if s, ok := a.(string); ok {
			if w := l.Report.Refusals[s]; w != "" {
				out[i] = w
			}
		}
	}
	return out
}
