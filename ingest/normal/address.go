package normal

import (
	"slices"
	"strings"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// Address is a British address split into the parts that say which
// household it is, each standardised for comparison (upper-case ASCII,
// street words in their standard form).
type Address struct {
	// Flat is the flat, apartment, unit or room: "2" from "Flat 2", "2A"
	// from "Flat 2A", "4B" from "Apt 4B", "3" from "Unit 3", "2" from
	// "2/14 High St" (flat 2 of number 14), "0/1" from the Scottish
	// "Flat 0/1". Floors are coded GF, 1F, 2F, 3F, 4F, TF (top) and B
	// (basement): "Ground Floor Flat" gives GF.
	Flat string
	// Number is the house number with its suffix letter ("14", "12A"; 12
	// and 12A are different houses) or a range ("14-16").
	Number string
	// Name is the house or building name when there is one ("ROSE
	// COTTAGE", or "ROSE CT" from "Flat 2 Rose Court, 14 High St").
	Name string
	// Street is the street with its words standardised: "HIGH ST" from
	// "High Street".
	Street string
	// Locality holds the remaining lines (village, town, county),
	// standardised and joined by spaces.
	Locality string
}

// ParseAddress splits address lines, given in order, into an Address. Blank
// lines are ignored; commas and semicolons inside a line separate lines too
// ("Flat 2, 14 High Street"). The postcode is not expected among the lines:
// compare it separately.
//
// The lines are read in order. A flat (FLAT, APARTMENT, APT, UNIT, ROOM,
// SUITE, STUDIO or a floor such as GROUND FLOOR FLAT) at the start of a
// line is taken first; a line that then starts with a number gives the
// number and the street ("14 High Street", "14a High Street", "14-16 High
// St", "2/14 High St"); a number alone on its line takes the street from the
// next line. A line with no number is a house or building name when the
// next line starts with a number ("Rose Cottage, 14 Mill Lane"), a street
// when it ends with a street word such as ROAD or LANE ("Mill Lane"), and a
// house name otherwise, the next line then being its street ("Rose Cottage,
// Mill Lane"). Everything after the street is the locality.
//
// Every word of every part is standardised with the street-word table
// (ROAD RD, AVENUE AVE, NORTH N, ...), the house name included, so that
// "Rose Court" and "Rose Ct" agree.
func ParseAddress(lines []string) Address {
	var sc Scratch
	return sc.ParseAddress(lines)
}

// ParseAddress is [ParseAddress], with the Address held in the Scratch.
func (sc *Scratch) ParseAddress(lines []string) Address {
	ar := &sc.text
	// The lines' words, one list, and each segment's run of it (a run
	// made before the list grew keeps the old array, which is unchanged).
	all, segs := sc.words[:0], sc.segs[:0]
	for _, l := range lines {
		all, segs = addressWords(ar, all, segs, sc.Fold(l))
	}
	sc.words, sc.segs = all[:0], segs[:0]

	var a Address
	var street []string
	name, locality := sc.name[:0], sc.locality[:0]
	const (
		wantAny    = iota // nothing decided yet
		wantStreet        // the next line is the street
		done              // the street is known; the rest is locality
	)
	state := wantAny
	for i, words := range segs {
		if state == done {
			locality = append(locality, dropDashes(words)...)
			continue
		}
		if a.Flat == "" && a.Number == "" {
			if f, rest, ok := takeFlat(ar, words); ok {
				a.Flat, words = f, rest
			}
		}
		if len(words) == 0 {
			continue
		}
		if a.Number == "" {
			if num, flat, rest, ok := takeNumber(ar, words); ok {
				a.Number = num
				if flat != "" && a.Flat == "" {
					a.Flat = flat
				}
				if rest = dropDashes(rest); len(rest) > 0 {
					street = rest
					state = done
				} else {
					state = wantStreet
				}
				continue
			}
		}
		words = dropDashes(words)
		if len(words) == 0 {
			continue
		}
		switch {
		case state == wantStreet:
			street = words
			state = done
		case a.Number == "" && i+1 < len(segs) && startsWithNumber(ar, segs[i+1]):
			name = append(name, words...)
		case isThoroughfare(words[len(words)-1]):
			street = words
			state = done
		default:
			name = append(name, words...)
			state = wantStreet
		}
	}
	a.Name = joinStd(ar, name)
	a.Street = joinStd(ar, street)
	a.Locality = joinStd(ar, locality)
	sc.name, sc.locality = name[:0], locality[:0]
	return a
}

// dropDashes removes the "-" words that did not join a number range.
func dropDashes(words []string) []string {
	if !slices.Contains(words, "-") {
		return words // the usual case: nothing to drop, nothing to copy
	}
	out := words[:0:0]
	for _, w := range words {
		if w != "-" {
			out = append(out, w)
		}
	}
	return out
}

// joinStd joins words, each in its standard form, with spaces (in a).
func joinStd(a *arena.Arena, words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return stdWord(words[0])
	}
	n := len(words)
	for _, w := range words {
		n += len(w)
	}
	b := a.Append(n)
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, stdWord(w)...)
	}
	return a.String(b)
}

// Key returns a compact key for household matching, "FLAT|NUMBER|NAME|STREET":
// "Flat 2, 14 High Street" and "2/14 High St" both give "2|14||HIGH ST".
// The locality is left out because towns are written in too many ways;
// block on the postcode instead.
func (a Address) Key() string {
	return a.Flat + "|" + a.Number + "|" + a.Name + "|" + a.Street
}

// addressWords appends the words of one folded address line to words, as
// written (they are standardised when the parts are joined), and to segs
// the run of words of each of the line's segments that has any: commas and
// semicolons separate segments. A word that lost an apostrophe is held in
// a. The line is read once, a word's bytes in a tight loop of their own.
//
// Letters, digits and the / of "2/14" make words; apostrophes are removed
// ("ST JOHN'S" gives ST JOHNS); a hyphen stays inside a number range
// ("14-16") and separates words elsewhere ("STOKE-ON-TRENT"); a hyphen
// standing alone between two numbers is kept as a word of its own so that
// "14 - 16" can be joined. Everything else separates words.
func addressWords(a *arena.Arena, words []string, segs [][]string, s string) ([]string, [][]string) {
	seg := len(words) // the current segment's first word
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case addressByte[c]&wordStart != 0:
			// A word: letters, digits and slashes, and the hyphens and
			// apostrophes within it.
			start, seen := i, uint8(0)
			for i+1 < len(s) && addressByte[s[i+1]]&inWord != 0 {
				i++
				seen |= addressByte[s[i]]
			}
			w := s[start : i+1]
			if seen&apostrophe != 0 {
				b := a.Append(len(w))
				for j := 0; j < len(w); j++ {
					if w[j] != '\'' {
						b = append(b, w[j])
					}
				}
				w = a.String(b)
			}
			words = appendWordParts(words, w, seen&hyphen != 0)
		case c == '-':
			// A hyphen alone between spaces is kept as "-" (for "14 - 16");
			// one that starts a word is dropped.
			if (i == 0 || segmentSpace(s[i-1])) && (i+1 == len(s) || segmentSpace(s[i+1])) {
				words = append(words, "-")
			}
		case c == ',' || c == ';':
			if len(words) > seg {
				segs = append(segs, words[seg:len(words):len(words)])
			}
			seg = len(words)
		}
	}
	if len(words) > seg {
		segs = append(segs, words[seg:len(words):len(words)])
	}
	return words, segs
}

// The classes of an address's bytes, in addressByte.
const (
	wordStart  = 1 << iota // a letter, digit or slash: starts a word
	inWord                 // those, hyphens and apostrophes: go on with one
	hyphen                 // a hyphen
	apostrophe             // an apostrophe
)

// addressByte holds the classes of every byte of a folded address line;
// it is built once and never modified.
var addressByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case isAlnum(byte(c)) || c == '/':
			t[c] = wordStart | inWord
		case c == '-':
			t[c] = inWord | hyphen
		case c == '\'':
			t[c] = inWord | apostrophe
		}
	}
	return t
}()

// segmentSpace reports whether c, beside a hyphen, leaves it standing
// alone in its segment: a space, or a comma or semicolon, which end one.
func segmentSpace(c byte) bool { return c == ' ' || c == ',' || c == ';' }

// appendWordParts appends the word w, split at its hyphens (when hyphen
// says it has any) unless it is a number (a range, "14-16"), each part as
// appendAddressWord appends it.
func appendWordParts(words []string, w string, hyphen bool) []string {
	if !hyphen || isDigit(w[0]) {
		return appendAddressWord(words, w)
	}
	for {
		k := strings.IndexByte(w, '-')
		if k < 0 {
			return appendAddressWord(words, w)
		}
		words = appendAddressWord(words, w[:k])
		w = w[k+1:]
	}
}

// appendAddressWord appends w without leading or trailing hyphens and
// slashes; nothing when nothing is left.
func appendAddressWord(words []string, w string) []string {
	for len(w) > 0 && (w[0] == '-' || w[0] == '/') {
		w = w[1:]
	}
	for len(w) > 0 && (w[len(w)-1] == '-' || w[len(w)-1] == '/') {
		w = w[:len(w)-1]
	}
	if w == "" {
		return words
	}
	return append(words, w)
}

// flatWord reports whether w introduces a flat identifier.
func flatWord(w string) bool {
	switch w {
	case "FLAT", "FLT", "APARTMENT", "APT", "APPT", "APMT", "UNIT", "ROOM", "RM", "SUITE", "STUDIO", "MAISONETTE":
		return true
	}
	return false
}

// floorCode returns the code of a floor word ("GROUND" GF, "FIRST" 1F, ...).
func floorCode(w string) (string, bool) {
	switch w {
	case "GROUND", "GRD", "GND":
		return "GF", true
	case "FIRST", "1ST":
		return "1F", true
	case "SECOND", "2ND":
		return "2F", true
	case "THIRD", "3RD":
		return "3F", true
	case "FOURTH", "4TH":
		return "4F", true
	case "TOP":
		return "TF", true
	case "BASEMENT", "LOWER":
		return "B", true
	}
	return "", false
}

// takeFlat reads a flat at the start of words and returns its identifier
// (held in a when it is new text) and the words after it.
func takeFlat(a *arena.Arena, words []string) (flat string, rest []string, ok bool) {
	switch words[0] {
	case "GFF":
		return "GF", skipFlatWord(words[1:]), true
	case "FFF":
		return "1F", skipFlatWord(words[1:]), true
	case "SFF":
		return "2F", skipFlatWord(words[1:]), true
	case "TFF":
		return "TF", skipFlatWord(words[1:]), true
	}
	if code, isFloor := floorCode(words[0]); isFloor && len(words) > 1 {
		switch {
		case words[1] == "FLOOR" || words[1] == "FLR":
			rest := words[2:]
			// "FIRST FLOOR FLAT 2" keeps the 2.
			if len(rest) > 1 && flatWord(rest[0]) && isFlatID(rest[1]) {
				return a.Join([]string{code, rest[1]}, " "), rest[2:], true
			}
			return code, skipFlatWord(rest), true
		case code == "B" && flatWord(words[1]):
			return code, words[2:], true
		}
	}
	if !flatWord(words[0]) || len(words) < 2 {
		return "", words, false
	}
	i := 1
	if (words[i] == "NO" || words[i] == "NUMBER") && len(words) > 2 {
		i++
	}
	if !isFlatID(words[i]) {
		return "", words, false
	}
	return words[i], words[i+1:], true
}

// skipFlatWord drops a leading FLAT (as in "GROUND FLOOR FLAT").
func skipFlatWord(words []string) []string {
	if len(words) > 0 && flatWord(words[0]) {
		return words[1:]
	}
	return words
}

// isFlatID reports whether w can name a flat: it holds a digit, or is one or
// two letters ("A", "GF").
func isFlatID(w string) bool {
	if w == "-" {
		return false
	}
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	return len(w) <= 2
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// startsWithNumber reports whether a line starts with a house number,
// perhaps after a flat.
func startsWithNumber(a *arena.Arena, words []string) bool {
	if _, rest, ok := takeFlat(a, words); ok {
		words = rest
	}
	if len(words) > 1 && (words[0] == "NO" || words[0] == "NUMBER") {
		words = words[1:]
	}
	return len(words) > 0 && isDigit(words[0][0])
}

// takeNumber reads a house number at the start of words: "14", "14A",
// "14 A" (a letter alone after the number, when more words follow),
// "14-16", "14 - 16", or "2/14" (flat 2 of number 14, returned as flat).
// A number joined from two words is held in a.
func takeNumber(a *arena.Arena, words []string) (num, flat string, rest []string, ok bool) {
	if len(words) > 1 && (words[0] == "NO" || words[0] == "NUMBER") && isDigit(words[1][0]) {
		words = words[1:]
	}
	w := words[0]
	if !isDigit(w[0]) {
		return "", "", words, false
	}
	rest = words[1:]
	if k := strings.IndexByte(w, '/'); k > 0 && k < len(w)-1 && isDigit(w[k+1]) {
		flat, w = w[:k], w[k+1:]
	}
	switch {
	case len(rest) > 1 && rest[0] == "-" && isDigit(rest[1][0]):
		w = a.Join([]string{w, rest[1]}, "-")
		rest = rest[2:]
	case len(rest) > 1 && isSuffixLetter(rest[0]) && isDigit(w[len(w)-1]):
		w = a.Join([]string{w, rest[0]}, "")
		rest = rest[1:]
	}
	for len(rest) > 0 && rest[0] == "-" {
		rest = rest[1:]
	}
	return w, flat, rest, true
}

// isSuffixLetter reports whether w is a letter standing alone that can be a
// house number's suffix ("14 A High St"); N, S, E and W are read as compass
// points instead ("1 N Road").
func isSuffixLetter(w string) bool {
	if len(w) != 1 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	switch w[0] {
	case 'N', 'S', 'E', 'W':
		return false
	}
	return true
}
