package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/job"
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
		})
	}
}
