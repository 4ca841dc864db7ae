package match

import (
	"strings"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Level is one named outcome of a comparison, with the default m and u
// probabilities used when the model is not trained. Level 0 of every
// comparison is the null level.
type Level struct {
	Name string  // short name; the full name is "<comparison>.<level>"
	M, U float64 // default probabilities (ignored for the null level)
	// Agree marks levels that count as agreement when the reasons column
	// is written (exact or close); other levels are shown as disagreement.
	Agree bool
}

// Comparison compares one aspect of two records at named levels, the first
// test that passes deciding the level.
type Comparison struct {
	Name string
	// Fields are the canonical fields read; the comparison is used by a
	// report only when both datasets supply at least one of them.
	Fields []string
	Levels []Level
	// Household marks evidence that people living together share
	// (postcode, address, town, UPRN, a joint bank account). It adds to a
	// pair's weight like any other, but training does not let it decide
	// which pairs are the same person, so that relatives and neighbours
	// are not learnt as matches.
	Household bool
	// Cost is roughly what one call of the comparison costs when the two
	// values differ, in nanoseconds on a current core (as
	// BenchmarkComparisonLevels times them; 0 for cheap ones). Score
	// tries the cheaper comparisons of a pair first, so that a stranger
	// is told apart before the costly name similarities are worked out;
	// it never changes a level, a weight or a match.
	Cost  int
	level func(a, b *ingest.Record) uint8
}

// Level returns the index in Levels of the pair's level.
func (c *Comparison) Level(a, b *ingest.Record) uint8 { return c.level(a, b) }

// LevelName is the full dotted name of level i, e.g. "surname.jw92".
func (c *Comparison) LevelName(i uint8) string { return c.Name + "." + c.Levels[i].Name }

// The similarity bands used by the name levels.
const (
	jwClose = 0.92 // a typo or two in a name of ordinary length
	jwLoose = 0.80 // alike, but not by much
)

// generationYears is how far apart two dates of birth must be for the pair
// to be taken as two generations (father and son) rather than a typo.
const generationYears = 15

// nullLevel is the first level of every comparison: a value missing on
// either side.
var nullLevel = Level{Name: "null"}

// PersonComparisons is the catalogue of comparisons between two person
// records, in the order reasons are written. Each call returns fresh values.
func PersonComparisons() []*Comparison {
	return []*Comparison{
		{Name: "forenames", Fields: []string{"forenames"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.85, U: 0.01, Agree: true},
			{Name: "nickname", M: 0.04, U: 0.002, Agree: true},
			{Name: "jw92", M: 0.05, U: 0.003, Agree: true},
			{Name: "initial", M: 0.02, U: 0.02, Agree: true},
			{Name: "swapped", M: 0.005, U: 0.0001, Agree: true},
			{Name: "jw80", M: 0.015, U: 0.03},
			{Name: "different", M: 0.02, U: 0.935},
		}, Cost: 70, level: forenameLevel},
		{Name: "surname", Fields: []string{"surname"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.85, U: 0.005, Agree: true},
			{Name: "part", M: 0.02, U: 0.0005, Agree: true},
			{Name: "jw92", M: 0.06, U: 0.002, Agree: true},
			{Name: "phonetic", M: 0.02, U: 0.005, Agree: true},
			{Name: "swapped", M: 0.005, U: 0.0001, Agree: true},
			{Name: "jw80", M: 0.02, U: 0.02},
			{Name: "different", M: 0.025, U: 0.9679},
		}, Cost: 70, level: surnameLevel},
		{Name: "dob", Fields: []string{"dob"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.88, U: 0.0001, Agree: true},
			{Name: "day-month-swapped", M: 0.02, U: 0.00001, Agree: true},
			{Name: "one-digit-off", M: 0.05, U: 0.0005, Agree: true},
			{Name: "same-year-month", M: 0.01, U: 0.002},
			{Name: "within-a-year", M: 0.02, U: 0.02},
			{Name: "generation-apart", M: 0.0005, U: 0.5},
			{Name: "different", M: 0.0195, U: 0.4774},
		}, Cost: 8, level: dobLevel},
		{Name: "ni_number", Fields: []string{"ni_number"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.95, U: 0.00001, Agree: true},
			{Name: "one-off", M: 0.03, U: 0.0001, Agree: true},
			{Name: "invalid", M: 0.01, U: 0.01},
			{Name: "different", M: 0.01, U: 0.98989},
		}, Cost: 5, level: niLevel},
		{Name: "other_id", Fields: []string{"other_id"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.9, U: 0.0001, Agree: true},
			{Name: "one-off", M: 0.05, U: 0.001, Agree: true},
			{Name: "different", M: 0.05, U: 0.9989},
		}, Cost: 13, level: otherIDLevel},
		{Name: "postcode", Household: true, Fields: []string{"postcode"}, Levels: []Level{nullLevel,
			{Name: "unit", M: 0.8, U: 0.001, Agree: true},
			{Name: "sector", M: 0.05, U: 0.01, Agree: true},
			{Name: "one-off", M: 0.05, U: 0.005, Agree: true},
			{Name: "district", M: 0.03, U: 0.05},
			{Name: "area", M: 0.02, U: 0.1},
			{Name: "different", M: 0.05, U: 0.834},
		}, Cost: 40, level: postcodeLevel},
		{Name: "address", Household: true, Fields: []string{"address_1", "address_2", "address_3", "address_4", "address_5"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.75, U: 0.0005, Agree: true},
			{Name: "number-street-fuzzy", M: 0.1, U: 0.0005, Agree: true},
			{Name: "same-building", M: 0.01, U: 0.0005},
			{Name: "street", M: 0.04, U: 0.005, Agree: true},
			{Name: "number", M: 0.03, U: 0.05},
			{Name: "different", M: 0.07, U: 0.944},
		}, Cost: 40, level: addressLevel},
		{Name: "town", Household: true, Fields: []string{"town"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.85, U: 0.01, Agree: true},
			{Name: "jw92", M: 0.08, U: 0.005, Agree: true},
			{Name: "different", M: 0.07, U: 0.985},
		}, Cost: 8, level: townLevel},
		{Name: "uprn", Household: true, Fields: []string{"uprn"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.9, U: 0.0001, Agree: true},
			{Name: "different", M: 0.1, U: 0.9999},
		}, Cost: 6, level: uprnLevel},
		{Name: "bank", Household: true, Fields: []string{"account_number"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.7, U: 0.00001, Agree: true},
			{Name: "different", M: 0.3, U: 0.99999},
		}, Cost: 12, level: bankLevel},
	}
}

func forenameLevel(ra, rb *ingest.Record) uint8 {
	a, b := &ra.Person, &rb.Person
	switch {
	case a.Forename() == "" || b.Forename() == "":
		return 0
	case a.Forename() == b.Forename():
		return 1
	case a.SharesNickGroup(b):
		return 2
	}
	jw := jaroWinklerAtLeast(a.Forename(), b.Forename(), jwLoose)
	switch {
	case jw >= jwClose:
		return 3
	case len(a.Forename()) == 1 && strings.IndexByte(b.Initials(), a.Forename()[0]) >= 0,
		len(b.Forename()) == 1 && strings.IndexByte(a.Initials(), b.Forename()[0]) >= 0:
		return 4
	case namesSwapped(a, b):
		return 5
	case jw >= jwLoose:
		return 6
	}
	return 7
}

func surnameLevel(ra, rb *ingest.Record) uint8 {
	a, b := &ra.Person, &rb.Person
	switch {
	case a.Surname() == "" || b.Surname() == "":
		return 0
	case a.Surname() == b.Surname():
		return 1
	case sharesPart(a, b):
		return 2
	}
	jw := jaroWinklerAtLeast(a.Surname(), b.Surname(), jwLoose)
	switch {
	case jw >= jwClose:
		return 3
	case a.SurnameMeta() != "" && a.SurnameMeta() == b.SurnameMeta():
		return 4
	case namesSwapped(a, b):
		return 5
	case jw >= jwLoose:
		return 6
	}
	return 7
}

// namesSwapped reports whether one record has the forename and surname the
// wrong way round: each one's forename is alike the other's surname.
func namesSwapped(a, b *ingest.Person) bool {
	return a.Forename() != "" && a.Surname() != "" && b.Forename() != "" && b.Surname() != "" &&
		jaroWinklerAtLeast(a.Forename(), b.Surname(), jwClose) >= jwClose && jaroWinklerAtLeast(a.Surname(), b.Forename(), jwClose) >= jwClose
}

// sharesPart reports whether one surname is a part of the other's
// double-barrelled surname, or the two share a part.
func sharesPart(a, b *ingest.Person) bool {
	ap, bp := a.SurnameParts(), b.SurnameParts()
	if ap == "" && bp == "" {
		return false
	}
	as, bs := a.Surname(), b.Surname()
	for p := range strings.SplitSeq(ap, " ") {
		if p == "" {
			continue
		}
		if p == bs {
			return true
		}
		for q := range strings.SplitSeq(bp, " ") {
			if p == q {
				return true
			}
		}
	}
	for q := range strings.SplitSeq(bp, " ") {
		if q != "" && q == as {
			return true
		}
	}
	return false
}

func dobLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Person.DOB, rb.Person.DOB
	switch {
	case a.IsZero() || b.IsZero():
		return 0
	case a == b:
		return 1
	}
	if s, ok := a.SwappedDayMonth(); ok && s == b {
		return 2
	}
	years := value.YearsBetween(a, b)
	switch {
	case years >= generationYears:
		return 6
	case value.DigitsOneOff(a, b):
		return 3
	case a.Year() == b.Year() && a.Month() == b.Month():
		return 4
	case abs(a.Days()-b.Days()) <= 366:
		return 5
	}
	return 7
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func niLevel(ra, rb *ingest.Record) uint8 {
	a, b := &ra.Person, &rb.Person
	switch {
	case a.NI() == "" || b.NI() == "":
		return 0
	case a.NI() == b.NI():
		return 1
	case !a.NIValid || !b.NIValid:
		return 3
	case oneEditApart(a.NI(), b.NI()):
		return 2
	}
	return 4
}

func otherIDLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Person.OtherID(), rb.Person.OtherID()
	switch {
	case a == "" || b == "":
		return 0
	case a == b:
		return 1
	case oneEditApart(a, b):
		return 2
	}
	return 3
}

func postcodeLevel(ra, rb *ingest.Record) uint8 {
	a, b := postcodeOf(ra), postcodeOf(rb)
	switch {
	case a.Full == "" || b.Full == "":
		return 0
	case a.Full == b.Full:
		return 1
	case a.Valid && b.Valid && a.Sector == b.Sector:
		return 2
	case oneEditApart(a.Full, b.Full):
		return 3
	case a.Valid && b.Valid && a.District == b.District:
		return 4
	case a.Valid && b.Valid && a.Area == b.Area:
		return 5
	}
	return 6
}

func addressLevel(ra, rb *ingest.Record) uint8 {
	a, b := addressOf(ra), addressOf(rb)
	if (a.Number == "" && a.Street == "" && a.Name == "") || (b.Number == "" && b.Street == "" && b.Name == "") {
		return 0
	}
	sameNum := a.Number != "" && a.Number == b.Number
	sameName := a.Name != "" && a.Name == b.Name
	streetJW := 0.0
	if a.Street != "" && b.Street != "" {
		streetJW = jaroWinklerAtLeast(a.Street, b.Street, 0.88) // the lowest threshold below
	}
	sameFlat := a.Flat == b.Flat
	switch {
	case (sameNum || sameName || (a.Number == "" && b.Number == "" && a.Name == "" && b.Name == "")) && streetJW == 1 && sameFlat:
		return 1
	case (sameNum || sameName) && sameFlat && (streetJW >= 0.88 || (a.Street == "" && b.Street == "")):
		return 2
	case (sameNum || sameName) && !sameFlat && streetJW >= 0.88:
		return 3
	case streetJW >= jwClose:
		return 4
	case sameNum:
		return 5
	}
	return 6
}

func townLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Person.Town(), rb.Person.Town()
	switch {
	case a == "" || b == "":
		return 0
	case a == b:
		return 1
	case jaroWinklerAtLeast(a, b, jwClose) >= jwClose:
		return 2
	}
	return 3
}

func uprnLevel(ra, rb *ingest.Record) uint8 { return exactLevel(ra.Person.UPRN(), rb.Person.UPRN()) }

func bankLevel(ra, rb *ingest.Record) uint8 {
	sa, aa := bankOf(ra)
	sb, ab := bankOf(rb)
	switch {
	case aa == "" || ab == "":
		return 0
	case aa == ab && sa == sb:
		return 1
	}
	return 2
}

// The accessors below read the parts that person and supplier records
// share, so that the address and bank comparisons serve both.

func postcodeOf(r *ingest.Record) value.Postcode {
	if r.Supplier != nil {
		return r.Supplier.Postcode
	}
	return r.Person.Postcode()
}

func addressOf(r *ingest.Record) normal.Address {
	if r.Supplier != nil {
		return r.Supplier.Address
	}
	return r.Person.Address()
}

func bankOf(r *ingest.Record) (sortCode, account string) {
	if r.Supplier != nil {
		return r.Supplier.SortCode, r.Supplier.Account
	}
	return r.Person.SortCode(), r.Person.Account()
}
