package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Neutralise makes a cell safe to open in a spreadsheet: a value that
// begins with = + - @ (or a tab or carriage return, which some spreadsheets
// skip before looking for those) is prefixed with a single quote, so it is
// shown as text and never run as a formula. Other values are returned as
// they are. Neutralising twice changes nothing.
func Neutralise(s string) string {
	if needsNeutralising(s) {
		return "'" + s
	}
	return s
}

func needsNeutralising(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// csvWriter writes CSV exactly as encoding/csv.Writer does with its
// defaults (comma, LF line ends, the same quoting), but into a reused
// buffer so that a row costs no allocation. Text cells are neutralised;
// numbers nfi formats are written with the num methods.
type csvWriter struct {
	w     *bufio.Writer
	first bool
	buf   []byte
}

func newCSVWriter(w io.Writer) *csvWriter {
	return &csvWriter{w: bufio.NewWriterSize(w, 64<<10), first: true}
}

// text writes a cell that may hold input: neutralised, then quoted as needed.
func (c *csvWriter) text(s string) {
	if needsNeutralising(s) {
		c.sep()
		c.quoted("'" + s)
		return
	}
	c.raw(s)
}

// raw writes a cell as it is, quoted as needed (headers, names nfi chose,
// numbers it formatted).
func (c *csvWriter) raw(s string) {
	c.sep()
	c.quoted(s)
}

// float writes f with prec decimals.
func (c *csvWriter) float(f float64, prec int) {
	c.sep()
	c.buf = strconv.AppendFloat(c.buf[:0], f, 'f', prec, 64)
	c.w.Write(c.buf)
}

// int writes n.
func (c *csvWriter) int(n int64) {
	c.sep()
	c.buf = strconv.AppendInt(c.buf[:0], n, 10)
	c.w.Write(c.buf)
}

func (c *csvWriter) sep() {
	if !c.first {
		c.w.WriteByte(',')
	}
	c.first = false
}

// end finishes the row.
func (c *csvWriter) end() {
	c.w.WriteByte('\n')
	c.first = true
}

// row writes a whole row of raw cells (a header).
func (c *csvWriter) row(cells []string) {
	for _, s := range cells {
		c.raw(s)
	}
	c.end()
}

// flush writes out what is buffered and returns the first write error.
func (c *csvWriter) flush() error { return c.w.Flush() }

func (c *csvWriter) quoted(s string) {
	if !fieldNeedsQuotes(s) {
		c.w.WriteString(s)
		return
	}
	c.w.WriteByte('"')
	for len(s) > 0 {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			c.w.WriteString(s)
			break
		}
		c.w.WriteString(s[:i+1])
		c.w.WriteByte('"')
		s = s[i+1:]
	}
	c.w.WriteByte('"')
}

// fieldNeedsQuotes is encoding/csv's rule for a comma-separated file.
func fieldNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
