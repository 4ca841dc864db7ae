package match

import (
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// person builds a record from raw person values the way ingest does.
type pv struct {
	forename, surname, dob, ni, postcode, addr, town, other string
}

func rec(t testing.TB, nick *normal.Nicknames, v pv) *ingest.Record {
	t.Helper()
	kind, _ := ingest.LookupKind("person")
	header := []string{"ref", "forenames", "surname", "dob", "ni_number", "postcode", "address_1", "town", "other_id"}
	m, err := ingest.NewMapping(kind, header, "ref", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ingest.NewParser(m, "test.csv", ingest.ParseOptions{DateFormat: "yyyy-mm-dd", Nicknames: nick}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var r ingest.Record
	if err := p.Parse(nil, 2, []string{"X1", v.forename, v.surname, v.dob, v.ni, v.postcode, v.addr, v.town, v.other}, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestPersonComparisonLevels(t *testing.T) {
	nick := normal.NewNicknames()
	comps := map[string]*Comparison{}
	for _, c := range PersonComparisons() {
		comps[c.Name] = c
	}
	base := pv{"WILLIAM", "HARTLEY", "1956-03-05", "AB123456C", "SW1A 1AA", "14 High Street", "LEEDS", "123"}
	with := func(f func(*pv)) pv { v := base; f(&v); return v }
	tests := []struct {
		comparison string
		b          pv
		want       string
	}{
		{"forenames", base, "forenames.exact"},
		{"forenames", with(func(v *pv) { v.forename = "Bill" }), "forenames.nickname"},
		{"forenames", with(func(v *pv) { v.forename = "Willaim" }), "forenames.jw92"},
		{"forenames", with(func(v *pv) { v.forename = "W" }), "forenames.initial"},
		{"forenames", with(func(v *pv) { v.forename = "Hartley"; v.surname = "William" }), "forenames.swapped"},
		{"forenames", with(func(v *pv) { v.forename = "George" }), "forenames.different"},
		{"forenames", with(func(v *pv) { v.forename = "" }), "forenames.null"},
		{"surname", with(func(v *pv) { v.surname = "hartley" }), "surname.exact"},
		{"surname", with(func(v *pv) { v.surname = "Hartley-Jones" }), "surname.part"},
		{"surname", with(func(v *pv) { v.surname = "Hartly" }), "surname.jw92"},
		{"surname", with(func(v *pv) { v.surname = "Okafor" }), "surname.different"},
		{"dob", base, "dob.exact"},
		{"dob", with(func(v *pv) { v.dob = "1956-05-03" }), "dob.day-month-swapped"},
		{"dob", with(func(v *pv) { v.dob = "1957-03-05" }), "dob.one-digit-off"},
		{"dob", with(func(v *pv) { v.dob = "1956-03-28" }), "dob.same-year-month"},
		{"dob", with(func(v *pv) { v.dob = "1986-03-05" }), "dob.generation-apart"},
		{"dob", with(func(v *pv) { v.dob = "" }), "dob.null"},
		{"ni_number", base, "ni_number.exact"},
		{"ni_number", with(func(v *pv) { v.ni = "AB123457C" }), "ni_number.one-off"},
		{"ni_number", with(func(v *pv) { v.ni = "CE654321A" }), "ni_number.different"},
		{"ni_number", with(func(v *pv) { v.ni = "QQ123456C" }), "ni_number.invalid"},
		{"postcode", with(func(v *pv) { v.postcode = "sw1a1aa" }), "postcode.unit"},
		{"postcode", with(func(v *pv) { v.postcode = "SW1A 1ZZ" }), "postcode.sector"},
		{"postcode", with(func(v *pv) { v.postcode = "SW1A 2AA" }), "postcode.one-off"},
		{"postcode", with(func(v *pv) { v.postcode = "SW1A 9ZZ" }), "postcode.district"},
		{"postcode", with(func(v *pv) { v.postcode = "SW3 9ZZ" }), "postcode.area"},
		{"postcode", with(func(v *pv) { v.postcode = "M1 1AE" }), "postcode.different"},
		{"address", with(func(v *pv) { v.addr = "14 High St" }), "address.exact"},
		{"address", with(func(v *pv) { v.addr = "14 Hihg Street" }), "address.number-street-fuzzy"},
		{"address", with(func(v *pv) { v.addr = "Flat 2, 14 High Street" }), "address.same-building"},
		{"address", with(func(v *pv) { v.addr = "16 High Street" }), "address.street"},
		{"address", with(func(v *pv) { v.addr = "14 Mill Lane" }), "address.number"},
		{"other_id", with(func(v *pv) { v.other = "124" }), "other_id.one-off"},
		{"town", with(func(v *pv) { v.town = "Leeds" }), "town.exact"},
	}
	a := rec(t, nick, base)
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			c := comps[tt.comparison]
			b := rec(t, nick, tt.b)
			if got := c.LevelName(c.Level(a, b)); got != tt.want {
				t.Errorf("level = %s, want %s", got, tt.want)
			}
			// Comparisons are symmetric.
			if got := c.LevelName(c.Level(b, a)); got != tt.want {
				t.Errorf("reversed level = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestComparisonCatalogue checks every entry: level 0 is null, names are
// unique, defaults are probabilities, and at most 16 levels fit a pattern.
func TestComparisonCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range PersonComparisons() {
		if seen[c.Name] {
			t.Errorf("duplicate comparison %q", c.Name)
		}
		seen[c.Name] = true
		if len(c.Levels) < 3 || len(c.Levels) > 16 || c.Levels[0].Name != "null" {
			t.Errorf("%s: levels must start with null and number 3 to 16", c.Name)
		}
		var sm, su float64
		names := map[string]bool{}
		for _, l := range c.Levels[1:] {
			if names[l.Name] {
				t.Errorf("%s: duplicate level %q", c.Name, l.Name)
			}
			names[l.Name] = true
			if l.M <= 0 || l.U <= 0 || l.M >= 1 || l.U >= 1 {
				t.Errorf("%s.%s: m and u must be in (0,1)", c.Name, l.Name)
			}
			sm += l.M
			su += l.U
		}
		if sm < 0.99 || sm > 1.01 || su < 0.99 || su > 1.01 {
			t.Errorf("%s: m sum %.4f, u sum %.4f, want 1", c.Name, sm, su)
		}
	}
	_ = value.Date(0)
}

func TestOneEditApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"AB123456C", "AB123456C", false},
		{"AB123456C", "AB123457C", true},
		{"AB123456C", "AB124356C", true},
		{"AB123456C", "AB12456C", true},
		{"AB123456C", "AB1234567C", true},
		{"AB123456C", "AB654321C", false},
		{"", "A", true},
		{"AB", "BA", true},
		{"ABC", "CBA", false},
	}
	for _, tt := range tests {
		if got := oneEditApart(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
