package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/job"
)

// TestPrepare generates a small council, checks the benchmark job is a
// valid job over the two datasets with the council tax cut, and that a
// second call reuses the data.
func TestPrepare(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a council")
	}
	dir := filepath.Join(t.TempDir(), "c")
	s := size{label: "1200-300", electors: 1200, ctaxCap: 300}
	var progress bytes.Buffer
	jobPath, err := prepare(context.Background(), dir, s, 7, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "generating") {
		t.Errorf("progress %q does not say it generated", progress.String())
	}
	j, err := job.Load(jobPath)
	if err != nil {
		t.Fatalf("the benchmark job does not load: %v", err)
	}
	if len(j.Datasets) != 2 || j.Datasets[0].Name != leftName || j.Datasets[1].Name != rightName {
		t.Errorf("datasets %+v, want %s and %s", j.Datasets, leftName, rightName)
	}
	if !j.ReportsGiven || len(j.Reports) != 0 || len(j.CustomReports) != 1 || j.CustomReports[0].ID != reportID {
		t.Errorf("reports %v (given %v), custom %+v; want only %s", j.Reports, j.ReportsGiven, j.CustomReports, reportID)
	}
	if got := filepath.Base(j.Datasets[1].Path); got != cutName(300) {
		t.Errorf("council tax path %s, want the cut file %s", got, cutName(300))
	}
	b, err := os.ReadFile(filepath.Join(dir, "extracts", cutName(300)))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != 301 {
		t.Errorf("the cut council tax file has %d lines, want a header and 300 accounts", n)
	}

	progress.Reset()
	if _, err := prepare(context.Background(), dir, s, 7, &progress); err != nil {
		t.Fatal(err)
	}
	if progress.Len() != 0 {
		t.Errorf("the second prepare regenerated: %q", progress.String())
	}
	// Another seed is another council.
	if _, err := prepare(context.Background(), dir, s, 8, &progress); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "generating") {
		t.Error("a new seed did not regenerate")
	}
}

func TestFirstRecords(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in.csv")
	in := "a,b\n1,\"x\ny\"\n2,z\n3,w\n"
	if err := os.WriteFile(src, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, "a,b\n1,\"x\ny\"\n"}, // a record over two lines counts once
		{2, "a,b\n1,\"x\ny\"\n2,z\n"},
		{10, in},
	}
	for _, tt := range tests {
		dst := filepath.Join(dir, "out.csv")
		if err := firstRecords(src, dst, tt.n); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(dst)
		if string(got) != tt.want {
			t.Errorf("first %d: %q, want %q", tt.n, got, tt.want)
		}
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("a,b\n\"zzcanary\n"), 0o600)
	err := firstRecords(bad, filepath.Join(dir, "x.csv"), 5)
	if err == nil || strings.Contains(err.Error(), "zzcanary") {
		t.Errorf("bad CSV: %v; want an error without the value", err)
	}
}

func TestWriteBenchJobNeedsTheDatasets(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "job.yaml")
	os.WriteFile(gen, []byte("datasets:\n  - name: payroll\n    path: p.csv\n"), 0o600)
	if err := writeBenchJob(gen, filepath.Join(dir, "bench.yaml"), size{label: "1k", electors: 1000}); err == nil {
		t.Error("a generated job without the electoral register was accepted")
	}
}
