package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/cmd/nfi/pipeline"
	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/nfi-engine/nfi/report"
	"github.com/nfi-engine/nfi/report/atomic"
)

// runOptions are the flags of `nfi run` and `nfi check`.
type runOptions struct {
	jobPath    string
	out        string
	workers    int
	noTrain    bool
	stable     bool
	check      bool
	quiet      bool
	cpuProfile string // file for a CPU profile of the whole command; "" = none
	memProfile string // file for a heap profile taken at the end; "" = none
}

// profileHelp is the part of the help of `nfi run` and `nfi check` about
// the profiling flags.
const profileHelp = `Profiling (for developers measuring nfi, see "Performance" in the README):
  --cpuprofile FILE  writes a CPU profile of the whole command to FILE
  --memprofile FILE  writes a heap profile to FILE at the end, after a garbage
                     collection, while the finished run is still held: its
                     in-use figures are what the run keeps (records, indexes,
                     matches), its alloc figures everything allocated on the way
Read them with 'go tool pprof -top bin/nfi FILE'. A profile holds function
names, counts and sizes, never a value from the data. Both files are written
atomically and readable by their owner only.`

func newRunCmd(stdout, stderr io.Writer, check bool) *cobra.Command {
	opts := &runOptions{check: check}
	cmd := &cobra.Command{
		Use:   "run JOB.yaml",
		Short: "Read, check and match the datasets of a job, and write its reports",
		Long:  "Read, check and match the datasets of a job, and write its reports.\n\n" + profileHelp,
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.jobPath = args[0]
			return runJob(cmd.Context(), opts, stdout, stderr)
		},
	}
	if check {
		cmd.Use = "check JOB.yaml"
		cmd.Short = "Check a job and its data and write the data-quality report; match nothing"
		cmd.Long = "Check a job and its data and write the data-quality report; match nothing.\n\n" + profileHelp
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "output folder (overrides the job's output:)")
	f.IntVar(&opts.workers, "workers", 0, "worker goroutines (0 = one per core); outputs do not depend on it")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print no progress, only the summary")
	f.StringVar(&opts.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	f.StringVar(&opts.memProfile, "memprofile", "", "write a heap profile taken at the end of the run to `FILE` (for go tool pprof)")
	if !check {
		f.BoolVar(&opts.noTrain, "no-train", false, "score with the default m and u instead of training the model on this run's data")
		f.BoolVar(&opts.stable, "check-stability", false, "train each report again with the next seed and show how far the models and matches differ")
	}
	return cmd
}

// runJob carries out `nfi run` and `nfi check`.
func runJob(ctx context.Context, opts *runOptions, stdout, stderr io.Writer) error {
	prof, err := startProfiles(opts.cpuProfile, opts.memProfile)
	if err != nil {
		return err
	}
	defer prof.abort()
	j, err := job.Load(opts.jobPath)
	if err != nil {
		return err
	}
	var prog pipeline.Progress = newProgress(stderr)
	if opts.quiet {
		prog = nil
	}
	run, err := pipeline.Run(ctx, j, pipeline.Options{Workers: opts.workers, Check: opts.check, NoTrain: opts.noTrain, CheckStability: opts.stable, Output: opts.out, Progress: prog, LoadGCPercent: loadGCPercent()})
	if run != nil {
		report.PrintSummary(stdout, run)
	}
	// The heap profile is taken while run is still reachable, so that its
	// in-use figures show what a finished run holds. A failed profile
	// fails the command, unless the job itself failed.
	perr := prof.finish()
	runtime.KeepAlive(run)
	if perr != nil && (err == nil || errors.Is(err, pipeline.ErrRejectedRows)) {
		return perr
	}
	return err
}

// profiles are the profile files of one command, opened before the job is
// read so that an unwritable path fails at once rather than after the run.
type profiles struct {
	cpu, mem *atomic.File // nil when not asked for
}

// startProfiles opens the files asked for and starts CPU profiling.
func startProfiles(cpuPath, memPath string) (*profiles, error) {
	p := &profiles{}
	var err error
	if cpuPath != "" {
		if p.cpu, err = atomic.Create(cpuPath); err != nil {
			return nil, fmt.Errorf("cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(p.cpu); err != nil {
			p.cpu.Abort()
			return nil, fmt.Errorf("cpuprofile: %s: cannot start profiling: %w", cpuPath, err)
		}
	}
	if memPath != "" {
		if p.mem, err = atomic.Create(memPath); err != nil {
			p.abort()
			return nil, fmt.Errorf("memprofile: %w", err)
		}
	}
	return p, nil
}

// finish stops CPU profiling, takes the heap profile after a garbage
// collection, and puts both files in place. A profile is written even when
// the job failed: it shows where the time went until then.
func (p *profiles) finish() error {
	var errs []error
	if p.cpu != nil {
		pprof.StopCPUProfile()
		if err := p.cpu.Commit(); err != nil {
			errs = append(errs, fmt.Errorf("cpuprofile: %w", err))
		}
	}
	if p.mem != nil {
		runtime.GC() // up-to-date in-use figures
		if err := pprof.Lookup("heap").WriteTo(p.mem, 0); err != nil {
			p.mem.Abort()
			errs = append(errs, fmt.Errorf("memprofile: %s: cannot write: %w", p.mem.Name(), err))
		} else if err := p.mem.Commit(); err != nil {
			errs = append(errs, fmt.Errorf("memprofile: %w", err))
		}
	}
	return errors.Join(errs...)
}

// abort stops profiling and removes files not yet put in place; after
// finish it does nothing.
func (p *profiles) abort() {
	if p.cpu != nil {
		pprof.StopCPUProfile() // a no-op when not profiling
		p.cpu.Abort()
	}
	if p.mem != nil {
		p.mem.Abort()
	}
}
