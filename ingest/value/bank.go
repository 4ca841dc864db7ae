package value

// ParseSortCode normalises a bank sort code to its six digits, as text so
// the leading zeros stay: "20-00-00", "20 00 00" and "200000" all give
// "200000". White space and dashes are removed and nothing else is changed;
// valid is true when six digits remain. The cleaned text is returned even
// when not valid, for the engine to flag. A sort code that a spreadsheet
// turned into a date (21-11-97 arriving as "21/11/1997") is not repaired:
// it is reported invalid.
func ParseSortCode(s string) (norm string, valid bool) {
	norm = compact(s, "-", false)
	return norm, validSortCode(norm)
}

// AppendSortCode appends the normal form of s, as ParseSortCode gives it,
// to dst and reports whether it is valid, for callers that must not
// allocate.
func AppendSortCode(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	dst = appendCompact(dst, s, "-", false)
	return dst, validSortCode(dst[start:])
}

func validSortCode[T string | []byte](s T) bool { return len(s) == 6 && allDigits(s) }

// ParseAccount normalises a bank account number: white space and dashes
// removed, digits kept as given (no padding: a 7-digit account is not
// guessed to be 8 digits with a lost zero). Valid is true for 6 to 10
// digits. The cleaned text is returned even when not valid.
func ParseAccount(s string) (norm string, valid bool) {
	norm = compact(s, "-", false)
	return norm, validAccount(norm)
}

// AppendAccount appends the normal form of s, as ParseAccount gives it, to
// dst and reports whether it is valid, for callers that must not allocate.
func AppendAccount(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	dst = appendCompact(dst, s, "-", false)
	return dst, validAccount(dst[start:])
}

func validAccount[T string | []byte](s T) bool { return len(s) >= 6 && len(s) <= 10 && allDigits(s) }
