package ingest

import (
	"strings"
	"testing"
)

// TestRecordValues checks that packed values come back as they were set,
// with narrow and wide offsets, and that fields out of range read blank.
func TestRecordValues(t *testing.T) {
	long := strings.Repeat("x", 70_000) // past 64 KiB: wide offsets
	tests := []struct {
		name string
		vals []string
	}{
		{name: "none", vals: nil},
		{name: "one", vals: []string{"R1"}},
		{name: "blanks between", vals: []string{"R1", "", "SMITH", "", ""}},
		{name: "all blank", vals: []string{"", "", ""}},
		{name: "wide", vals: []string{"R1", long, "ANN", long}},
		{name: "non-ASCII", vals: []string{"Zoë", "Ó Ceallaigh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Record
			r.SetValues(tt.vals)
			if got := r.NumValues(); got != len(tt.vals) {
				t.Fatalf("NumValues = %d, want %d", got, len(tt.vals))
			}
			for i, want := range tt.vals {
				if got := r.Value(i); got != want {
					t.Errorf("Value(%d) = %.20q, want %.20q", i, got, want)
				}
			}
			for _, i := range []int{-1, len(tt.vals), 300} {
				if got := r.Value(i); got != "" {
					t.Errorf("Value(%d) = %q, want blank", i, got)
				}
			}
		})
	}
	var zero Record
	if zero.NumValues() != 0 || zero.Value(0) != "" || zero.Ref() != "" {
		t.Error("a record never filled should have no values")
	}
}

// FuzzRecordValues packs fields split from arbitrary text and reads them
// back.
func FuzzRecordValues(f *testing.F) {
	f.Add("R1|SMITH||ANN")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		vals := strings.Split(s, "|")
		if len(vals) > 255 {
			vals = vals[:255]
		}
		var r Record
		r.SetValues(vals)
		if r.NumValues() != len(vals) {
			t.Fatalf("NumValues = %d, want %d", r.NumValues(), len(vals))
		}
		for i, want := range vals {
			if got := r.Value(i); got != want {
				t.Fatalf("Value(%d) = %q, want %q", i, got, want)
			}
		}
	})
}
