package value

import "strings"

// spaceWidth is the width in bytes of the white space (ASCII space, tab, CR,
// LF, VT, FF or a UTF-8 no-break space) at s[i], or 0.
func spaceWidth(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\r', '\n', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// trimSpace drops white space, no-break spaces included, from both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 {
		w := spaceWidth(s, 0)
		if w == 0 {
			break
		}
		s = s[w:]
	}
	for n := len(s); n > 0; n = len(s) {
		switch c := s[n-1]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
			s = s[:n-1]
		case c == 0xA0 && n >= 2 && s[n-2] == 0xC2:
			s = s[:n-2]
		default:
			return s
		}
	}
	return s
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits[T string | []byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// compact removes all white space (no-break spaces included) and the bytes in
// drop from s, upper-casing ASCII letters when upper is set. It returns s
// itself, without allocating, when there is nothing to change. The result
// never holds a no-break space, even one formed by joining the bytes around a
// dropped one, so compact(compact(s)) == compact(s).
func compact(s, drop string, upper bool) string {
	if !needsCompact(s, drop, upper) {
		return s
	}
	var buf [32]byte
	return string(appendCompact(buf[:0], s, drop, upper))
}

// appendCompact appends compact(s, drop, upper) to dst.
func appendCompact(dst []byte, s, drop string, upper bool) []byte {
	start := len(dst)
	for i := 0; i < len(s); i++ {
		if w := spaceWidth(s, i); w > 0 {
			i += w - 1
			continue
		}
		c := s[i]
		if strings.IndexByte(drop, c) >= 0 {
			continue
		}
		if upper {
			c = upperASCII(c)
		}
		if c == 0xA0 && len(dst) > start && dst[len(dst)-1] == 0xC2 {
			dst = dst[:len(dst)-1] // a no-break space formed by the join: drop it too
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

func needsCompact(s, drop string, upper bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if spaceWidth(s, i) > 0 || strings.IndexByte(drop, c) >= 0 || upper && 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// atoi reads a short run of ASCII digits (the caller checked them).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
