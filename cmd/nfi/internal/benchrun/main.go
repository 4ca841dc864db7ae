package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// largeSize is the size -large adds: ten million electors against the first
// million council tax accounts.
const largeSize = "10m:1m"

// options are benchrun's flags.
type options struct {
	nfi     string // path of the nfi binary to time
	cache   string // folder for generated councils, one subfolder per size
	sizes   []size
	seed    int64 // fixtures seed
	workers int   // passed to nfi run --workers; 0 = nfi's default
	profile bool  // also write cpu.pprof and mem.pprof beside each size's data
}

func main() {
	var (
		opts  options
		sizes string
		large bool
	)
	flag.StringVar(&opts.nfi, "nfi", "bin/nfi", "the nfi binary to time (benchrun builds nothing)")
	flag.StringVar(&opts.cache, "cache", "build/bench-data", "folder for the generated councils; each is generated once and reused")
	flag.StringVar(&sizes, "sizes", "100k,1m", "comma-separated sizes: electors with k or m, optionally :M to keep only the first M council tax accounts")
	flag.BoolVar(&large, "large", false, "add the "+largeSize+" case (10M electors x 1M council tax accounts); alone, run only that")
	flag.Int64Var(&opts.seed, "seed", 1, "fixtures seed")
	flag.IntVar(&opts.workers, "workers", 0, "nfi run --workers (0 = nfi's default, one per core)")
	flag.BoolVar(&opts.profile, "profile", false, "also write a CPU and a heap profile of each run (cpu.pprof, mem.pprof in the size's cache folder)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: benchrun [-nfi bin/nfi] [-cache DIR] [-sizes 100k,1m] [-large] [-profile]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	sizesGiven := false
	flag.Visit(func(f *flag.Flag) { sizesGiven = sizesGiven || f.Name == "sizes" })
	if large {
		if !sizesGiven {
			sizes = ""
		}
		sizes = strings.Trim(sizes+","+largeSize, ",")
	}
	var err error
	if opts.sizes, err = parseSizes(sizes); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: -sizes: %v\n", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err = run(ctx, opts, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(1)
	}
}

// run prepares and times every size, then prints the table of those that
// finished (also when a later one failed).
func run(ctx context.Context, opts options, stdout, stderr io.Writer) error {
	if len(opts.sizes) == 0 {
		return errors.New("no sizes to run")
	}
	bin, err := filepath.Abs(opts.nfi)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(bin); err != nil || fi.IsDir() {
		return fmt.Errorf("%s: no nfi binary there (run make build, or pass -nfi)", opts.nfi)
	}
	opts.nfi = bin
	var results []result
	var runErr error
	for _, s := range opts.sizes {
		dir := filepath.Join(opts.cache, s.label)
		jobPath, err := prepare(ctx, dir, s, opts.seed, stderr)
		if err != nil {
			runErr = fmt.Errorf("%s: %w", s.label, err)
			break
		}
		fmt.Fprintf(stderr, "benchrun: %s: running nfi\n", s.label)
		r, err := measure(ctx, opts, s, dir, jobPath)
		if err != nil {
			runErr = fmt.Errorf("%s: %w", s.label, err)
			break
		}
		results = append(results, r)
	}
	if len(results) > 0 {
		fmt.Fprintf(stdout, "nfi %s, %d CPUs, %d workers, fixtures seed %d\n",
			nfiVersion(ctx, opts.nfi), runtime.NumCPU(), results[0].workers, opts.seed)
		if err := printTable(stdout, results); err != nil {
			return err
		}
		fmt.Fprint(stdout, `read = split (the reader, one goroutine) overlapped with parse and normalise (on every
worker at once: their rates are over the workers' time added up and divided by their number).
match = block (keys and indexes) + train + compare (candidate pairs found and scored) + sorting.
write = the rest of the wall time: writing every output, with start-up and exit (summary.json,
written last, cannot hold its own writing time). bytes/record = peak RSS over rows read.
`)
	}
	return runErr
}
