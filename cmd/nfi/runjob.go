package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/cmd/nfi/pipeline"
	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/nfi-engine/nfi/report"
)

// runOptions are the flags of `nfi run` and `nfi check`.
type runOptions struct {
	jobPath string
	out     string
	workers int
	noTrain bool
	check   bool
	quiet   bool
}

func newRunCmd(stdout, stderr io.Writer, check bool) *cobra.Command {
	opts := &runOptions{check: check}
	cmd := &cobra.Command{
		Use:   "run JOB.yaml",
		Short: "Read, check and match the datasets of a job, and write its reports",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.jobPath = args[0]
			return runJob(cmd.Context(), opts, stdout, stderr)
		},
	}
	if check {
		cmd.Use = "check JOB.yaml"
		cmd.Short = "Check a job and its data and write the data-quality report; match nothing"
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "output folder (overrides the job's output:)")
	f.IntVar(&opts.workers, "workers", 0, "worker goroutines (0 = one per core); outputs do not depend on it")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print no progress, only the summary")
	if !check {
		f.BoolVar(&opts.noTrain, "no-train", false, "score with the default m and u instead of training the model on this run's data")
	}
	return cmd
}

// runJob carries out `nfi run` and `nfi check`.
func runJob(ctx context.Context, opts *runOptions, stdout, stderr io.Writer) error {
	j, err := job.Load(opts.jobPath)
	if err != nil {
		return err
	}
	var prog pipeline.Progress = newProgress(stderr)
	if opts.quiet {
		prog = nil
	}
	run, err := pipeline.Run(ctx, j, pipeline.Options{Workers: opts.workers, Check: opts.check, NoTrain: opts.noTrain, Output: opts.out, Progress: prog})
	if run != nil {
		report.PrintSummary(stdout, run)
	}
	if err != nil && !errors.Is(err, pipeline.ErrRejectedRows) {
		return err
	}
	return err
}
