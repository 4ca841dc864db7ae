package value

// Postcode is a UK postcode and its parts, for blocking and comparing
// addresses at the level of area, district, sector or unit.
type Postcode struct {
	Full     string // "SW1A 1AA" (normalised), or the cleaned text when not a UK postcode
	Area     string // "SW": the leading letters
	District string // "SW1A": the outward code
	Sector   string // "SW1A 1": outward code and the inward code's digit
	Unit     string // "SW1A 1AA", equal to Full when valid
	Valid    bool
}

// ParsePostcode normalises and splits a UK postcode. The text is upper-cased
// and its spaces ignored ("sw1a1aa", " SW1A  1AA " and "SW1A 1AA" all give
// "SW1A 1AA"); it is valid when it has one of the Royal Mail formats A9 9AA,
// A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA (A a letter, 9 a digit) or
// is GIR 0AA. Typing errors are not corrected (an O for a 0 stays invalid).
//
// Anything else (a foreign postcode, "4223", "N/A") is kept as text: Full is
// the value upper-cased with runs of white space made one space, Valid is
// false and the parts are empty. Blank text gives the zero Postcode.
// ParsePostcode(p.Full).Full == p.Full. A value already in normal form costs
// no allocation, any other one allocation.
func ParsePostcode(s string) Postcode {
	t := trimSpace(s)
	if p, ok := splitNormal(t); ok {
		return p
	}
	return parsePostcodeText(t)
}

// splitNormal splits t when it is a valid postcode in normal form, as the
// parser's canonical values are (it parses them again to split them), and
// most extracts' are: it is then its own normal form, and needs only
// checking, not squeezing.
func splitNormal(t string) (Postcode, bool) {
	n := len(t)
	if n < 6 || n > 8 || t[n-4] != ' ' {
		return Postcode{}, false
	}
	if out := codeShape(t[:n-4], t[n-3:]); out > 0 {
		return postcodeParts(t, out), true
	}
	return Postcode{}, false
}

// parsePostcodeText is ParsePostcode of trimmed text t.
func parsePostcodeText(t string) Postcode {
	if t == "" {
		return Postcode{}
	}
	var c [8]byte
	if n, out := squeezePostcode(&c, t); out > 0 {
		if len(t) == n+1 && t[out] == ' ' && t[:out] == string(c[:out]) && t[out+1:] == string(c[out+1:n+1]) {
			return postcodeParts(t, out)
		}
		return postcodeParts(string(c[:n+1]), out)
	}
	return Postcode{Full: cleanText(t)}
}

// AppendPostcode appends the normal form of s (ParsePostcode(s).Full) to
// dst and reports whether it is a valid postcode, for callers that must not
// allocate: ParsePostcode on the normal form then splits it without
// allocating.
func AppendPostcode(dst []byte, s string) ([]byte, bool) {
	t := trimSpace(s)
	if _, ok := splitNormal(t); ok {
		return append(dst, t...), true // already in normal form, as most are
	}
	var c [8]byte
	if n, out := squeezePostcode(&c, t); out > 0 {
		return append(dst, c[:n+1]...), true
	}
	return appendCleanText(dst, t), false
}

// squeezePostcode reads trimmed text t as a postcode: when it is one, it
// leaves the normal form, n+1 bytes with one space, in c and returns n and
// the length of the outward code; otherwise out is 0.
func squeezePostcode(c *[8]byte, t string) (n, out int) {
	for i := 0; i < len(t); {
		if w := spaceWidth(t, i); w > 0 {
			i += w
			continue
		}
		if n == 7 {
			return 8, 0 // too long to be a postcode
		}
		c[n] = upperASCII(t[i])
		n++
		i++
	}
	if out = outwardLen(c[:n]); out > 0 {
		copy(c[out+1:n+1], c[out:n])
		c[out] = ' '
	}
	return n, out
}

// postcodeParts splits a normal-form postcode whose outward code has out bytes.
func postcodeParts(full string, out int) Postcode {
	area := 1
	for area < out && isLetter(full[area]) {
		area++
	}
	return Postcode{Full: full, Area: full[:area], District: full[:out], Sector: full[:out+2], Unit: full, Valid: true}
}

// outwardLen checks a postcode without spaces (upper case) and returns the
// length of its outward code, or 0 when it is not a postcode.
func outwardLen(c []byte) int {
	n := len(c)
	if n < 5 || n > 7 {
		return 0
	}
	return codeShape(c[:n-3], c[n-3:])
}

// codeShape checks a postcode's outward and inward codes (upper case) and
// returns the outward code's length, or 0 when they are not a postcode's.
// It reads the codes where they are, in a postcode squeezed into bytes or
// in one written in normal form.
func codeShape[T ~string | ~[]byte](out, in T) int {
	if string(out) == "GIR" && string(in) == "0AA" {
		return 3
	}
	if len(in) != 3 || !isDigit(in[0]) || !isUpper(in[1]) || !isUpper(in[2]) {
		return 0
	}
	ok := false
	switch len(out) {
	case 2: // A9
		ok = isUpper(out[0]) && isDigit(out[1])
	case 3: // A99, AA9, A9A
		ok = isUpper(out[0]) && (isDigit(out[1]) && isDigit(out[2]) ||
			isUpper(out[1]) && isDigit(out[2]) ||
			isDigit(out[1]) && isUpper(out[2]))
	case 4: // AA99, AA9A
		ok = isUpper(out[0]) && isUpper(out[1]) && isDigit(out[2]) && (isDigit(out[3]) || isUpper(out[3]))
	}
	if !ok {
		return 0
	}
	return len(out)
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// cleanText upper-cases ASCII letters and makes each run of white space one
// space (t is already trimmed); t itself when nothing changes.
func cleanText(t string) string {
	change := false
	for i := 0; i < len(t) && !change; i++ {
		w := spaceWidth(t, i)
		change = 'a' <= t[i] && t[i] <= 'z' || w > 0 && (t[i] != ' ' || i+1 < len(t) && spaceWidth(t, i+1) > 0)
	}
	if !change {
		return t
	}
	return string(appendCleanText(make([]byte, 0, len(t)), t))
}

// appendCleanText appends cleanText(t) to dst.
func appendCleanText(dst []byte, t string) []byte {
	for i := 0; i < len(t); {
		if spaceWidth(t, i) > 0 {
			for i < len(t) && spaceWidth(t, i) > 0 {
				i += spaceWidth(t, i)
			}
			dst = append(dst, ' ')
			continue
		}
		dst = append(dst, upperASCII(t[i]))
		i++
	}
	return dst
}
