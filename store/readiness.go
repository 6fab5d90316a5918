package store

// IncompleteError is a sign-off refused because the assessment is not
// ready; Readiness says what is missing, as data.
type IncompleteError struct {
	Assessment string // UNIT/PERIOD
	Readiness  Readiness
}

// Error names the assessment; report.NotReady words what is missing.
func (e *IncompleteError) Error() string { return e.Assessment + " is not ready to sign" }

// Unwrap marks the error as a refusal.
func (e *IncompleteError) Unwrap() error { return errIncomplete }
