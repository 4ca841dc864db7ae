package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/report"
)

// fakeEnv makes the test binary act as nfi: `version` prints a version,
// `run ... --out DIR JOB` writes DIR/summary.json and exits with the code
// in the variable.
const fakeEnv = "BENCHRUN_FAKE_NFI_EXIT"

func TestMain(m *testing.M) {
	if code, ok := os.LookupEnv(fakeEnv); ok {
		os.Exit(fakeNFI(os.Args[1:], code))
	}
	os.Exit(m.Run())
}

func fakeNFI(args []string, code string) int {
	if len(args) > 0 && args[0] == "version" {
		fmt.Println("nfi fake (go, test)")
		return 0
	}
	out := ""
	for i, a := range args {
		if a == "--out" && i+1 < len(args) {
			out = args[i+1]
		}
	}
	if code == "1" {
		fmt.Fprintln(os.Stderr, "nfi: the job failed")
		return 1
	}
	if err := os.MkdirAll(out, 0o700); err != nil {
		return 1
	}
	b, _ := json.Marshal(sampleSummary())
	if os.WriteFile(filepath.Join(out, "summary.json"), b, 0o600) != nil {
		return 1
	}
	if code == "3" {
		return 3
	}
	return 0
}

func sampleSummary() report.Summary {
	return report.Summary{
		Workers: 2,
		Datasets: []report.SummaryDataset{
			{Name: leftName, Read: 1_000_000}, {Name: rightName, Read: 780_000},
		},
		Reports: []report.SummaryReport{{ID: reportID, Matches: map[string]int{"high": 500_000, "total": 560_000}}},
		Stages: []report.SummaryStage{
			{Name: "read", Seconds: 8, Items: 1_780_000},
			{Name: "match", Seconds: 40, Items: 9_000_000},
			{Name: "write", Seconds: 12},
		},
	}
}

// TestMeasure runs the test binary as a fake nfi: the figures come from
// its summary.json, the peak memory from its rusage, and exit code 3
// (rows rejected) still counts as a finished run.
func TestMeasure(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code    string
		wantErr bool
	}{{"0", false}, {"3", false}, {"1", true}}
	for _, tt := range tests {
		t.Run("exit "+tt.code, func(t *testing.T) {
			t.Setenv(fakeEnv, tt.code)
			dir := t.TempDir()
			r, err := measure(context.Background(), options{nfi: self, profile: true, workers: 2}, size{label: "1m"}, dir, filepath.Join(dir, "bench.yaml"))
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "the job failed") {
					t.Errorf("err %v; want the child's stderr", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.label != "1m" || r.rows != 1_780_000 || r.pairs != 9_000_000 || r.matches != 560_000 ||
				r.left != 1_000_000 || r.right != 780_000 || r.wall <= 0 || r.readSec != 8 || r.matchSec != 40 {
				t.Errorf("result %+v", r)
			}
			if r.peakRSS == 0 || r.peakRSS > 1<<40 {
				t.Errorf("peak RSS %d bytes", r.peakRSS)
			}
		})
	}
}

func TestReadSummaryNeedsStages(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "summary.json")
	s := sampleSummary()
	s.Stages = s.Stages[:1] // a check run: no match stage
	b, _ := json.Marshal(s)
	os.WriteFile(p, b, 0o600)
	if _, err := readSummary(p); !errors.Is(err, ErrNoFigures) {
		t.Errorf("err %v, want ErrNoFigures", err)
	}
	os.WriteFile(p, []byte("{not json"), 0o600)
	if _, err := readSummary(p); !errors.Is(err, ErrNoFigures) {
		t.Errorf("err %v, want ErrNoFigures", err)
	}
}

func TestPrintTable(t *testing.T) {
	var b bytes.Buffer
	err := printTable(&b, []result{
		{label: "1m", left: 1_000_000, right: 780_000, rows: 1_780_000, wall: 61e9, readSec: 8, matchSec: 40, pairs: 9_000_000, peakRSS: 3 << 30, matches: 560_000},
		{label: "100k", left: 1, right: 1, rows: 0, peakRSS: -1},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"size", "bytes/record",
		"1,000,000 x 780,000", "1,780,000", "61.0", "222,500", "9,000,000", "225,000", "3072", "1,809", "560,000",
	}
	for _, w := range want {
		if !strings.Contains(b.String(), w) {
			t.Errorf("table lacks %q:\n%s", w, b.String())
		}
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 3 || len(lines[0]) != len(lines[1]) || len(lines[1]) != len(lines[2]) {
		t.Errorf("table not aligned:\n%s", b.String())
	}
}

func TestGroup(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"}, {-1234, "-1,234"}, {100000, "100,000"}} {
		if got := group(tt.n); got != tt.want {
			t.Errorf("group(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestNFIVersion(t *testing.T) {
	self, _ := os.Executable()
	t.Setenv(fakeEnv, "0")
	if v := nfiVersion(context.Background(), self); v != "fake (go, test)" {
		t.Errorf("version %q", v)
	}
	if v := nfiVersion(context.Background(), filepath.Join(t.TempDir(), "none")); v != "(version unknown)" {
		t.Errorf("version of a missing binary %q", v)
	}
}
