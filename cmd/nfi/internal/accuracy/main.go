// Command accuracy is what `make bench-accuracy` runs: it runs nfi end to
// end on labelled data (FEBRL4 and FEBRL3 from ../shared/bench/febrl when
// present, and generated fixtures) and prints one table of candidate
// pairs, blocking recall, precision, recall, F1, wall time and peak memory
// per report. Figures only: it asserts nothing.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"text/tabwriter"
	"time"
)

// result is the part of `nfi eval --json` the table shows.
type result struct {
	Report         string  `json:"report"`
	Candidates     int     `json:"candidate_pairs"`
	BlockingRecall float64 `json:"blocking_recall"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	LookAlikes     int     `json:"lookalikes_reported"`
}

// benchCase is one labelled data set: the job to run and how to score it.
type benchCase struct {
	name string
	job  string
	eval []string // nfi eval arguments before OUTPUT
}

func main() {
	nfi := flag.String("nfi", "bin/nfi", "the nfi binary")
	shared := flag.String("shared", "../shared", "the folder holding bench/febrl")
	work := flag.String("work", "build/accuracy", "scratch folder for outputs and fixtures")
	flag.Parse()
	if err := run(*nfi, *shared, *work); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

func run(nfi, shared, work string) error {
	if err := os.MkdirAll(work, 0o700); err != nil {
		return err
	}
	febrl := filepath.Join(shared, "bench", "febrl")
	var cases []benchCase
	if _, err := os.Stat(filepath.Join(febrl, "dataset4a.csv")); err == nil {
		cases = append(cases,
			benchCase{"FEBRL4", "docs/examples/febrl4.yaml", []string{"--data", filepath.Join(febrl, "dataset4a.csv"), "--data", filepath.Join(febrl, "dataset4b.csv"), "--key", "rec_id", "--entity-re", `rec-(\d+)`, "--report", "febrl_link"}},
			benchCase{"FEBRL3", "docs/examples/febrl3.yaml", []string{"--data", filepath.Join(febrl, "dataset3.csv"), "--key", "rec_id", "--entity-re", `rec-(\d+)`, "--report", "febrl_dedupe"}})
	} else {
		fmt.Fprintf(os.Stderr, "accuracy: no FEBRL data under %s; running the fixtures only\n", febrl)
	}
	for _, seed := range []string{"1", "7"} {
		dir := filepath.Join(work, "fixtures-"+seed)
		os.RemoveAll(dir)
		if out, err := exec.Command(nfi, "fixtures", "--out", dir, "--seed", seed).CombinedOutput(); err != nil {
			return fmt.Errorf("fixtures: %v: %s", err, out)
		}
		cases = append(cases, benchCase{"fixtures seed " + seed, filepath.Join(dir, "job.yaml"), []string{"--truth", filepath.Join(dir, "truth.csv")}})
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "data\treport\tcandidate pairs\tblocking recall\tprecision\trecall\tF1\tlook-alikes\twall s\tpeak MiB\t")
	for _, c := range cases {
		out := filepath.Join(work, "out-"+filepath.Base(filepath.Dir(c.job))+"-"+filepath.Base(c.job))
		os.RemoveAll(out)
		cmd := exec.Command(nfi, "run", "-q", "--out", out, c.job)
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start).Seconds()
		if err != nil && cmd.ProcessState.ExitCode() != 3 {
			return fmt.Errorf("%s: nfi run: %v", c.name, err)
		}
		rss := 0.0
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = float64(ru.Maxrss) / 1024
		}
		args := append(append([]string{"eval", "--json", "--job", c.job}, c.eval...), out)
		b, err := exec.Command(nfi, args...).Output()
		if err != nil {
			return fmt.Errorf("%s: nfi eval: %v", c.name, err)
		}
		var rs []result
		if err := json.Unmarshal(b, &rs); err != nil {
			return fmt.Errorf("%s: nfi eval output: %v", c.name, err)
		}
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%.2f\t%.0f\t\n", c.name, r.Report, r.Candidates, r.BlockingRecall, r.Precision, r.Recall, r.F1, r.LookAlikes, wall, rss)
		}
	}
	return tw.Flush()
}
