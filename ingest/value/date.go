package value

// Date is a calendar date packed as the decimal number yyyymmdd (20260131 is
// 31 January 2026); 0 means unknown or blank. The packing keeps dates small,
// comparable with < and ==, and cheap to turn into the digit strings that
// fuzzy date comparisons look at. Only dates made by [NewDate], [DateFromDays]
// and the parsers are valid; the methods of any other value never panic but
// give meaningless answers (see [Date.Valid]).
type Date int32

// The years the parsers accept. Earlier years in council extracts are typing
// errors or 8-digit values in another layout (yyyymmdd read as ddmmyyyy gives
// years 0101 to 1231); 9999 is a common "no end date" value, kept so that it
// can be declared a null date.
const (
	MinYear = 1800
	MaxYear = 9999
)

// NewDate returns the date y-m-d, and false when that is not a real calendar
// day of the proleptic Gregorian calendar in years 1 to 9999 (31 April, 29
// February in a year that is not leap, month 0...).
func NewDate(y, m, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return Date(y*10000 + m*100 + d), true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Year is the year, 2026 for 2026-01-31.
func (d Date) Year() int { return int(d) / 10000 }

// Month is the month, 1 to 12.
func (d Date) Month() int { return int(d) / 100 % 100 }

// Day is the day of the month, 1 to 31.
func (d Date) Day() int { return int(d) % 100 }

// IsZero reports whether the date is unknown (blank or a declared null date).
func (d Date) IsZero() bool { return d == 0 }

// Valid reports whether d is a real calendar date (the zero Date is not).
func (d Date) Valid() bool {
	_, ok := NewDate(d.Year(), d.Month(), d.Day())
	return ok
}

// String is the ISO form "2026-01-31", nfi's canonical text for dates, or ""
// for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	var b [10]byte
	return string(d.AppendISO(b[:0]))
}

// AppendISO appends the ISO form "2026-01-31" to b (nothing for the zero
// Date), for writers that must not allocate per value.
func (d Date) AppendISO(b []byte) []byte {
	if d == 0 {
		return b
	}
	u := uint32(d)
	y, m, dd := u/10000%10000, u/100%100, u%100
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText writes the ISO form, so a Date reads well in JSON and YAML.
func (d Date) MarshalText() ([]byte, error) { return d.AppendISO(nil), nil }

// UnmarshalText reads the ISO form written by MarshalText ("" is the zero Date).
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseISODate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseISODate reads exactly "yyyy-mm-dd", the canonical text nfi writes
// itself (see [Date.String]); "" gives the zero Date. It is the fast path for
// nfi's own files: council extracts go through [DateParser].
func ParseISODate(s string) (Date, error) {
	if s == "" {
		return 0, nil
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, ErrNotDate
	}
	if !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return 0, ErrNotDate
	}
	d, ok := NewDate(atoi(s[:4]), atoi(s[5:7]), atoi(s[8:]))
	if !ok {
		return 0, ErrImpossibleDate
	}
	return d, nil
}

// Days is the number of days since 1970-01-01 (negative before), so that
// b.Days()-a.Days() is the number of days from a to b.
func (d Date) Days() int {
	y, m, dd := d.Year(), d.Month(), d.Day()
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// DateFromDays is the inverse of [Date.Days]: the date n days after
// 1970-01-01, and false outside years 1 to 9999.
func DateFromDays(n int) (Date, bool) {
	// 0001-01-01 is day -719162, 9999-12-31 is day 2932896.
	if n < -719162 || n > 2932896 {
		return 0, false
	}
	z := n + 719468 // > 0 in range
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return NewDate(y, m, d)
}

// SwappedDayMonth is the date with day and month exchanged (2001-03-05 gives
// 2001-05-03), for the "day and month swapped" level of date comparisons. It
// returns false when d is not valid, when day and month are equal (the swap
// changes nothing) or when the swap is not a calendar date (day above 12).
func (d Date) SwappedDayMonth() (Date, bool) {
	if !d.Valid() || d.Day() == d.Month() {
		return 0, false
	}
	return NewDate(d.Year(), d.Day(), d.Month())
}

// DigitsOneOff reports whether the yyyymmdd digit strings of a and b differ
// in exactly one digit (1984-03-05 and 1984-03-06, or 1984 and 1994), the
// commonest keying error in dates of birth. False when either date is zero.
func DigitsOneOff(a, b Date) bool {
	if a <= 0 || b <= 0 {
		return false
	}
	diff := 0
	for i := 0; i < 8; i++ {
		if a%10 != b%10 {
			diff++
		}
		a, b = a/10, b/10
	}
	return diff == 1
}

// YearsBetween is the number of whole years from the earlier of a and b to the
// later, counted as ages are (someone born on 29 February turns one on 1 March
// of the next year), for rules such as "a generation apart". It is 0 when
// either date is zero.
func YearsBetween(a, b Date) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	years := b.Year() - a.Year()
	if int(b)%10000 < int(a)%10000 { // month and day of b before those of a
		years--
	}
	return years
}
