package store

import "time"

// readAheadDepth is how many assessments a source's reader may have read
// and checked ahead of the writer. One keeps both busy (four measured the
// same), and keeps memory at three assessments at most: the one being
// written, the one handed over, the one being read.
const readAheadDepth = 1

// assessmentRead is one assessment's revisions and signatures as
// readAssessment returned them.
type assessmentRead struct {
	revs []*Revision
	sigs map[string][]byte
	err  error
}

// readAhead reads and checks the source's assessments, in order, on a
// goroutine of its own, so that reading and checking one assessment runs
// beside writing the previous ones into the target. After an error nothing
// more is sent. stop ends the reader and returns once it has, so the
// source's private copy is no longer in use; it may be called more than
// once.
func (d *sourceData) readAhead(now time.Time) (<-chan assessmentRead, func()) {
	out := make(chan assessmentRead, readAheadDepth)
	quit := make(chan struct{})
	go func() {
		defer close(out)
		for _, a := range d.assessments {
			select {
			case <-quit:
				return
			default:
			}
			revs, sigs, err := d.readAssessment(a, now)
			select {
			case out <- assessmentRead{revs: revs, sigs: sigs, err: err}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	stopped := false
	return out, func() {
		if stopped {
			return
		}
		stopped = true
		close(quit)
		for range out { // until the reader has closed it, on its way out
		}
	}
}
