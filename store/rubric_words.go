package store

import "github.com/kaohe/kaohe/internal/i18n"

// In words the refusal in l's language: rubric add and merge print it.
func (e *RubricConflictError) In(l *i18n.Labels) string {
	known, given := short12(e.KnownSum), short12(e.GivenSum)
	if e.Builtin {
		return i18n.Phrase("rubric %s version %s is the built-in rubric and cannot be replaced (sha256 %s…, this one %s…); a changed rubric needs a new version",
			e.ID, e.Version, known, given).In(l)
	}
	return i18n.Phrase("rubric %s version %s is already known with different content (sha256 %s…, this one %s…); a changed rubric needs a new version",
		e.ID, e.Version, known, given).In(l)
}

// short12 is the first 12 characters of a digest, as %.12s gives them.
func short12(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}
