package source

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// numKind is how a number format shows a number.
type numKind uint8

const (
	numPlain    numKind = iota // a number
	numDate                    // a date, possibly with a time
	numTimeOnly                // a time of day without a date
)

// xlsxSource streams the rows of one sheet of a workbook.
type xlsxSource struct {
	file     string
	f        *excelize.File
	sheet    string
	rows     *excelize.Rows
	rowNum   int // sheet row number of the row last read
	names    []string
	maxField int
	date1904 bool
	kinds    map[int]numKind // style ID -> kind, filled as styles are met
}

// rawCells asks excelize for the stored text of each cell, not the text as
// formatted for display (which drops leading zeros and shows dates US-style).
func rawCells() excelize.Options { return excelize.Options{RawCellValue: true} }

// openXLSX opens a workbook (from rd, or from path when rd is nil), picks the
// sheet and reads the header: the first row that is not blank.
func openXLSX(rd io.Reader, path string, opts Options) (*xlsxSource, []string, error) {
	var (
		f   *excelize.File
		err error
	)
	if rd == nil {
		f, err = excelize.OpenFile(path, rawCells())
	} else {
		f, err = excelize.OpenReader(rd, rawCells())
	}
	if err != nil {
		return nil, nil, &Error{File: path, Err: &quiet{err: ErrFormat, msg: "not a readable xlsx workbook", cause: err}}
	}
	x := &xlsxSource{file: path, f: f, maxField: opts.maxField(), kinds: map[int]numKind{}}
	fail := func(err error) (*xlsxSource, []string, error) {
		f.Close()
		return nil, nil, err
	}
	sheets := f.GetSheetList()
	switch {
	case len(sheets) == 0:
		return fail(&Error{File: path, Err: withDetail(ErrFormat, "the workbook has no sheets")})
	case opts.Sheet == "":
		x.sheet = sheets[0]
	default:
		for _, s := range sheets {
			if s == opts.Sheet {
				x.sheet = s
			}
		}
		if x.sheet == "" {
			return fail(&Error{File: path, Err: withDetail(ErrOptions, "no sheet named "+strconv.Quote(opts.Sheet))})
		}
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	if x.rows, err = f.Rows(x.sheet); err != nil {
		return fail(&Error{File: path, Err: &quiet{err: ErrFormat, msg: "cannot read the sheet", cause: err}})
	}
	for {
		cells, err := x.nextCells()
		if err == io.EOF {
			return fail(&Error{File: path, Err: ErrNoHeader})
		}
		if err != nil {
			return fail(err)
		}
		if blankRecord(cells) {
			continue
		}
		x.names = make([]string, len(cells))
		for i, c := range cells {
			x.names[i] = strings.TrimSpace(c)
		}
		return x, x.names, nil
	}
}

// nextCells returns the cells of the next sheet row, io.EOF after the last.
func (x *xlsxSource) nextCells() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, &Error{File: x.file, Line: x.rowNum + 1, Err: &quiet{err: ErrFormat, msg: "cannot read the row", cause: err}}
		}
		return nil, io.EOF
	}
	x.rowNum++
	cells, err := x.rows.Columns(rawCells())
	if err != nil {
		return nil, &Error{File: x.file, Line: x.rowNum, Err: &quiet{err: ErrFormat, msg: "cannot read the row", cause: err}}
	}
	x.fixNumbers(cells)
	return cells, nil
}

func (x *xlsxSource) read(m *rowMem) (Row, error) {
	for {
		cells, err := x.nextCells()
		if err != nil {
			return Row{}, err
		}
		if blankRecord(cells) {
			continue
		}
		return x.row(m, cells), nil
	}
}

// row checks a row's cells against the header. A sheet row stops at its
// last non-empty cell, so a shorter row is padded with "" and only values
// beyond the header are an error.
func (x *xlsxSource) row(m *rowMem, cells []string) Row {
	width := len(x.names)
	if len(cells) > width && !blankRecord(cells[width:]) {
		return Row{Line: x.rowNum, Fields: m.copyOf(cells), Err: &Error{File: x.file, Line: x.rowNum,
			Err: withDetail(ErrFieldCount, strconv.Itoa(len(cells))+" cells, header has "+strconv.Itoa(width))}}
	}
	fields := m.take(width)
	copy(fields, cells)
	for i, f := range fields {
		if len(f) > x.maxField {
			return Row{Line: x.rowNum, Fields: fields, Err: &Error{File: x.file, Line: x.rowNum, Field: x.names[i],
				Err: withDetail(ErrFieldTooLong, strconv.Itoa(len(f))+" bytes, the limit is "+strconv.Itoa(x.maxField))}}
		}
	}
	return Row{Line: x.rowNum, Fields: fields}
}

// fixNumbers rewrites the stored text of number cells: a number shown as a
// date becomes "yyyy-mm-dd" (with " hh:mm:ss" if it has a time of day), a
// time-only one "hh:mm:ss", and a whole number stored as a float ("123.0",
// "1.23E+5") becomes plain digits. Text cells, even "0123", are left alone.
func (x *xlsxSource) fixNumbers(cells []string) {
	for i, v := range cells {
		if !numeric(v) {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, x.rowNum)
		if err != nil {
			continue
		}
		if t, err := x.f.GetCellType(x.sheet, ref); err != nil ||
			(t != excelize.CellTypeUnset && t != excelize.CellTypeNumber) {
			continue // text, boolean, error or formula text: keep as stored
		}
		num, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(num, 0) || math.IsNaN(num) {
			continue
		}
		switch x.kind(ref) {
		case numDate:
			if s, ok := excelDate(num, x.date1904, true); ok {
				cells[i] = s
			}
		case numTimeOnly:
			if s, ok := excelDate(num, x.date1904, false); ok {
				cells[i] = s
			}
		default:
			if num == math.Trunc(num) && math.Abs(num) < 1e15 {
				cells[i] = strconv.FormatInt(int64(num), 10)
			}
		}
	}
}

// kind returns how the number format of the cell at ref shows numbers.
func (x *xlsxSource) kind(ref string) numKind {
	id, err := x.f.GetCellStyle(x.sheet, ref)
	if err != nil {
		return numPlain
	}
	if k, ok := x.kinds[id]; ok {
		return k
	}
	k := numPlain
	if st, err := x.f.GetStyle(id); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			k = formatKind(*st.CustomNumFmt)
		} else {
			k = builtinFormatKind(st.NumFmt)
		}
	}
	x.kinds[id] = k
	return k
}

// builtinFormatKind classifies Excel's built-in number format IDs.
func builtinFormatKind(id int) numKind {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return numDate
	case id >= 18 && id <= 21, id == 32, id == 33, id >= 45 && id <= 47:
		return numTimeOnly
	}
	return numPlain
}

// formatKind classifies a custom number format code by its letters outside
// quoted text, escapes and [brackets]: y or d make a date; h or s without
// them a time; m alone is ambiguous and only counts with y or d.
func formatKind(code string) numKind {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive-number section decides
	}
	var date, clock bool
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++ // the next character is literal (or padding)
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case 'y', 'Y', 'd', 'D':
			date = true
		case 'h', 'H', 's', 'S':
			clock = true
		}
	}
	switch {
	case date:
		return numDate
	case clock:
		return numTimeOnly
	}
	return numPlain
}

// excelDate turns an Excel serial date into ISO text: "yyyy-mm-dd", with
// " hh:mm:ss" when there is a time of day; or "hh:mm:ss" alone when withDate
// is false.
func excelDate(serial float64, date1904, withDate bool) (string, bool) {
	if serial < 0 || serial > 2958466 { // after 9999-12-31
		return "", false
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return "", false
	}
	t = t.Round(time.Second)
	if !withDate {
		return t.Format("15:04:05"), true
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
}

// numeric reports whether s looks like a number as stored in a workbook
// ("123", "-1.5", "1.23E+5"); only such cells need their type looked up.
func numeric(s string) bool {
	if s == "" {
		return false
	}
	digits := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e':
		default:
			return false
		}
	}
	return digits
}

// Close closes the sheet stream and the workbook.
func (x *xlsxSource) Close() error {
	var err error
	if x.rows != nil {
		err = x.rows.Close()
		x.rows = nil
	}
	if cerr := x.f.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return &quiet{err: ErrFormat, msg: "cannot close the workbook", cause: err}
	}
	return nil
}
