package source

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// canary is planted in bad rows; no error may ever show it.
const canary = "CANARY-9Q7"

// TestCanary reads files whose bad rows hold the canary and checks that no
// row error or fatal error text contains it.
func TestCanary(t *testing.T) {
	texts := []struct {
		name string
		text string
		opts Options
	}{
		{"ragged short", "a,b,c\n1," + canary + "\n", Options{}},
		{"ragged long", "a,b\n1,2," + canary + "\n", Options{}},
		{"bare quote", "a,b\n1,x\"" + canary + "\n", Options{}},
		{"text after quote", "a,b\n1,\"x\"" + canary + "\n", Options{}},
		{"unclosed quote", "a,b\n1,\"" + canary + "\n2,3\n", Options{}},
		{"not utf-8", "a,b\n1," + canary + "\xff\n", Options{}},
		{"not utf-8 in header", "a," + canary + "\xff\n", Options{}},
		{"too long", "a,b\n1," + strings.Repeat(canary, 10) + "\n", Options{MaxFieldBytes: 20}},
		{"too long header", "a," + strings.Repeat(canary, 10) + "\n", Options{MaxFieldBytes: 20}},
		{"trailing value", "a,b,\n1,2," + canary + "\n", Options{}},
		{"bad delimiter", canary, Options{Delimiter: '\n'}},
		{"fixed short", canary + "\n", Options{Format: FixedWidth, Layout: []Column{{Name: "a", Start: 1, Length: 40}}}},
		{"fixed not utf-8", canary + "\xff\n", Options{Format: FixedWidth, Layout: []Column{{Name: "a", Start: 1, Length: 4}}}},
		{"fixed too long", strings.Repeat(canary, 20) + "\n", Options{Format: FixedWidth, MaxFieldBytes: 10, Layout: []Column{{Name: "a", Start: 1, Length: 4}}}},
		{"not xlsx", canary, Options{Format: XLSX}},
	}
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			seen := 0
			check := func(err error) {
				if err == nil || errors.Is(err, io.EOF) {
					return
				}
				seen++
				if strings.Contains(err.Error(), canary) {
					t.Errorf("error shows the canary: %v", err)
				}
			}
			r, err := NewReader(strings.NewReader(tt.text), "canary.csv", tt.opts)
			check(err)
			for err == nil {
				var row Row
				row, err = r.Next()
				check(row.Err)
				check(err)
			}
			if seen == 0 {
				t.Error("no error at all: the case tests nothing")
			}
		})
	}
	// The fixtures with planted canaries.
	for _, f := range []string{"ragged.csv", "bare_quote.csv", "trailing_delim.csv", "long_field.csv"} {
		_, _, rows, err := readAll(t, fixture(f), Options{MaxFieldBytes: 100})
		if err != nil && strings.Contains(err.Error(), canary) {
			t.Errorf("%s: error shows the canary: %v", f, err)
		}
		bad := 0
		for _, r := range rows {
			if r.Err != nil {
				bad++
				if strings.Contains(r.Err.Error(), canary) {
					t.Errorf("%s: row error shows the canary: %v", f, r.Err)
				}
			}
		}
		if bad == 0 {
			t.Errorf("%s: no row errors", f)
		}
	}
	// The xlsx workbook's ragged row.
	path := writeWorkbook(t, t.TempDir())
	_, _, rows, err := readAll(t, path, Options{Format: XLSX, Sheet: "Payroll"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Err != nil && strings.Contains(r.Err.Error(), canary) {
			t.Errorf("xlsx row error shows the canary: %v", r.Err)
		}
	}
}
