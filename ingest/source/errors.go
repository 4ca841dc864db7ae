package source

import (
	"errors"
	"path/filepath"
	"strconv"
)

// Sentinel errors. Every error from Open, NewReader and a Reader is an
// [*Error] wrapping one of these (or an I/O error), so callers test the kind
// with errors.Is and learn where from the [*Error]. None of them ever holds a
// value read from the file.
var (
	// ErrFieldCount: a row has a different number of fields from the header
	// (delimited, xlsx) or a line is too short for the layout (fixed width).
	// A row error: the row is rejected and reading goes on.
	ErrFieldCount = errors.New("wrong number of fields")

	// ErrFieldTooLong: a field (or a fixed-width line) is longer than
	// Options.MaxFieldBytes. A row error.
	ErrFieldTooLong = errors.New("field too long")

	// ErrEncoding: the bytes are not valid in the file's character encoding.
	// Fatal, because every later value would be suspect too.
	ErrEncoding = errors.New("not valid UTF-8")

	// ErrNoHeader: the file is empty or holds only blank lines. Fatal.
	ErrNoHeader = errors.New("no header row")

	// ErrQuote: a double quote where the CSV rules do not allow one. A row
	// error, except for a quoted field never closed before the end of the
	// file, which is fatal (the rest of the file was swallowed by the field).
	ErrQuote = errors.New("misplaced quote")

	// ErrOptions: the Options cannot be used (unknown format or encoding,
	// bad delimiter, bad fixed-width layout, no such sheet). Fatal.
	ErrOptions = errors.New("invalid reader options")

	// ErrFormat: the file is not what Options.Format says (for example not a
	// readable xlsx workbook). Fatal.
	ErrFormat = errors.New("file is not in the expected format")
)

// errNotUTF8 is the fatal error for invalid UTF-8, with the hint users need.
var errNotUTF8 = &hinted{err: ErrEncoding, hint: "if the file is Windows-1252 set `encoding: windows-1252`"}

// Error says where in which file something went wrong, and what, without
// quoting any value from the file. It is the error type of the whole ingest
// layer: readers fill File and Line, mappers and parsers add Field.
type Error struct {
	// File is the path of the file as given to the reader. Error prints only
	// its base name, which is enough for a user and keeps messages short.
	File string
	// Line is the 1-based line (for xlsx: sheet row) the error is about; 0
	// when it is about the whole file.
	Line int
	// Column is the 1-based character position in the line where known
	// (quote errors); 0 otherwise.
	Column int
	// Field is the header name of the field concerned; "" when the error is
	// not about one field.
	Field string
	// Err is what went wrong; it wraps one of the sentinel errors.
	Err error
}

// Error formats the error as "payroll.csv:118: dob: not a date", or
// "payroll.csv:118:17: misplaced quote: ..." when the column is known.
func (e *Error) Error() string {
	b := make([]byte, 0, 64)
	b = append(b, filepath.Base(e.File)...)
	if e.Line > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.Line), 10)
		if e.Column > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(e.Column), 10)
		}
	}
	b = append(b, ": "...)
	if e.Field != "" {
		b = append(b, e.Field...)
		b = append(b, ": "...)
	}
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "error"...)
	}
	return string(b)
}

// Unwrap returns the underlying error, so errors.Is(err, ErrFieldCount) works.
func (e *Error) Unwrap() error { return e.Err }

// hinted is a sentinel error followed by advice: "<err>; <hint>".
type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() + "; " + h.hint }
func (h *hinted) Unwrap() error { return h.err }

// detailed is a sentinel error followed by a description: "<err>: <detail>".
// The detail is built by this package from counts and positions only.
type detailed struct {
	err    error
	detail string
}

func (d *detailed) Error() string { return d.err.Error() + ": " + d.detail }
func (d *detailed) Unwrap() error { return d.err }

// quiet shows "<err>: <msg>" but keeps the cause for errors.Is and errors.As
// without printing it. It is used for errors from libraries (excelize, XML,
// text decoders) whose text might quote input.
type quiet struct {
	err   error
	msg   string
	cause error
}

func (q *quiet) Error() string   { return q.err.Error() + ": " + q.msg }
func (q *quiet) Unwrap() []error { return []error{q.err, q.cause} }

// withDetail wraps a sentinel with a description made of counts and positions.
func withDetail(sentinel error, detail string) error {
	return &detailed{err: sentinel, detail: detail}
}
