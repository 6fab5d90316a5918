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
		return fmt.Sprintf(w, m.Args...)
	}
	return m.Error()
}
