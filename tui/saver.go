package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/store"
)

// batch is changes saved together, in one store.Record call (one
// transaction), such as every rule of an indicator marked clean by o.
type batch struct {
	changes []store.Change
	seq     int
	err     error // the last failure to write, while it waits for a retry
}

// saver is the workbench's save queue. Batches are saved one at a time, in
// the order they were made, so an older value never lands after a newer
// one; a failure to write keeps the batch and retries it; a refusal (the
// assessment was signed meanwhile, a conflict, a value the rubric refuses)
// drops it. Every change carries the head revisions the inspector saw
// (store.Change.Seen), so a write by someone else meanwhile becomes a
// conflict instead of being overwritten.
type saver struct {
	be         Backend
	id         store.Identity
	assessment string
	retryDelay time.Duration

	queue    []*batch
	inflight bool
	seq      int
	// heads is, per subject, the revisions on screen: what the store held
	// when the state was loaded, then what this session wrote.
	heads map[string][]string
}

// saveOutcome is what happened to a batch sent to the store.
type saveOutcome int

const (
	outcomeSaved   saveOutcome = iota // written (a newer batch may be waiting)
	outcomeRefused                    // refused on its merits and dropped
	outcomeFailed                     // not written; kept and retried after retryDelay
	outcomeStale                      // a message about no batch in flight
)

func newSaver(be Backend, id store.Identity, assessment string, retry time.Duration) *saver {
	return &saver{be: be, id: id, assessment: assessment, retryDelay: retry, heads: map[string][]string{}}
}

// seeHeads takes the heads of every subject from a freshly loaded state.
func (s *saver) seeHeads(state *store.State) {
	s.heads = map[string][]string{}
	for subj, ss := range state.Subjects {
		ids := make([]string, 0, len(ss.Heads))
		for _, h := range ss.Heads {
			ids = append(ids, h.ID)
		}
		s.heads[subj] = ids
	}
}

// enqueue queues changes saved together and starts saving if idle. Each
// change is based on the heads on screen.
func (s *saver) enqueue(changes ...store.Change) tea.Cmd {
	if len(changes) == 0 {
		return nil
	}
	b := &batch{changes: make([]store.Change, len(changes))}
	for i, c := range changes {
		if c.Seen == nil {
			c.Seen = append([]string{}, s.heads[c.Subject]...)
		}
		b.changes[i] = c
	}
	s.seq++
	b.seq = s.seq
	s.queue = append(s.queue, b)
	return s.dispatch()
}

// dispatch sends the first batch to the store unless one is in flight.
func (s *saver) dispatch() tea.Cmd {
	if s.inflight || len(s.queue) == 0 {
		return nil
	}
	s.inflight = true
	be, id, aid, b := s.be, s.id, s.assessment, s.queue[0]
	changes := append([]store.Change(nil), b.changes...)
	return func() tea.Msg {
		revs, err := be.Record(id, aid, changes...)
		return savedMsg{seq: b.seq, revisions: revs, err: err}
	}
}

// saved takes a save's outcome and returns what to do next: the next
// batch's save, or the retry timer.
func (s *saver) saved(msg savedMsg) (saveOutcome, tea.Cmd) {
	if !s.inflight || len(s.queue) == 0 || s.queue[0].seq != msg.seq {
		return outcomeStale, nil
	}
	s.inflight = false
	b := s.queue[0]
	switch {
	case msg.err == nil:
		s.queue = s.queue[1:]
		for _, rev := range msg.revisions {
			s.heads[rev.Subject] = []string{rev.ID}
			// Later edits of the subject were made over this value.
			for _, later := range s.queue {
				for i := range later.changes {
					if later.changes[i].Subject == rev.Subject {
						later.changes[i].Seen = []string{rev.ID}
					}
				}
			}
		}
		return outcomeSaved, s.dispatch()
	case store.IsRefusal(msg.err):
		s.queue = s.queue[1:]
		return outcomeRefused, s.dispatch()
	default:
		b.err = msg.err
		return outcomeFailed, tea.Tick(s.retryDelay, func(time.Time) tea.Msg { return retryMsg{} })
	}
}

// retry sends the waiting batch again.
func (s *saver) retry() tea.Cmd { return s.dispatch() }

// unsaved is the number of changes not yet saved.
func (s *saver) unsaved() int {
	n := 0
	for _, b := range s.queue {
		n += len(b.changes)
	}
	return n
}

// failed reports whether a change of subject waits after a failed write.
func (s *saver) failed(subject string) bool {
	for _, b := range s.queue {
		if b.err == nil {
			continue
		}
		for _, c := range b.changes {
			if c.Subject == subject {
				return true
			}
		}
	}
	return false
}

// pending returns the queued changes, oldest first, to lay over a state
// read from the store while they wait.
func (s *saver) pending() []store.Change {
	var out []store.Change
	for _, b := range s.queue {
		out = append(out, b.changes...)
	}
	return out
}
