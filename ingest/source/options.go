package source

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Format is how a file is laid out.
type Format uint8

// The formats a council extract comes in.
const (
	// Delimited is text with a header row and fields separated by a
	// delimiter (comma, pipe, tilde or tab), double quotes as text
	// qualifiers. The zero value, because it is what the specification asks for.
	Delimited Format = iota
	// FixedWidth is text where each field sits at fixed character positions
	// given by Options.Layout; there is no header row.
	FixedWidth
	// XLSX is an Excel workbook; the first non-empty row of the sheet is the header.
	XLSX
)

// String returns the job-file name of the format ("delimited", "fixed-width", "xlsx").
func (f Format) String() string {
	switch f {
	case Delimited:
		return "delimited"
	case FixedWidth:
		return "fixed-width"
	case XLSX:
		return "xlsx"
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat turns a job file's format name into a Format: "delimited" (also
// the default for ""), "fixed-width" or "xlsx", in any letter case.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "delimited":
		return Delimited, nil
	case "fixed-width":
		return FixedWidth, nil
	case "xlsx":
		return XLSX, nil
	}
	return 0, withDetail(ErrOptions, "unknown format "+strconv.Quote(name)+"; use delimited, fixed-width or xlsx")
}

// Column is one column of a fixed-width layout.
type Column struct {
	// Name is the column's name; the layout's names are the file's header.
	Name string
	// Start is the 1-based position of the column's first character.
	Start int
	// Length is the width of the column in characters (runes after
	// decoding, so "é" counts as one whatever the encoding).
	Length int
}

// DefaultMaxFieldBytes is the longest field read when Options.MaxFieldBytes is
// 0. No real extract field comes near it; a longer one means a broken file
// (a wrong delimiter, an unclosed quote), so it is rejected rather than kept.
const DefaultMaxFieldBytes = 64 << 10

// Options say how to read one file. The zero value reads UTF-8 delimited text
// with the delimiter detected from the header.
type Options struct {
	// Format is the file's layout; the zero value is Delimited.
	Format Format
	// Delimiter separates fields in a Delimited file. 0 detects it among
	// ',', '|', '~' and '\t' from the header line and the lines after it.
	// It cannot be '"', '\r', '\n' or the Unicode replacement character.
	Delimiter rune
	// Encoding is the character set of a text file: "" or "utf-8" (a
	// byte-order mark is allowed and removed; a UTF-16 byte-order mark
	// switches to UTF-16), "windows-1252" (also "cp1252"; "latin1" and
	// "iso-8859-1" mean windows-1252 too, as in web browsers, because files so
	// labelled are nearly always Windows-1252), "iso-8859-15" or "utf-16".
	// Ignored for XLSX, which is always Unicode.
	Encoding string
	// Layout gives the columns of a FixedWidth file, in the order the row's
	// Fields will have. Fixed-width files have no header row: the names come
	// from here. Columns may be given in any order and may overlap.
	Layout []Column
	// Sheet is the XLSX sheet to read; "" reads the first sheet.
	Sheet string
	// MaxFieldBytes is the longest field accepted, in bytes after decoding;
	// a longer one makes that row an ErrFieldTooLong row error. 0 means
	// DefaultMaxFieldBytes.
	MaxFieldBytes int
}

// maxField returns the effective field size limit.
func (o *Options) maxField() int {
	if o.MaxFieldBytes <= 0 {
		return DefaultMaxFieldBytes
	}
	return o.MaxFieldBytes
}

// check validates the options that do not need the file.
func (o *Options) check() error {
	switch o.Format {
	case Delimited, FixedWidth, XLSX:
	default:
		return withDetail(ErrOptions, "unknown format "+o.Format.String())
	}
	if o.MaxFieldBytes < 0 {
		return withDetail(ErrOptions, "MaxFieldBytes is negative")
	}
	if o.Format == Delimited && o.Delimiter != 0 {
		d := o.Delimiter
		if d == '"' || d == '\r' || d == '\n' || d == utf8.RuneError || !utf8.ValidRune(d) {
			return withDetail(ErrOptions, "the delimiter cannot be a quote, a line break or an invalid character")
		}
	}
	if o.Format == FixedWidth {
		if len(o.Layout) == 0 {
			return withDetail(ErrOptions, "a fixed-width file needs a layout")
		}
		for i, c := range o.Layout {
			n := strconv.Itoa(i + 1)
			if strings.TrimSpace(c.Name) == "" {
				return withDetail(ErrOptions, "layout column "+n+" has no name")
			}
			if c.Start < 1 || c.Length < 1 {
				return withDetail(ErrOptions, "layout column "+n+" needs a start of 1 or more and a length of 1 or more")
			}
		}
	}
	if o.Format != XLSX {
		if _, ok := lookupEncoding(o.Encoding); !ok {
			return withDetail(ErrOptions, "unknown encoding "+strconv.Quote(o.Encoding)+
				"; use utf-8, windows-1252, iso-8859-15 or utf-16")
		}
	}
	return nil
}

// charset is a character encoding the readers know.
type charset struct {
	name string            // canonical name, for messages
	enc  encoding.Encoding // nil for UTF-8, which is validated rather than decoded
}

// lookupEncoding maps a job file's encoding name to a charset.
func lookupEncoding(name string) (charset, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.ReplaceAll(n, "_", "-")
	switch n {
	case "", "utf-8", "utf8", "ascii", "us-ascii":
		return charset{name: "utf-8"}, true
	case "windows-1252", "cp1252", "win-1252", "windows1252",
		"latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1":
		return charset{name: "windows-1252", enc: charmap.Windows1252}, true
	case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
		return charset{name: "iso-8859-15", enc: charmap.ISO8859_15}, true
	case "utf-16", "utf16", "utf-16le":
		return charset{name: "utf-16", enc: unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)}, true
	case "utf-16be":
		return charset{name: "utf-16", enc: unicode.UTF16(unicode.BigEndian, unicode.UseBOM)}, true
	}
	return charset{}, false
}
