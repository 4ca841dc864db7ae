package value

import "strings"

// DefaultPivotYear is the reference year for two-digit years when
// [DateParser.PivotYear] is 0: the year of the exercise nfi was first built
// for. Set PivotYear to the exercise's own year.
const DefaultPivotYear = 2026

// DateParser reads one column's dates. The zero value reads any unambiguous
// day-first date ([LayoutAuto]) with no null dates. A DateParser is never
// changed by Parse, so one may serve many goroutines.
type DateParser struct {
	// Layout is the column's layout, declared in the job or found by
	// DetectDateLayout.
	Layout DateLayout
	// NullDates are the system's "no date" values (01/01/1900, 31/12/9999),
	// read as blank. A value is null when its text equals one of them (after
	// trimming space and dropping a time of day), or when both read as the
	// same date: "01/01/1900" also catches "1900-01-01" and "01-JAN-00".
	NullDates []string
	// PivotYear places two-digit years: a year yy is the latest year ending
	// in yy that is not after PivotYear (with 2026, "26" is 2026 and "27" is
	// 1927), so dates of birth are never in the future. 0 means
	// DefaultPivotYear. Columns of future dates (expiry) need a later pivot.
	PivotYear int
}

// Parse reads one value. Blank text and declared null dates give (0, nil):
// an unknown date, not an error. Otherwise the error is [ErrNotDate] (not
// shaped as a date in the layout), [ErrImpossibleDate] (no such day, such as
// 31/04) or [ErrDateOutOfRange] (a year before [MinYear]), and the Date is 0.
// White space, no-break spaces included, around the value is ignored.
func (p *DateParser) Parse(s string) (Date, error) {
	s = stripTime(trimSpace(s))
	if s == "" {
		return 0, nil
	}
	for _, n := range p.NullDates {
		if stripTime(trimSpace(n)) == s {
			return 0, nil
		}
	}
	pivot := p.pivot()
	d, _, err := parseDate(s, p.Layout, pivot)
	if err != nil {
		return 0, err
	}
	y1, y2 := byte('0'+d.Year()/10%10), byte('0'+d.Year()%10)
	for _, n := range p.NullDates {
		// Outside Excel serials a date's text holds its year's last two
		// digits: a cheap test that spares parsing most null dates per row.
		if p.Layout != LayoutExcel && !containsPair(n, y1, y2) {
			continue
		}
		n = stripTime(trimSpace(n))
		nd, _, err := parseDate(n, p.Layout, pivot)
		if err != nil {
			nd, _, err = parseDate(n, LayoutAuto, pivot)
		}
		if err == nil && nd == d {
			return 0, nil
		}
	}
	return d, nil
}

// containsPair reports whether s holds the bytes a, b side by side.
func containsPair(s string, a, b byte) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == a && s[i+1] == b {
			return true
		}
	}
	return false
}

func (p *DateParser) pivot() int {
	if p.PivotYear == 0 {
		return DefaultPivotYear
	}
	return p.PivotYear
}

// detectOrder is the order in which DetectDateLayout breaks ties: day first,
// four-digit years first (never mutated).
var detectOrder = [...]DateLayout{LayoutDDMMYYYY, LayoutDDMMYY, LayoutDDMonYYYY, LayoutDDMonYY, LayoutISO}

// DetectDateLayout picks the layout of a column from sample values: the one
// that parses the most non-blank samples; among those, the one whose year
// width matches most samples (dd/mm/yy for a column mostly of two-digit
// years); then day first and four-digit years first. yyyymmdd and Excel
// serials are never detected: they must be declared. It returns
// (LayoutAuto, false) when no layout parses at least 90% of the non-blank
// samples, or there are none; LayoutAuto still reads a column mixing layouts
// value by value.
func DetectDateLayout(samples []string) (DateLayout, bool) {
	var parsed, exact [len(detectOrder)]int
	n := 0
	for _, s := range samples {
		s = stripTime(trimSpace(s))
		if s == "" {
			continue
		}
		n++
		for i, l := range detectOrder {
			if _, two, err := parseDate(s, l, DefaultPivotYear); err == nil {
				parsed[i]++
				if two == (l == LayoutDDMMYY || l == LayoutDDMonYY) {
					exact[i]++
				}
			}
		}
	}
	if n == 0 {
		return LayoutAuto, false
	}
	best := 0
	for i := 1; i < len(detectOrder); i++ {
		if parsed[i] > parsed[best] || parsed[i] == parsed[best] && exact[i] > exact[best] {
			best = i
		}
	}
	if parsed[best]*10 < n*9 {
		return LayoutAuto, false
	}
	return detectOrder[best], true
}

// stripTime drops a trailing time of day (" 00:00:00", "T13:45", " 1:05 PM",
// "T00:00:00.000Z") and the space before it; anything else is returned as is.
func stripTime(s string) string {
	c := strings.IndexByte(s, ':')
	if c < 0 {
		return s
	}
	i := c
	for i > 0 && isDigit(s[i-1]) {
		i--
	}
	if i == c || c-i > 2 || i == 0 || !isTimeText(s[i:]) {
		return s
	}
	switch {
	case s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == 'T' || s[i-1] == 't':
		return trimSpace(s[:i-1])
	case s[i-1] == 0xA0 && i >= 2 && s[i-2] == 0xC2:
		return trimSpace(s[:i-2])
	}
	return s
}

// isTimeText reports whether t is h:mm, hh:mm:ss or hh:mm:ss.fff, then
// optionally "Z" or (after optional spaces) AM or PM.
func isTimeText(t string) bool {
	i := 0
	for i < len(t) && (isDigit(t[i]) || t[i] == ':' || t[i] == '.') {
		i++
	}
	body := t[:i]
	c := strings.IndexByte(body, ':')
	if c < 1 || len(body) < c+3 || !isDigit(body[c+1]) || !isDigit(body[c+2]) {
		return false
	}
	rest := t[i:]
	if rest == "Z" || rest == "z" || rest == "" {
		return true
	}
	rest = trimSpace(rest)
	return len(rest) == 2 && (rest[0]|0x20 == 'a' || rest[0]|0x20 == 'p') && rest[1]|0x20 == 'm'
}

// dateToken is one run of digits or of letters in a date's text.
type dateToken struct {
	s     string
	alpha bool
}

// dateShape is a date's text cut into tokens; sep[i] is the separator
// between tok[i] and tok[i+1]: '/', '-', '.', ' ' (any white space) or 0.
type dateShape struct {
	n   int
	tok [3]dateToken
	sep [2]byte
}

// scan cuts s into at most three tokens; false when s holds anything else.
func (sh *dateShape) scan(s string) bool {
	i := 0
	for i < len(s) {
		if sh.n == len(sh.tok) {
			return false
		}
		j := i
		alpha := isLetter(s[i])
		switch {
		case alpha:
			for j < len(s) && isLetter(s[j]) {
				j++
			}
		case isDigit(s[i]):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		default:
			return false
		}
		sh.tok[sh.n] = dateToken{s[i:j], alpha}
		sh.n++
		i = j
		if i == len(s) {
			break
		}
		var sep byte
		switch c := s[i]; {
		case c == '/' || c == '-' || c == '.':
			sep = c
			i++
		case spaceWidth(s, i) > 0:
			sep = ' '
			for i < len(s) && spaceWidth(s, i) > 0 {
				i += spaceWidth(s, i)
			}
		}
		if sh.n == len(sh.tok) || i == len(s) {
			return false // trailing text or separator
		}
		sh.sep[sh.n-1] = sep
	}
	return sh.n > 0
}

// parseDate reads s (trimmed, time dropped) in layout l; two reports a
// two-digit year, for DetectDateLayout.
func parseDate(s string, l DateLayout, pivot int) (d Date, two bool, err error) {
	if l == LayoutExcel {
		d, err = parseExcel(s)
		return d, false, err
	}
	var sh dateShape
	if !sh.scan(s) {
		return 0, false, ErrNotDate
	}
	switch sh.n {
	case 1:
		if sh.tok[0].alpha {
			return 0, false, ErrNotDate
		}
		return parseDigits(sh.tok[0].s, l, pivot)
	case 3:
		if sh.sep[0] != sh.sep[1] {
			return 0, false, ErrNotDate
		}
		a, b, c := sh.tok[0], sh.tok[1], sh.tok[2]
		if a.alpha || c.alpha || len(a.s) > 4 || len(c.s) > 4 {
			return 0, false, ErrNotDate
		}
		if b.alpha { // dd Mon yyyy
			if l != LayoutAuto && l != LayoutDDMonYY && l != LayoutDDMonYYYY {
				return 0, false, ErrNotDate
			}
			m := monthNumber(b.s)
			if m == 0 || len(a.s) > 2 || len(c.s) != 2 && len(c.s) != 4 {
				return 0, false, ErrNotDate
			}
			return makeDate(c.s, m, atoi(a.s), pivot)
		}
		if sh.sep[0] == 0 || len(b.s) > 2 {
			return 0, false, ErrNotDate
		}
		if len(a.s) == 4 { // yyyy-mm-dd
			if l != LayoutAuto && l != LayoutISO && l != LayoutYYYYMMDD || sh.sep[0] == ' ' || len(c.s) > 2 {
				return 0, false, ErrNotDate
			}
			return makeDate(a.s, atoi(b.s), atoi(c.s), pivot)
		}
		// dd/mm/yyyy
		if l != LayoutAuto && l != LayoutDDMMYYYY && l != LayoutDDMMYY || len(a.s) > 2 || len(c.s) != 2 && len(c.s) != 4 {
			return 0, false, ErrNotDate
		}
		return makeDate(c.s, atoi(b.s), atoi(a.s), pivot)
	}
	return 0, false, ErrNotDate
}

// parseDigits reads a date written as digits only.
func parseDigits(s string, l DateLayout, pivot int) (Date, bool, error) {
	switch {
	case l == LayoutYYYYMMDD && len(s) == 8:
		return makeDate(s[:4], atoi(s[4:6]), atoi(s[6:]), pivot)
	case l != LayoutAuto && l != LayoutDDMMYYYY && l != LayoutDDMMYY:
	case len(s) == 8 || len(s) == 6:
		return makeDate(s[4:], atoi(s[2:4]), atoi(s[:2]), pivot)
	case len(s) == 7 && l == LayoutDDMMYYYY || len(s) == 5 && l == LayoutDDMMYY:
		return makeDate(s[3:], atoi(s[1:3]), atoi(s[:1]), pivot)
	}
	return 0, false, ErrNotDate
}

// makeDate checks and packs a date whose year is still text of 2 or 4 digits.
func makeDate(year string, m, d, pivot int) (Date, bool, error) {
	y := atoi(year)
	two := len(year) == 2
	if two {
		y += pivot / 100 * 100
		if y > pivot {
			y -= 100
		}
	}
	date, ok := NewDate(y, m, d)
	if !ok {
		return 0, false, ErrImpossibleDate
	}
	if y < MinYear {
		return 0, false, ErrDateOutOfRange
	}
	return date, two, nil
}

// parseExcel reads an Excel serial day number, with an optional fraction.
func parseExcel(s string) (Date, error) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if i+1 < len(s) && !allDigits(s[i+1:]) {
			return 0, ErrNotDate
		}
		s = s[:i]
	}
	if !allDigits(s) || len(s) > 7 {
		return 0, ErrNotDate
	}
	serial := atoi(s)
	switch {
	case serial == 0 || serial == 60: // 1900-01-00 and 1900-02-29 are Excel's own
		return 0, ErrImpossibleDate
	case serial < 60:
		serial++
	}
	d, ok := DateFromDays(serial - 25569)
	if !ok {
		return 0, ErrDateOutOfRange
	}
	return d, nil
}

// monthNames are the English month names (never mutated).
var monthNames = [12]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthNumber is 1 to 12 for a month's full name, its three-letter
// abbreviation or "Sept", in any case; 0 otherwise.
func monthNumber(s string) int {
	if len(s) < 3 {
		return 0
	}
	for i, name := range monthNames {
		if len(s) == 3 || len(s) == len(name) || i == 8 && len(s) == 4 {
			if len(s) <= len(name) && equalFoldPrefix(s, name) {
				return i + 1
			}
		}
	}
	return 0
}

// equalFoldPrefix reports whether s, ignoring ASCII case, begins lower.
func equalFoldPrefix(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != lower[i] {
			return false
		}
	}
	return true
}
