package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/cmd/nfi/pipeline"
)

// Exit codes, documented in the README and in `nfi --help`.
const (
	exitOK       = 0 // done
	exitFailed   = 1 // the job failed; the reason is on stderr
	exitUsage    = 2 // the command line was wrong
	exitRejected = 3 // done, but some rows were rejected
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// usageError marks errors in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// defaultGCPercent is the collector's target (GOGC) unless the environment
// sets one. nfi's heap is mostly records that live for the whole run and
// hold few pointers, so collecting more often costs little: on the 1m
// benchmark 50 gives the same time as Go's default of 100 at 14% less peak
// memory (1.70 GB against 1.98), and 25 costs 5% more time for 27% less.
const defaultGCPercent = 50

// readGCPercent is the collector's target while delimited and fixed-width
// datasets are read (pipeline.Options.LoadGCPercent): reading them makes
// almost no garbage (batches and their text are reused), so a cycle there
// only marks the records read so far, and the late cycles of a large
// extract mark gigabytes. At 1000 the 10m x 1m benchmark reads 1.09M
// rows/s against 0.93M at 200 (1.2 s of marking saved) and the 1m one
// 1.04-1.06M against 0.97-1.03M; peak memory, which comes later, moves by
// under 0.1 GB.
const readGCPercent = 1000

// loadGCPercent is readGCPercent, or 0 (leave it alone) when the
// environment sets GOGC.
func loadGCPercent() int {
	if os.Getenv("GOGC") != "" {
		return 0
	}
	return readGCPercent
}

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line and turns its outcome into an exit code;
// it is the only place that does.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, pipeline.ErrRejectedRows):
		fmt.Fprintf(stderr, "nfi: %v; the job finished; see the rejects folder for each row, its line and the reason\n", err)
		return exitRejected
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "nfi: %v\nRun 'nfi --help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "nfi: %v\n", err)
		return exitFailed
	}
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "nfi",
		Short: "National Fraud Initiative data matching: validate council extracts and report inconsistencies for investigation",
		Long: `nfi reads a council's extracts named in a job file, validates and normalises them,
and matches them into reports of inconsistencies for investigators to look into.
A match is never a finding of fraud or error.

Exit codes: 0 done; 1 the job failed; 2 usage; 3 done, but some rows were rejected.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newRunCmd(stdout, stderr, false), newRunCmd(stdout, stderr, true), newFixturesCmd(stdout, stderr), newEvalCmd(stdout, stderr), newExplainCmd(stdout, stderr), newVersionCmd(stdout))
	return root
}

// exactArgs is cobra.ExactArgs with our usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
