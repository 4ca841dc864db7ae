// Package source turns a council extract file into rows of text fields, each
// with the exact line it came from. It does no mapping and no typing (other
// ingest packages do that): it only gets bytes off the disk, decodes them to
// UTF-8 once, and splits them into fields.
//
// # Reading a file
//
//	r, err := source.Open("payroll.csv", source.Options{}) // delimited, UTF-8, delimiter detected
//	if err != nil {
//	    return err // e.g. "payroll.csv: no header row"
//	}
//	defer r.Close()
//	names := r.Header()
//	for {
//	    row, err := r.Next()
//	    if err == io.EOF {
//	        break
//	    }
//	    if err != nil {
//	        return err // fatal: the file cannot be read further
//	    }
//	    if row.Err != nil {
//	        reject(row) // this row only; read on
//	        continue
//	    }
//	    use(names, row.Fields) // one field per name, not trimmed
//	}
//
// The pipeline uses [Reader.ReadBatch], which reads many rows per call into
// a [Batch] whose memory it reuses: a batch handed on, parsed and handed
// back is read into again, so reading a file allocates nothing a row.
//
// # Two kinds of error
//
// A row error (Row.Err) rejects one row and reading goes on: a row with more
// or fewer fields than the header ([ErrFieldCount]), a field longer than
// Options.MaxFieldBytes ([ErrFieldTooLong]), a misplaced double quote
// ([ErrQuote]). A fatal error (the error returned by Next) ends the file: an
// I/O error, bytes that are not valid UTF-8 ([ErrEncoding], with a hint to set
// `encoding: windows-1252`), a quoted field never closed before the end of
// the file. Every error is an [*Error] giving the file, the line and, where
// it applies, the column and field, and never a value from the file, because
// extracts hold personal data and error text ends up in logs:
//
//	payroll.csv:57: not valid UTF-8; if the file is Windows-1252 set `encoding: windows-1252`
//	payroll.csv:118: wrong number of fields: 7, header has 8
//
// # Delimited text
//
// The rules are those of encoding/csv in its strict mode: double quotes as
// text qualifiers (a quote inside a quoted field is doubled), delimiters and
// line breaks allowed inside quoted fields (a CRLF inside one reads as LF),
// CRLF or LF line endings, a CR at the very end of the file ignored.
// Row.Line is the line where a row starts, exact even after multi-line
// fields. Blank lines, and rows whose every field is empty or spaces, are
// skipped. The delimiter, unless given, is detected among comma, pipe, tilde
// and tab from the header line and the lines after it. A delimiter at the
// end of every line is accepted only when the header line has one too (it
// adds no column name). Values are not trimmed: FEBRL-style files with a
// space after each comma read fine, and the caller trims.
//
// The package splits the text itself rather than through encoding/csv,
// which allocates a string for every row: a record is unescaped into one
// reused buffer, and a row's fields are written once, into the memory of
// the batch being read (Next gives each row a string of its own). The
// splitter follows encoding/csv's rules to the byte,
// with the same lines and columns in its errors; a fuzz test runs both on
// the same input and requires the same records, positions and errors.
//
// A double quote inside an unquoted field (O"Brien) is a row error: quote
// the whole field and double the quote. An unclosed quote swallows the rest
// of the file into one field; when that happens over several lines to the
// end of the file it is fatal, reported at the line where the field started,
// because the rows it swallowed cannot be counted. The whole swallowed text
// is held in memory, so such a file costs memory in proportion to its size.
//
// # Character sets
//
// Options.Encoding "" or "utf-8" checks the text is UTF-8 (a byte-order mark
// is removed; a UTF-16 byte-order mark switches to UTF-16). "windows-1252"
// (also "cp1252", "latin1", "iso-8859-1"), "iso-8859-15" and "utf-16" decode
// as the file is read, so £, é and curly quotes arrive as Unicode and line
// numbers are unchanged. The five bytes Windows-1252 leaves undefined become
// U+FFFD.
//
// # Fixed width
//
// Options.Layout gives each column's 1-based start and length in characters
// (decoded runes, not bytes); its names are the header, as fixed-width files
// have no header row. A line too short for the layout is an [ErrFieldCount]
// row error (with what could be cut); characters after the last column are
// ignored; a trailing CR is removed; padding is left for the caller to trim.
//
// # Excel workbooks
//
// XLSX files are read with excelize from the sheet named in Options.Sheet,
// or the first sheet; the first non-blank row is the header and Row.Line is
// the sheet's row number (blank rows are skipped but keep their numbers).
// Cells are read as their stored text, not as Excel would display them, so
// text such as "0123" or a sort code typed as text keeps its leading zeros.
// Number cells are rewritten so the caller sees plain text:
//   - a number whose format is a date becomes ISO "yyyy-mm-dd" (with
//     " hh:mm:ss" if it has a time of day); a time-only format gives "hh:mm:ss";
//   - a whole number stored as a float ("123.0", "1.23E+5") becomes "123";
//   - other numbers keep the text stored in the file ("12.5").
//
// Excel may already have damaged a value before the file reached us: a sort
// code like 21-11-97 typed into a date cell arrives as "1997-11-21", and
// numbers over 15 digits have lost their last digits. Such values are not
// detected here; the field's own validation must reject them.
package source
