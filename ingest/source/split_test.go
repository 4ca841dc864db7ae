package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// splitDelims are the delimiters the differential tests try: the four the
// reader detects, and two it can be given (one of them longer than a byte).
func splitDelims() []rune { return []rune{',', '|', '~', '\t', ';', '§'} }

// referenceCSV returns an encoding/csv reader configured as the splitter's
// rules say (and as the reader used it before it had a splitter).
func referenceCSV(data []byte, delim rune) *csv.Reader {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	cr.ReuseRecord = true
	return cr
}

// referenceInvalidLine is the UTF-8 check the reader made on encoding/csv's
// records: the line of the first invalid byte of the first invalid field, or 0.
func referenceInvalidLine(cr *csv.Reader, rec []string) int {
	for i, f := range rec {
		if utf8.ValidString(f) {
			continue
		}
		l, _ := cr.FieldPos(i)
		return l + strings.Count(f[:invalidAt(f)], "\n")
	}
	return 0
}

// matchCSV splits data with encoding/csv and with a splitter reading through
// a bufio buffer of bufSize bytes, and fails unless they give the same
// records, fields, field positions, errors and error positions, and the
// fused UTF-8 check finds the line the reader's old check found.
func matchCSV(t *testing.T, data []byte, delim rune, bufSize int) {
	t.Helper()
	cr := referenceCSV(data, delim)
	s := newSplitter(bufio.NewReaderSize(bytes.NewReader(data), bufSize), delim)
	for n := 0; ; n++ {
		if n > len(data)+1 {
			t.Fatalf("delim %q buf %d: more records than bytes", delim, bufSize)
		}
		rec, cerr := cr.Read()
		serr := s.split()
		where := splitWhere{delim, bufSize, n}
		if cerr == io.EOF || serr == io.EOF {
			if cerr != serr {
				t.Fatalf("%s: csv %v, splitter %v", where, cerr, serr)
			}
			return
		}
		var pe *csv.ParseError
		var qe *splitError
		switch {
		case errors.As(cerr, &pe):
			if !errors.As(serr, &qe) {
				t.Fatalf("%s: csv %v, splitter %v", where, cerr, serr)
			}
			got := [4]any{qe.startLine, qe.line, qe.column, qe.bare}
			want := [4]any{pe.StartLine, pe.Line, pe.Column, errors.Is(pe.Err, csv.ErrBareQuote)}
			if got != want || !(errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote)) {
				t.Fatalf("%s: splitter error (start, line, column, bare) %v, csv %v (%v)", where, got, want, cerr)
			}
		case cerr != nil || serr != nil:
			t.Fatalf("%s: csv %v, splitter %v", where, cerr, serr)
		}
		if s.fields() != len(rec) {
			t.Fatalf("%s: splitter %d fields, csv %d", where, s.fields(), len(rec))
		}
		var m rowMem
		got := s.record(&m, s.fields())
		if !reflect.DeepEqual(got, rec) && len(rec) > 0 {
			t.Fatalf("%s: splitter %q, csv %q", where, got, rec)
		}
		for i := range rec {
			if string(s.field(i)) != rec[i] {
				t.Fatalf("%s: field %d: splitter %q, csv %q", where, i, s.field(i), rec[i])
			}
			sl, sc := s.pos(i)
			cl, cc := cr.FieldPos(i)
			if sl != cl || sc != cc {
				t.Fatalf("%s: field %d at %d:%d, csv says %d:%d", where, i, sl, sc, cl, cc)
			}
		}
		if got, want := s.invalidLine(), referenceInvalidLine(cr, rec); got != want {
			t.Fatalf("%s: first invalid UTF-8 on line %d, the csv check says %d", where, got, want)
		}
	}
}

// splitWhere names a record in matchCSV's messages; it is formatted only
// when a check fails, which keeps the fuzz test fast.
type splitWhere struct {
	delim        rune
	bufSize, rec int
}

func (w splitWhere) String() string {
	return fmt.Sprintf("delim %q buf %d record %d", w.delim, w.bufSize, w.rec)
}

// splitCases are the tricky inputs: each is split and described, and must
// also match encoding/csv with every delimiter in splitDelims (with its own
// delimiter put where the commas are).
var splitCases = []struct {
	name string
	text string
	want []string // describeSplit of each record
}{
	{"empty", "", nil},
	{"one field", "a", []string{`1:1"a"`}},
	{"LF", "a,b\nc,d\n", []string{`1:1"a" 1:3"b"`, `2:1"c" 2:3"d"`}},
	{"CRLF", "a,b\r\nc,d\r\n", []string{`1:1"a" 1:3"b"`, `2:1"c" 2:3"d"`}},
	{"no final line break", "a,b\nc,d", []string{`1:1"a" 1:3"b"`, `2:1"c" 2:3"d"`}},
	{"lone CR at the end of the file is dropped", "a,b\r", []string{`1:1"a" 1:3"b"`}},
	{"lone CR inside a line is text", "a\rb,c\n", []string{`1:1"a\rb" 1:5"c"`}},
	{"CR CR LF keeps one CR", "a\r\r\n", []string{`1:1"a\r"`}},
	{"empty lines skipped", "\n\r\na\n\n\nb\n", []string{`3:1"a"`, `6:1"b"`}},
	{"a line of a lone CR at the end is skipped", "a\n\r", []string{`1:1"a"`}},
	{"a line of spaces is a record", "a\n  \n", []string{`1:1"a"`, `2:1"  "`}},
	{"empty fields and trailing delimiter", ",a,,\n", []string{`1:1"" 1:2"a" 1:4"" 1:5""`}},
	{"quoted with delimiter and doubled quote", `"x,y","say ""hi"""` + "\n", []string{`1:1"x,y" 1:7"say \"hi\""`}},
	{"empty quoted", `"",""` + "\n", []string{`1:1"" 1:4""`}},
	{"quoted line breaks", "\"a\nb\r\nc\",d\ne\n", []string{`1:1"a\nb\nc" 3:4"d"`, `4:1"e"`}},
	{"quoted CR not before LF stays", "\"a\rb\"\n", []string{`1:1"a\rb"`}},
	{"quoted field ending the file", `a,"b"`, []string{`1:1"a" 1:3"b"`}},
	{"quoted field then CR at the end", "\"b\"\r", []string{`1:1"b"`}},
	{"bare quote", "ab\"c,d\ne\n", []string{`bare(1, 1:3)`, `2:1"e"`}},
	{"bare quote after fields", "a,b\"\n", []string{`bare(1, 1:4) 1:1"a"`}},
	{"text after closing quote", "\"a\"b,c\nd\n", []string{`quote(1, 1:3)`, `2:1"d"`}},
	{"text after closing quote of a multi-line field", "a,\"x\ny\"z\n2\n", []string{`quote(1, 2:2) 1:1"a"`, `3:1"2"`}},
	{"space after closing quote", "\"a\" ,b\n", []string{`quote(1, 1:3)`}},
	{"unclosed at the end of a line", "a,\"b\n", []string{`quote(1, 1:6) 1:1"a"`}},
	{"unclosed with no line break", "a,\"b", []string{`quote(1, 1:5) 1:1"a"`}},
	{"unclosed over lines", "a,\"b\nc\nd", []string{`quote(1, 3:2) 1:1"a"`}},
	{"unclosed just a quote", "\"", []string{`quote(1, 1:2)`}},
	{"record after empty lines starts later", "\n\n\"a\nb\"\n", []string{`3:1"a\nb"`}},
	{"BOM is text to the splitter", "\uFEFFa,b\n", []string{`1:1"\ufeffa" 1:6"b"`}},
	{"non-ASCII columns are bytes", "é,\"ü\"x\n", []string{`quote(1, 1:7) 1:1"é"`}},
	{"invalid UTF-8 passes through", "\xff,\"\xfe\n\xfd\"\n", []string{`1:1"\xff" 1:3"\xfe\n\xfd"`}},
	{"long line", strings.Repeat("abcdefgh,", 10) + "\"" + strings.Repeat("x\"\"", 10) + "\"\n",
		[]string{strings.TrimSpace(strings.Repeat(`1:1"abcdefgh" `, 1)) + describeCols(10) + ` 1:91"` + strings.Repeat(`x\"`, 10) + `"`}},
}

// describeCols describes fields 2..n of the "long line" case: "abcdefgh"
// at columns 10, 19, ...
func describeCols(n int) string {
	var b strings.Builder
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ` 1:%d"abcdefgh"`, 1+9*i)
	}
	return b.String()
}

// describeSplit splits text with ',' and describes each record as the
// position and text of each field, after "bare(start, line:col)" or
// "quote(start, line:col)" for a quote error.
func describeSplit(t *testing.T, text string) []string {
	t.Helper()
	s := newSplitter(bufio.NewReaderSize(strings.NewReader(text), 16), ',')
	var out []string
	for range len(text) + 1 {
		err := s.split()
		if err == io.EOF {
			return out
		}
		var parts []string
		var qe *splitError
		if errors.As(err, &qe) {
			kind := "quote"
			if qe.bare {
				kind = "bare"
			}
			parts = append(parts, fmt.Sprintf("%s(%d, %d:%d)", kind, qe.startLine, qe.line, qe.column))
		} else if err != nil {
			t.Fatalf("split: %v", err)
		}
		for i := range s.fields() {
			l, c := s.pos(i)
			parts = append(parts, fmt.Sprintf("%d:%d%q", l, c, s.field(i)))
		}
		out = append(out, strings.Join(parts, " "))
	}
	t.Fatal("more records than bytes")
	return nil
}

func TestSplitter(t *testing.T) {
	for _, tt := range splitCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeSplit(t, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("split =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, d := range splitDelims() {
				text := strings.ReplaceAll(tt.text, ",", string(d))
				for _, size := range []int{16, 4096} {
					matchCSV(t, []byte(text), d, size)
				}
			}
		})
	}
}

// TestSplitterHold checks that a record read ahead comes back unchanged.
func TestSplitterHold(t *testing.T) {
	s := newSplitter(bufio.NewReader(strings.NewReader("a,\"b\"c\nd,e\n")), ',')
	if err := s.split(); err == nil {
		t.Fatal("no quote error")
	}
	if err := s.split(); err != nil {
		t.Fatal(err)
	}
	s.hold(nil)
	if err := s.split(); err != nil || s.fields() != 2 || string(s.field(0)) != "d" || string(s.field(1)) != "e" {
		t.Fatalf("held record: %v, %d fields", err, s.fields())
	}
	if l, c := s.pos(1); l != 2 || c != 3 {
		t.Errorf("held record's field 1 at %d:%d", l, c)
	}
	if err := s.split(); err != io.EOF {
		t.Errorf("after the held record: %v, want io.EOF", err)
	}
}

// TestSplitterTextStays checks that the rows taken from the splitter keep
// their text while later records are split into its reused buffer, and
// while one batch's memory fills several arena blocks.
func TestSplitterTextStays(t *testing.T) {
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "%d,\"%d\"\"x\"\n", i, i)
	}
	s := newSplitter(bufio.NewReader(strings.NewReader(b.String())), ',')
	var text arena.Arena
	m := rowMem{text: &text}
	var kept [][]string
	for {
		err := s.split()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, s.record(&m, s.fields()))
	}
	for i, rec := range kept {
		if want := []string{fmt.Sprint(i), fmt.Sprint(i) + `"x`}; !reflect.DeepEqual(rec, want) {
			t.Fatalf("record %d = %q, want %q", i, rec, want)
		}
	}
}

// TestSplitterAllocs checks that splitting well-formed rows into a batch's
// memory that has held as many rows before allocates nothing.
func TestSplitterAllocs(t *testing.T) {
	row := "E100001,P1,Mrs,Margaret,Thompson-Smith,15/03/1980,AB123456C,\"Flat 2, 10 High Street\",Leeds,LS1 1AA,21-11-97,10000001\r\n"
	text := strings.Repeat(row, 3000) // AllocsPerRun runs once more to warm up
	s := newSplitter(bufio.NewReaderSize(strings.NewReader(text), 1<<20), ',')
	slots := make([]string, 12*1000)
	var mem arena.Arena
	allocs := testing.AllocsPerRun(2, func() {
		mem.Reset()
		mem.Reserve(len(row) * 1000) // as ReadBatch reserves the most a batch has needed
		m := rowMem{slots: slots, text: &mem}
		for range 1000 {
			if err := s.split(); err != nil {
				t.Fatal(err)
			}
			s.record(&m, s.fields())
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations for 1000 rows, want none", allocs)
	}
}

// FuzzSplitterMatchesCSV runs encoding/csv, configured as the reader used it,
// and the splitter on the same bytes, and requires the same records, field
// positions, errors and error positions (see matchCSV). delim picks one of
// splitDelims.
func FuzzSplitterMatchesCSV(f *testing.F) {
	for i := range splitDelims() {
		for _, tt := range splitCases {
			f.Add([]byte(tt.text), uint8(i))
		}
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint8(0))
			f.Add(bytes.ReplaceAll(b, []byte(","), []byte("\t")), uint8(3))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, delim uint8) {
		ds := splitDelims()
		d := ds[int(delim)%len(ds)]
		matchCSV(t, data, d, 16)
		matchCSV(t, data, d, 4096)
	})
}

// BenchmarkSplit splits payroll-like rows held in memory, without the file
// and the rest of the reader around it: the splitter's own speed, beside
// encoding/csv's on the same bytes.
func BenchmarkSplit(b *testing.B) {
	row := "E100001,P1,Mrs,Margaret,Thompson-Smith,15/03/1980,AB123456C,\"Flat 2, 10 High Street\",Leeds,LS1 1AA,21-11-97,10000001\r\n"
	text := []byte(strings.Repeat(row, 100000))
	b.Run("splitter", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		rd := bytes.NewReader(text)
		br := bufio.NewReaderSize(rd, bufSize)
		for b.Loop() {
			rd.Reset(text)
			br.Reset(rd)
			s := newSplitter(br, ',')
			for {
				err := s.split()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			cr := referenceCSV(text, ',')
			for {
				_, err := cr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
