package main

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/fixtures"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in   string
		want []size
		err  bool
	}{
		{"100k,1m", []size{{"100k", 100_000, 0}, {"1m", 1_000_000, 0}}, false},
		{" 100K , 1M ", []size{{"100k", 100_000, 0}, {"1m", 1_000_000, 0}}, false},
		{"10m:1m", []size{{"10m-1m", 10_000_000, 1_000_000}}, false},
		{"2500", []size{{"2500", 2500, 0}}, false},
		{"1000k", []size{{"1m", 1_000_000, 0}}, false},
		{"1500:250", []size{{"1500-250", 1500, 250}}, false},
		{"", nil, false},
		{"  ", nil, false},
		{"100k,,1m", nil, true},
		{"100k,", nil, true},
		{"k", nil, true},
		{"0", nil, true},
		{"0k", nil, true},
		{"-1", nil, true},
		{"+5", nil, true},
		{"1g", nil, true},
		{"1.5m", nil, true},
		{"1m:", nil, true},
		{":1m", nil, true},
		{"1m:0", nil, true},
		{"1m:2:3", nil, true},
		{"9999999999", nil, true},
		{"999999999m", nil, true},
		{"12m", nil, true}, // over fixtures.MaxPeople residents
		{"100k,100000", nil, true},
		{"１m", nil, true}, // a full-width digit
	}
	for _, tt := range tests {
		got, err := parseSizes(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("parseSizes(%q) error %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if !tt.err && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseSizes(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// TestParseSizeErrorsQuoteNothing: messages say what is wrong, not what
// was typed.
func TestParseSizeErrorsQuoteNothing(t *testing.T) {
	for _, in := range []string{"zzcanary", "1m:zzcanary", "zzcanary:1m"} {
		_, err := parseSizes(in)
		if !errors.Is(err, ErrSize) || strings.Contains(err.Error(), "zzcanary") {
			t.Errorf("parseSizes(%q) = %v; want ErrSize without the text", in, err)
		}
	}
}

func TestLargeFitsTheGenerator(t *testing.T) {
	z, err := parseSize(largeSize)
	if err != nil {
		t.Fatal(err)
	}
	if z.people() > fixtures.MaxPeople || z.electors != 10_000_000 || z.ctaxCap != 1_000_000 {
		t.Errorf("large size %+v", z)
	}
}

// FuzzParseSizes: no panic; a parsed size's label parses back to itself.
func FuzzParseSizes(f *testing.F) {
	for _, s := range []string{"100k,1m", "10m:1m", "2500", "", "1m:", "k", "9999999999m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseSizes(s)
		if err != nil {
			return
		}
		for _, z := range got {
			if z.electors <= 0 || z.ctaxCap < 0 || z.people() <= 0 {
				t.Fatalf("parseSizes(%q) gave %+v", s, z)
			}
			again, err := parseSize(strings.Replace(z.label, "-", ":", 1))
			if err != nil || again != z {
				t.Fatalf("label %q of %q parses to %+v, %v", z.label, s, again, err)
			}
		}
	})
}
