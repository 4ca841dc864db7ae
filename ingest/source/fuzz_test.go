package source

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds adds every fixture and a few hand-made inputs to the corpus.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"", "a", "\"", "a,b\n\"", "a|b\r\n1|\"\"\"\n", "\xef\xbb\xbf\n\n", "\xff\xfea\x00", "a,\n,\n"} {
		f.Add([]byte(s))
	}
}

// FuzzDelimited reads random bytes as a delimited file: no panic; every row
// has the header's field count or a row error; lines never go backwards;
// every error is an *Error.
func FuzzDelimited(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []Options{{}, {Encoding: "windows-1252"}} {
			r, err := NewReader(bytes.NewReader(data), "fuzz.csv", opts)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Open error %v is not an *Error", err)
				}
				continue
			}
			width := len(r.Header())
			last := 0
			for {
				row, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					var e *Error
					if !errors.As(err, &e) {
						t.Fatalf("fatal error %v is not an *Error", err)
					}
					break
				}
				if row.Err == nil && len(row.Fields) != width {
					t.Fatalf("line %d: %d fields without an error, header has %d", row.Line, len(row.Fields), width)
				}
				if row.Line < last || row.Line < 1 {
					t.Fatalf("line %d after line %d", row.Line, last)
				}
				last = row.Line
			}
			r.Close()
		}
	})
}

// FuzzFixedWidth reads random bytes as a fixed-width file: no panic, every
// row has one field per layout column, and a row without an error has every
// field at its full width.
func FuzzFixedWidth(f *testing.F) {
	fuzzSeeds(f)
	layout := []Column{{Name: "a", Start: 1, Length: 3}, {Name: "b", Start: 4, Length: 2}, {Name: "c", Start: 2, Length: 5}}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), "fuzz.txt", Options{Format: FixedWidth, Layout: layout, MaxFieldBytes: 64})
		if err != nil {
			t.Fatal(err)
		}
		for {
			row, err := r.Next()
			if err != nil {
				break
			}
			if len(row.Fields) != len(layout) {
				t.Fatalf("line %d: %d fields", row.Line, len(row.Fields))
			}
			if row.Err != nil {
				continue
			}
			for i, c := range layout {
				if n := len([]rune(row.Fields[i])); n != c.Length {
					t.Fatalf("line %d: field %d has %d characters, want %d", row.Line, i, n, c.Length)
				}
			}
		}
	})
}

// FuzzDetectDelimiter checks detection never panics and returns a candidate.
func FuzzDetectDelimiter(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		switch d := detectDelimiter(data); d {
		case ',', '|', '~', '\t':
		default:
			t.Fatalf("detected %q", d)
		}
	})
}
