package phonetic

// dmKeyLen is the length of a Double Metaphone key, as in Philips' reference
// implementation.
const dmKeyLen = 4

// DoubleMetaphone returns the Double Metaphone keys of s (Lawrence Philips,
// "The Double Metaphone Search Algorithm", C/C++ Users Journal, June 2000):
// a primary key and, when the name has a second likely pronunciation, an
// alternate key, each of up to four characters drawn from
// 0 (for TH) A F H J K L M N P R S T X (for SH and CH).
//
// SMITH gives SM0 and XMT, SCHMIDT gives XMT and SMT, WILLIAMS gives ALMS
// and FLMS, THOMAS gives TMS and no alternate. The alternate is "" when it
// would equal the primary, so callers compare {primary, alternate} sets and
// ignore empty keys.
//
// The rules follow the reference implementation, with the test vectors of
// its ports, and read s in the same way: ASCII letters of either case are
// letters, a space separates words (VAN, VON and SAN are looked for at the
// start), and every other byte is a non-letter that is skipped. Leading and
// trailing spaces are ignored. Input with no letters gives two empty keys.
// DoubleMetaphone never panics and allocates at most one string, shared by
// the two keys.
func DoubleMetaphone(s string) (primary, alternate string) {
	var buf [2 * dmKeyLen]byte
	b, np := AppendDoubleMetaphone(buf[:0], s)
	if len(b) == 0 {
		return "", ""
	}
	both := string(b)
	return both[:np], both[np:]
}

// AppendDoubleMetaphone appends the two keys of DoubleMetaphone(s) to dst,
// the primary and then the alternate, and returns the extended slice and
// the primary's length, for callers that must not allocate.
func AppendDoubleMetaphone(dst []byte, s string) (out []byte, primary int) {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	if len(s) == 0 {
		return dst, 0
	}
	e := dmEncoder{s: s, n: len(s), last: len(s) - 1}
	e.slavo = e.slavoGermanic()
	e.run()

	np, na := min(e.pn, dmKeyLen), min(e.an, dmKeyLen)
	p, a := e.p[:np], e.a[:na]
	dst = append(dst, p...)
	if e.alt && string(p) != string(a) {
		dst = append(dst, a...)
	}
	return dst, np
}

// dmEncoder holds the state of one Double Metaphone encoding. Keys are kept
// to their first four characters, while pn and an count every character
// added, as the reference implementation's loop condition needs.
type dmEncoder struct {
	s       string
	n, last int
	slavo   bool // the name looks Slavic or Germanic (W, K, CZ or WITZ)
	alt     bool // an alternate key was produced
	p, a    [dmKeyLen]byte
	pn, an  int
}

// at returns the upper-cased byte at i, a space past the end (the reference
// implementation pads its copy with spaces), and 0 before the start.
func (e *dmEncoder) at(i int) byte {
	if i < 0 {
		return 0
	}
	if i >= e.n {
		return ' '
	}
	c := e.s[i]
	if c >= 'a' && c <= 'z' {
		c -= 'a' - 'A'
	}
	return c
}

// vowel reports whether the byte at i, inside the string, is A E I O U or Y.
func (e *dmEncoder) vowel(i int) bool {
	if i < 0 || i >= e.n {
		return false
	}
	switch e.at(i) {
	case 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	}
	return false
}

// is reports whether any of the candidates occurs at start. A start before
// the beginning of the string never matches.
func (e *dmEncoder) is(start int, cands ...string) bool {
	if start < 0 {
		return false
	}
outer:
	for _, c := range cands {
		for j := 0; j < len(c); j++ {
			if e.at(start+j) != c[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

func (e *dmEncoder) slavoGermanic() bool {
	for i := 0; i < e.n; i++ {
		switch e.at(i) {
		case 'W', 'K':
			return true
		case 'C':
			if e.at(i+1) == 'Z' {
				return true
			}
		}
	}
	return false
}

func (e *dmEncoder) addP(s string) {
	for i := 0; i < len(s); i++ {
		if e.pn < dmKeyLen {
			e.p[e.pn] = s[i]
		}
		e.pn++
	}
}

func (e *dmEncoder) addA(s string) {
	for i := 0; i < len(s); i++ {
		if e.an < dmKeyLen {
			e.a[e.an] = s[i]
		}
		e.an++
	}
}

// add appends the same code to both keys.
func (e *dmEncoder) add(main string) {
	e.addP(main)
	e.addA(main)
}

// add2 appends main to the primary key and alt to the alternate. As in the
// reference implementation, an alt of " " means "nothing for the alternate"
// and an empty main adds nothing to the primary.
func (e *dmEncoder) add2(main, alt string) {
	if main != "" {
		e.addP(main)
	}
	if alt != "" {
		e.alt = true
		if alt[0] != ' ' {
			e.addA(alt)
		}
	} else if main != "" && main[0] != ' ' {
		e.addA(main)
	}
}

func (e *dmEncoder) run() {
	cur := 0
	// Silent first letters.
	if e.is(0, "GN", "KN", "PN", "WR", "PS") {
		cur = 1
	}
	// An initial X sounds as Z (XAVIER), which codes as S.
	if e.at(0) == 'X' {
		e.add("S")
		cur = 1
	}
	for (e.pn < dmKeyLen || e.an < dmKeyLen) && cur < e.n {
		switch e.at(cur) {
		case 'A', 'E', 'I', 'O', 'U', 'Y':
			if cur == 0 {
				e.add("A") // every initial vowel codes as A
			}
			cur++
		case 'B':
			e.add("P") // -MB as in DUMB is skipped at M
			cur += e.skipDouble(cur, 'B')
		case 'C':
			cur = e.c(cur)
		case 'D':
			switch {
			case e.is(cur, "DG"):
				if e.is(cur+2, "I", "E", "Y") {
					e.add("J") // EDGE
					cur += 3
				} else {
					e.add("TK") // EDGAR
					cur += 2
				}
			case e.is(cur, "DT", "DD"):
				e.add("T")
				cur += 2
			default:
				e.add("T")
				cur++
			}
		case 'F':
			e.add("F")
			cur += e.skipDouble(cur, 'F')
		case 'G':
			cur = e.g(cur)
		case 'H':
			// Kept only when first or between vowels (also skips HH).
			if (cur == 0 || e.vowel(cur-1)) && e.vowel(cur+1) {
				e.add("H")
				cur += 2
			} else {
				cur++
			}
		case 'J':
			cur = e.j(cur)
		case 'K':
			e.add("K")
			cur += e.skipDouble(cur, 'K')
		case 'L':
			cur = e.l(cur)
		case 'M':
			if (e.is(cur-1, "UMB") && (cur+1 == e.last || e.is(cur+2, "ER"))) || e.at(cur+1) == 'M' {
				cur += 2 // DUMB, THUMB, and MM
			} else {
				cur++
			}
			e.add("M")
		case 'N':
			e.add("N")
			cur += e.skipDouble(cur, 'N')
		case 'P':
			if e.at(cur+1) == 'H' {
				e.add("F")
				cur += 2
				break
			}
			if e.is(cur+1, "P", "B") { // CAMPBELL, RASPBERRY
				cur += 2
			} else {
				cur++
			}
			e.add("P")
		case 'Q':
			e.add("K")
			cur += e.skipDouble(cur, 'Q')
		case 'R':
			// French final -IER as in ROGIER, but not HOCHMEIER.
			if cur == e.last && !e.slavo && e.is(cur-2, "IE") && !e.is(cur-4, "ME", "MA") {
				e.add2("", "R")
			} else {
				e.add("R")
			}
			cur += e.skipDouble(cur, 'R')
		case 'S':
			cur = e.sChar(cur)
		case 'T':
			cur = e.t(cur)
		case 'V':
			e.add("F")
			cur += e.skipDouble(cur, 'V')
		case 'W':
			cur = e.w(cur)
		case 'X':
			// Silent in French endings as in BREAUX.
			if !(cur == e.last && (e.is(cur-3, "IAU", "EAU") || e.is(cur-2, "AU", "OU"))) {
				e.add("KS")
			}
			if e.is(cur+1, "C", "X") {
				cur += 2
			} else {
				cur++
			}
		case 'Z':
			if e.at(cur+1) == 'H' { // Chinese pinyin ZHAO
				e.add("J")
				cur += 2
				break
			}
			if e.is(cur+1, "ZO", "ZI", "ZA") || (e.slavo && cur > 0 && e.at(cur-1) != 'T') {
				e.add2("S", "TS")
			} else {
				e.add("S")
			}
			cur += e.skipDouble(cur, 'Z')
		default:
			cur++
		}
	}
}

// skipDouble returns 2 when the letter after cur is c (a doubled letter is
// coded once) and 1 otherwise.
func (e *dmEncoder) skipDouble(cur int, c byte) int {
	if e.at(cur+1) == c {
		return 2
	}
	return 1
}

func (e *dmEncoder) c(cur int) int {
	// Various Germanic: ACH as in BACHER and MACHER, not before I or E.
	if cur > 1 && !e.vowel(cur-2) && e.is(cur-1, "ACH") &&
		e.at(cur+2) != 'I' && (e.at(cur+2) != 'E' || e.is(cur-2, "BACHER", "MACHER")) {
		e.add("K")
		return cur + 2
	}
	if cur == 0 && e.is(cur, "CAESAR") {
		e.add("S")
		return cur + 2
	}
	if e.is(cur, "CHIA") { // Italian CHIANTI
		e.add("K")
		return cur + 2
	}
	if e.is(cur, "CH") {
		if cur > 0 && e.is(cur, "CHAE") { // MICHAEL
			e.add2("K", "X")
			return cur + 2
		}
		// Greek roots: CHEMISTRY, CHORUS.
		if cur == 0 && (e.is(cur+1, "HARAC", "HARIS") || e.is(cur+1, "HOR", "HYM", "HIA", "HEM")) &&
			!e.is(0, "CHORE") {
			e.add("K")
			return cur + 2
		}
		// Germanic, Greek, or otherwise CH for KH: ARCHITECT, ORCHESTRA,
		// ORCHID, WACHTLER, WECHSLER but not TICHNER.
		if e.is(0, "VAN ", "VON ") || e.is(0, "SCH") ||
			e.is(cur-2, "ORCHES", "ARCHIT", "ORCHID") ||
			e.is(cur+2, "T", "S") ||
			((e.is(cur-1, "A", "O", "U", "E") || cur == 0) &&
				e.is(cur+2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")) {
			e.add("K")
		} else if cur > 0 {
			if e.is(0, "MC") { // MCHUGH
				e.add("K")
			} else {
				e.add2("X", "K")
			}
		} else {
			e.add("X")
		}
		return cur + 2
	}
	if e.is(cur, "CZ") && !e.is(cur-2, "WICZ") { // CZERNY
		e.add2("S", "X")
		return cur + 2
	}
	if e.is(cur+1, "CIA") { // FOCACCIA
		e.add("X")
		return cur + 3
	}
	// Double C, but not as in MCCLELLAN.
	if e.is(cur, "CC") && !(cur == 1 && e.at(0) == 'M') {
		// BELLOCCHIO but not BACCHUS.
		if e.is(cur+2, "I", "E", "H") && !e.is(cur+2, "HU") {
			if (cur == 1 && e.at(cur-1) == 'A') || e.is(cur-1, "UCCEE", "UCCES") {
				e.add("KS") // ACCIDENT, ACCEDE, SUCCEED
			} else {
				e.add("X") // BACCI, BERTUCCI
			}
			return cur + 3
		}
		e.add("K") // Pierce's rule
		return cur + 2
	}
	if e.is(cur, "CK", "CG", "CQ") {
		e.add("K")
		return cur + 2
	}
	if e.is(cur, "CI", "CE", "CY") {
		if e.is(cur, "CIO", "CIE", "CIA") { // Italian against English
			e.add2("S", "X")
		} else {
			e.add("S")
		}
		return cur + 2
	}
	e.add("K")
	// Names sent as MAC CAFFREY, MAC GREGOR.
	switch {
	case e.is(cur+1, " C", " Q", " G"):
		return cur + 3
	case e.is(cur+1, "C", "K", "Q") && !e.is(cur+1, "CE", "CI"):
		return cur + 2
	}
	return cur + 1
}

func (e *dmEncoder) g(cur int) int {
	if e.at(cur+1) == 'H' {
		if cur > 0 && !e.vowel(cur-1) {
			e.add("K")
			return cur + 2
		}
		if cur == 0 { // GHISLANE, GHIRADELLI
			if e.at(cur+2) == 'I' {
				e.add("J")
			} else {
				e.add("K")
			}
			return cur + 2
		}
		// Parker's rule, with refinements: HUGH, BOUGH, BROUGHTON.
		if (cur > 1 && e.is(cur-2, "B", "H", "D")) ||
			(cur > 2 && e.is(cur-3, "B", "H", "D")) ||
			(cur > 3 && e.is(cur-4, "B", "H")) {
			return cur + 2
		}
		// LAUGH, MCLAUGHLIN, COUGH, GOUGH, ROUGH, TOUGH.
		if cur > 2 && e.at(cur-1) == 'U' && e.is(cur-3, "C", "G", "L", "R", "T") {
			e.add("F")
		} else if cur > 0 && e.at(cur-1) != 'I' {
			e.add("K")
		}
		return cur + 2
	}
	if e.at(cur+1) == 'N' {
		switch {
		case cur == 1 && e.vowel(0) && !e.slavo:
			e.add2("KN", "N")
		case !e.is(cur+2, "EY") && e.at(cur+1) != 'Y' && !e.slavo: // not CAGNEY
			e.add2("N", "KN")
		default:
			e.add("KN")
		}
		return cur + 2
	}
	if e.is(cur+1, "LI") && !e.slavo { // TAGLIARO
		e.add2("KL", "L")
		return cur + 2
	}
	// -GES-, -GEP-, -GEL-, -GIE- at the beginning.
	if cur == 0 && (e.at(cur+1) == 'Y' ||
		e.is(cur+1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")) {
		e.add2("K", "J")
		return cur + 2
	}
	// -GER-, -GY-.
	if (e.is(cur+1, "ER") || e.at(cur+1) == 'Y') &&
		!e.is(0, "DANGER", "RANGER", "MANGER") &&
		!e.is(cur-1, "E", "I") && !e.is(cur-1, "RGY", "OGY") {
		e.add2("K", "J")
		return cur + 2
	}
	// Italian as in BIAGGI.
	if e.is(cur+1, "E", "I", "Y") || e.is(cur-1, "AGGI", "OGGI") {
		switch {
		case e.is(0, "VAN ", "VON ") || e.is(0, "SCH") || e.is(cur+1, "ET"):
			e.add("K") // obviously Germanic
		case e.is(cur+1, "IER "):
			e.add("J") // always soft in a French ending
		default:
			e.add2("J", "K")
		}
		return cur + 2
	}
	e.add("K")
	return cur + e.skipDouble(cur, 'G')
}

func (e *dmEncoder) j(cur int) int {
	// Obviously Spanish: JOSE, SAN JACINTO.
	if e.is(cur, "JOSE") || e.is(0, "SAN ") {
		if (cur == 0 && e.at(cur+4) == ' ') || e.is(0, "SAN ") {
			e.add("H")
		} else {
			e.add2("J", "H")
		}
		return cur + 1
	}
	switch {
	case cur == 0:
		e.add2("J", "A") // YANKELOVICH and JANKELOWICZ
	case e.vowel(cur-1) && !e.slavo && (e.at(cur+1) == 'A' || e.at(cur+1) == 'O'):
		e.add2("J", "H") // Spanish BAJADOR
	case cur == e.last:
		e.add2("J", " ")
	case !e.is(cur+1, "L", "T", "K", "S", "N", "M", "B", "Z") && !e.is(cur-1, "S", "K", "L"):
		e.add("J")
	}
	return cur + e.skipDouble(cur, 'J')
}

func (e *dmEncoder) l(cur int) int {
	if e.at(cur+1) != 'L' {
		e.add("L")
		return cur + 1
	}
	// Spanish: CABRILLO, GALLEGOS.
	if (cur == e.n-3 && e.is(cur-1, "ILLO", "ILLA", "ALLE")) ||
		((e.is(e.last-1, "AS", "OS") || e.is(e.last, "A", "O")) && e.is(cur-1, "ALLE")) {
		e.add2("L", " ")
		return cur + 2
	}
	e.add("L")
	return cur + 2
}

func (e *dmEncoder) sChar(cur int) int {
	// ISLAND, ISLE, CARLISLE, CARLYSLE.
	if e.is(cur-1, "ISL", "YSL") {
		return cur + 1
	}
	if cur == 0 && e.is(cur, "SUGAR") {
		e.add2("X", "S")
		return cur + 1
	}
	if e.is(cur, "SH") {
		if e.is(cur+1, "HEIM", "HOEK", "HOLM", "HOLZ") { // Germanic
			e.add("S")
		} else {
			e.add("X")
		}
		return cur + 2
	}
	// Italian and Armenian.
	if e.is(cur, "SIO", "SIA") || e.is(cur, "SIAN") {
		if !e.slavo {
			e.add2("S", "X")
		} else {
			e.add("S")
		}
		return cur + 3
	}
	// German and anglicised: SMITH matches SCHMIDT, SNIDER matches
	// SCHNEIDER; also Slavic -SZ-.
	if (cur == 0 && e.is(cur+1, "M", "N", "L", "W")) || e.is(cur+1, "Z") {
		e.add2("S", "X")
		if e.is(cur+1, "Z") {
			return cur + 2
		}
		return cur + 1
	}
	if e.is(cur, "SC") {
		// Schlesinger's rule.
		if e.at(cur+2) == 'H' {
			// Dutch origin: SCHOOL, SCHOONER, SCHERMERHORN, SCHENKER.
			if e.is(cur+3, "OO", "ER", "EN", "UY", "ED", "EM") {
				if e.is(cur+3, "ER", "EN") {
					e.add2("X", "SK")
				} else {
					e.add("SK")
				}
				return cur + 3
			}
			if cur == 0 && !e.vowel(3) && e.at(3) != 'W' {
				e.add2("X", "S")
			} else {
				e.add("X")
			}
			return cur + 3
		}
		if e.is(cur+2, "I", "E", "Y") {
			e.add("S")
		} else {
			e.add("SK")
		}
		return cur + 3
	}
	// French: RESNAIS, ARTOIS.
	if cur == e.last && e.is(cur-2, "AI", "OI") {
		e.add2("", "S")
	} else {
		e.add("S")
	}
	if e.is(cur+1, "S", "Z") {
		return cur + 2
	}
	return cur + 1
}

func (e *dmEncoder) t(cur int) int {
	if e.is(cur, "TION") {
		e.add("X")
		return cur + 3
	}
	if e.is(cur, "TIA", "TCH") {
		e.add("X")
		return cur + 3
	}
	if e.is(cur, "TH") || e.is(cur, "TTH") {
		// THOMAS, THAMES, or Germanic.
		if e.is(cur+2, "OM", "AM") || e.is(0, "VAN ", "VON ") || e.is(0, "SCH") {
			e.add("T")
		} else {
			e.add2("0", "T")
		}
		return cur + 2
	}
	e.add("T")
	if e.is(cur+1, "T", "D") {
		return cur + 2
	}
	return cur + 1
}

func (e *dmEncoder) w(cur int) int {
	if e.is(cur, "WR") {
		e.add("R")
		return cur + 2
	}
	if cur == 0 && (e.vowel(cur+1) || e.is(cur, "WH")) {
		if e.vowel(cur + 1) {
			e.add2("A", "F") // WASSERMAN matches VASSERMAN
		} else {
			e.add("A") // UOMO matches WOMO
		}
	}
	// ARNOW matches ARNOFF.
	if (cur == e.last && e.vowel(cur-1)) ||
		e.is(cur-1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || e.is(0, "SCH") {
		e.add2("", "F")
		return cur + 1
	}
	if e.is(cur, "WICZ", "WITZ") { // Polish FILIPOWICZ
		e.add2("TS", "FX")
		return cur + 4
	}
	return cur + 1
}
