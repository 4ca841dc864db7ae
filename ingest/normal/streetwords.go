package normal

// streetWord is one entry of the street-word table: the standard form of a
// word that appears in British addresses and the other ways it is written.
type streetWord struct {
	Std      string   // the standard form written in the output
	Variants []string // full and abbreviated forms read as Std
	// Thoroughfare marks words that end a street name (ROAD, CLOSE); a line
	// ending in one is read as a street rather than as a house name.
	Thoroughfare bool
}

// streetWords returns the street-word table, a new copy on every call. Both
// directions are recognised: ROAD and RD both give RD. SAINT and STREET both
// give ST, which is how British addresses write them anyway, so the
// standard form is consistent even though it cannot tell them apart.
func streetWords() []streetWord {
	return []streetWord{
		{"ST", []string{"STREET", "STR", "STRT", "SAINT", "STE"}, true},
		{"RD", []string{"ROAD"}, true},
		{"AVE", []string{"AVENUE", "AV", "AVN", "AVNU"}, true},
		{"LN", []string{"LANE"}, true},
		{"DR", []string{"DRIVE", "DRV"}, true},
		{"CL", []string{"CLOSE"}, true},
		{"CRES", []string{"CRESCENT", "CRESC", "CRS", "CRSNT"}, true},
		{"CT", []string{"COURT", "CRT"}, true},
		{"PL", []string{"PLACE"}, true},
		{"GDNS", []string{"GARDENS", "GRDNS"}, true},
		{"GDN", []string{"GARDEN"}, true},
		{"TER", []string{"TERRACE", "TERR", "TCE"}, true},
		{"SQ", []string{"SQUARE", "SQR"}, true},
		{"GR", []string{"GROVE", "GRO", "GRV"}, true},
		{"WAY", nil, true},
		{"PK", []string{"PARK"}, true},
		{"PDE", []string{"PARADE"}, true},
		{"ESP", []string{"ESPLANADE"}, true},
		{"BLVD", []string{"BOULEVARD"}, true},
		{"WLK", []string{"WALK"}, true},
		{"VW", []string{"VIEW"}, true},
		{"HTS", []string{"HEIGHTS"}, true},
		{"GRN", []string{"GREEN"}, true},
		{"APP", []string{"APPROACH"}, true},
		{"HWY", []string{"HIGHWAY"}, true},
		{"CIRC", []string{"CIRCUS"}, true},
		{"WHF", []string{"WHARF"}, true},
		{"QY", []string{"QUAY"}, true},
		{"YD", []string{"YARD"}, true},
		{"MEWS", nil, true},
		{"ROW", nil, true},
		{"HILL", nil, true},
		{"RISE", nil, true},
		{"CHASE", nil, true},
		{"GATE", nil, true},
		{"WYND", nil, true},
		{"BRAE", nil, true},
		{"N", []string{"NORTH", "NTH"}, false},
		{"S", []string{"SOUTH", "STH"}, false},
		{"E", []string{"EAST"}, false},
		{"W", []string{"WEST"}, false},
		{"UPR", []string{"UPPER"}, false},
		{"LWR", []string{"LOWER"}, false},
		{"GT", []string{"GREAT"}, false},
		{"LT", []string{"LITTLE", "LTL"}, false},
		{"MT", []string{"MOUNT"}, false},
		{"CTR", []string{"CENTRE", "CENTER"}, false},
		{"BLDGS", []string{"BUILDINGS"}, false},
		{"HSE", []string{"HOUSE"}, false},
		{"COTTS", []string{"COTTAGES"}, false},
		{"MANS", []string{"MANSIONS"}, false},
		{"VLS", []string{"VILLAS"}, false},
		{"EST", []string{"ESTATE"}, true},
		{"IND", []string{"INDUSTRIAL"}, false},
	}
}

// streetIndex finds the table entry of any form of a street word. It is a
// small open-addressed table whose slots are placed by a hash of a word's
// length and first, middle and last bytes, which is a few instructions
// where a map hashed every byte of every word: an address's words are
// looked up as its parts are joined, and most are not street words, which
// an empty slot or a form of another length tells at once.
type streetIndex struct {
	words []streetWord
	slots [streetSlots]streetSlot
}

// streetSlots is the size of a streetIndex's table, 1<<streetBits: about
// four times the forms it holds, so that a lookup probes one slot or two.
const (
	streetBits  = 9
	streetSlots = 1 << streetBits
)

// streetSlot is one form of a street word in a streetIndex, and its entry
// (nil: the slot is empty).
type streetSlot struct {
	form string
	word *streetWord
}

func newStreetIndex() *streetIndex {
	ix := &streetIndex{words: streetWords()}
	for i := range ix.words {
		w := &ix.words[i]
		for _, f := range append([]string{w.Std}, w.Variants...) {
			k := streetHash(f)
			for ix.slots[k].word != nil {
				k = (k + 1) % streetSlots
			}
			ix.slots[k] = streetSlot{f, w}
		}
	}
	return ix
}

// streetHash places a form (never "") in a streetIndex's table.
func streetHash(w string) uint32 {
	x := uint32(len(w)) | uint32(w[0])<<8 | uint32(w[len(w)/2])<<16 | uint32(w[len(w)-1])<<24
	return x * 0x9E3779B1 >> (32 - streetBits) // Fibonacci hashing: the product's top bits
}

// lookup returns the entry of which w is a form, or nil.
func (ix *streetIndex) lookup(w string) *streetWord {
	if w == "" {
		return nil
	}
	for k := streetHash(w); ; k = (k + 1) % streetSlots {
		s := &ix.slots[k]
		if s.word == nil || s.form == w {
			return s.word
		}
	}
}

// stdStreetWords is the street-word index, built once from the table and
// never modified.
var stdStreetWords = newStreetIndex()

// stdWord returns the standard form of one address word.
func stdWord(w string) string {
	if e := stdStreetWords.lookup(w); e != nil {
		return e.Std
	}
	return w
}

// isThoroughfare reports whether a word, standardised or not, ends a
// street name.
func isThoroughfare(w string) bool {
	e := stdStreetWords.lookup(w)
	return e != nil && e.Thoroughfare
}
