package source

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// delimiterCandidates are the delimiters detection chooses from, in order of
// preference when the evidence is equal.
func delimiterCandidates() [4]byte { return [4]byte{',', '|', '~', '\t'} }

// sniffLines is how many non-blank lines (the header and those after it)
// delimiter detection looks at.
const sniffLines = 20

// detectDelimiter picks the delimiter of a file from the start of its text.
// It counts each candidate outside double quotes on the header line and on
// the lines after it (a quoted field may span lines), and picks the
// candidate present in the header whose count is the same on the most
// following lines; ties go to the larger count in the header, then to the
// order ',' '|' '~' '\t'. A header holding none of them is a one-column
// file, read with ','.
func detectDelimiter(sample []byte) rune {
	cands := delimiterCandidates()
	var counts [sniffLines][len(cands)]int
	lines := 0    // complete non-blank lines counted
	blank := true // current line has only white space so far
	inQuote := false
	for _, c := range sample {
		if lines == sniffLines {
			break
		}
		switch c {
		case '"':
			inQuote = !inQuote
			blank = false
		case '\n':
			if inQuote {
				continue
			}
			if !blank {
				lines++
			}
			blank = true
		case ' ', '\r':
		default:
			blank = false
			if inQuote {
				continue
			}
			for k, d := range cands {
				if c == d {
					counts[lines][k]++
				}
			}
		}
	}
	if lines < sniffLines && !blank {
		lines++ // the last line, possibly cut short: only its header role matters if it is the only one
	}
	best, bestScore, bestHead := ',', -1, 0
	for k, d := range cands {
		head := counts[0][k]
		if head == 0 {
			continue
		}
		score := 0
		for j := 1; j < lines && j < sniffLines; j++ {
			if counts[j][k] == head {
				score++
			}
		}
		if score > bestScore || (score == bestScore && head > bestHead) {
			best, bestScore, bestHead = rune(d), score, head
		}
	}
	return best
}

// delimited reads delimited text with encoding/csv.
type delimited struct {
	file     string
	cr       *csv.Reader
	names    []string // header names (trimmed), without a trailing empty one
	width    int      // fields in the header line, including a trailing empty one
	trailing bool     // the header line ends with a delimiter
	validate bool     // check UTF-8
	maxField int
	pending  *pendingRecord // a record read ahead after a quote error
}

// pendingRecord is a csv.Reader result read ahead of its turn.
type pendingRecord struct {
	rec []string
	err error
}

// newDelimited reads the header and returns the reader positioned on the first data row.
func newDelimited(br *bufio.Reader, path string, delim rune, opts Options, validate bool) (*delimited, []string, error) {
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = false
	d := &delimited{file: path, cr: cr, validate: validate, maxField: opts.maxField()}
	for {
		rec, err := d.record()
		if err == io.EOF {
			return nil, nil, &Error{File: path, Err: ErrNoHeader}
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if ferr := d.scan(rec, pe.StartLine); ferr != nil {
				return nil, nil, ferr
			}
			qerr, _ := d.quoteError(pe)
			return nil, nil, qerr
		}
		if err != nil {
			return nil, nil, d.readError(err)
		}
		if blankRecord(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if ferr := d.scan(rec, line); ferr != nil {
			return nil, nil, ferr
		}
		for i, f := range rec {
			if len(f) > d.maxField {
				l, c := cr.FieldPos(i)
				return nil, nil, &Error{File: path, Line: l, Column: c, Err: withDetail(ErrFieldTooLong, "in the header row")}
			}
		}
		names := make([]string, len(rec))
		for i, f := range rec {
			names[i] = strings.TrimSpace(f)
		}
		names[0] = strings.TrimPrefix(names[0], "\uFEFF")
		d.width = len(names)
		if d.width > 1 && names[d.width-1] == "" {
			d.trailing = true
			names = names[:d.width-1]
		}
		d.names = names
		return d, names, nil
	}
}

// record returns the read-ahead record if there is one, else the next one.
func (d *delimited) record() ([]string, error) {
	if p := d.pending; p != nil {
		d.pending = nil
		return p.rec, p.err
	}
	return d.cr.Read()
}

func (d *delimited) read(a *arena) (Row, error) {
	for {
		rec, err := d.record()
		if err == io.EOF {
			return Row{}, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError // declared here: errors.As moves it to the heap
			if errors.As(err, &pe) {
				return d.quoteRow(a, rec, pe)
			}
			return Row{}, d.readError(err)
		}
		if blankRecord(rec) {
			continue
		}
		line, _ := d.cr.FieldPos(0)
		if ferr := d.scan(rec, line); ferr != nil {
			return Row{}, ferr
		}
		return d.row(a, rec, line), nil
	}
}

// row checks a well-formed record against the header and copies it out.
func (d *delimited) row(a *arena, rec []string, line int) Row {
	n := len(rec)
	named := len(d.names)
	switch {
	case n == d.width && d.trailing && !blankString(rec[n-1]):
		return Row{Line: line, Fields: a.copyOf(rec), Err: &Error{File: d.file, Line: line,
			Err: withDetail(ErrFieldCount, "a value after the last named column")}}
	case n == d.width, d.trailing && n == named:
		// a good row, with or without the trailing delimiter the header has
	default:
		detail := strconv.Itoa(n) + ", header has " + strconv.Itoa(named)
		if !d.trailing && n == d.width+1 && rec[n-1] == "" {
			detail += " (the line ends with a delimiter and the header does not)"
		}
		return Row{Line: line, Fields: a.copyOf(rec), Err: &Error{File: d.file, Line: line,
			Err: withDetail(ErrFieldCount, detail)}}
	}
	fields := a.copyOf(rec[:named])
	for i, f := range fields {
		if len(f) > d.maxField {
			l, _ := d.cr.FieldPos(i)
			return Row{Line: line, Fields: fields, Err: &Error{File: d.file, Line: l, Field: d.names[i],
				Err: withDetail(ErrFieldTooLong, strconv.Itoa(len(f))+" bytes, the limit is "+strconv.Itoa(d.maxField))}}
		}
	}
	return Row{Line: line, Fields: fields}
}

// quoteRow turns a csv quote error into a row error, or into a fatal error
// when a quoted field ran on to the end of the file.
func (d *delimited) quoteRow(a *arena, rec []string, pe *csv.ParseError) (Row, error) {
	if ferr := d.scan(rec, pe.StartLine); ferr != nil {
		return Row{}, ferr
	}
	row := Row{Line: pe.StartLine, Fields: a.copyOf(rec)} // copied before quoteError reads ahead
	err, fatal := d.quoteError(pe)
	if fatal {
		return Row{}, err
	}
	row.Err = err
	return row, nil
}

// quoteError describes a csv quote error without quoting the text, and says
// whether it is fatal. encoding/csv reports a quoted field never closed and
// text after a closing quote alike; they differ in what follows. A field
// never closed runs to the end of the file, so when the error spans several
// lines and nothing follows, the field swallowed the rest of the file: fatal,
// reported at the line where it started. To know, quoteError reads one record
// ahead and keeps it for the next read.
func (d *delimited) quoteError(pe *csv.ParseError) (e *Error, fatal bool) {
	if errors.Is(pe.Err, csv.ErrBareQuote) {
		return &Error{File: d.file, Line: pe.Line, Column: pe.Column, Err: withDetail(ErrQuote,
			`a quote inside a field that does not start with one; quote the whole field and double the inner quote ("")`)}, false
	}
	atEOF := false
	if d.pending == nil {
		next, err := d.cr.Read()
		if atEOF = err == io.EOF; !atEOF {
			d.pending = &pendingRecord{rec: next, err: err}
		}
	}
	switch {
	case atEOF && pe.Line > pe.StartLine:
		return &Error{File: d.file, Line: pe.StartLine, Err: withDetail(ErrQuote,
			"a quoted field starting on this line is never closed; the file cannot be read past it")}, true
	case atEOF:
		return &Error{File: d.file, Line: pe.Line, Err: withDetail(ErrQuote,
			"a quoted field is not closed, or has text after its closing quote")}, false
	}
	return &Error{File: d.file, Line: pe.Line, Column: pe.Column, Err: withDetail(ErrQuote,
		"text after the closing quote of a quoted field")}, false
}

// readError wraps an error from the underlying reader (I/O) as fatal.
func (d *delimited) readError(err error) error {
	return &Error{File: d.file, Err: fmt.Errorf("cannot read: %w", unwrapPath(err))}
}

// scan checks that every field is valid UTF-8 (when the text was not
// decoded), returning the fatal error with the exact line of the first bad
// byte. line is the record's first line, used when field positions are unknown.
func (d *delimited) scan(rec []string, line int) error {
	if !d.validate {
		return nil
	}
	for i, f := range rec {
		if utf8.ValidString(f) {
			continue
		}
		l := line
		if fl, _ := d.cr.FieldPos(i); fl > 0 {
			l = fl
		}
		l += strings.Count(f[:invalidAt(f)], "\n")
		return &Error{File: d.file, Line: l, Err: errNotUTF8}
	}
	return nil
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence in s,
// or len(s) if there is none.
func invalidAt(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}
