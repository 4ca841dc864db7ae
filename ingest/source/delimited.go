package source

import (
	"bufio"
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

// delimited reads delimited text, split into records by a splitter.
type delimited struct {
	file     string
	s        *splitter
	names    []string // header names (trimmed), without a trailing empty one
	width    int      // fields in the header line, including a trailing empty one
	trailing bool     // the header line ends with a delimiter
	validate bool     // check UTF-8
	maxField int
}

// newDelimited reads the header and returns the reader positioned on the first data row.
func newDelimited(br *bufio.Reader, path string, delim rune, opts Options, validate bool) (*delimited, []string, error) {
	s := newSplitter(br, delim)
	d := &delimited{file: path, s: s, validate: validate, maxField: opts.maxField()}
	for {
		err := s.split()
		if err == io.EOF {
			return nil, nil, &Error{File: path, Err: ErrNoHeader}
		}
		if qe, ok := err.(*splitError); ok {
			if ferr := d.scan(); ferr != nil {
				return nil, nil, ferr
			}
			qerr, _ := d.quoteError(qe)
			return nil, nil, qerr
		}
		if err != nil {
			return nil, nil, d.readError(err)
		}
		if blankBytes(s.recordText()) {
			continue
		}
		if ferr := d.scan(); ferr != nil {
			return nil, nil, ferr
		}
		n := s.fields()
		for i := range n {
			if len(s.field(i)) > d.maxField {
				l, c := s.pos(i)
				return nil, nil, &Error{File: path, Line: l, Column: c, Err: withDetail(ErrFieldTooLong, "in the header row")}
			}
		}
		names := make([]string, n)
		for i := range n {
			names[i] = strings.TrimSpace(string(s.field(i)))
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

// read returns the next row that is not blank, with its fields taken from
// a; io.EOF at the end; or a fatal error (I/O, invalid UTF-8, a quoted field
// that swallowed the rest of the file).
func (d *delimited) read(m *rowMem) (Row, error) {
	for {
		err := d.s.split()
		if err == io.EOF {
			return Row{}, io.EOF
		}
		if err != nil {
			if qe, ok := err.(*splitError); ok {
				return d.quoteRow(m, qe)
			}
			return Row{}, d.readError(err)
		}
		if blankBytes(d.s.recordText()) {
			continue // every field is empty or white space
		}
		if ferr := d.scan(); ferr != nil {
			return Row{}, ferr
		}
		line, _ := d.s.pos(0)
		return d.row(m, line), nil
	}
}

// row checks the well-formed record in the splitter against the header and
// returns it, its fields taken from a.
func (d *delimited) row(m *rowMem, line int) Row {
	s := d.s
	n := s.fields()
	named := len(d.names)
	switch {
	case n == d.width && d.trailing && !blankBytes(s.field(n-1)):
		return Row{Line: line, Fields: s.record(m, n), Err: &Error{File: d.file, Line: line,
			Err: withDetail(ErrFieldCount, "a value after the last named column")}}
	case n == d.width, d.trailing && n == named:
		// a good row, with or without the trailing delimiter the header has
	default:
		detail := strconv.Itoa(n) + ", header has " + strconv.Itoa(named)
		if !d.trailing && n == d.width+1 && len(s.field(n-1)) == 0 {
			detail += " (the line ends with a delimiter and the header does not)"
		}
		return Row{Line: line, Fields: s.record(m, n), Err: &Error{File: d.file, Line: line,
			Err: withDetail(ErrFieldCount, detail)}}
	}
	fields := s.record(m, named)
	for i, f := range fields {
		if len(f) > d.maxField {
			l, _ := s.pos(i)
			return Row{Line: line, Fields: fields, Err: &Error{File: d.file, Line: l, Field: d.names[i],
				Err: withDetail(ErrFieldTooLong, strconv.Itoa(len(f))+" bytes, the limit is "+strconv.Itoa(d.maxField))}}
		}
	}
	return Row{Line: line, Fields: fields}
}

// quoteRow turns a quote error into a row error holding the fields read
// before it, or into a fatal error when a quoted field ran on to the end of
// the file.
func (d *delimited) quoteRow(m *rowMem, qe *splitError) (Row, error) {
	if ferr := d.scan(); ferr != nil {
		return Row{}, ferr
	}
	row := Row{Line: qe.startLine, Fields: d.s.record(m, d.s.fields())} // taken before quoteError reads ahead
	err, fatal := d.quoteError(qe)
	if fatal {
		return Row{}, err
	}
	row.Err = err
	return row, nil
}

// quoteError describes a quote error without quoting the text, and says
// whether it is fatal. The splitter, like encoding/csv, reports a quoted
// field never closed and text after a closing quote alike; they differ in
// what follows. A field never closed runs to the end of the file, so when the
// error spans several lines and nothing follows, the field swallowed the
// rest of the file: fatal, reported at the line where it started. To know,
// quoteError reads one record ahead, which the next read returns.
func (d *delimited) quoteError(qe *splitError) (e *Error, fatal bool) {
	if qe.bare {
		return &Error{File: d.file, Line: qe.line, Column: qe.column, Err: withDetail(ErrQuote,
			`a quote inside a field that does not start with one; quote the whole field and double the inner quote ("")`)}, false
	}
	err := d.s.split()
	atEOF := err == io.EOF
	if !atEOF {
		d.s.hold(err)
	}
	switch {
	case atEOF && qe.line > qe.startLine:
		return &Error{File: d.file, Line: qe.startLine, Err: withDetail(ErrQuote,
			"a quoted field starting on this line is never closed; the file cannot be read past it")}, true
	case atEOF:
		return &Error{File: d.file, Line: qe.line, Err: withDetail(ErrQuote,
			"a quoted field is not closed, or has text after its closing quote")}, false
	}
	return &Error{File: d.file, Line: qe.line, Column: qe.column, Err: withDetail(ErrQuote,
		"text after the closing quote of a quoted field")}, false
}

// readError wraps an error from the underlying reader (I/O) as fatal.
func (d *delimited) readError(err error) error {
	return &Error{File: d.file, Err: fmt.Errorf("cannot read: %w", unwrapPath(err))}
}

// scan checks that the completed fields of the record in the splitter are
// valid UTF-8 (when the text was not decoded), returning the fatal error
// with the exact line of the first bad byte.
func (d *delimited) scan() error {
	if !d.validate {
		return nil
	}
	if l := d.s.invalidLine(); l > 0 {
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
