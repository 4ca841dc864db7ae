package normal

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold turns any text into upper-case ASCII, so that names and addresses can
// be compared byte by byte (the string metrics nfi uses compare bytes, not
// characters).
//
// Letters lose their accents by NFKD decomposition with the combining marks
// removed (Zoë gives ZOE, Müller MULLER); compatibility forms are
// decomposed too (the ligature ﬁ gives FI, a full-width Ａ gives A). Letters
// that NFKD leaves alone are spelled out from a table: Ł L, Ø O, ß SS, Æ AE,
// Œ OE, Đ and Ð D, Þ TH, ı I, Ħ H, Ŧ T, Ŋ N, ĸ K (so Søren gives SOREN and
// Straße STRASSE). Curly quotes, guillemets, primes and modifier apostrophes
// become ', every kind of dash and the minus sign become -, the fraction
// slash becomes /, and every kind of space (no-break, thin, ideographic, tab, line
// breaks) becomes a space; soft hyphens, zero-width characters, the
// byte-order mark and control characters are removed. Characters with no
// Latin spelling (Greek, Cyrillic, CJK, symbols) and invalid UTF-8 are
// removed, so a name written wholly in another script folds to "" and is
// then treated as missing, never as equal to another such name.
//
// Fold does not trim or collapse spaces; the parsers do that. Its output is
// printable ASCII with no lower-case letters, and Fold(Fold(s)) == Fold(s).
// Input that is already upper-case printable ASCII is returned as it is,
// without allocating; other input allocates the result once.
func Fold(s string) string { return fold(nil, s) }

// stablePrefix is the length of the longest prefix of s that Fold keeps as
// it is: len(s) when Fold returns s.
func stablePrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if !asciiStable(s[i]) {
			return i
		}
	}
	return len(s)
}

// AppendFold appends Fold(s) to dst, for callers that must not allocate.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if m := asciiFolds[c]; m != 0 {
				dst = append(dst, m)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			i++ // invalid UTF-8 is dropped
			continue
		}
		var ok bool
		if dst, ok = appendFoldRune(dst, r); !ok {
			// Compatibility decomposition: keep its ASCII and table letters,
			// drop its combining marks and anything else.
			if d := norm.NFKD.PropertiesString(s[i:]).Decomposition(); d != nil {
				for j := 0; j < len(d); {
					dr, ds := utf8.DecodeRune(d[j:])
					if dr < utf8.RuneSelf {
						if m, ok := foldASCII(byte(dr)); ok {
							dst = append(dst, m)
						}
					} else {
						dst, _ = appendFoldRune(dst, dr)
					}
					j += ds
				}
			}
		}
		i += size
	}
	return dst
}

// asciiStable reports whether Fold keeps the byte c as it is: printable
// ASCII other than a lower-case letter.
func asciiStable(c byte) bool {
	return c >= ' ' && c < 0x7f && (c < 'a' || c > 'z')
}

// foldASCII maps one ASCII byte: lower case to upper case, white space to a
// space; it reports false for the other control characters, which are
// dropped.
func foldASCII(c byte) (byte, bool) {
	switch {
	case c >= 'a' && c <= 'z':
		return c - ('a' - 'A'), true
	case c >= ' ' && c < 0x7f:
		return c, true
	case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
		return ' ', true
	}
	return 0, false
}

// asciiFolds holds foldASCII's mapping of every ASCII byte, 0 for one that
// is dropped: a load where foldASCII is a run of tests, for the bytes of
// every name and address. It is built once and never modified.
var asciiFolds = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		t[c], _ = foldASCII(c)
	}
	return t
}()

// appendFoldRune appends the folding of a non-ASCII rune that NFKD does not
// handle as nfi wants: table letters, quotes, dashes and spaces, and the
// characters to remove. It reports false when the rune is not one of these.
func appendFoldRune(b []byte, r rune) ([]byte, bool) {
	switch r {
	case 'Ł', 'ł':
		b = append(b, 'L')
	case 'Ø', 'ø':
		b = append(b, 'O')
	case 'ß', 'ẞ':
		b = append(b, "SS"...)
	case 'Æ', 'æ':
		b = append(b, "AE"...)
	case 'Œ', 'œ':
		b = append(b, "OE"...)
	case 'Đ', 'đ', 'Ð', 'ð':
		b = append(b, 'D')
	case 'Þ', 'þ':
		b = append(b, "TH"...)
	case 'ı':
		b = append(b, 'I')
	case 'Ħ', 'ħ':
		b = append(b, 'H')
	case 'Ŧ', 'ŧ':
		b = append(b, 'T')
	case 'Ŋ', 'ŋ':
		b = append(b, 'N')
	case 'ĸ':
		b = append(b, 'K')
	case '‘', '’', '‚', '‛', '“', '”', '„', '‟', '′', '″', '‵', '‶', '´', 'ʹ', 'ʻ', 'ʼ', 'ʽ', 'ˈ', '＇', '«', '»', '‹', '›':
		b = append(b, '\'')
	case '‐', '‑', '‒', '–', '—', '―', '⁃', '−', '﹘', '﹣', '－', '⸺', '⸻':
		b = append(b, '-')
	case '⁄', '∕', '／':
		b = append(b, '/')
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e':
		// soft hyphen, zero-width characters, byte-order mark: removed
	default:
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			b = append(b, ' ')
		case unicode.Is(unicode.M, r), unicode.IsControl(r):
			// combining marks and control characters: removed
		default:
			return b, false
		}
	}
	return b, true
}
