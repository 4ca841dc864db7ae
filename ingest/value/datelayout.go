package value

import (
	"fmt"
	"strconv"
	"strings"
)

// DateLayout names one accepted date layout. Every layout is day first, as
// UK extracts are; the zero value is [LayoutAuto]. A layout is a family
// rather than one exact pattern: see each constant for what it accepts.
type DateLayout uint8

// The date layouts. In every separated form the separator may be "/", "-",
// ".", or white space (the same one both times), day and month may have one
// or two digits, and the year two or four digits, its width saying which;
// a two-digit year is placed by [DateParser.PivotYear]. A trailing time of
// day (" 00:00:00", "T00:00:00", " 13:45", " 1:05 PM") is dropped.
const (
	// LayoutAuto accepts, value by value, every unambiguous day-first form:
	// dd/mm/yyyy and dd/mm/yy with any separator, ddmmyyyy (8 digits),
	// ddmmyy (6 digits), yyyy-mm-dd and dd-Mon-yyyy. Never yyyymmdd, never
	// Excel serials. Prefer a detected or declared layout for a column:
	// LayoutAuto cannot tell a column's convention from one value.
	LayoutAuto DateLayout = iota
	// LayoutDDMMYYYY ("dd/mm/yyyy", "ddmmyyyy", "dd-mm-yyyy", "dd.mm.yyyy"):
	// the separated forms, 8 digits ddmmyyyy, 6 digits ddmmyy, and 7 digits
	// dmmyyyy (a ddmmyyyy value whose leading zero a spreadsheet dropped).
	LayoutDDMMYYYY
	// LayoutDDMMYY ("ddmmyy", "dd/mm/yy"): the separated forms, 6 digits
	// ddmmyy, 8 digits ddmmyyyy, and 5 digits dmmyy (leading zero dropped).
	LayoutDDMMYY
	// LayoutISO ("yyyy-mm-dd", ISO 8601): year first with a separator
	// ("-", "/" or "."), four-digit year only.
	LayoutISO
	// LayoutDDMonYY ("dd-mon-yy"): a month name or its three-letter
	// abbreviation, any case ("05-Mar-84", "5 march 1984", "05MAR1984",
	// "Sept" too); the year may have two or four digits.
	LayoutDDMonYY
	// LayoutDDMonYYYY ("dd-mon-yyyy"): the same as LayoutDDMonYY; the name
	// only records what the extract is expected to hold.
	LayoutDDMonYYYY
	// LayoutYYYYMMDD ("yyyymmdd"): 8 digits year first, and the separated ISO
	// forms. Only when declared: 8 digits are ambiguous with ddmmyyyy.
	LayoutYYYYMMDD
	// LayoutExcel ("excel"): an Excel serial day number (1 is 1900-01-01,
	// honouring Excel's phantom 29 February 1900), with an optional
	// fraction (the time) dropped. Only when declared; the xlsx reader
	// converts date cells itself.
	LayoutExcel
	numLayouts
)

// layoutNames is each layout's canonical name, by layout (never mutated).
var layoutNames = [numLayouts]string{"auto", "dd/mm/yyyy", "dd/mm/yy", "yyyy-mm-dd", "dd-mon-yy", "dd-mon-yyyy", "yyyymmdd", "excel"}

// String is the layout's canonical name, as [ParseDateLayout] reads it.
func (l DateLayout) String() string {
	if l < numLayouts {
		return layoutNames[l]
	}
	return "DateLayout(" + strconv.Itoa(int(l)) + ")"
}

// DateLayouts lists every layout, LayoutAuto first (for help texts and tests).
func DateLayouts() []DateLayout {
	ls := make([]DateLayout, numLayouts)
	for i := range ls {
		ls[i] = DateLayout(i)
	}
	return ls
}

// ParseDateLayout reads a layout name from a job file, ignoring case and
// surrounding space: "auto", "dd/mm/yyyy", "ddmmyyyy", "dd-mm-yyyy",
// "dd.mm.yyyy", "ddmmyy", "dd/mm/yy", "yyyy-mm-dd" (or "iso"), "dd-mon-yy",
// "dd-mon-yyyy", "yyyymmdd", "excel". The separators in a name are
// informative only: a declared dd/mm/yyyy layout accepts any separator, so
// "dd mm yyyy" and "dd.mm.yy" are read too. Only "yyyymmdd" must be written
// without separators ("yyyy-mm-dd" is the ISO layout).
func ParseDateLayout(name string) (DateLayout, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	seps := false
	bare := strings.Map(func(r rune) rune {
		switch r {
		case '/', '-', '.', ' ', '_':
			seps = true
			return -1
		}
		return r
	}, n)
	switch bare {
	case "auto":
		return LayoutAuto, nil
	case "ddmmyyyy":
		return LayoutDDMMYYYY, nil
	case "ddmmyy":
		return LayoutDDMMYY, nil
	case "iso", "iso8601":
		return LayoutISO, nil
	case "yyyymmdd":
		if seps {
			return LayoutISO, nil
		}
		return LayoutYYYYMMDD, nil
	case "ddmonyy":
		return LayoutDDMonYY, nil
	case "ddmonyyyy":
		return LayoutDDMonYYYY, nil
	case "excel", "excelserial", "serial":
		return LayoutExcel, nil
	}
	// A layout name is configuration, not personal data: quoting it helps.
	return 0, fmt.Errorf("%w %q (known: %s)", ErrUnknownDateLayout, name, strings.Join(layoutNames[:], ", "))
}

// Format writes d in the layout's canonical form: "05/03/1984" for
// dd/mm/yyyy, "05/03/84" for dd/mm/yy, "1984-03-05" for yyyy-mm-dd and auto,
// "05-Mar-84", "05-Mar-1984", "19840305", and the serial for excel. It is
// for writing test extracts and examples. "" for the zero Date, for a date
// that is not valid, and for a date before 1900 in the excel layout. The
// two-digit forms drop the century: they read back as the same date only
// within the pivot's hundred years.
func (l DateLayout) Format(d Date) string {
	var b [16]byte
	return string(l.AppendFormat(b[:0], d))
}

// AppendFormat appends what Format returns to b.
func (l DateLayout) AppendFormat(b []byte, d Date) []byte {
	if !d.Valid() {
		return b
	}
	y, m, dd := d.Year(), d.Month(), d.Day()
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10%10), byte('0'+n%10)) }
	four := func(b []byte, n int) []byte { return two(two(b, n/100), n%100) }
	switch l {
	case LayoutDDMMYYYY:
		return four(append(two(append(two(b, dd), '/'), m), '/'), y)
	case LayoutDDMMYY:
		return two(append(two(append(two(b, dd), '/'), m), '/'), y%100)
	case LayoutDDMonYY, LayoutDDMonYYYY:
		name := monthNames[m-1]
		b = append(two(b, dd), '-', upperASCII(name[0]), name[1], name[2], '-')
		if l == LayoutDDMonYY {
			return two(b, y%100)
		}
		return four(b, y)
	case LayoutYYYYMMDD:
		return two(two(four(b, y), m), dd)
	case LayoutExcel:
		serial := d.Days() + 25569
		if serial < 61 { // before Excel's phantom 1900-02-29
			serial--
		}
		if serial < 1 {
			return b
		}
		return strconv.AppendInt(b, int64(serial), 10)
	}
	return d.AppendISO(b)
}
