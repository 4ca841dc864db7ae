package normal

import (
	"strings"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// Name is a person's name normalised for comparison: upper-case ASCII
// letters and digits, no punctuation.
type Name struct {
	// Title holds the titles found (MR, MRS, MISS, MS, MX, DR, REV, SIR,
	// DAME, LORD, LADY, PROF, CAPT, ...), each in its canonical form and
	// separated by a space, from the title field and from the front of the
	// forenames. Titles are kept out of the names themselves.
	Title string
	// Forenames holds the first name and then the middle names, one token
	// each. Initials are tokens of one letter ("J.R." gives J and R).
	// A hyphenated forename is one token with the hyphen removed
	// (Mary-Jane gives MARYJANE) and apostrophes are removed.
	Forenames []string
	// Surname is the whole surname with spaces, hyphens and apostrophes
	// removed: Smith-Jones gives SMITHJONES, O'Brien OBRIEN, Mc Donald
	// MCDONALD, Mac Donald MACDONALD, van der Berg VANDERBERG. Compare
	// Mc and Mac forms with [SurnameKey].
	Surname string
	// SurnameParts holds the parts of a double-barrelled, hyphenated or
	// spaced surname (SMITH and JONES), so that a person who drops one part
	// can still be found; a single surname has one part. Particles such as
	// VAN, DER, DE, LA, ST, MC, MAC and O stay with the part that follows
	// them (van der Berg is one part, VANDERBERG).
	SurnameParts []string
	// Suffix holds a generational suffix found at the end of the surname
	// or the forenames: JR (also JNR, JUNIOR), SR (SNR, SENIOR), II, III or
	// IV. It tells a father from a son of the same name at one address.
	Suffix string
}

// ParseName normalises a name given in separate fields, any of which may be
// blank: title, forenames, middle names and surname. Every field is folded
// with [Fold] first.
//
// Titles at the front of the forenames ("Mr John") are moved to Title. When
// the forenames field is blank and the surname holds a comma, the surname is
// read as "Surname, Forenames" ("SMITH, John"). No other guess is made: a
// surname field holding "John Smith" stays a two-part surname, because
// splitting it would be wrong as often as right.
//
// ParseName is idempotent on its own output: parsing Title, the Forenames
// joined by spaces, and the SurnameParts joined by spaces, with the Suffix
// after the surname (or after the forenames when there is no surname),
// gives the same Name.
func ParseName(title, forenames, middle, surname string) Name {
	var sc Scratch
	return sc.ParseName(title, forenames, middle, surname)
}

// ParseName is [ParseName], with the Name held in the Scratch.
func (sc *Scratch) ParseName(title, forenames, middle, surname string) Name {
	a := &sc.text
	title, forenames, middle, surname = sc.Fold(title), sc.Fold(forenames), sc.Fold(middle), sc.Fold(surname)
	if isBlank(forenames) {
		if k := strings.IndexByte(surname, ','); k >= 0 {
			forenames, surname = surname[k+1:], surname[:k]
		}
	}

	var n Name
	titles := sc.titles[:0]
	for _, t := range appendTokens(a, sc.parts[:0], title, true) {
		titles = appendTitle(titles, canonicalTitle(t))
	}
	fn := appendTokens(a, sc.forenames[:0], forenames, true)
	fn = appendTokens(a, fn, middle, true)
	sc.titles, sc.forenames = titles[:0], fn[:0]
	for len(fn) > 0 {
		t, ok := knownTitle(fn[0])
		if !ok {
			break
		}
		titles = appendTitle(titles, t)
		fn = fn[1:]
	}
	n.Title = a.Join(titles, " ")

	sn := appendTokens(a, sc.surname[:0], surname, false)
	sc.surname = sn[:0]
	sn, n.Suffix = trimSuffix(sn)
	fn, suffix := trimSuffix(fn)
	if n.Suffix == "" {
		n.Suffix = suffix
	}
	if len(fn) > 0 {
		n.Forenames = fn
	}
	n.SurnameParts = joinParticles(a, sc.parts[:0], sn)
	if n.SurnameParts != nil {
		sc.parts = n.SurnameParts[:0]
	}
	n.Surname = a.Join(n.SurnameParts, "")
	return n
}

// isBlank reports whether s holds nothing but spaces and punctuation.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// appendTokens appends the name tokens of folded text s to dst: runs of
// letters and digits, with apostrophes removed inside them, and hyphens
// removed too when hyphenJoins is set (otherwise a hyphen separates tokens,
// as in a double-barrelled surname). Every other byte separates tokens. A
// token that lost a joiner is held in a. A token's bytes are read in a
// tight loop of their own.
func appendTokens(a *arena.Arena, dst []string, s string, hyphenJoins bool) []string {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			continue // a separator, or a joiner before any letter: dropped
		}
		start, joined := i, false
		for i+1 < len(s) {
			if c := s[i+1]; !isAlnum(c) {
				if c != '\'' && (c != '-' || !hyphenJoins) {
					break
				}
				joined = true
			}
			i++
		}
		t := s[start : i+1]
		if joined {
			b := a.Append(len(t))
			for j := 0; j < len(t); j++ {
				if isAlnum(t[j]) {
					b = append(b, t[j])
				}
			}
			t = a.String(b)
		}
		dst = append(dst, t)
	}
	return dst
}

// appendTitle appends t unless it is already there.
func appendTitle(titles []string, t string) []string {
	for _, have := range titles {
		if have == t {
			return titles
		}
	}
	return append(titles, t)
}

// canonicalTitle returns the canonical form of a title-field token; a token
// that is not a known title is kept as it is.
func canonicalTitle(t string) string {
	if c, ok := knownTitle(t); ok {
		return c
	}
	return t
}

// knownTitle returns the canonical form of t when t is a title.
func knownTitle(t string) (string, bool) {
	switch t {
	case "MR", "MISTER":
		return "MR", true
	case "MRS", "MISSUS", "MISSIS":
		return "MRS", true
	case "MISS":
		return "MISS", true
	case "MS":
		return "MS", true
	case "MX":
		return "MX", true
	case "DR", "DOCTOR":
		return "DR", true
	case "PROF", "PROFESSOR":
		return "PROF", true
	case "REV", "REVD", "REVEREND":
		return "REV", true
	case "SIR":
		return "SIR", true
	case "DAME":
		return "DAME", true
	case "LORD":
		return "LORD", true
	case "LADY":
		return "LADY", true
	case "MASTER", "MSTR":
		return "MASTER", true
	case "CAPT", "CAPTAIN":
		return "CAPT", true
	case "CLLR", "CLR", "COUNCILLOR":
		return "CLLR", true
	case "FR", "FATHER":
		return "FR", true
	case "RABBI":
		return "RABBI", true
	}
	return "", false
}

// trimSuffix removes generational suffixes from the end of tokens, keeping
// at least one token, and returns the first (outermost) one found in its
// canonical form.
func trimSuffix(tokens []string) ([]string, string) {
	suffix := ""
	for len(tokens) > 1 {
		s, ok := knownSuffix(tokens[len(tokens)-1])
		if !ok {
			break
		}
		if suffix == "" {
			suffix = s
		}
		tokens = tokens[:len(tokens)-1]
	}
	return tokens, suffix
}

func knownSuffix(t string) (string, bool) {
	switch t {
	case "JR", "JNR", "JUNIOR":
		return "JR", true
	case "SR", "SNR", "SENIOR":
		return "SR", true
	case "II", "III", "IV":
		return t, true
	}
	return "", false
}

// isParticle reports whether a surname token is a particle that belongs with
// the part after it.
func isParticle(t string) bool {
	switch t {
	case "VAN", "VON", "DER", "DEN", "TER", "TEN", "VANDER", "VANDEN",
		"DE", "DI", "DA", "DU", "DEL", "DELLA", "DELLE", "DEI", "DES", "DOS", "DAS",
		"LA", "LE", "LO", "ST", "STE", "SAINT",
		"MC", "MAC", "O", "D", "L", "AP", "AB", "FITZ", "NIC", "NI", "UA",
		"BIN", "BINT", "BINTI", "AL", "EL":
		return true
	}
	return false
}

// joinsParticle reports whether a run of tokens joined is itself a
// particle (D and A make DA): it then takes the part after it too, as DA
// would, so that the parts a surname gives parse back to themselves.
func joinsParticle(run []string) bool {
	if len(run) < 2 {
		return false
	}
	var buf [8]byte
	b := buf[:0]
	for _, t := range run {
		if len(b)+len(t) > len(buf) {
			return false // longer than any particle
		}
		b = append(b, t...)
	}
	return isParticle(string(b))
}

// joinParticles appends the parts of a surname's tokens to dst, each run of
// particles joined (in a) to the part after it; a particle at the end stays
// a part of its own. It returns nil for no tokens.
func joinParticles(a *arena.Arena, dst []string, tokens []string) []string {
	if len(tokens) == 0 {
		return nil
	}
	parts := dst
	for i := 0; i < len(tokens); i++ {
		j := i
		for j < len(tokens)-1 && (isParticle(tokens[j]) || joinsParticle(tokens[i:j+1])) {
			j++
		}
		if j == i {
			parts = append(parts, tokens[i])
			continue
		}
		parts = append(parts, a.Join(tokens[i:j+1], ""))
		i = j
	}
	return parts
}

// SurnameKey returns the form of a surname used to compare Mc and Mac
// spellings, which British registers mix freely: MACDONALD and MCDONALD
// both give MCDONALD. s may be a normalised Surname or raw text (it is then
// folded and reduced to letters and digits).
//
// The rule: a surname that starts with MAC, followed by a consonant other
// than H, J, X or Z and then by at least two more letters, is written with
// MC (MACKENZIE, MACLEOD, MACRAE, MACKAY give MCKENZIE, MCLEOD, MCRAE,
// MCKAY). MAC before a vowel or H, J, X or Z, and short names, are left
// alone, so MACE, MACK, MACKS, MACEY, MACIAS, MACHIN, MACHADO and the
// Polish MACZKA keep their spelling. Only the start of the string is looked
// at; key each of [Name.SurnameParts] for a double-barrelled name.
func SurnameKey(s string) string { return surnameKey(nil, s) }

// surnameKey is SurnameKey with any new text held in a.
func surnameKey(a *arena.Arena, s string) string {
	k := s
	for i := 0; i < len(k); i++ {
		if !isAlnum(k[i]) {
			k = a.String(keepAlnum(AppendFold(a.Append(len(s)), s)))
			break
		}
	}
	if len(k) >= 6 && k[:3] == "MAC" && macConsonant(k[3]) {
		return a.String(append(append(a.Append(len(k)-1), "MC"...), k[3:]...))
	}
	return k
}

func macConsonant(c byte) bool {
	switch c {
	case 'B', 'C', 'D', 'F', 'G', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S', 'T', 'V', 'W':
		return true
	}
	return false
}

// keepAlnum keeps only the letters and digits of folded text, in place.
func keepAlnum(b []byte) []byte {
	n := 0
	for _, c := range b {
		if isAlnum(c) {
			b[n] = c
			n++
		}
	}
	return b[:n]
}
