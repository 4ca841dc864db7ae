package value

import (
	"errors"
	"strings"
	"testing"
)

func TestDateParserParse(t *testing.T) {
	const (
		auto  = LayoutAuto
		dmy4  = LayoutDDMMYYYY
		dmy2  = LayoutDDMMYY
		iso   = LayoutISO
		mon2  = LayoutDDMonYY
		mon4  = LayoutDDMonYYYY
		ymd   = LayoutYYYYMMDD
		excel = LayoutExcel
	)
	nbsp := "\u00a0"
	tests := []struct {
		layout DateLayout
		in     string
		want   string // ISO, "" for the zero Date
		err    error
	}{
		// dd/mm/yyyy with every separator.
		{dmy4, "05/03/1984", "1984-03-05", nil},
		{dmy4, "05-03-1984", "1984-03-05", nil},
		{dmy4, "05.03.1984", "1984-03-05", nil},
		{dmy4, "05 03 1984", "1984-03-05", nil},
		{dmy4, "05031984", "1984-03-05", nil},
		{dmy4, "5/3/1984", "1984-03-05", nil},
		{dmy4, "1/2/84", "1984-02-01", nil},  // two-digit year accepted when separated
		{dmy4, "5031984", "1984-03-05", nil}, // leading zero lost in a spreadsheet
		{dmy4, "050384", "1984-03-05", nil},
		{dmy4, "05/03-1984", "", ErrNotDate}, // mixed separators
		{dmy4, "05//03/1984", "", ErrNotDate},
		{dmy4, "05/03/984", "", ErrNotDate},
		{dmy4, "005/03/1984", "", ErrNotDate},
		{dmy4, "05/03", "", ErrNotDate},
		{dmy4, "05/03/1984/", "", ErrNotDate},
		{dmy4, "05/03/1984 x", "", ErrNotDate},
		{dmy4, "1984-03-05", "", ErrNotDate}, // ISO only where declared or auto
		{dmy4, "05-Mar-1984", "", ErrNotDate},
		{dmy4, "0503198", "", ErrImpossibleDate}, // read as d mm yyyy: 0/50/3198
		{dmy4, "50384", "", ErrNotDate},
		// Calendar checks.
		{dmy4, "29/02/2024", "2024-02-29", nil},
		{dmy4, "29/02/2023", "", ErrImpossibleDate},
		{dmy4, "29/02/2000", "2000-02-29", nil},
		{dmy4, "29/02/1900", "", ErrImpossibleDate},
		{dmy4, "31/04/2001", "", ErrImpossibleDate},
		{dmy4, "00/00/0000", "", ErrImpossibleDate},
		{dmy4, "00/01/2001", "", ErrImpossibleDate},
		{dmy4, "01/13/2001", "", ErrImpossibleDate}, // month first is not read
		{dmy4, "05/03/1084", "", ErrDateOutOfRange},
		{dmy4, "20051015", "", ErrDateOutOfRange}, // yyyymmdd read as ddmmyyyy: year 1015
		{dmy4, "19840305", "", ErrImpossibleDate}, // yyyymmdd read as ddmmyyyy: month 84
		{dmy4, "31/12/9999", "9999-12-31", nil},
		// Blank, space, time of day.
		{dmy4, "", "", nil},
		{dmy4, "   ", "", nil},
		{dmy4, nbsp, "", nil},
		{dmy4, " 05/03/1984 ", "1984-03-05", nil},
		{dmy4, "\t05/03/1984\r\n", "1984-03-05", nil},
		{dmy4, nbsp + "05/03/1984" + nbsp, "1984-03-05", nil},
		{dmy4, "05" + nbsp + "03" + nbsp + "1984", "1984-03-05", nil},
		{dmy4, "05/03/1984 00:00:00", "1984-03-05", nil},
		{dmy4, "05/03/1984 13:45", "1984-03-05", nil},
		{dmy4, "05/03/1984 1:05 PM", "1984-03-05", nil},
		{dmy4, "05/03/1984 00:00:00.000", "1984-03-05", nil},
		{dmy4, "05/03/1984 0:0", "", ErrNotDate},
		{dmy4, "05/03/1984 00:00 XM", "", ErrNotDate},
		{dmy4, "00:00:00", "", ErrNotDate},
		// dd/mm/yy and the pivot (2026).
		{dmy2, "050384", "1984-03-05", nil},
		{dmy2, "05/03/84", "1984-03-05", nil},
		{dmy2, "1/2/84", "1984-02-01", nil},
		{dmy2, "01/01/26", "2026-01-01", nil},
		{dmy2, "01/01/27", "1927-01-01", nil},
		{dmy2, "01/01/00", "2000-01-01", nil},
		{dmy2, "29/02/00", "2000-02-29", nil},
		{dmy2, "50384", "1984-03-05", nil}, // leading zero lost
		{dmy2, "05031984", "1984-03-05", nil},
		{dmy2, "5031984", "", ErrNotDate},
		{dmy2, "310484", "", ErrImpossibleDate},
		// ISO.
		{iso, "1984-03-05", "1984-03-05", nil},
		{iso, "1984/03/05", "1984-03-05", nil},
		{iso, "1984.3.5", "1984-03-05", nil},
		{iso, "1984-03-05T00:00:00", "1984-03-05", nil},
		{iso, "1984-03-05T10:11:12Z", "1984-03-05", nil},
		{iso, "1984 03 05", "", ErrNotDate},
		{iso, "84-03-05", "", ErrNotDate},
		{iso, "05/03/1984", "", ErrNotDate},
		{iso, "19840305", "", ErrNotDate},
		{iso, "1984-02-30", "", ErrImpossibleDate},
		// Month names.
		{mon2, "05-Mar-84", "1984-03-05", nil},
		{mon2, "01-JAN-84", "1984-01-01", nil},
		{mon2, "1-jan-84", "1984-01-01", nil},
		{mon2, "5 March 1984", "1984-03-05", nil},
		{mon4, "05-Mar-1984", "1984-03-05", nil},
		{mon4, "05MAR1984", "1984-03-05", nil},
		{mon4, "5 sept 1984", "1984-09-05", nil},
		{mon4, "5 SEPTEMBER 1984", "1984-09-05", nil},
		{mon4, "5/Dec/1984", "1984-12-05", nil},
		{mon4, "31-Jun-1984", "", ErrImpossibleDate},
		{mon4, "5 Marc 1984", "", ErrNotDate},
		{mon4, "5 Ma 1984", "", ErrNotDate},
		{mon4, "5 Septembers 1984", "", ErrNotDate},
		{mon4, "5 Mar-1984", "", ErrNotDate},
		{mon4, "Mar 5 1984", "", ErrNotDate}, // month first is not read
		{mon4, "March 1984", "", ErrNotDate},
		{mon4, "05/03/1984", "", ErrNotDate},
		{mon4, "5 Mar 84 00:00", "1984-03-05", nil},
		// yyyymmdd only when declared.
		{ymd, "19840305", "1984-03-05", nil},
		{ymd, "1984-03-05", "1984-03-05", nil},
		{ymd, "05031984", "", ErrImpossibleDate},
		{ymd, "840305", "", ErrNotDate},
		{ymd, "05/03/1984", "", ErrNotDate},
		// Excel serials only when declared.
		{excel, "30746", "1984-03-05", nil},
		{excel, "30746.5", "1984-03-05", nil},
		{excel, "30746.", "1984-03-05", nil},
		{excel, "1", "1900-01-01", nil},
		{excel, "59", "1900-02-28", nil},
		{excel, "60", "", ErrImpossibleDate}, // Excel's 29 February 1900
		{excel, "61", "1900-03-01", nil},
		{excel, "0", "", ErrImpossibleDate},
		{excel, "2958465", "9999-12-31", nil},
		{excel, "2958466", "", ErrDateOutOfRange},
		{excel, "-1", "", ErrNotDate},
		{excel, "30746.5x", "", ErrNotDate},
		{excel, "05/03/1984", "", ErrNotDate},
		{excel, "12345678", "", ErrNotDate},
		// Auto: any unambiguous day-first form.
		{auto, "05/03/1984", "1984-03-05", nil},
		{auto, "5.3.84", "1984-03-05", nil},
		{auto, "05031984", "1984-03-05", nil},
		{auto, "050384", "1984-03-05", nil},
		{auto, "1984-03-05", "1984-03-05", nil},
		{auto, "05-Mar-84", "1984-03-05", nil},
		{auto, "5031984", "", ErrNotDate},
		{auto, "30746", "", ErrNotDate},
		{auto, "19840305", "", ErrImpossibleDate},
		// Not dates at all.
		{auto, "N/A", "", ErrNotDate},
		{auto, "unknown", "", ErrNotDate},
		{auto, "0", "", ErrNotDate},
		{auto, "1st March 1984", "", ErrNotDate},
		{auto, "05/03/1984é", "", ErrNotDate},
		{auto, "٠٥/٠٣/١٩٨٤", "", ErrNotDate}, // Arabic-Indic digits
		{auto, "99999999999999999999", "", ErrNotDate},
	}
	for _, tt := range tests {
		p := DateParser{Layout: tt.layout}
		got, err := p.Parse(tt.in)
		if got.String() != tt.want || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("%v Parse(%q) = %q, %v, want %q, %v", tt.layout, tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDateParserPivot(t *testing.T) {
	tests := []struct {
		pivot int
		in    string
		want  string
	}{
		{0, "01/01/26", "2026-01-01"},
		{0, "01/01/27", "1927-01-01"},
		{2040, "01/01/40", "2040-01-01"},
		{2040, "01/01/41", "1941-01-01"},
		{2099, "01/01/99", "2099-01-01"},
		{2100, "01/01/00", "2100-01-01"},
		{2100, "01/01/01", "2001-01-01"},
	}
	for _, tt := range tests {
		p := DateParser{Layout: LayoutDDMMYY, PivotYear: tt.pivot}
		got, err := p.Parse(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("pivot %d: Parse(%q) = %v, %v, want %s", tt.pivot, tt.in, got, err, tt.want)
		}
	}
}

func TestDateParserNullDates(t *testing.T) {
	nulls := []string{"01/01/1900", " 31/12/9999 ", "00/00/0000"}
	tests := []struct {
		layout DateLayout
		in     string
		want   string
	}{
		{LayoutDDMMYYYY, "01/01/1900", ""},
		{LayoutDDMMYYYY, "01/01/1900 00:00:00", ""},
		{LayoutDDMMYYYY, "31/12/9999", ""},
		{LayoutDDMMYYYY, "00/00/0000", ""}, // not a date, but declared
		{LayoutDDMMYYYY, "1/1/1900", ""},   // the same date written otherwise
		{LayoutDDMMYYYY, "01011900", ""},
		{LayoutDDMMYYYY, "01/01/00", "2000-01-01"}, // a different date
		{LayoutDDMMYYYY, "02/01/1900", "1900-01-02"},
		{LayoutISO, "1900-01-01", ""},
		{LayoutISO, "9999-12-31", ""},
		{LayoutDDMonYYYY, "01-JAN-1900", ""},
		{LayoutYYYYMMDD, "19000101", ""},
		{LayoutExcel, "1", ""},
		{LayoutExcel, "2", "1900-01-02"},
	}
	for _, tt := range tests {
		p := DateParser{Layout: tt.layout, NullDates: nulls}
		got, err := p.Parse(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("%v Parse(%q) = %q, %v, want %q", tt.layout, tt.in, got, err, tt.want)
		}
	}
}

func TestDetectDateLayout(t *testing.T) {
	tests := []struct {
		name    string
		samples []string
		want    DateLayout
		ok      bool
	}{
		{"dd/mm/yyyy", []string{"05/03/1984", "31/12/1999", "1/2/2001"}, LayoutDDMMYYYY, true},
		{"ddmmyyyy", []string{"05031984", "31121999", "01022001"}, LayoutDDMMYYYY, true},
		{"ddmmyyyy with lost zeros", []string{"5031984", "31121999", "1022001"}, LayoutDDMMYYYY, true},
		{"dd/mm/yy", []string{"05/03/84", "31/12/99", "1/2/01"}, LayoutDDMMYY, true},
		{"ddmmyy", []string{"050384", "311299", "010201"}, LayoutDDMMYY, true},
		{"mixed dd/mm/yyyy and d/m/yy, mostly four", []string{"05/03/1984", "31/12/1999", "1/2/01"}, LayoutDDMMYYYY, true},
		{"mixed dd/mm/yyyy and d/m/yy, mostly two", []string{"05/03/84", "31/12/99", "1/2/2001"}, LayoutDDMMYY, true},
		{"mixed half and half", []string{"05/03/84", "31/12/1999"}, LayoutDDMMYYYY, true},
		{"iso", []string{"1984-03-05", "1999-12-31"}, LayoutISO, true},
		{"iso with times", []string{"1984-03-05T00:00:00", "1999-12-31 00:00:00"}, LayoutISO, true},
		{"dd-mon-yy", []string{"05-MAR-84", "31-DEC-99"}, LayoutDDMonYY, true},
		{"dd-mon-yyyy", []string{"05-Mar-1984", "31 December 1999"}, LayoutDDMonYYYY, true},
		{"blanks ignored", []string{"", " ", "05/03/1984", ""}, LayoutDDMMYYYY, true},
		{"one bad in ten", []string{"x", "01/01/2001", "02/01/2001", "03/01/2001", "04/01/2001",
			"05/01/2001", "06/01/2001", "07/01/2001", "08/01/2001", "09/01/2001"}, LayoutDDMMYYYY, true},
		{"two bad in ten", []string{"x", "y", "02/01/2001", "03/01/2001", "04/01/2001",
			"05/01/2001", "06/01/2001", "07/01/2001", "08/01/2001", "09/01/2001"}, LayoutAuto, false},
		{"yyyymmdd is never guessed", []string{"19840305", "19991231"}, LayoutAuto, false},
		{"yyyymmdd in this century is never guessed", []string{"20050607", "20121015"}, LayoutAuto, false},
		{"excel serials are never guessed", []string{"30746", "36525"}, LayoutAuto, false},
		{"layouts mixed", []string{"1984-03-05", "05/03/1984"}, LayoutAuto, false},
		{"nothing", nil, LayoutAuto, false},
		{"only blanks", []string{"", "  "}, LayoutAuto, false},
	}
	for _, tt := range tests {
		got, ok := DetectDateLayout(tt.samples)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: DetectDateLayout = %v, %v, want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDateLayout(t *testing.T) {
	tests := []struct {
		name string
		want DateLayout
	}{
		{"auto", LayoutAuto},
		{"dd/mm/yyyy", LayoutDDMMYYYY},
		{"ddmmyyyy", LayoutDDMMYYYY},
		{"dd-mm-yyyy", LayoutDDMMYYYY},
		{"dd.mm.yyyy", LayoutDDMMYYYY},
		{" DD/MM/YYYY ", LayoutDDMMYYYY},
		{"ddmmyy", LayoutDDMMYY},
		{"dd/mm/yy", LayoutDDMMYY},
		{"yyyy-mm-dd", LayoutISO},
		{"yyyy/mm/dd", LayoutISO},
		{"iso", LayoutISO},
		{"dd-mon-yy", LayoutDDMonYY},
		{"DD-MON-YYYY", LayoutDDMonYYYY},
		{"yyyymmdd", LayoutYYYYMMDD},
		{"excel", LayoutExcel},
	}
	for _, tt := range tests {
		got, err := ParseDateLayout(tt.name)
		if err != nil || got != tt.want {
			t.Errorf("ParseDateLayout(%q) = %v, %v, want %v", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "mm/dd/yyyy", "dd/mm/yyy", "yyyy", "d/m/y"} {
		if _, err := ParseDateLayout(bad); !errors.Is(err, ErrUnknownDateLayout) {
			t.Errorf("ParseDateLayout(%q) err = %v, want ErrUnknownDateLayout", bad, err)
		}
	}
	// Every layout's name reads back as itself.
	for _, l := range DateLayouts() {
		if got, err := ParseDateLayout(l.String()); err != nil || got != l {
			t.Errorf("ParseDateLayout(%v.String()) = %v, %v", l, got, err)
		}
	}
	if s := DateLayout(200).String(); !strings.Contains(s, "200") {
		t.Errorf("unknown layout String = %q", s)
	}
}

func TestDateLayoutFormat(t *testing.T) {
	d := Date(19840305)
	tests := []struct {
		l    DateLayout
		want string
	}{
		{LayoutAuto, "1984-03-05"},
		{LayoutDDMMYYYY, "05/03/1984"},
		{LayoutDDMMYY, "05/03/84"},
		{LayoutISO, "1984-03-05"},
		{LayoutDDMonYY, "05-Mar-84"},
		{LayoutDDMonYYYY, "05-Mar-1984"},
		{LayoutYYYYMMDD, "19840305"},
		{LayoutExcel, "30746"},
	}
	for _, tt := range tests {
		if got := tt.l.Format(d); got != tt.want {
			t.Errorf("%v.Format = %q, want %q", tt.l, got, tt.want)
		}
		p := DateParser{Layout: tt.l}
		if back, err := p.Parse(tt.want); err != nil || back != d {
			t.Errorf("%v Parse(Format) = %v, %v", tt.l, back, err)
		}
		if got := tt.l.Format(0); got != "" {
			t.Errorf("%v.Format(0) = %q", tt.l, got)
		}
	}
	if got := LayoutExcel.Format(18991231); got != "" {
		t.Errorf("excel before 1900 = %q", got)
	}
	for _, s := range []string{"1", "59", "61", "2958465"} {
		p := DateParser{Layout: LayoutExcel}
		d, err := p.Parse(s)
		if err != nil || LayoutExcel.Format(d) != s {
			t.Errorf("excel %s -> %v, %v -> %q", s, d, err, LayoutExcel.Format(d))
		}
	}
}
