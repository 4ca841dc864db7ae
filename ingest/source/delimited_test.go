package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDelimitedFixtures(t *testing.T) {
	tests := []struct {
		file      string
		opts      Options
		header    []string
		delim     rune
		fields    [][]string // rows without errors
		lines     []int      // Line of every row, good or bad
		rowErrs   []error    // sentinel of each row error, in order
		fatal     error      // sentinel of the fatal error, if any
		fatalLine int
	}{
		{
			file:   "bom_crlf.csv",
			header: []string{"ref", "name"}, delim: ',',
			fields: [][]string{{"1", "Ann"}, {"2", "Bob"}},
			lines:  []int{2, 4},
		},
		{
			file:   "quoted_newlines.csv",
			header: []string{"ref", "name", "address", "postcode"}, delim: ',',
			fields: [][]string{
				{"1", "Ann", "Flat 2\n10 High St\nLeeds", "LS1 1AA"},
				{"2", `Bob "Bobby" Jones`, "1, Mill Lane", "M1 1AA"},
				{"3", "Cy", "a\nb", "B1 1AA"},
				{"4", "Di", "plain", "D1 1DD"},
			},
			lines: []int{2, 5, 6, 8},
		},
		{
			file:   "pipe.txt",
			header: []string{"ref", "name", "address"}, delim: '|',
			fields: [][]string{{"1", "Smith, John", "2, High St"}, {"2", "O'Neil", "3 Low Rd"}},
			lines:  []int{2, 3},
		},
		{
			file:   "tilde.txt",
			header: []string{"ref", "name", "address"}, delim: '~',
			fields: [][]string{{"1", "Smith, John", "2|High St"}, {"2", "Jones", "3 Low Rd"}},
			lines:  []int{2, 3},
		},
		{
			file:   "tab.tsv",
			header: []string{"ref", "name", "address"}, delim: '\t',
			fields: [][]string{{"1", "Smith, John", "2 High St"}, {"2", "Jones", "3 Low Rd"}},
			lines:  []int{2, 3},
		},
		{
			file:   "tilde.txt",
			opts:   Options{Delimiter: '~'},
			header: []string{"ref", "name", "address"}, delim: '~',
			fields: [][]string{{"1", "Smith, John", "2|High St"}, {"2", "Jones", "3 Low Rd"}},
			lines:  []int{2, 3},
		},
		{
			file:   "payroll_cp1252.csv",
			opts:   Options{Encoding: "windows-1252"},
			header: []string{"ref", "surname", "forename", "note"}, delim: ',',
			fields: [][]string{{"001", "Brontë", "Renée", "“owes £120”"}, {"002", "Smith", "Jo", "€ 5"}},
			lines:  []int{2, 3},
		},
		{
			file:   "payroll_cp1252.csv",
			opts:   Options{Encoding: " Latin1 "},
			header: []string{"ref", "surname", "forename", "note"}, delim: ',',
			fields: [][]string{{"001", "Brontë", "Renée", "“owes £120”"}, {"002", "Smith", "Jo", "€ 5"}},
			lines:  []int{2, 3},
		},
		{
			file:   "payroll_cp1252.csv", // the same file read as UTF-8
			header: []string{"ref", "surname", "forename", "note"}, delim: ',',
			fatal: ErrEncoding, fatalLine: 2,
		},
		{
			file:   "not_utf8.csv",
			header: []string{"ref", "name", "address"}, delim: ',',
			fields: [][]string{{"1", "Ann", "2 High St\nLeeds"}},
			lines:  []int{2},
			fatal:  ErrEncoding, fatalLine: 5, // the record starts on 4; the bad byte is on 5
		},
		{
			file:   "utf16le.csv",
			header: []string{"ref", "name"}, delim: ',',
			fields: [][]string{{"1", "Zoë"}},
			lines:  []int{2},
		},
		{
			file:   "ragged.csv",
			header: []string{"ref", "name", "dob"}, delim: ',',
			fields:  [][]string{{"1", "Ann", "01/01/1980"}, {"4", "Di", "03/03/1970"}},
			lines:   []int{2, 3, 4, 5},
			rowErrs: []error{ErrFieldCount, ErrFieldCount},
		},
		{
			file:   "unclosed_quote.csv",
			header: []string{"ref", "name", "address"}, delim: ',',
			fields: [][]string{{"1", "Ann", "2 High St"}},
			lines:  []int{2},
			fatal:  ErrQuote, fatalLine: 3,
		},
		{
			file:   "bare_quote.csv",
			header: []string{"ref", "name", "address"}, delim: ',',
			fields:  [][]string{{"3", "Cy", "4 Mill Lane"}},
			lines:   []int{2, 3, 4},
			rowErrs: []error{ErrQuote, ErrQuote},
		},
		{
			file:   "header_only.csv",
			header: []string{"ref", "name", "dob"}, delim: ',',
		},
		{file: "empty.csv", fatal: ErrNoHeader},
		{file: "blank_only.csv", fatal: ErrNoHeader},
		{
			file:   "trailing_delim.csv",
			header: []string{"ref", "name"}, delim: '|',
			fields:  [][]string{{"1", "Ann"}, {"2", "Bob"}},
			lines:   []int{2, 3, 4},
			rowErrs: []error{ErrFieldCount},
		},
		{
			file:   "trailing_delim_rows_only.csv",
			header: []string{"ref", "name"}, delim: ',',
			lines:   []int{2, 3},
			rowErrs: []error{ErrFieldCount, ErrFieldCount},
		},
		{
			file:   "febrl_spaces.csv",
			header: []string{"rec_id", "given_name", "surname", "postcode"}, delim: ',',
			fields: [][]string{{"rec-1-org", " mitchell", " green", " 2119"}, {"rec-2-dup-0", " ", " mccarthy", " 3165"}},
			lines:  []int{2, 3},
		},
		{
			file:   "blank_rows.csv",
			header: []string{"ref", "name"}, delim: ',',
			fields: [][]string{{"1", "Ann"}, {"2", "Bob"}},
			lines:  []int{2, 6},
		},
		{
			file:   "long_field.csv",
			opts:   Options{MaxFieldBytes: 100},
			header: []string{"ref", "name"}, delim: ',',
			fields:  [][]string{{"2", "Bob"}},
			lines:   []int{2, 3},
			rowErrs: []error{ErrFieldTooLong},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.opts.Encoding, func(t *testing.T) {
			header, delim, rows, err := readAll(t, fixture(tt.file), tt.opts)
			switch {
			case tt.fatal == nil && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.fatal != nil:
				if !errors.Is(err, tt.fatal) {
					t.Fatalf("error = %v, want %v", err, tt.fatal)
				}
				var e *Error
				if !errors.As(err, &e) || e.Line != tt.fatalLine {
					t.Errorf("error %v: want line %d", err, tt.fatalLine)
				}
				if e != nil && e.File != fixture(tt.file) {
					t.Errorf("error names file %q", e.File)
				}
			}
			if !reflect.DeepEqual(header, tt.header) {
				t.Errorf("header = %q, want %q", header, tt.header)
			}
			if delim != tt.delim {
				t.Errorf("delimiter = %q, want %q", delim, tt.delim)
			}
			if got := good(rows); !reflect.DeepEqual(got, tt.fields) {
				t.Errorf("fields =\n%q\nwant\n%q", got, tt.fields)
			}
			if got := lines(rows); !reflect.DeepEqual(got, tt.lines) && !(len(got) == 0 && len(tt.lines) == 0) {
				t.Errorf("lines = %v, want %v", got, tt.lines)
			}
			var errs []error
			for _, r := range rows {
				if r.Err != nil {
					errs = append(errs, r.Err)
					var e *Error
					if !errors.As(r.Err, &e) || e.Line < r.Line {
						t.Errorf("row error %v is not an *Error at or after line %d", r.Err, r.Line)
					}
				} else if len(r.Fields) != len(header) {
					t.Errorf("line %d: %d fields, header has %d", r.Line, len(r.Fields), len(header))
				}
			}
			if len(errs) != len(tt.rowErrs) {
				t.Fatalf("row errors = %v, want %v", errs, tt.rowErrs)
			}
			for i := range errs {
				if !errors.Is(errs[i], tt.rowErrs[i]) {
					t.Errorf("row error %d = %v, want %v", i, errs[i], tt.rowErrs[i])
				}
			}
		})
	}
}

func TestNotUTF8Message(t *testing.T) {
	_, _, _, err := readAll(t, fixture("not_utf8.csv"), Options{})
	want := "not_utf8.csv:5: not valid UTF-8; if the file is Windows-1252 set `encoding: windows-1252`"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		file string
		opts Options
		want []string // row error messages, then the fatal one if any
	}{
		{"ragged.csv", Options{}, []string{
			"ragged.csv:3: wrong number of fields: 2, header has 3",
			"ragged.csv:4: wrong number of fields: 4, header has 3",
		}},
		{"unclosed_quote.csv", Options{}, []string{
			"unclosed_quote.csv:3: misplaced quote: a quoted field starting on this line is never closed; the file cannot be read past it",
		}},
		{"bare_quote.csv", Options{}, []string{
			`bare_quote.csv:2:4: misplaced quote: a quote inside a field that does not start with one; quote the whole field and double the inner quote ("")`,
			"bare_quote.csv:3:13: misplaced quote: text after the closing quote of a quoted field",
		}},
		{"trailing_delim_rows_only.csv", Options{}, []string{
			"trailing_delim_rows_only.csv:2: wrong number of fields: 3, header has 2 (the line ends with a delimiter and the header does not)",
			"trailing_delim_rows_only.csv:3: wrong number of fields: 3, header has 2 (the line ends with a delimiter and the header does not)",
		}},
		{"long_field.csv", Options{MaxFieldBytes: 100}, []string{
			"long_field.csv:2: name: field too long: 200 bytes, the limit is 100",
		}},
		{"empty.csv", Options{}, []string{"empty.csv: no header row"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, _, rows, err := readAll(t, fixture(tt.file), tt.opts)
			var got []string
			for _, r := range rows {
				if r.Err != nil {
					got = append(got, r.Err.Error())
				}
			}
			if err != nil {
				got = append(got, err.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("messages =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		name   string
		sample string
		want   rune
	}{
		{"comma", "a,b,c\n1,2,3\n", ','},
		{"pipe with commas in values", "a|b|c\n1|x, y|3\n4|5|6\n", '|'},
		{"tilde", "a~b\n1~2\n", '~'},
		{"tab with comma in a header name", "Surname, Forename\tDOB\nSmith\t1980\nJones\t1990\n", '\t'},
		{"quoted delimiters ignored", "\"a|b\",c,d\n\"1|2|3\",4,5\n", ','},
		{"quoted newline", "a|b\n\"x\ny,z\"|2\n3|4\n", '|'},
		{"one column", "ni_number\nAB123456C\n", ','},
		{"empty", "", ','},
		{"blank lines first", "\n\n a;b|c|d\n1|2|3\n", '|'},
		{"header only", "a~b~c", '~'},
		{"commas in pipe header break the tie", "a,b|c,d|e\n1|2|3\n", '|'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectDelimiter([]byte(tt.sample)); got != tt.want {
				t.Errorf("detectDelimiter(%q) = %q, want %q", tt.sample, got, tt.want)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		opts Options
		want error
	}{
		{"missing file", fixture("no_such_file.csv"), Options{}, nil},
		{"bad encoding", fixture("pipe.txt"), Options{Encoding: "ebcdic"}, ErrOptions},
		{"quote delimiter", fixture("pipe.txt"), Options{Delimiter: '"'}, ErrOptions},
		{"newline delimiter", fixture("pipe.txt"), Options{Delimiter: '\n'}, ErrOptions},
		{"bad format", fixture("pipe.txt"), Options{Format: 9}, ErrOptions},
		{"negative max", fixture("pipe.txt"), Options{MaxFieldBytes: -1}, ErrOptions},
		{"fixed without layout", fixture("fixed_width.txt"), Options{Format: FixedWidth}, ErrOptions},
		{"fixed bad column", fixture("fixed_width.txt"), Options{Format: FixedWidth, Layout: []Column{{Name: "a", Start: 0, Length: 2}}}, ErrOptions},
		{"fixed unnamed column", fixture("fixed_width.txt"), Options{Format: FixedWidth, Layout: []Column{{Start: 1, Length: 2}}}, ErrOptions},
		{"BOM but windows-1252", fixture("bom_crlf.csv"), Options{Encoding: "cp1252"}, ErrOptions},
		{"not a workbook", fixture("pipe.txt"), Options{Format: XLSX}, ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, tt.opts)
			if err == nil {
				r.Close()
				t.Fatal("Open succeeded")
			}
			var e *Error
			if !errors.As(err, &e) || e.File != tt.path {
				t.Errorf("error %v is not an *Error naming the file", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"", Delimited, true},
		{"delimited", Delimited, true},
		{" Fixed-Width ", FixedWidth, true},
		{"XLSX", XLSX, true},
		{"csv", 0, false},
		{"fixed", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseFormat(%q) = %v, %v", tt.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrOptions) {
			t.Errorf("ParseFormat(%q) error %v is not ErrOptions", tt.in, err)
		}
		if tt.ok && got.String() != strings.ToLower(strings.TrimSpace(tt.in)) && tt.in != "" {
			t.Errorf("%v.String() = %q", got, got.String())
		}
	}
}

func TestReadBatch(t *testing.T) {
	var b strings.Builder
	b.WriteString("ref,name\n")
	for i := 0; i < 25; i++ {
		if i == 7 {
			b.WriteString("ragged\n")
			continue
		}
		fmt.Fprintf(&b, "r%d,n%d\n", i, i)
	}
	want := 25
	for _, n := range []int{0, 1, 4, 10, 25, 100} {
		r, err := NewReader(strings.NewReader(b.String()), "batch.csv", Options{})
		if err != nil {
			t.Fatal(err)
		}
		type seen struct {
			line   int
			bad    bool
			fields string
		}
		var all []seen
		var batch Batch // one Batch, read into again and again
		for {
			err = r.ReadBatch(&batch, n)
			for _, row := range batch.Rows {
				all = append(all, seen{row.Line, row.Err != nil, strings.Clone(strings.Join(row.Fields, ","))})
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if n > 0 && len(batch.Rows) > n {
				t.Fatalf("batch of %d rows, asked for %d", len(batch.Rows), n)
			}
			if len(batch.Rows) >= 2 {
				// Fields of different rows never share memory that a later
				// row could overwrite.
				_ = append(batch.Rows[0].Fields, "x")
				if r1 := batch.Rows[1]; r1.Err == nil && r1.Fields[0] != fmt.Sprintf("r%d", r1.Line-2) {
					t.Errorf("n=%d: appending to one row's Fields changed another", n)
				}
			}
		}
		if len(all) != want {
			t.Fatalf("n=%d: %d rows, want %d", n, len(all), want)
		}
		for i, row := range all {
			if row.line != i+2 {
				t.Errorf("n=%d: row %d line %d", n, i, row.line)
			}
			if row.bad != (i == 7) {
				t.Errorf("n=%d: row %d bad %v", n, i, row.bad)
			}
			if want := fmt.Sprintf("r%d,n%d", i, i); !row.bad && row.fields != want {
				t.Errorf("n=%d: row %d fields %q, want %q", n, i, row.fields, want)
			}
		}
		if err := r.ReadBatch(&batch, n); err != io.EOF || len(batch.Rows) != 0 {
			t.Errorf("after the end: %d rows, %v; want none, io.EOF", len(batch.Rows), err)
		}
		if err := r.Close(); err != nil {
			t.Error(err)
		}
		if _, err := r.Next(); err == nil {
			t.Error("Next after Close succeeded")
		}
		if err := r.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		e    *Error
		want string
	}{
		{&Error{File: "/data/in/payroll.csv", Line: 118, Field: "dob", Err: errors.New("not a date")}, "payroll.csv:118: dob: not a date"},
		{&Error{File: "payroll.csv", Line: 118, Err: ErrFieldCount}, "payroll.csv:118: wrong number of fields"},
		{&Error{File: "payroll.csv", Line: 3, Column: 7, Err: ErrQuote}, "payroll.csv:3:7: misplaced quote"},
		{&Error{File: "payroll.csv", Err: ErrNoHeader}, "payroll.csv: no header row"},
		{&Error{File: "payroll.csv"}, "payroll.csv: error"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestQuoteErrors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines []int    // rows, good or bad
		msgs  []string // row errors, then the fatal error
	}{
		{"unclosed on the last line", "a,b\n1,2\n3,\"x\n", []int{2, 3},
			[]string{"q.csv:3: misplaced quote: a quoted field is not closed, or has text after its closing quote"}},
		{"text after quote on the last line", "a,b\n1,\"x\"y\n", []int{2},
			[]string{"q.csv:2: misplaced quote: a quoted field is not closed, or has text after its closing quote"}},
		{"text after quote in a multi-line field", "a,b\n1,\"x\ny\"z\n2,3\n", []int{2, 4},
			[]string{"q.csv:3:2: misplaced quote: text after the closing quote of a quoted field"}},
		{"unclosed over lines", "a,b\n1,\"x\n2,3\n4,5", []int{},
			[]string{"q.csv:2: misplaced quote: a quoted field starting on this line is never closed; the file cannot be read past it"}},
		{"two quote errors in a row", "a,b\n1,\"x\"y\n2,\"z\"w\n3,4\n", []int{2, 3, 4},
			[]string{"q.csv:2:5: misplaced quote: text after the closing quote of a quoted field",
				"q.csv:3:5: misplaced quote: text after the closing quote of a quoted field"}},
		{"quote error in the header", "a,\"b\"c\n1,2\n", nil,
			[]string{"q.csv:1:5: misplaced quote: text after the closing quote of a quoted field"}},
		{"header never closed", "a,\"b\n1,2\n", nil,
			[]string{"q.csv:1: misplaced quote: a quoted field starting on this line is never closed; the file cannot be read past it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var msgs []string
			var got []int
			r, err := NewReader(strings.NewReader(tt.text), "q.csv", Options{Delimiter: ','})
			if err != nil {
				msgs = append(msgs, err.Error())
			} else {
				for {
					row, err := r.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						if !errors.Is(err, ErrQuote) {
							t.Errorf("fatal %v is not ErrQuote", err)
						}
						msgs = append(msgs, err.Error())
						break
					}
					got = append(got, row.Line)
					if row.Err != nil {
						if !errors.Is(row.Err, ErrQuote) {
							t.Errorf("row error %v is not ErrQuote", row.Err)
						}
						msgs = append(msgs, row.Err.Error())
					}
				}
			}
			if !reflect.DeepEqual(msgs, tt.msgs) {
				t.Errorf("messages =\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(tt.msgs, "\n"))
			}
			if tt.lines != nil && !reflect.DeepEqual(got, tt.lines) && len(got)+len(tt.lines) > 0 {
				t.Errorf("lines = %v, want %v", got, tt.lines)
			}
		})
	}
}

// TestReadBatchReusesMemory checks that reading a file into one Batch again
// and again allocates for opening the file, not for its rows: well under
// one allocation per hundred rows, for delimited and fixed-width text.
func TestReadBatchReusesMemory(t *testing.T) {
	var delimited, fixed strings.Builder
	delimited.WriteString("ref,forename,surname,address\n")
	for i := range 50000 {
		fmt.Fprintf(&delimited, "E%06d,Margaret,Thompson-Smith,\"Flat 2, %d High Street\"\n", i, i%300)
		fmt.Fprintf(&fixed, "E%06dMargaret  Thompson  \n", i)
	}
	layout := []Column{{"ref", 1, 7}, {"forename", 8, 10}, {"surname", 18, 10}}
	for _, c := range []struct {
		name, text string
		opts       Options
	}{
		{"delimited", delimited.String(), Options{}},
		{"fixed", fixed.String(), Options{Format: FixedWidth, Layout: layout}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var batch Batch
			rows := 0
			readAll := func() {
				r, err := NewReader(strings.NewReader(c.text), "reuse.txt", c.opts)
				if err != nil {
					t.Fatal(err)
				}
				rows = 0
				for {
					err := r.ReadBatch(&batch, 1000)
					rows += len(batch.Rows)
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			allocs := testing.AllocsPerRun(2, readAll)
			if rows != 50000 {
				t.Fatalf("%d rows, want 50000", rows)
			}
			if allocs > 60 {
				t.Errorf("%.0f allocations to read %d rows into a reused Batch, want under 60 (opening the file)", allocs, rows)
			}
		})
	}
}

// TestReadBatchAgreesWithNext reads each test file, and a file of quote
// errors and multi-line fields at every batch boundary, with ReadBatch into
// one reused Batch at several batch sizes, and requires the rows Next
// gives: the same lines, fields and errors, and the same fatal error. A
// row read ahead after a quote error may be returned in the next batch,
// after its memory was read into again.
func TestReadBatchAgreesWithNext(t *testing.T) {
	type row struct {
		line   int
		fields string
		err    string
	}
	describe := func(r Row) row {
		e := ""
		if r.Err != nil {
			e = r.Err.Error()
		}
		return row{r.Line, strings.Clone(strings.Join(r.Fields, "|")), e} // Join returns a lone field as it is
	}
	var messy strings.Builder
	messy.WriteString("ref,name,note\n")
	for i := range 40 {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&messy, "R%d,\"bad\"x,n\n", i) // text after a closing quote
		case 1:
			fmt.Fprintf(&messy, "R%d,O\"Brien,n\n", i) // a bare quote
		case 2:
			fmt.Fprintf(&messy, "R%d,\"two\nlines\",n\n", i)
		default:
			fmt.Fprintf(&messy, "R%d,name %d,n\n", i, i)
		}
	}
	files := map[string][]byte{"messy.csv": []byte(messy.String())}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") {
			b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = b
		}
	}
	for name, text := range files {
		var want []row
		var wantErr error
		r, err := NewReader(bytes.NewReader(text), name, Options{})
		if err != nil {
			continue // no header, or not readable at all: nothing to batch
		}
		for {
			got, err := r.Next()
			if err != nil {
				wantErr = err
				break
			}
			want = append(want, describe(got))
		}
		for _, n := range []int{1, 2, 3, 7} {
			r, err := NewReader(bytes.NewReader(text), name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			var batch Batch
			for {
				err = r.ReadBatch(&batch, n)
				for _, row := range batch.Rows {
					got = append(got, describe(row))
				}
				if err != nil {
					break
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, batches of %d:\n got %v\nwant %v", name, n, got, want)
			}
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s, batches of %d: ended with %v, want %v", name, n, err, wantErr)
			}
		}
	}
}
