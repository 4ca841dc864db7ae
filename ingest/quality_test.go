package ingest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nfi-engine/nfi/ingest/valuehash"
)

// TestHashSet checks the distinct count and the second-sighting flag
// against a map, through several growths, with hashes that differ only in
// the bit the flag takes and a hash of 0.
func TestHashSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	var s hashSet
	seen := map[uint64]int{}
	for i := range 200_000 {
		h := rng.Uint64N(60_000) * 0x9E3779B97F4A7C15
		switch i % 1000 {
		case 1:
			h = 0
		case 2:
			h = 1 // the same as 0 once bit 0 is cleared
		}
		key := h &^ 1
		seen[key]++
		want := min(seen[key], 3)
		if got := s.add(h); got != want {
			t.Fatalf("add %d: %d, want %d", i, got, want)
		}
	}
	if s.n != len(seen) {
		t.Errorf("%d distinct, want %d", s.n, len(seen))
	}
}

// TestHashLog checks that a hashLog counts distinct and repeated hashes as
// a hashSet given the same ones does, for lists of many sizes, with hashes
// that differ only in the bit the flag takes and hashes of 0, 1 and 2.
func TestHashLog(t *testing.T) {
	tests := []struct {
		name   string
		n, max uint64
	}{
		{"empty", 0, 1},
		{"one", 1, 1},
		{"few repeated", 1000, 100},
		{"some repeated", 100_000, 80_000},
		{"most distinct", 300_000, 1 << 40},
	}
	rng := rand.New(rand.NewPCG(12, 13))
	for _, tt := range tests {
		var l hashLog
		var s hashSet
		repeated := 0
		for i := range tt.n {
			h := rng.Uint64N(tt.max) * 0x9E3779B97F4A7C15
			switch i % 1000 {
			case 1:
				h = 0
			case 2:
				h = 1 // the same as 0 once bit 0 is cleared
			case 3:
				h = 2 // the same again: 0 is held as 2
			case 4:
				h |= 1 // the same as h without it
			}
			l.add(h)
			if s.add(h) == 2 {
				repeated++
			}
		}
		for round := range 2 { // counting twice gives the same
			if d, r := l.count(); d != s.n || r != repeated {
				t.Errorf("%s, count %d: %d distinct, %d repeated; want %d, %d", tt.name, round, d, r, s.n, repeated)
			}
		}
	}
}

// TestDistinctCounter checks that distinct values are counted exactly up
// to exactDistinct, estimated within 2% past it, and always exactly for a
// reference (exactOnly), with its repeated values counted.
func TestDistinctCounter(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for _, n := range []int{1, 1000, exactDistinct, exactDistinct + 1, 300_000, 2_000_000} {
		var c, ref distinctCounter
		ref.exactOnly = true
		repeats := 0
		for i := range n {
			h := rng.Uint64()
			c.add(h)
			ref.add(h)
			if i%10 == 0 {
				c.add(h) // a repeat counts once
				ref.add(h)
				if i%20 == 0 {
					ref.add(h) // a third sighting is one repeated value still
				}
				repeats++
			}
		}
		got, est, _ := c.count()
		if n <= exactDistinct {
			if got != n || est {
				t.Errorf("n %d: count %d (estimated %v), want %d exactly", n, got, est, n)
			}
		} else if !est || math.Abs(float64(got-n)) > 0.02*float64(n) {
			t.Errorf("n %d: count %d (estimated %v), want an estimate within 2%%", n, got, est)
		}
		if got, est, rep := ref.count(); got != n || est || rep != repeats {
			t.Errorf("n %d: reference count %d (estimated %v), %d repeated; want %d exactly, %d repeated", n, got, est, rep, n, repeats)
		}
	}
}

// TestQualityCounts checks every figure a QualityCounter gives against a
// plain count with maps, over parsed rows with blank, invalid and repeated
// values and references that repeat.
func TestQualityCounts(t *testing.T) {
	p := payrollParser(t)
	rows := append(payrollRows(5000), messyRows...)
	for i := 0; i < len(rows); i += 7 {
		rows[i][0] = "E0000001" // some references repeat, one of them many times
	}
	for i := 3; i < len(rows); i += 11 {
		rows[i][0] = rows[i-1][0]
	}
	d := &Dataset{Name: "payroll", Kind: p.m.Kind, Mapped: p.m.Mapped(), Read: len(rows)}
	d.Records = make([]Record, len(rows))
	for i, row := range rows {
		if err := p.Parse(nil, i+2, row, &d.Records[i]); err != nil {
			t.Fatal(err)
		}
	}
	q := MeasureQuality(d, p.m)
	refs := map[string]int{}
	for fi, f := range d.Kind.Fields {
		want := FieldQuality{Field: f.Name, Mapped: d.Mapped[fi]}
		if p.m.Col[fi] >= 0 {
			want.Column = p.m.Header[p.m.Col[fi]]
		}
		if want.Mapped {
			seen := map[string]bool{}
			for i := range d.Records {
				r := &d.Records[i]
				v := r.Value(fi)
				switch {
				case v == "":
					want.Blank++
					continue
				case r.Invalid&(1<<uint(fi)) != 0:
					want.Invalid++
				}
				want.Filled++
				seen[v] = true
				if fi == 0 {
					refs[v]++
				}
			}
			want.Distinct = len(seen)
		}
		if q.Fields[fi] != want {
			t.Errorf("%s: %+v, want %+v", f.Name, q.Fields[fi], want)
		}
	}
	dups := 0
	for _, n := range refs {
		if n > 1 {
			dups++
		}
	}
	if q.DuplicateKeys != dups || q.Accepted != len(rows) {
		t.Errorf("%d duplicate keys of %d accepted, want %d of %d", q.DuplicateKeys, q.Accepted, dups, len(rows))
	}
}

// TestDistinctEstimateOfReferences checks the estimate over values as an
// extract holds them, alike but for a digit or two, hashed as Add hashes
// them: within its error, and the same each time (no random seed).
func TestDistinctEstimateOfReferences(t *testing.T) {
	count := func() int {
		var c distinctCounter
		for i := range 300_000 {
			c.add(valuehash.String(fmt.Sprintf("CT%08d", i)))
		}
		got, est, _ := c.count()
		if !est {
			t.Fatal("not estimated")
		}
		return got
	}
	got := count()
	if math.Abs(float64(got-300_000)) > 0.02*300_000 {
		t.Errorf("count %d, want within 2%% of 300000", got)
	}
	if again := count(); again != got {
		t.Errorf("counted %d, then %d", got, again)
	}
}
