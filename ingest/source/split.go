package source

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// splitter splits delimited text into records by exactly the rules
// encoding/csv applies with Comma set to the delimiter, FieldsPerRecord -1,
// LazyQuotes false and TrimLeadingSpace false (FuzzSplitterMatchesCSV checks
// it against encoding/csv):
//   - a record is one line, or more when a quoted field holds line breaks;
//     lines end in LF or CRLF, and a CR at the very end of the file is dropped;
//   - a field that starts with a double quote is quoted: it ends at the next
//     quote followed by the delimiter or the end of the line, and a doubled
//     quote inside it stands for one quote; CRLF inside it becomes LF;
//   - a quote anywhere in an unquoted field is a bare-quote error, and text
//     after a closing quote, or a quoted field still open at the end of the
//     file, is a quote error (both with encoding/csv's line and column);
//   - empty lines between records are skipped.
//
// It exists instead of encoding/csv because encoding/csv allocates a string
// for every record, which the reader then copied again. The splitter
// unescapes a record into a buffer it reuses, as encoding/csv does; a row
// taken from it (record) copies the record's text in one piece into the
// memory of the batch being read, and the row's strings point into that.
//
// A splitter is not safe for concurrent use.
type splitter struct {
	br       *bufio.Reader
	comma    rune   // the delimiter
	commaLen int    // its length in bytes
	line     int    // lines read so far (the last line read)
	long     []byte // a line longer than br's buffer, gathered

	// buf holds the current record's fields, unescaped and run together;
	// ends[i] is the end of field i in it and at[i] is where field i begins
	// in the file. Only fields that were completed are listed, as in
	// encoding/csv: after a quote error the field being read is dropped.
	buf  []byte
	ends []int
	at   []position

	// held is set when the record in the splitter was read ahead of its
	// turn; split then returns it again, with heldErr, instead of reading on.
	held    bool
	heldErr error
}

// position is where a field starts: 1-based line, and 1-based byte column
// in that line (encoding/csv's FieldPos).
type position struct{ line, col int }

// splitError is a quote error, with the positions encoding/csv's ParseError
// gives: the line where the record starts, and the line and byte column of
// the fault (for a quoted field open at the end of the file, the end of the
// text). It never holds text from the file.
type splitError struct {
	startLine, line, column int
	// bare is true for a quote in an unquoted field (encoding/csv's
	// ErrBareQuote), false for a quote error in a quoted field (ErrQuote).
	bare bool
}

// Error names the kind of quote error; the reader makes its own message.
func (e *splitError) Error() string {
	if e.bare {
		return "bare quote in an unquoted field"
	}
	return "misplaced quote in a quoted field"
}

// newSplitter returns a splitter reading br with the given delimiter, which
// must be valid for encoding/csv (Options.check makes sure of it).
func newSplitter(br *bufio.Reader, comma rune) *splitter {
	return &splitter{br: br, comma: comma, commaLen: utf8.RuneLen(comma)}
}

// readLine reads the next line with its LF, normalising a final CRLF to LF
// and dropping a CR just before the end of the file, as encoding/csv does.
// A line longer than the bufio buffer is gathered in s.long. If some bytes
// were read the error is never io.EOF. The line is valid until the next read.
func (s *splitter) readLine() ([]byte, error) {
	line, err := s.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.long = append(s.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = s.br.ReadSlice('\n')
			s.long = append(s.long, line...)
		}
		line = s.long
	}
	if n := len(line); n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	s.line++ // also at the end of the file, as encoding/csv counts
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		// Rewrite the CR in place (the bytes were consumed; the buffer is
		// ours until the next read) and drop the LF.
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// lengthNL is 1 if b ends with LF, else 0.
func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// split reads the next record, skipping empty lines before it. It returns
// nil, io.EOF at the end of the text, a *splitError for a quote error (the
// fields completed before it are kept), or an error from the underlying
// reader. The record is read with fields, field and pos until the next call.
//
// The fields are unescaped into s.buf, which the next split reuses. The
// loop works on local copies of the slices and stores them back once, at
// the end: stores into the heap cost a GC write barrier each.
func (s *splitter) split() error {
	if s.held {
		s.held = false
		return s.heldErr
	}

	// Read a line, skipping empty ones.
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = s.readLine()
		if errRead == nil && len(line) == lengthNL(line) {
			continue
		}
		break
	}
	if errRead == io.EOF {
		return io.EOF
	}

	buf, ends, at := s.buf[:0], s.ends[:0], s.at[:0]
	var err error
	recLine := s.line // the line where the record starts
	p := position{line: s.line, col: 1}
fields:
	for {
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field runs to the next delimiter or the end of the line.
			i, bare := s.unquotedEnd(line)
			if bare {
				err = &splitError{startLine: recLine, line: s.line, column: p.col + i, bare: true}
				break fields
			}
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			buf = append(buf, field...)
			ends, at = append(ends, len(buf)), append(at, p)
			if i < 0 {
				break fields
			}
			line = line[i+s.commaLen:]
			p.col += i + s.commaLen
			continue fields
		}

		// A quoted field runs to a quote followed by the delimiter or the
		// end of the line, perhaps lines later.
		fieldAt := p
		line = line[1:]
		p.col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				buf = append(buf, line[:i]...)
				line = line[i+1:]
				p.col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"':
					// A doubled quote stands for one.
					buf = append(buf, '"')
					line = line[1:]
					p.col++
				case s.startsWithComma(line):
					line = line[s.commaLen:]
					p.col += s.commaLen
					ends, at = append(ends, len(buf)), append(at, fieldAt)
					continue fields
				case len(line) == lengthNL(line):
					ends, at = append(ends, len(buf)), append(at, fieldAt)
					break fields
				default:
					// Text after the closing quote; the column is the quote's.
					err = &splitError{startLine: recLine, line: s.line, column: p.col - 1}
					break fields
				}
			case len(line) > 0:
				// The line ends inside the field: keep it and its LF, read on.
				buf = append(buf, line...)
				if errRead != nil {
					break fields
				}
				p.col += len(line)
				line, errRead = s.readLine()
				if len(line) > 0 {
					p.line++
					p.col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			default:
				// The end of the file (or a read error) inside the field.
				if errRead == nil {
					err = &splitError{startLine: recLine, line: p.line, column: p.col}
					break fields
				}
				ends, at = append(ends, len(buf)), append(at, fieldAt)
				break fields
			}
		}
	}
	if len(ends) > 0 {
		buf = buf[:ends[len(ends)-1]] // not the text of a field cut short by an error
	} else {
		buf = buf[:0]
	}
	s.buf, s.ends, s.at = buf, ends, at
	if err == nil {
		err = errRead
	}
	return err
}

// unquotedEnd finds the end of the unquoted field at the start of line: the
// index of the delimiter after it, or -1 when it runs to the end of the
// line; or, when a double quote comes first (a bare quote), the quote's
// index and bare true. A one-byte delimiter, the usual case, is found in
// the same pass as the quote; fields are short, so a loop beats two searches.
func (s *splitter) unquotedEnd(line []byte) (i int, bare bool) {
	if s.commaLen == 1 {
		c := byte(s.comma)
		for i, b := range line {
			if b == c {
				return i, false
			}
			if b == '"' {
				return i, true
			}
		}
		return -1, false
	}
	i = bytes.IndexRune(line, s.comma)
	field := line
	if i >= 0 {
		field = line[:i]
	}
	if j := bytes.IndexByte(field, '"'); j >= 0 {
		return j, true
	}
	return i, false
}

// startsWithComma reports whether b begins with the delimiter.
func (s *splitter) startsWithComma(b []byte) bool {
	if s.commaLen == 1 {
		return len(b) > 0 && rune(b[0]) == s.comma
	}
	r, _ := utf8.DecodeRune(b)
	return r == s.comma
}

// hold makes the next split return the record now in the splitter again,
// with err: the reader uses it after reading a record ahead of its turn.
func (s *splitter) hold(err error) {
	s.held, s.heldErr = true, err
}

// fields returns the number of completed fields in the current record.
func (s *splitter) fields() int { return len(s.ends) }

// field returns the text of field i of the current record, valid until
// the next split.
func (s *splitter) field(i int) []byte {
	from := 0
	if i > 0 {
		from = s.ends[i-1]
	}
	return s.buf[from:s.ends[i]]
}

// pos returns the line and byte column where field i of the current record
// begins (for a quoted field, its opening quote), as encoding/csv's FieldPos.
func (s *splitter) pos(i int) (line, col int) { return s.at[i].line, s.at[i].col }

// recordText returns the text of the completed fields of the current record,
// run together, valid until the next split.
func (s *splitter) recordText() []byte { return s.buf }

// record returns the first n fields of the current record in a slice taken
// from m, their text copied in one piece into m: they stay valid after the
// next split.
func (s *splitter) record(m *rowMem, n int) []string {
	rec := m.take(n)
	if n == 0 {
		return rec
	}
	text := m.keep(s.buf[:s.ends[n-1]])
	from := 0
	for i := range rec {
		rec[i] = text[from:s.ends[i]]
		from = s.ends[i]
	}
	return rec
}

// invalidLine returns the line of the first byte of the current record's
// completed fields that is not valid UTF-8, or 0 if they are all valid.
// Each field must be valid on its own (two halves of a character in two
// fields are two errors, not one character). The fields run together are
// valid, and each field starts on a character boundary, exactly when every
// field is valid; so the common case is one check of the record's text, and
// only a record that fails it is searched field by field for the first bad
// byte, whose line is the field's line plus the line breaks before it.
func (s *splitter) invalidLine() int {
	all := s.recordText()
	if utf8.Valid(all) {
		ok := true
		for i := 1; i < len(s.ends); i++ {
			if e := s.ends[i-1]; e < len(all) && !utf8.RuneStart(all[e]) {
				ok = false
				break
			}
		}
		if ok {
			return 0
		}
	}
	for i := range s.ends {
		if utf8.Valid(s.field(i)) {
			continue
		}
		f := string(s.field(i)) // the file's last row: it is fatal
		return s.at[i].line + strings.Count(f[:invalidAt(f)], "\n")
	}
	return 0
}
