// Command kaohe is the inspection workbench: with no arguments it opens the
// TUI; every capability is also a subcommand, so everything is scriptable.
package main

import (
	"io"
	"os"
	"time"
)

func main() {
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
}
