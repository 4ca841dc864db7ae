package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/xuri/excelize/v2"
)

// TestLoadKeepsEveryRowInOrder reads files whose size misleads the
// estimate of their rows (long rows first, short ones after, and the
// reverse), with ragged rows among them: every good row must come out
// once, in file order, and every ragged one in the rejects, whether the
// records were parsed into the dataset's slab or past its end.
func TestLoadKeepsEveryRowInOrder(t *testing.T) {
	tests := []struct {
		name        string
		long, short int // leading rows padded long, then short rows
		longFirst   bool
	}{
		{name: "estimate short", long: 2500, short: 30000, longFirst: true},
		{name: "estimate long", long: 3000, short: 2500, longFirst: false},
		{name: "one batch", long: 0, short: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var b strings.Builder
			b.WriteString("Employee No,Forename,Surname,Address 1\n")
			var want []string
			rejects := 0
			n := tt.long + tt.short
			for i := 0; i < n; i++ {
				longRow := i < tt.long == tt.longFirst
				if i%997 == 13 {
					b.WriteString("E,ragged\n")
					rejects++
					continue
				}
				ref := fmt.Sprintf("E%06d", i)
				want = append(want, ref)
				addr := "1 High St"
				if longRow {
					addr = strings.Repeat("Long Address Line ", 12)
				}
				fmt.Fprintf(&b, "%s,Ann,Smith,%s\n", ref, addr)
			}
			os.WriteFile(filepath.Join(dir, "p.csv"), []byte(b.String()), 0o600)
			jobText := "datasets:\n  - name: p\n    kind: payroll\n    path: p.csv\n    key: Employee No\n"
			os.WriteFile(filepath.Join(dir, "job.yaml"), []byte(jobText), 0o600)
			j, err := job.Load(filepath.Join(dir, "job.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := loadDataset(context.Background(), j, &j.Datasets[0], filepath.Join(dir, "out"), 2, nil, quiet{}, &loadTimes{})
			if err != nil {
				t.Fatal(err)
			}
			ds := res.Dataset
			if ds.Read != n || ds.Rejects != rejects || len(ds.Records) != len(want) {
				t.Fatalf("read %d, rejected %d, kept %d; want %d, %d, %d", ds.Read, ds.Rejects, len(ds.Records), n, rejects, len(want))
			}
			for i, ref := range want {
				if got := ds.Records[i].Ref(); got != ref {
					t.Fatalf("record %d is %s, want %s", i, got, ref)
				}
			}
			if cap(ds.Records) != len(ds.Records) {
				t.Errorf("records have capacity %d past their %d", cap(ds.Records), len(ds.Records))
			}
			// The rejected rows are written as read, though the memory of
			// their batch is read into again afterwards.
			written, err := os.ReadFile(filepath.Join(dir, "out", "rejects", "p.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(string(written), ",E,ragged"); got != rejects {
				t.Errorf("%d rejected rows written as read, want %d:\n%.300s", got, rejects, written)
			}
		})
	}
}

// TestLoadGCPercent checks that loading sets the collector's target asked
// for while it reads a delimited dataset, not a workbook, and puts the one
// before back, also when a dataset cannot be read.
func TestLoadGCPercent(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p.csv"), []byte("Employee No,Forename,Surname\nE1,Ann,Smith\n"), 0o600)
	book := excelize.NewFile()
	for i, row := range [][]any{{"Employee No", "Forename", "Surname"}, {"E2", "Bob", "Jones"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		book.SetSheetRow("Sheet1", cell, &row)
	}
	if err := book.SaveAs(filepath.Join(dir, "w.xlsx")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "q.csv"), nil, 0o600) // no header: it cannot be read
	jobText := "datasets:\n  - name: p\n    kind: payroll\n    path: p.csv\n    key: Employee No\n" +
		"  - name: w\n    kind: payroll\n    path: w.xlsx\n    format: xlsx\n    key: Employee No\n" +
		"  - name: q\n    kind: payroll\n    path: q.csv\n    key: Employee No\n"
	os.WriteFile(filepath.Join(dir, "job.yaml"), []byte(jobText), 0o600)
	j, err := job.Load(filepath.Join(dir, "job.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	during := map[string]int{}
	opts := Options{Workers: 1, Progress: gcWatch(during), LoadGCPercent: 300}
	if _, err := loadDatasets(context.Background(), j, filepath.Join(dir, "out"), opts, nil, &loadTimes{}); err == nil {
		t.Fatal("a file with no header was read")
	}
	if want := map[string]int{"read p": 300, "read w": 77}; !reflect.DeepEqual(during, want) {
		t.Errorf("targets while reading %v, want %v", during, want)
	}
	if after := debug.SetGCPercent(before); after != 77 {
		t.Errorf("target after reading %d, want 77 put back", after)
	}
}

// gcWatch is a Progress that notes the collector's target when each step
// starts.
type gcWatch map[string]int

func (w gcWatch) Start(step string, _ int64) {
	w[step] = debug.SetGCPercent(100)
	debug.SetGCPercent(w[step])
}
func (gcWatch) Add(int64)   {}
func (gcWatch) Done(string) {}
