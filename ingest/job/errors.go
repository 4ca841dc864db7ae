package job

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors. Every error from [Load] and [Parse] is an [*Error] (or an
// [ErrorList] of them) that wraps exactly one of these, so a caller can test
// the kind of problem with errors.Is without parsing messages.
var (
	// ErrJobFile: the job file itself is missing, unreadable or too large.
	ErrJobFile = errors.New("job file unreadable")
	// ErrSyntax: the job file is not valid YAML, or holds more than one document.
	ErrSyntax = errors.New("job file syntax")
	// ErrUnknownKey: a key the job file format does not define (often a typo).
	ErrUnknownKey = errors.New("unknown key")
	// ErrWrongType: a value of the wrong shape (a list where text belongs, text
	// where a number belongs, a fraction where a whole number belongs...).
	ErrWrongType = errors.New("wrong type of value")
	// ErrRequired: a required key is missing or empty.
	ErrRequired = errors.New("required key missing")
	// ErrDuplicate: a dataset name, layout column or report id given twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrInvalidName: a dataset name or report id with characters outside its alphabet.
	ErrInvalidName = errors.New("invalid name")
	// ErrInvalidValue: a value outside the values or range a key accepts.
	ErrInvalidValue = errors.New("invalid value")
	// ErrLayout: a fixed-width layout missing, misplaced, or with bad or overlapping columns.
	ErrLayout = errors.New("invalid layout")
	// ErrUnknownDataset: a custom report names a dataset the job does not define.
	ErrUnknownDataset = errors.New("unknown dataset")
	// ErrDataFile: a dataset's data file is missing or is not a regular file.
	ErrDataFile = errors.New("data file missing")
)

// Error is one problem in a job file, with its position.
//
// A job file holds no personal data (only file names, headers and settings),
// so messages may quote keys and names; Source shows the offending line.
type Error struct {
	File   string // the job file's path as given to Load or Parse
	Line   int    // 1-based line in the job file; 0 when not known
	Column int    // 1-based column (in characters); 0 when not known
	Msg    string // what is wrong, without the position
	Err    error  // one of the package's sentinel errors
	// Source is the offending job file line with a caret under Column,
	// ready to print under Error(); "" when the line is not known.
	Source string

	keyed bool // Msg already names its key (set while decoding)
}

// Error formats the problem as "file:line:column: message", like a compiler.
func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "job"
	}
	switch {
	case e.Line <= 0:
		return file + ": " + e.Msg
	case e.Column <= 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, e.Msg)
	}
}

// Unwrap returns the sentinel error, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is several problems in one job file, in file order. Parse reports
// every validation problem it finds at once, so an officer can fix them in
// one pass; errors.As(err, &e) with e an *Error finds the first.
type ErrorList []*Error

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// errAt builds a positioned error; File and Source are filled in by finish.
func errAt(p pos, sentinel error, format string, args ...any) *Error {
	return &Error{Line: p.line, Column: p.col, Err: sentinel, Msg: fmt.Sprintf(format, args...)}
}

// sourceLine renders line (1-based) of src with a caret under column; "" when
// the line does not exist.
func sourceLine(src []byte, line, column int) string {
	if line <= 0 {
		return ""
	}
	rest := src
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			return ""
		}
		rest = rest[j+1:]
	}
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	text := strings.TrimRight(string(rest), "\r")
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	const maxShown = 200
	if utf8.RuneCountInString(text) > maxShown {
		text = string([]rune(text)[:maxShown]) + "..."
	}
	prefix := fmt.Sprintf("%5d | ", line)
	out := prefix + text
	if column > 0 {
		var caret strings.Builder
		caret.WriteString(strings.Repeat(" ", len(prefix)-2) + "| ")
		n := 0
		for _, r := range text {
			if n >= column-1 {
				break
			}
			if r == '\t' {
				caret.WriteByte('\t')
			} else {
				caret.WriteByte(' ')
			}
			n++
		}
		caret.WriteByte('^')
		out += "\n" + caret.String()
	}
	return out
}
