// Package assessment is an assessment's rules without storage: the
// revisions of its graph, how their heads project into its current state
// (values, notes, conflicts, the sign-off and what it pins, readiness to
// sign, attachments and the evidence a rubric asks for) and the digests
// over them. It imports no SQL, so the store persists, merges and verifies
// while reports and the workbench (and their tests) can build a state
// from heads alone with Build.
package assessment
