package phonetic

// soundexCode holds the Soundex digit of each upper-case letter A..Z:
// '0' for the vowels A E I O U Y and for H and W (which Soundex treats apart:
// they neither code nor separate letters of the same code).
const soundexCode = "01230120022455012623010202"

// Soundex returns the standard American Soundex of s: its first letter and
// three digits, padded with zeros (ROBERT and RUPERT give R163, TYMCZAK gives
// T522, PFISTER gives P236, HONEYMAN gives H555).
//
// ASCII letters of either case are coded; every other byte is skipped as if
// absent. Letters with the same digit that are adjacent, or separated only by
// H or W, are coded once; a vowel between them codes both. Input with no
// letters gives "". Soundex allocates only its four-byte result.
func Soundex(s string) string {
	var out [4]byte
	n := 0
	var last byte // digit of the previous coded letter; 0 after a vowel
	for i := 0; i < len(s) && n < 4; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			continue
		}
		d := soundexCode[c-'A']
		if n == 0 {
			out[0] = c
			n = 1
			last = d
			continue
		}
		switch {
		case c == 'H' || c == 'W':
			// neither coded nor a separator
		case d == '0':
			last = 0
		case d != last:
			out[n] = d
			n++
			last = d
		}
	}
	if n == 0 {
		return ""
	}
	for ; n < 4; n++ {
		out[n] = '0'
	}
	return string(out[:])
}
