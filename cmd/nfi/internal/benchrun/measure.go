package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nfi-engine/nfi/report"
)

// exitRejected is nfi's "done, but some rows were rejected": the run
// finished and its figures count.
const exitRejected = 3

// ErrNoFigures means the run's summary.json lacks a figure the table needs.
var ErrNoFigures = errors.New("summary.json lacks the figures")

// result is one row of the table.
type result struct {
	label       string
	left, right int           // records read on each side
	rows        int64         // rows read (the read stage's items)
	wall        time.Duration // the whole command, start-up to exit
	readSec     float64
	matchSec    float64
	pairs       int64 // candidate pairs compared (the match stage's items)
	// stages holds every stage and part of one by name (split, parse,
	// normalise, block, train, compare, write, ...).
	stages  map[string]report.SummaryStage
	peakRSS int64 // bytes; -1 when the platform does not say
	matches int
	workers int
}

// measure runs nfi on the job and collects its figures. The run's output
// goes to dir/out (replaced), its printed summary to dir/run.txt.
func measure(ctx context.Context, opts options, s size, dir, jobPath string) (result, error) {
	out := filepath.Join(dir, "out")
	if err := os.RemoveAll(out); err != nil {
		return result{}, err
	}
	args := []string{"run", "-q", "--out", out}
	if opts.workers > 0 {
		args = append(args, "--workers", strconv.Itoa(opts.workers))
	}
	if opts.profile {
		args = append(args, "--cpuprofile", filepath.Join(dir, "cpu.pprof"), "--memprofile", filepath.Join(dir, "mem.pprof"))
	}
	args = append(args, jobPath)
	printed, err := os.OpenFile(filepath.Join(dir, "run.txt"), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return result{}, err
	}
	defer printed.Close()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, opts.nfi, args...)
	cmd.Stdout, cmd.Stderr = printed, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitRejected) {
		return result{}, fmt.Errorf("nfi run: %w\n%s", err, strings.TrimSpace(stderr.String()))
	}
	r, err := readSummary(filepath.Join(out, "summary.json"))
	if err != nil {
		return result{}, err
	}
	r.label, r.wall, r.peakRSS = s.label, wall, peakRSS(cmd.ProcessState)
	return r, nil
}

// readSummary takes the table's figures from a run's summary.json.
func readSummary(path string) (result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return result{}, err
	}
	var sum report.Summary
	if err := json.Unmarshal(b, &sum); err != nil {
		return result{}, fmt.Errorf("%s: %w", path, ErrNoFigures)
	}
	r := result{workers: sum.Workers, stages: map[string]report.SummaryStage{}}
	for _, d := range sum.Datasets {
		switch d.Name {
		case leftName:
			r.left = d.Read
		case rightName:
			r.right = d.Read
		}
	}
	found := 0
	for _, st := range sum.Stages {
		r.stages[st.Name] = st
		switch st.Name {
		case "read":
			r.rows, r.readSec = st.Items, st.Seconds
			found++
		case "match":
			r.pairs, r.matchSec = st.Items, st.Seconds
			found++
		}
	}
	if found != 2 {
		return result{}, fmt.Errorf("%s: no read and match stages: %w", path, ErrNoFigures)
	}
	for _, rep := range sum.Reports {
		r.matches += rep.Matches["total"]
	}
	return r, nil
}

// printTable writes the results as one aligned plain-text table.
func printTable(w io.Writer, results []result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "size\telectors x council tax\trows read\twall s\t"+
		"read rows/s\tsplit rows/s\tparse rows/s\tnormalise rows/s\tblock records/s\ttrain s\t"+
		"pairs compared\tcompare pairs/s\tmatch pairs/s\twrite s\tpeak RSS MiB\tbytes/record\tmatches\t")
	for _, r := range results {
		rss, per := "-", "-"
		if r.peakRSS >= 0 {
			rss = fmt.Sprintf("%.0f", float64(r.peakRSS)/(1<<20))
			if r.rows > 0 {
				per = group(r.peakRSS / r.rows)
			}
		}
		stage := func(name string) string {
			st, ok := r.stages[name]
			if !ok {
				return "-"
			}
			return rate(st.Items, st.Seconds)
		}
		secs := func(name string) string {
			st, ok := r.stages[name]
			if !ok {
				return "-"
			}
			return fmt.Sprintf("%.1f", st.Seconds)
		}
		fmt.Fprintf(tw, "%s\t%s x %s\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			r.label, group(int64(r.left)), group(int64(r.right)), group(r.rows), r.wall.Seconds(),
			rate(r.rows, r.readSec), stage("split"), stage("parse"), stage("normalise"), stage("block"), secs("train"),
			group(r.pairs), stage("compare"), rate(r.pairs, r.matchSec), fmt.Sprintf("%.1f", r.wall.Seconds()-r.readSec-r.matchSec), rss, per, group(int64(r.matches)))
	}
	return tw.Flush()
}

// rate is n/sec rounded, with thousands separators; "-" without a time.
func rate(n int64, sec float64) string {
	if sec <= 0 {
		return "-"
	}
	return group(int64(math.Round(float64(n) / sec)))
}

// group writes n with commas between thousands: 1,234,567.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// nfiVersion is what `nfi version` prints, or "(version unknown)".
func nfiVersion(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	v := strings.TrimSpace(string(out))
	if err != nil || v == "" {
		return "(version unknown)"
	}
	v, _, _ = strings.Cut(v, "\n")
	return strings.TrimPrefix(v, "nfi ")
}
