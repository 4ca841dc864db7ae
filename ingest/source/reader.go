package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/text/transform"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// bufSize is the read buffer: large enough that delimiter detection sees
// many lines and that reads reach the disk in big blocks.
const bufSize = 256 << 10

// DefaultBatch is the batch size ReadBatch uses when asked for n <= 0.
const DefaultBatch = 1024

// Row is one data row of a file.
type Row struct {
	// Line is the 1-based line of the file where the row starts (for xlsx:
	// the sheet's row number), so a row spanning lines reports its first.
	Line int
	// Fields are the decoded values, one per header name, NOT trimmed (the
	// caller trims). When Err is set they are whatever could be read, and
	// may be more or fewer than the header names.
	Fields []string
	// Err is non-nil when the row is malformed: wrong field count
	// (ErrFieldCount), a field too long (ErrFieldTooLong) or a misplaced
	// quote (ErrQuote). It is an [*Error] and never quotes a value. A row
	// error is not fatal: the caller rejects the row and reads on.
	Err error
}

// source is one of the three file readers behind a Reader.
type source interface {
	// read returns the next row, its fields held in m, io.EOF at the end,
	// or a fatal error.
	read(m *rowMem) (Row, error)
}

// Reader reads the rows of one file. It is not safe for concurrent use; the
// pipeline reads a file from one goroutine and hands batches on.
type Reader struct {
	path   string
	format Format
	header []string
	delim  rune
	width  int // fields per good row: len(header)
	src    source
	closer io.Closer
	err    error // sticky: io.EOF or the fatal error
	// The memory a read puts a row in, kept here so that it does not
	// escape to the heap at every call: Next's (none: each row gets its
	// own) and ReadBatch's (the Batch's).
	one, batch rowMem
}

// Open opens the file at path, finds its encoding and delimiter as Options
// say, and reads the header. Errors are [*Error]s naming the file, never a
// value from it: a missing file, bad Options (ErrOptions), a file with no
// header row (ErrNoHeader), invalid UTF-8 in the header (ErrEncoding).
func Open(path string, opts Options) (*Reader, error) {
	if err := opts.check(); err != nil {
		return nil, &Error{File: path, Err: err}
	}
	if opts.Format == XLSX {
		return newXLSXReader(nil, path, opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Err: fmt.Errorf("cannot open: %w", unwrapPath(err))}
	}
	r, err := newReader(f, path, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer = f
	return r, nil
}

// NewReader reads a file that is already open, such as a stream being
// decrypted, as Open would; name is used in error messages. Close does not
// close rd. An XLSX workbook is read whole into memory first.
func NewReader(rd io.Reader, name string, opts Options) (*Reader, error) {
	if err := opts.check(); err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if opts.Format == XLSX {
		return newXLSXReader(rd, name, opts)
	}
	return newReader(rd, name, opts)
}

// newXLSXReader opens a workbook from rd, or from the file at path when rd is nil.
func newXLSXReader(rd io.Reader, path string, opts Options) (*Reader, error) {
	x, header, err := openXLSX(rd, path, opts)
	if err != nil {
		return nil, err
	}
	return &Reader{path: path, format: XLSX, header: header, width: len(header), src: x, closer: x}, nil
}

// newReader builds the reader of a text file; opts are already checked.
func newReader(rd io.Reader, path string, opts Options) (*Reader, error) {
	r := &Reader{path: path, format: opts.Format}
	br, validate, err := decodedText(rd, path, opts)
	if err != nil {
		return nil, err
	}
	switch opts.Format {
	case FixedWidth:
		fw := newFixed(br, path, opts, validate)
		r.src, r.header = fw, fw.names()
	default:
		delim := opts.Delimiter
		if delim == 0 {
			sample, _ := br.Peek(bufSize)
			delim = detectDelimiter(sample)
		}
		d, header, err := newDelimited(br, path, delim, opts, validate)
		if err != nil {
			return nil, err
		}
		r.src, r.header, r.delim = d, header, delim
	}
	r.width = len(r.header)
	return r, nil
}

// decodedText sets up the decoding of a text file: a UTF-8 byte-order mark
// is removed, a UTF-16 one switches to UTF-16, other encodings are decoded
// to UTF-8 as the file is read. validate is true when the text is UTF-8 that
// must be checked (a decoder's output is always valid).
func decodedText(rd io.Reader, path string, opts Options) (br *bufio.Reader, validate bool, err error) {
	cs, _ := lookupEncoding(opts.Encoding)
	raw := bufio.NewReaderSize(rd, bufSize)
	head, perr := raw.Peek(3)
	if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
		return nil, false, &Error{File: path, Err: fmt.Errorf("cannot read: %w", unwrapPath(perr))}
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		if cs.enc != nil {
			return nil, false, &Error{File: path, Err: withDetail(ErrOptions,
				"the file starts with a UTF-8 byte-order mark but the encoding is set to "+cs.name+
					"; remove the encoding setting")}
		}
		raw.Discard(3)
	case cs.enc == nil && (bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF"))):
		cs, _ = lookupEncoding("utf-16")
	}
	if cs.enc == nil {
		return raw, true, nil
	}
	return bufio.NewReaderSize(transform.NewReader(raw, cs.enc.NewDecoder()), bufSize), false, nil
}

// unwrapPath drops the *os.PathError wrapper, whose text repeats the path
// our *Error already gives; errors.Is still sees the errno.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Header returns the column names: as in the header row with the byte-order
// mark removed and spaces trimmed (delimited, xlsx), or the layout's names
// (fixed width). A trailing delimiter at the end of the header line does not
// make an extra, empty name. The caller must not modify the slice.
func (r *Reader) Header() []string { return r.header }

// Delimiter returns the delimiter given in Options or detected; 0 for fixed-width and xlsx files.
func (r *Reader) Delimiter() rune { return r.delim }

// Format returns the format the file is read as.
func (r *Reader) Format() Format { return r.format }

// Path returns the path (or name) the Reader was opened with.
func (r *Reader) Path() string { return r.path }

// Next returns the next row. A malformed row comes back with Row.Err set
// and a nil error: reject it and call Next again. The error is io.EOF at the
// end of the file, or a fatal [*Error] (I/O, invalid encoding, a quote never
// closed) after which the file cannot be read further; Next keeps returning it.
func (r *Reader) Next() (Row, error) {
	if r.err != nil {
		return Row{}, r.err
	}
	r.one = rowMem{} // empty: each row's Fields get their own allocation
	row, err := r.src.read(&r.one)
	if err != nil {
		r.err = err
		return Row{}, err
	}
	return row, nil
}

// Batch is rows read together by ReadBatch, and the memory their fields
// are held in: the slices of every row's Fields and the text of the
// values. Reading into a Batch again reuses that memory, so a reader that
// hands batches on and takes them back when they are done with allocates
// nothing a row: the rows read into the Batch before, and every string of
// their fields, are then no longer valid. The zero Batch is ready to use;
// a Batch is not safe for concurrent use.
type Batch struct {
	Rows  []Row
	slots []string    // the rows' Fields, carved one after another
	text  arena.Arena // the fields' text
	most  int         // the most text a read has put in text
}

// ReadBatch reads up to n rows (DefaultBatch when n <= 0) into b,
// replacing what it held (see Batch). Row errors are in the rows, as for
// Next. At the end it reads the last rows with a nil error, then none and
// io.EOF. On a fatal error b holds the rows read before it, returned with
// the error; the caller should not go on.
func (r *Reader) ReadBatch(b *Batch, n int) error {
	clear(b.Rows) // let go of the last rows' errors
	b.Rows = b.Rows[:0]
	// The text goes in one block, as large as the most a batch has
	// needed (and a little more): a Reset keeps only the last block.
	b.text.Reset()
	b.text.Reserve(b.most + b.most/8)
	if r.err != nil {
		return r.err
	}
	if n <= 0 {
		n = DefaultBatch
	}
	if want := n * max(r.width, 1); len(b.slots) < want {
		b.slots = make([]string, want)
	}
	r.batch = rowMem{slots: b.slots, text: &b.text}
	defer func() {
		b.most = max(b.most, r.batch.kept)
		r.batch = rowMem{} // do not hold on to the Batch
	}()
	for len(b.Rows) < n {
		row, err := r.src.read(&r.batch)
		if err != nil {
			r.err = err
			if err == io.EOF && len(b.Rows) > 0 {
				return nil
			}
			return err
		}
		b.Rows = append(b.Rows, row)
	}
	return nil
}

// Close releases the file. It is safe to call more than once.
func (r *Reader) Close() error {
	if r.err == nil {
		r.err = &Error{File: r.path, Err: fs.ErrClosed}
	}
	c := r.closer
	r.closer = nil
	if c == nil {
		return nil
	}
	if err := c.Close(); err != nil {
		return &Error{File: r.path, Err: fmt.Errorf("cannot close: %w", unwrapPath(err))}
	}
	return nil
}

// rowMem is where a read puts a row: its Fields slice, carved from slots,
// and its fields' text, copied into text. The zero rowMem (Next's) gives
// each row a slice and a string of its own.
type rowMem struct {
	slots []string
	text  *arena.Arena // nil: on the heap
	kept  int          // bytes of text kept
}

// take returns a slice of n empty strings that no other row shares.
func (m *rowMem) take(n int) []string {
	if n <= len(m.slots) {
		s := m.slots[:n:n]
		m.slots = m.slots[n:]
		clear(s) // a reused batch's slots hold the last rows' fields
		return s
	}
	return make([]string, n)
}

// copyOf returns a copy of rec in a slice of m's.
func (m *rowMem) copyOf(rec []string) []string {
	s := m.take(len(rec))
	copy(s, rec)
	return s
}

// keep returns b's text as a string held in m: it stays valid after b is
// reused.
func (m *rowMem) keep(b []byte) string {
	m.kept += len(b)
	return m.text.String(b)
}

// blankRecord reports whether every field is empty or ASCII white space: such
// rows (blank lines, rows of bare delimiters, empty sheet rows) carry no data
// and are skipped.
func blankRecord(rec []string) bool {
	for _, f := range rec {
		if !blankString(f) {
			return false
		}
	}
	return true
}

func blankString(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n', '\v', '\f':
		default:
			return false
		}
	}
	return true
}
