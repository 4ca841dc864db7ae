package value

// ParseNI normalises a National Insurance number and checks it against
// HMRC's rules. The normal form is upper case with white space, dashes and
// dots removed ("ab 12 34 56 c" gives "AB123456C"); it is returned even when
// the number is not valid, because an invalid NI number is itself worth
// reporting: the engine flags and counts it, never drops it.
//
// Valid means two prefix letters, six digits and an optional suffix A to D
// (an absent or blank suffix is common in extracts); the first letter is not
// D, F, I, Q, U or V; the second is not D, F, I, O, Q, U or V; and the prefix
// is not one HMRC never allocates (BG, GB, KN, NK, NT, TN, ZZ). Temporary
// numbers (TN plus date of birth and sex) are therefore invalid. Blank text
// gives ("", false).
//
// ParseNI(norm) returns norm again. It allocates only when the text needs
// changing.
func ParseNI(s string) (norm string, valid bool) {
	norm = compact(s, "-.", true)
	return norm, validNI(norm)
}

// AppendNI appends the normal form of s, as ParseNI gives it, to dst and
// reports whether it is valid, for callers that must not allocate.
func AppendNI(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	dst = appendCompact(dst, s, "-.", true)
	return dst, validNI(dst[start:])
}

func validNI[T string | []byte](s T) bool {
	if len(s) != 8 && len(s) != 9 {
		return false
	}
	a, b := s[0], s[1]
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return false
	}
	switch a {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	switch b {
	case 'D', 'F', 'I', 'O', 'Q', 'U', 'V':
		return false
	}
	switch string(s[:2]) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	if !allDigits(s[2:8]) {
		return false
	}
	return len(s) == 8 || 'A' <= s[8] && s[8] <= 'D'
}
