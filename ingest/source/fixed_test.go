package source

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func fixedLayout() []Column {
	return []Column{
		{Name: "ref", Start: 1, Length: 4},
		{Name: "surname", Start: 5, Length: 10},
		{Name: "forename", Start: 15, Length: 8},
		{Name: "dob", Start: 23, Length: 8},
	}
}

func TestFixedWidth(t *testing.T) {
	header, delim, rows, err := readAll(t, fixture("fixed_width.txt"), Options{Format: FixedWidth, Layout: fixedLayout()})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ref", "surname", "forename", "dob"}; !reflect.DeepEqual(header, want) {
		t.Errorf("header = %q", header)
	}
	if delim != 0 {
		t.Errorf("delimiter = %q", delim)
	}
	want := []Row{
		{Line: 1, Fields: []string{"0001", "Brontë    ", "Renée   ", "01011980"}},
		{Line: 3, Fields: []string{"0002", "Smith     ", "John    ", "02021990"}},
		{Line: 4, Fields: []string{"0003", "Short", "", ""}},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(rows), len(want), rows)
	}
	for i := range want {
		if rows[i].Line != want[i].Line || !reflect.DeepEqual(rows[i].Fields, want[i].Fields) {
			t.Errorf("row %d = %d %q, want %d %q", i, rows[i].Line, rows[i].Fields, want[i].Line, want[i].Fields)
		}
	}
	if rows[0].Err != nil || rows[1].Err != nil {
		t.Errorf("unexpected row errors: %v, %v", rows[0].Err, rows[1].Err)
	}
	if !errors.Is(rows[2].Err, ErrFieldCount) {
		t.Errorf("short line: err = %v, want ErrFieldCount", rows[2].Err)
	}
	if got, w := rows[2].Err.Error(), "fixed_width.txt:4: wrong number of fields: the line has 9 characters, the layout needs 30"; got != w {
		t.Errorf("message = %q, want %q", got, w)
	}
}

func TestFixedWidthCases(t *testing.T) {
	layout := []Column{{Name: "a", Start: 1, Length: 2}, {Name: "b", Start: 3, Length: 3}}
	tests := []struct {
		name   string
		text   string
		opts   Options
		fields [][]string
		errs   []error
		fatal  error
	}{
		{"lf", "abcde\nfghij\n", Options{}, [][]string{{"ab", "cde"}, {"fg", "hij"}}, []error{nil, nil}, nil},
		{"no final newline", "abcde\nfghij", Options{}, [][]string{{"ab", "cde"}, {"fg", "hij"}}, []error{nil, nil}, nil},
		{"crlf and filler", "abcdeXYZ\r\n", Options{}, [][]string{{"ab", "cde"}}, []error{nil}, nil},
		{"multibyte at the end", "ab€€€\n", Options{}, [][]string{{"ab", "€€€"}}, []error{nil}, nil},
		{"multibyte beyond the layout", "ab€€€€\n", Options{}, [][]string{{"ab", "€€€"}}, []error{nil}, nil},
		{"windows-1252", "\xa3b\x80cd\n", Options{Encoding: "windows-1252"}, [][]string{{"£b", "€cd"}}, []error{nil}, nil},
		{"short", "abc\n", Options{}, [][]string{{"ab", "c"}}, []error{ErrFieldCount}, nil},
		{"too long", "abcde" + strings.Repeat("x", 100) + "\n12345\n", Options{MaxFieldBytes: 50}, [][]string{{"ab", "cde"}, {"12", "345"}}, []error{ErrFieldTooLong, nil}, nil},
		{"invalid utf-8", "abcde\nab\xe9de\n", Options{}, [][]string{{"ab", "cde"}}, []error{nil}, ErrEncoding},
		{"blank lines", "\n   \r\nabcde\n\n", Options{}, [][]string{{"ab", "cde"}}, []error{nil}, nil},
		{"empty", "", Options{}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Format, tt.opts.Layout = FixedWidth, layout
			r, err := NewReader(strings.NewReader(tt.text), "fw.txt", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var fields [][]string
			var errs []error
			for {
				row, err := r.Next()
				if err != nil {
					if tt.fatal == nil && err.Error() != "EOF" {
						t.Fatalf("fatal: %v", err)
					}
					if tt.fatal != nil && !errors.Is(err, tt.fatal) {
						t.Fatalf("fatal = %v, want %v", err, tt.fatal)
					}
					break
				}
				fields = append(fields, row.Fields)
				errs = append(errs, row.Err)
			}
			if !reflect.DeepEqual(fields, tt.fields) {
				t.Errorf("fields = %q, want %q", fields, tt.fields)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errs = %v, want %v", errs, tt.errs)
			}
			for i := range errs {
				if !errors.Is(errs[i], tt.errs[i]) || (tt.errs[i] == nil) != (errs[i] == nil) {
					t.Errorf("row %d err = %v, want %v", i, errs[i], tt.errs[i])
				}
			}
		})
	}
}

func TestFixedWidthCutKeepsWholeCharacters(t *testing.T) {
	// maxLine = 4*5 + 10 = 30 bytes; the cut falls inside a "€" (3 bytes).
	text := "ab" + strings.Repeat("€", 20) + "\n"
	r, err := NewReader(strings.NewReader(text), "fw.txt", Options{Format: FixedWidth, MaxFieldBytes: 10,
		Layout: []Column{{Name: "a", Start: 1, Length: 2}, {Name: "b", Start: 3, Length: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	row, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(row.Err, ErrFieldTooLong) {
		t.Errorf("err = %v, want ErrFieldTooLong", row.Err)
	}
	if !reflect.DeepEqual(row.Fields, []string{"ab", "€€€"}) {
		t.Errorf("fields = %q", row.Fields)
	}
}
