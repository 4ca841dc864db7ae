package ingest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// TestRecordValues checks that packed values come back as they were set,
// with narrow and wide offsets, that fields out of range read blank, and
// that packing the values laid end to end (as the parser does) gives the
// same bytes.
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
		{name: "two-byte offsets", vals: []string{"R1", strings.Repeat("y", 300), "", "ANN"}},
		{name: "just one-byte offsets", vals: []string{"R1", strings.Repeat("y", 253)}},
		{name: "four-byte offsets", vals: []string{"R1", long, "ANN", long}},
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
			if ends, texts := laidEndToEnd(tt.vals); packTexts(nil, ends, texts) != r.values {
				t.Errorf("packTexts = %.40q, want %.40q", packTexts(nil, ends, texts), r.values)
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
		if ends, texts := laidEndToEnd(vals); packTexts(nil, ends, texts) != r.values {
			t.Fatalf("packTexts = %q, want %q", packTexts(nil, ends, texts), r.values)
		}
	})
}

// laidEndToEnd gives where each of vs ends and their texts, one after
// another, as ParseValues builds a row's values for packTexts.
func laidEndToEnd(vs []string) (ends []int, texts []byte) {
	for _, v := range vs {
		texts = append(texts, v...)
		ends = append(ends, len(texts))
	}
	return ends, texts
}

// TestPersonForms checks that a person's forms come back from the packed
// Person as they went in, the postcode's parts included.
func TestPersonForms(t *testing.T) {
	tests := []PersonForms{
		{},
		{Forename: "ANN", Middle: "MARIE JO", Surname: "SMITHJONES", SurnameParts: []string{"SMITH", "JONES"},
			NickGroups: []uint32{3, 9}, Initials: "AN", SurnameMeta: "SM0", ForenameMeta: "AN", DOB: 12345, Sex: 'F',
			NI: "AB123456C", NIValid: true, Postcode: value.ParsePostcode("sw1a 1aa"),
			Address: normal.Address{Flat: "2", Number: "14", Name: "ROSE CT", Street: "HIGH ST", Locality: "BATH"},
			Town:    "BATH", UPRN: "100012345", SortCode: "123456", Account: "12345678", OtherID: "X1"},
		{Surname: "OBRIEN", Postcode: value.ParsePostcode("4223 NSW")},
		{Forename: strings.Repeat("A", 70_000), Postcode: value.ParsePostcode("M1 1AE")},
	}
	for i, want := range tests {
		p := NewPerson(&want)
		got := p.Forms()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d: got %+.200v\nwant %+.200v", i, got, want)
		}
	}
}

// TestSharesNickGroup checks the packed nickname groups' merge.
func TestSharesNickGroup(t *testing.T) {
	tests := []struct {
		a, b []uint32
		want bool
	}{
		{nil, nil, false},
		{[]uint32{1}, nil, false},
		{[]uint32{1, 5, 9}, []uint32{2, 9}, true},
		{[]uint32{1, 5}, []uint32{2, 6, 1 << 20}, false},
		{[]uint32{1 << 30}, []uint32{3, 1 << 30}, true},
	}
	for _, tt := range tests {
		a, b := NewPerson(&PersonForms{NickGroups: tt.a}), NewPerson(&PersonForms{NickGroups: tt.b})
		if got := a.SharesNickGroup(&b); got != tt.want {
			t.Errorf("%v and %v: got %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.SharesNickGroup(&a); got != tt.want {
			t.Errorf("%v and %v: got %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
