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

// streetIndex maps every form of a street word to its table entry.
type streetIndex map[string]*streetWord

func newStreetIndex() streetIndex {
	words := streetWords()
	ix := make(streetIndex, 3*len(words))
	for i := range words {
		w := &words[i]
		ix[w.Std] = w
		for _, v := range w.Variants {
			ix[v] = w
		}
	}
	return ix
}

// stdStreetWords is the street-word index, built once from the table and
// never modified.
var stdStreetWords = newStreetIndex()

// stdWord returns the standard form of one address word.
func stdWord(w string) string {
	if e, ok := stdStreetWords[w]; ok {
		return e.Std
	}
	return w
}

// isThoroughfare reports whether a standardised word ends a street name.
func isThoroughfare(w string) bool {
	e, ok := stdStreetWords[w]
	return ok && e.Thoroughfare
}
