package report

import (
	"errors"
	"fmt"

	"github.com/nfi-engine/nfi/report/atomic"
)

// ErrRejectsClosed means Reject was called after Commit or Abort.
var ErrRejectsClosed = errors.New("rejects file already closed")

// RejectsWriter streams the rows a dataset rejected to a CSV file, so the
// data owner can find each row and fix it: line, field, reason, then the
// row's own columns (the file's header) with the values as read. It holds
// personal data, so the file is owner-only, like every output.
//
// The file is always written, with only its header when no row was
// rejected, so that a missing rejects file never has to be interpreted.
// Rows go through a buffer straight to a temporary file; Commit puts the
// file in place, Abort (or a failed Commit) leaves nothing. A row with
// more values than the header keeps them all (a longer row), since
// dropping them would hide what needs fixing; a shorter one is padded.
// Values that begin with = + - @ are neutralised like every CSV cell.
//
// A RejectsWriter is not safe for concurrent use: the pipeline writes a
// dataset's rejects in line order from one goroutine.
type RejectsWriter struct {
	f      *atomic.File
	c      *csvWriter
	ncols  int
	count  int
	closed bool
}

// RejectsHeader is the first columns of every rejects file, before the
// file's own header.
func RejectsHeader() []string { return []string{"line", "field", "reason"} }

// NewRejectsWriter starts the rejects file at path for a file whose header
// is header.
func NewRejectsWriter(path string, header []string) (*RejectsWriter, error) {
	f, err := atomic.Create(path)
	if err != nil {
		return nil, err
	}
	rw := &RejectsWriter{f: f, c: newCSVWriter(f), ncols: len(header)}
	for _, h := range RejectsHeader() {
		rw.c.raw(h)
	}
	for _, h := range header {
		rw.c.text(h)
	}
	rw.c.end()
	return rw, nil
}

// Reject writes one rejected row: the line of the source file where it
// starts, the field at fault ("" for the row as a whole), the reason (never
// a value) and the raw values as read.
func (rw *RejectsWriter) Reject(line int, field, reason string, raw []string) error {
	if rw.closed {
		return fmt.Errorf("%s: %w", rw.f.Name(), ErrRejectsClosed)
	}
	rw.c.int(int64(line))
	rw.c.text(field)
	rw.c.text(reason)
	for _, v := range raw {
		rw.c.text(v)
	}
	for i := len(raw); i < rw.ncols; i++ {
		rw.c.raw("")
	}
	rw.c.end()
	rw.count++
	return nil
}

// Count is the number of rows rejected so far.
func (rw *RejectsWriter) Count() int { return rw.count }

// Commit writes out the buffer and puts the file in place.
func (rw *RejectsWriter) Commit() error {
	if rw.closed {
		return fmt.Errorf("%s: %w", rw.f.Name(), ErrRejectsClosed)
	}
	rw.closed = true
	if err := rw.c.flush(); err != nil {
		rw.f.Abort()
		return fmt.Errorf("%s: cannot write: %w", rw.f.Name(), errors.Unwrap(err))
	}
	return rw.f.Commit()
}

// Abort throws the file away, leaving whatever was at path before. It is
// safe after Commit (it then does nothing) and more than once, so
// `defer rw.Abort()` is the usual pattern.
func (rw *RejectsWriter) Abort() {
	rw.closed = true
	rw.f.Abort()
}
