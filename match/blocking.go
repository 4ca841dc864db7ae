package match

import (
	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/value"
	"github.com/nfi-engine/nfi/ingest/valuehash"
)

// BlockingRule picks candidate pairs: two records whose keys are equal (and
// not zero) are compared. Keys are 64-bit hashes of the rule's parts; a
// record without the parts has key 0 and is not blocked by that rule.
type BlockingRule struct {
	Name   string   // e.g. "dob+surname_initial"; used in the summary
	Fields []string // canonical fields both datasets must supply for the rule to be used
	// Fixes names the comparisons whose m cannot be learnt from this rule's
	// pairs, because they were chosen for agreeing on them; the rule's pairs
	// train the other comparisons' m. A rule with no Fixes is not used for
	// training: rules on the address pick mostly relatives and neighbours,
	// and EM would learn "same household" as "same person".
	Fixes []string
	key   func(r *ingest.Record) uint64
}

// Key returns the record's key under the rule (0 when it has none).
func (b *BlockingRule) Key(r *ingest.Record) uint64 { return b.key(r) }

// PersonBlockingRules is the catalogue of blocking rules for person
// matching, in the order pairs are credited. Together they let through
// pairs that agree on any one strong identifier, or on a weaker pair of
// fields, so that a typo in any single field does not hide a match.
func PersonBlockingRules() []*BlockingRule {
	return []*BlockingRule{
		{Name: "ni_number", Fields: []string{"ni_number"}, Fixes: []string{"ni_number"}, key: func(r *ingest.Record) uint64 {
			if !r.Person.NIValid {
				return 0
			}
			return hashKey(r.Person.NI())
		}},
		{Name: "other_id", Fields: []string{"other_id"}, Fixes: []string{"other_id"}, key: func(r *ingest.Record) uint64 {
			return hashKey(r.Person.OtherID())
		}},
		{Name: "bank_account", Fields: []string{"account_number"}, key: func(r *ingest.Record) uint64 {
			if r.Person.Account() == "" {
				return 0
			}
			return hashKey(r.Person.SortCode(), r.Person.Account())
		}},
		{Name: "dob+surname_initial", Fields: []string{"dob", "surname"}, Fixes: []string{"dob", "surname"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.DOB.IsZero() || p.Surname() == "" {
				return 0
			}
			return withNumber(hashKey(p.Surname()[:1]), int64(p.DOB))
		}},
		{Name: "dob+forename_initial", Fields: []string{"dob", "forenames"}, Fixes: []string{"dob", "forenames"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.DOB.IsZero() || p.Forename() == "" {
				return 0
			}
			return withNumber(hashKey(p.Forename()[:1]), int64(p.DOB))
		}},
		{Name: "surname_phonetic+birth_year", Fields: []string{"surname", "dob"}, Fixes: []string{"surname", "dob"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.SurnameMeta() == "" || p.DOB.IsZero() {
				return 0
			}
			return withNumber(hashKey(p.SurnameMeta()), int64(p.DOB.Year()))
		}},
		{Name: "postcode+forename_initial", Fields: []string{"postcode", "forenames"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.Postcode().Full == "" || p.Forename() == "" {
				return 0
			}
			return hashKey(p.Postcode().Full, p.Forename()[:1])
		}},
		{Name: "dob+postcode", Fields: []string{"dob", "postcode"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.DOB.IsZero() || p.Postcode().Full == "" {
				return 0
			}
			return withNumber(hashKey(p.Postcode().Full), int64(p.DOB))
		}},
		{Name: "names_either_order+birth_year", Fields: []string{"forenames", "surname", "dob"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.ForenameMeta() == "" || p.SurnameMeta() == "" || p.DOB.IsZero() {
				return 0
			}
			a, b := p.ForenameMeta(), p.SurnameMeta()
			if b < a {
				a, b = b, a
			}
			return withNumber(hashKey(a, b), int64(p.DOB.Year()))
		}},
		{Name: "house+street+postcode", Fields: []string{"address_1", "postcode"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.Address().Street == "" || p.Postcode().Full == "" {
				return 0
			}
			return hashKey(p.Address().Street, p.Address().Number, p.Address().Flat, p.Postcode().Full)
		}},
		{Name: "postcode+surname_phonetic", Fields: []string{"postcode", "surname"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.Postcode().Full == "" || p.SurnameMeta() == "" {
				return 0
			}
			return hashKey(p.Postcode().Full, p.SurnameMeta())
		}},
		{Name: "names_either_order+postcode", Fields: []string{"forenames", "surname", "postcode"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.ForenameMeta() == "" || p.SurnameMeta() == "" || p.Postcode().Full == "" {
				return 0
			}
			a, b := p.ForenameMeta(), p.SurnameMeta()
			if b < a {
				a, b = b, a
			}
			return hashKey(a, b, p.Postcode().Full)
		}},
		{Name: "house+street+forename_initial", Fields: []string{"address_1", "forenames"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.Address().Street == "" || (p.Address().Number == "" && p.Address().Name == "") || p.Forename() == "" {
				return 0
			}
			return hashKey(p.Address().Street, p.Address().Number, p.Address().Name, p.Forename()[:1])
		}},
		{Name: "forename+surname+district", Fields: []string{"forenames", "surname"}, Fixes: []string{"forenames", "surname"}, key: func(r *ingest.Record) uint64 {
			p := &r.Person
			if p.Forename() == "" || p.Surname() == "" {
				return 0
			}
			// The postcode district (or a non-UK postcode as given) keeps
			// common names from pairing across a whole register; a record
			// with no postcode pairs on the names alone.
			return hashKey(p.Forename(), p.Surname(), postcodeDistrict(p.Postcode()))
		}},
	}
}

// hashKey is the key of the parts (see package valuehash: the first
// part's hash mixed with each other part's), so that ("AB","C") and
// ("A","BC") differ. It never returns 0, which means "no key". An empty
// first part gives 0.
func hashKey(parts ...string) uint64 {
	if len(parts) == 0 || parts[0] == "" {
		return 0
	}
	h := valuehash.String(parts[0])
	for _, p := range parts[1:] {
		h = valuehash.Mix(h, valuehash.String(p))
	}
	return nonZero(h)
}

// withNumber is key (from hashKey) with a number as one more part: a date,
// a year, an amount in pence, mixed in as it is rather than written out as
// text first (a string a record a rule). 0 stays 0.
func withNumber(key uint64, n int64) uint64 {
	if key == 0 {
		return 0
	}
	return nonZero(valuehash.Mix(key, uint64(n)))
}

// nonZero keeps a hash from reading as "no key".
func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// postcodeDistrict is the outward code of a UK postcode (SW1A), a non-UK
// postcode as given, or "".
func postcodeDistrict(pc value.Postcode) string {
	if pc.Valid {
		return pc.District
	}
	return pc.Full
}
