package source

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// fixed reads fixed-width text: one row per line, fields cut at rune positions.
type fixed struct {
	file     string
	br       *bufio.Reader
	layout   []Column
	need     int // characters a line needs to hold every column
	validate bool
	maxLine  int // longest line kept, in bytes
	line     int // lines read so far
	buf      []byte
	offs     []int // byte offset of each rune of the current line, up to need
}

func newFixed(br *bufio.Reader, path string, opts Options, validate bool) *fixed {
	f := &fixed{file: path, br: br, layout: opts.Layout, validate: validate}
	for _, c := range opts.Layout {
		f.need = max(f.need, c.Start-1+c.Length)
	}
	f.maxLine = 4*f.need + opts.maxField()
	return f
}

// names returns the layout's column names: the header of a fixed-width file.
func (f *fixed) names() []string {
	n := make([]string, len(f.layout))
	for i, c := range f.layout {
		n[i] = c.Name
	}
	return n
}

// readLine returns the next physical line without its line ending. tooLong
// says the line was longer than maxLine and has been cut.
func (f *fixed) readLine() (line []byte, tooLong bool, err error) {
	chunk, err := f.br.ReadSlice('\n')
	switch {
	case err == nil:
		line = chunk // the common case: no copy
	case err == bufio.ErrBufferFull:
		f.buf = append(f.buf[:0], chunk...)
		for err == bufio.ErrBufferFull {
			chunk, err = f.br.ReadSlice('\n')
			if len(f.buf)+len(chunk) <= f.maxLine {
				f.buf = append(f.buf, chunk...)
			} else {
				tooLong = true
			}
		}
		if err != nil && err != io.EOF {
			return nil, false, f.readError(err)
		}
		line = f.buf
	case err == io.EOF:
		if len(chunk) == 0 {
			return nil, false, io.EOF
		}
		line = chunk
	default:
		return nil, false, f.readError(err)
	}
	f.line++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if len(line) > f.maxLine {
		line, tooLong = line[:f.maxLine], true
	}
	if tooLong { // do not leave half a character at the cut
		for k := 0; k < utf8.UTFMax && len(line) > 0 && !utf8.FullRune(line[lastStart(line):]); k++ {
			line = line[:lastStart(line)]
		}
	}
	return line, tooLong, nil
}

func (f *fixed) readError(err error) error {
	return &Error{File: f.file, Line: f.line + 1, Err: fmt.Errorf("cannot read: %w", unwrapPath(err))}
}

func (f *fixed) read(m *rowMem) (Row, error) {
	for {
		line, tooLong, err := f.readLine()
		if err != nil {
			return Row{}, err
		}
		if blankBytes(line) {
			continue
		}
		ascii := true
		for i, b := range line {
			if b >= utf8.RuneSelf {
				ascii = false
				if f.validate && !utf8.Valid(line[i:]) {
					return Row{}, &Error{File: f.file, Line: f.line, Err: errNotUTF8}
				}
				break
			}
		}
		return f.cut(m, m.keep(line), ascii, tooLong), nil
	}
}

// cut splits a line into the layout's fields by character position.
func (f *fixed) cut(m *rowMem, s string, ascii, tooLong bool) Row {
	n := len(s) // characters in the line, up to need
	if !ascii {
		f.offs = f.offs[:0]
		for i := range s {
			if len(f.offs) == f.need {
				break
			}
			f.offs = append(f.offs, i)
		}
		n = len(f.offs)
	}
	at := func(k int) int { // byte offset of character k, clamped to the line
		if k >= n {
			if ascii || n < f.need {
				return len(s)
			}
			// k == need and the line goes on: the end of the last needed rune
			last := f.offs[n-1]
			_, size := utf8.DecodeRuneInString(s[last:])
			return last + size
		}
		if ascii {
			return k
		}
		return f.offs[k]
	}
	fields := m.take(len(f.layout))
	for j, c := range f.layout {
		fields[j] = s[at(c.Start-1):at(c.Start-1+c.Length)]
	}
	row := Row{Line: f.line, Fields: fields}
	switch {
	case tooLong:
		row.Err = &Error{File: f.file, Line: f.line, Err: withDetail(ErrFieldTooLong,
			"the line is longer than "+strconv.Itoa(f.maxLine)+" bytes")}
	case n < f.need:
		row.Err = &Error{File: f.file, Line: f.line, Err: withDetail(ErrFieldCount,
			"the line has "+strconv.Itoa(n)+" characters, the layout needs "+strconv.Itoa(f.need))}
	}
	return row
}

// blankBytes is blankString for a line of bytes.
func blankBytes(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

// lastStart returns the index where the last (possibly partial) UTF-8
// sequence of b starts.
func lastStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && i > len(b)-utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	return max(i, 0)
}
