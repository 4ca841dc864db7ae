package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/goccy/go-yaml"

	"github.com/nfi-engine/nfi/fixtures"
	"github.com/nfi-engine/nfi/report/atomic"
)

// The generated datasets the benchmark links, by their names in the
// fixtures' job.yaml, and the custom report's id.
const (
	leftName   = "electoral"
	rightName  = "council_tax"
	reportID   = "electoral_to_council_tax"
	markerName = "bench-data.json"
	jobName    = "bench.yaml"
)

// ErrGeneratedJob means the fixtures' job.yaml is not what benchrun expects.
var ErrGeneratedJob = errors.New("unexpected generated job.yaml")

// ErrCut means the council tax extract could not be read to cut it.
var ErrCut = errors.New("cannot read the council tax extract to cut it")

// marker records the options a cached council was generated with; the data
// is reused only when it matches.
type marker struct {
	Seed     int64 `json:"seed"`
	People   int   `json:"people"`
	CtaxCap  int   `json:"council_tax_accounts,omitempty"`
	Electors int   `json:"electors_wanted"`
}

// prepare makes sure dir holds the council for s (generating it unless the
// marker says it is there) and writes the benchmark job; it returns the
// job's path. Generation is reported on progress but never timed.
func prepare(ctx context.Context, dir string, s size, seed int64, progress io.Writer) (string, error) {
	want := marker{Seed: seed, People: s.people(), CtaxCap: s.ctaxCap, Electors: s.electors}
	markerPath := filepath.Join(dir, markerName)
	var have marker
	b, err := os.ReadFile(markerPath)
	if err != nil || json.Unmarshal(b, &have) != nil || have != want {
		fmt.Fprintf(progress, "benchrun: %s: generating %s residents into %s (not timed)\n", s.label, group(int64(want.People)), dir)
		if err := os.Remove(markerPath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if _, err := fixtures.Generate(ctx, fixtures.Options{Dir: dir, People: want.People, Seed: seed}); err != nil {
			return "", err
		}
		if s.ctaxCap > 0 {
			if err := firstRecords(filepath.Join(dir, "extracts", "council_tax.csv"), filepath.Join(dir, "extracts", cutName(s.ctaxCap)), s.ctaxCap); err != nil {
				return "", err
			}
		}
		mb, _ := json.MarshalIndent(want, "", "  ")
		if err := atomic.WriteFile(markerPath, func(w io.Writer) error { _, err := w.Write(append(mb, '\n')); return err }); err != nil {
			return "", err
		}
	}
	jobPath := filepath.Join(dir, jobName)
	if err := writeBenchJob(filepath.Join(dir, "job.yaml"), jobPath, s); err != nil {
		return "", err
	}
	return jobPath, nil
}

// cutName is the file name of the council tax extract cut to n accounts.
func cutName(n int) string { return "council_tax_first_" + countLabel(n) + ".csv" }

// firstRecords writes the header and the first n records of the CSV file
// src to dst (all of them when there are fewer).
func firstRecords(src, dst string, n int) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	return atomic.WriteFile(dst, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		cw := csv.NewWriter(bw)
		for i := 0; i <= n; i++ { // the header, then n records
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return fmt.Errorf("%s:%d: %w", src, pe.Line, ErrCut)
				}
				return fmt.Errorf("%s: %w", src, ErrCut)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// generatedJob is the part of the fixtures' job.yaml that benchrun reads:
// each dataset entry is kept as it is, in order.
type generatedJob struct {
	Datasets []yaml.MapSlice `yaml:"datasets"`
}

// benchJob is the job benchrun writes (the keys are the job file contract).
type benchJob struct {
	Exercise      string          `yaml:"exercise"`
	Body          string          `yaml:"body"`
	Output        string          `yaml:"output"`
	Datasets      []yaml.MapSlice `yaml:"datasets"`
	Reports       []string        `yaml:"reports"` // empty: no catalogue report
	CustomReports []customReport  `yaml:"custom_reports"`
}

type customReport struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Left  string `yaml:"left"`
	Right string `yaml:"right"`
}

// writeBenchJob writes the job that links the electoral register with the
// council tax accounts in one custom report and runs no catalogue report.
// The dataset entries are the generator's own, so the column mapping
// follows the generator; only the council tax path changes when it is cut.
func writeBenchJob(genPath, path string, s size) error {
	b, err := os.ReadFile(genPath)
	if err != nil {
		return err
	}
	var g generatedJob
	if err := yaml.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("%s: %w", genPath, ErrGeneratedJob)
	}
	j := benchJob{
		Exercise: "nfi benchmark " + s.label + " (fictional data)",
		Body:     "Example Borough Council",
		Output:   "out/",
		Reports:  []string{},
		CustomReports: []customReport{{ID: reportID, Left: leftName, Right: rightName,
			Title: "Benchmark: electoral register against council tax"}},
	}
	for _, name := range []string{leftName, rightName} {
		d := findDataset(g.Datasets, name)
		if d == nil {
			return fmt.Errorf("%s: no dataset %s: %w", genPath, name, ErrGeneratedJob)
		}
		if name == rightName && s.ctaxCap > 0 {
			if !setKey(d, "path", "extracts/"+cutName(s.ctaxCap)) {
				return fmt.Errorf("%s: dataset %s has no path: %w", genPath, name, ErrGeneratedJob)
			}
		}
		j.Datasets = append(j.Datasets, d)
	}
	out, err := yaml.MarshalWithOptions(j, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomic.WriteFile(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "# Written by benchrun (make bench) from the generated job.yaml beside it.\n"); err != nil {
			return err
		}
		_, err := w.Write(out)
		return err
	})
}

// findDataset returns the dataset entry named name, or nil.
func findDataset(ds []yaml.MapSlice, name string) yaml.MapSlice {
	for _, d := range ds {
		for _, kv := range d {
			if kv.Key == "name" && kv.Value == name {
				return d
			}
		}
	}
	return nil
}

// setKey sets the value of key in d, reporting whether it was there.
func setKey(d yaml.MapSlice, key string, v any) bool {
	for i := range d {
		if d[i].Key == key {
			d[i].Value = v
			return true
		}
	}
	return false
}
