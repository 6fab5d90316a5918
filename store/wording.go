package store

// Wording returns the English fmt format and the arguments of a refusal
// the store made (bad input, a state that forbids the change), so the
// command line can word it in the reader's language. It looks at err
// itself, not at what err wraps: the caller walks the chain and replaces
// the part it words.
func Wording(err error) (format string, args []any, ok bool) {
	if ie, isInvalid := err.(*invalidError); isInvalid {
		return ie.format, ie.args, true
	}
	return "", nil, false
}
