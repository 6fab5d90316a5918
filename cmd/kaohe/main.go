// Command kaohe is the inspection workbench: with no arguments it opens the
// TUI; every capability is also a subcommand, so everything is scriptable.
package main

import (
	"io"

	"github.com/mattn/go-runewidth"
	"os"
	"time"
)

func main() {
	// bubbles' text inputs measure with go-runewidth, which counts East
	// Asian ambiguous characters (“ ” … and box drawing) as two columns
	// when LANG is Chinese, while lipgloss and kaohe count one. One width
	// everywhere: tell go-runewidth to count them as lipgloss does.
	runewidth.DefaultCondition.EastAsianWidth = false
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, now: time.Now,
	}))
}

// env is everything a command touches outside its arguments, so tests can
// run the CLI in-process with their own streams, environment and clock.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	// busyTimeout is how long the store waits for a file another process
	// holds (store.DefaultBusyTimeout when zero); tests that lock files on
	// purpose wait less.
	busyTimeout time.Duration
}
