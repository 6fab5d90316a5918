package timefmt

import (
	"testing"
	"time"
)

// A stored UTC time shows in the local zone, for people and for machines.
func TestLocalZoneEverywhere(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	old := time.Local
	time.Local = sh
	defer func() { time.Local = old }()
	at := time.Date(2026, 12, 1, 13, 5, 0, 0, time.UTC)
	if got := Human(at); got != "2026-12-01 21:05" {
		t.Errorf("Human = %q", got)
	}
	if got := Machine(at); got != "2026-12-01T21:05:00+08:00" {
		t.Errorf("Machine = %q", got)
	}
	time.Local = time.UTC
	if got := Machine(at); got != "2026-12-01T13:05:00+00:00" {
		t.Errorf("Machine in UTC = %q", got)
	}
}
