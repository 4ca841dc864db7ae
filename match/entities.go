package match

import (
	"slices"
	"strings"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Matching names what a report matches, and so which comparisons and
// blocking rules it uses. Each is an entry of matchings().
const (
	MatchPerson    = "person"    // the same person in two records
	MatchHousehold = "household" // another adult at the liable person's property
	MatchSupplier  = "supplier"  // two creditor records of one supplier
	MatchPayment   = "payment"   // one invoice paid twice
	MatchBank      = "bank"      // one bank account, or one address, on two records of different people
)

// matching is one entry of the matching catalogue.
type matching struct {
	comparisons func() []*Comparison
	rules       func() []*BlockingRule
}

// matchings is the catalogue of what reports can match: the comparisons
// and the blocking rules of each. Add a kind of matching here.
func matchings() map[string]matching {
	return map[string]matching{
		MatchPerson: {PersonComparisons, PersonBlockingRules},
		MatchHousehold: {func() []*Comparison {
			return pick(PersonComparisons(), "uprn", "address", "postcode")
		}, PropertyBlockingRules},
		MatchSupplier: {SupplierComparisons, SupplierBlockingRules},
		MatchPayment:  {PaymentComparisons, PaymentBlockingRules},
		MatchBank: {func() []*Comparison {
			return pick(PersonComparisons(), "bank", "uprn", "address", "postcode")
		}, func() []*BlockingRule { return append(BankBlockingRules(), PropertyBlockingRules()...) }},
	}
}

// pick returns the named comparisons, in the order named.
func pick(all []*Comparison, names ...string) []*Comparison {
	var out []*Comparison
	for _, n := range names {
		for _, c := range all {
			if c.Name == n {
				out = append(out, c)
			}
		}
	}
	return out
}

// SupplierComparisons compare two creditor records.
func SupplierComparisons() []*Comparison {
	return append([]*Comparison{
		{Name: "supplier_name", Fields: []string{"supplier_name"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.7, U: 0.001, Agree: true},
			{Name: "core", M: 0.15, U: 0.001, Agree: true},
			{Name: "jw92", M: 0.1, U: 0.002, Agree: true},
			{Name: "jw80", M: 0.03, U: 0.02},
			{Name: "different", M: 0.02, U: 0.976},
		}, level: supplierNameLevel},
		{Name: "vat_number", Fields: []string{"vat_number"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.9, U: 0.0001, Agree: true},
			{Name: "different", M: 0.1, U: 0.9999},
		}, level: func(a, b *ingest.Record) uint8 { return exactLevel(a.Supplier.VAT, b.Supplier.VAT) }},
		{Name: "company_number", Fields: []string{"company_number"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.9, U: 0.0001, Agree: true},
			{Name: "different", M: 0.1, U: 0.9999},
		}, level: func(a, b *ingest.Record) uint8 { return exactLevel(a.Supplier.CompanyNo, b.Supplier.CompanyNo) }},
	}, pick(PersonComparisons(), "bank", "postcode", "address")...)
}

// exactLevel is the level of a comparison with levels null, exact,
// different.
func exactLevel(a, b string) uint8 {
	switch {
	case a == "" || b == "":
		return 0
	case a == b:
		return 1
	}
	return 2
}

func supplierNameLevel(ra, rb *ingest.Record) uint8 {
	a, b := &ra.Supplier.Company, &rb.Supplier.Company
	switch {
	case a.Name == "" || b.Name == "":
		return 0
	case a.Name == b.Name:
		return 1
	case a.Core == b.Core,
		a.TradingAs != "" && (a.TradingAs == b.Name || a.TradingAs == b.TradingAs),
		b.TradingAs != "" && b.TradingAs == a.Name:
		return 2
	}
	jw := jaroWinklerAtLeast(a.Core, b.Core, jwLoose)
	switch {
	case jw >= jwClose:
		return 3
	case jw >= jwLoose:
		return 4
	}
	return 5
}

// PaymentComparisons compare two payments.
func PaymentComparisons() []*Comparison {
	return []*Comparison{
		{Name: "creditor", Fields: []string{"creditor_ref"}, Levels: []Level{nullLevel,
			{Name: "same", M: 0.95, U: 0.01, Agree: true},
			{Name: "different", M: 0.05, U: 0.99},
		}, level: func(a, b *ingest.Record) uint8 { return exactLevel(a.Payment.CreditorRef, b.Payment.CreditorRef) }},
		{Name: "amount", Fields: []string{"amount"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.9, U: 0.001, Agree: true},
			{Name: "different", M: 0.1, U: 0.999},
		}, level: amountLevel},
		{Name: "invoice", Fields: []string{"invoice_number"}, Levels: []Level{nullLevel,
			{Name: "exact", M: 0.6, U: 0.0001, Agree: true},
			{Name: "digits", M: 0.25, U: 0.0002, Agree: true},
			{Name: "transposed", M: 0.05, U: 0.0002, Agree: true},
			{Name: "different", M: 0.1, U: 0.9996},
		}, level: invoiceLevel},
		{Name: "date", Fields: []string{"invoice_date", "payment_date"}, Levels: []Level{nullLevel,
			{Name: "same-day", M: 0.3, U: 0.001, Agree: true},
			{Name: "within-7-days", M: 0.4, U: 0.01, Agree: true},
			{Name: "within-30-days", M: 0.25, U: 0.05, Agree: true},
			{Name: "further-apart", M: 0.05, U: 0.939},
		}, level: dateLevel},
	}
}

func amountLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Payment, rb.Payment
	switch {
	case !a.HasAmount || !b.HasAmount:
		return 0
	case a.Amount == b.Amount:
		return 1
	}
	return 2
}

func invoiceLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Payment, rb.Payment
	switch {
	case a.Invoice == "" || b.Invoice == "":
		return 0
	case a.Invoice == b.Invoice:
		return 1
	case a.InvoiceDigits != "" && a.InvoiceDigits == b.InvoiceDigits:
		return 2
	case transposed(a.InvoiceDigits, b.InvoiceDigits):
		return 3
	}
	return 4
}

// transposed reports whether a and b differ only by two neighbouring
// characters swapped (12345 and 12435): a keying slip, where a number one
// higher is the next invoice of a contract.
func transposed(a, b string) bool {
	if len(a) != len(b) || len(a) < 2 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// PaymentWindowDays is how far apart two payments of one invoice may be
// dated and still look like one invoice paid twice.
const PaymentWindowDays = 30

func dateLevel(ra, rb *ingest.Record) uint8 {
	a, b := ra.Payment.Date, rb.Payment.Date
	if a.IsZero() || b.IsZero() {
		return 0
	}
	switch d := abs(a.Days() - b.Days()); {
	case d == 0:
		return 1
	case d <= 7:
		return 2
	case d <= PaymentWindowDays:
		return 3
	}
	return 4
}

// PaymentBlockingRules pick payments that could be one invoice paid twice.
func PaymentBlockingRules() []*BlockingRule {
	return []*BlockingRule{
		{Name: "creditor+amount", Fields: []string{"creditor_ref", "amount"}, key: func(r *ingest.Record) uint64 {
			p := r.Payment
			if p.CreditorRef == "" || !p.HasAmount {
				return 0
			}
			return withNumber(hashKey(p.CreditorRef), p.Amount)
		}},
		{Name: "creditor+invoice_digits", Fields: []string{"creditor_ref", "invoice_number"}, key: func(r *ingest.Record) uint64 {
			p := r.Payment
			if p.CreditorRef == "" || p.InvoiceDigits == "" {
				return 0
			}
			return hashKey(p.CreditorRef, p.InvoiceDigits)
		}},
		{Name: "invoice_digits+amount", Fields: []string{"invoice_number", "amount"}, key: func(r *ingest.Record) uint64 {
			p := r.Payment
			if p.InvoiceDigits == "" || !p.HasAmount {
				return 0
			}
			return withNumber(hashKey(p.InvoiceDigits), p.Amount)
		}},
	}
}

// SupplierBlockingRules pick creditor records that could be one supplier.
func SupplierBlockingRules() []*BlockingRule {
	return append([]*BlockingRule{
		{Name: "vat_number", Fields: []string{"vat_number"}, key: func(r *ingest.Record) uint64 { return hashKey(r.Supplier.VAT) }},
		{Name: "company_number", Fields: []string{"company_number"}, key: func(r *ingest.Record) uint64 { return hashKey(r.Supplier.CompanyNo) }},
		{Name: "name_core", Fields: []string{"supplier_name"}, key: func(r *ingest.Record) uint64 { return hashKey(r.Supplier.Company.Core) }},
		{Name: "postcode", Fields: []string{"postcode"}, key: func(r *ingest.Record) uint64 { return hashKey(r.Supplier.Postcode.Full) }},
	}, BankBlockingRules()...)
}

// BankBlockingRules pick records paid into one bank account.
func BankBlockingRules() []*BlockingRule {
	return []*BlockingRule{
		{Name: "bank_account", Fields: []string{"account_number"}, key: func(r *ingest.Record) uint64 {
			s, a := bankOf(r)
			if a == "" {
				return 0
			}
			return hashKey(s, a)
		}},
	}
}

// PropertyBlockingRules pick records at one property: the same UPRN, or
// the same postcode and house number or name.
func PropertyBlockingRules() []*BlockingRule {
	return []*BlockingRule{
		{Name: "uprn", Fields: []string{"uprn"}, key: func(r *ingest.Record) uint64 { return hashKey(r.Person.UPRN()) }},
		{Name: "postcode+house", Fields: []string{"postcode", "address_1"}, key: func(r *ingest.Record) uint64 {
			a, pc := addressOf(r), postcodeOf(r)
			if pc.Full == "" || (a.Number == "" && a.Name == "") {
				return 0
			}
			return hashKey(pc.Full, a.Number, a.Name)
		}},
	}
}

// Requirement is a named test a report's pair must pass, beside its
// probability and its date clauses. The catalogue of requirements is
// requirements(); reports name them.
type Requirement string

// The requirements reports may name.
const (
	SameProperty       Requirement = "same_property"        // the records are at one property (UPRN, else the address)
	NotSamePerson      Requirement = "not_same_person"      // the two records are of different people
	LeftFlagged        Requirement = "left_spd"             // the left record's single person discount flag is set
	AdultInDiscount    Requirement = "adult_in_discount"    // the right-hand person was 18 or over at some time in the left's discount
	PositiveAmounts    Requirement = "positive_amounts"     // both payments are positive (a credit note is not a duplicate)
	OneInvoice         Requirement = "one_invoice"          // one creditor (or two records of one supplier); the same invoice number, or the same amount with invoice numbers alike within the window
	SameSupplier       Requirement = "same_supplier"        // same bank account, or names alike with the same postcode, VAT or company number
	SameBankOrProperty Requirement = "same_bank_or_address" // the same bank account, or one property
	SameBank           Requirement = "same_bank"            // the same sort code and account number
)

// requirement is the test of one Requirement on a pair.
type requirement func(k *Linker, a, b *ingest.Record) bool

func requirements() map[Requirement]requirement {
	return map[Requirement]requirement{
		SameProperty: func(k *Linker, a, b *ingest.Record) bool { return householdOf(a).same(householdOf(b)) },
		NotSamePerson: func(k *Linker, a, b *ingest.Record) bool {
			return !k.samePerson.Same(a, b)
		},
		LeftFlagged: func(k *Linker, a, b *ingest.Record) bool {
			return fieldValue(k.Left, a, "spd_flag") == "Y"
		},
		AdultInDiscount: func(k *Linker, a, b *ingest.Record) bool {
			end := fieldDate(k.Left, a, "discount_end")
			if end.IsZero() || end > k.AsAt {
				end = k.AsAt
			}
			if at := fieldDate(k.Right, b, "attainment_date"); !at.IsZero() {
				return at <= end
			}
			if dob := b.Person.DOB; !dob.IsZero() {
				eighteen, _ := value.NewDate(dob.Year()+18, dob.Month(), min(dob.Day(), 28))
				return eighteen <= end
			}
			return true // an elector with no attainment date is an adult
		},
		PositiveAmounts: func(k *Linker, a, b *ingest.Record) bool {
			return a.Payment.HasAmount && b.Payment.HasAmount && a.Payment.Amount > 0 && b.Payment.Amount > 0
		},
		OneInvoice: func(k *Linker, a, b *ingest.Record) bool {
			if !k.sameCreditor(a.Payment.CreditorRef, b.Payment.CreditorRef) {
				return false
			}
			inv := invoiceLevel(a, b)
			if inv == 1 {
				return true // the same invoice paid twice, whatever the amounts
			}
			return amountLevel(a, b) == 1 && (inv == 2 || inv == 3) && dateLevel(a, b) != 4
		},
		SameSupplier: func(k *Linker, a, b *ingest.Record) bool {
			if bankLevel(a, b) == 1 {
				return true
			}
			if n := supplierNameLevel(a, b); n < 1 || n > 3 {
				return false
			}
			sa, sb := a.Supplier, b.Supplier
			vat, co := exactLevel(sa.VAT, sb.VAT), exactLevel(sa.CompanyNo, sb.CompanyNo)
			if vat == 2 || co == 2 {
				return false // two registered companies, however alike their names
			}
			return (sa.Postcode.Full != "" && sa.Postcode.Full == sb.Postcode.Full) || vat == 1 || co == 1
		},
		SameBankOrProperty: func(k *Linker, a, b *ingest.Record) bool {
			return bankLevel(a, b) == 1 || householdOf(a).same(householdOf(b))
		},
		SameBank: func(k *Linker, a, b *ingest.Record) bool { return bankLevel(a, b) == 1 },
	}
}

// fieldValue is a record's canonical text for a field of its dataset ("" when
// the dataset has no such field).
func fieldValue(d *ingest.Dataset, r *ingest.Record, field string) string {
	return r.Value(d.Kind.Field(field))
}

// fieldDate is a record's date field (0 when blank, invalid or absent).
func fieldDate(d *ingest.Dataset, r *ingest.Record, field string) value.Date {
	v, err := value.ParseISODate(fieldValue(d, r, field))
	if err != nil {
		return 0
	}
	return v
}

// samePersonLevels says, for the comparisons that decide whether two
// records are one person, which levels allow it: the forenames must agree
// (exactly, as a nickname, within a typo or two, by initial, or swapped with
// the surname), and nothing both records give may contradict it. It leans
// towards "the same person": a report of different people (another adult,
// a shared account) should not count a misspelt entry of one person as two.
func samePersonLevels() map[string][]string {
	return map[string][]string{
		"forenames": {"exact", "nickname", "jw92", "initial", "swapped", "jw80"},
		"surname":   {"null", "exact", "part", "jw92", "phonetic", "swapped", "jw80"},
		"dob":       {"null", "exact", "day-month-swapped", "one-digit-off"},
		"ni_number": {"null", "exact", "one-off", "invalid"},
	}
}

// strongForenameLevels are the forename levels that, on their own, say a
// different surname may be a change of name (marriage) rather than another
// person.
// An initial counts: a record that gives only an initial cannot say more,
// and the other's forename agrees with it.
func strongForenameLevels() []string { return []string{"exact", "nickname", "jw92", "initial"} }

// initialsAgree reports whether two people's forenames give at least two
// initials and they all agree ("L H" and "Louise Helen").
func initialsAgree(a, b *ingest.Person) bool {
	ia, ib := initials(a), initials(b)
	return len(ia) >= 2 && ia == ib
}

func initials(p *ingest.Person) string {
	var b []byte
	for _, n := range append([]string{p.Forename()}, strings.Fields(p.Middle())...) {
		if n != "" {
			b = append(b, n[0])
		}
	}
	return string(b)
}

// SamePerson decides whether two person records are one person, for
// reports about different people (another adult at a property, one bank
// account paying two people). It is a rule on named levels, not a
// probability, so an investigator can read why: see samePersonLevels; a
// surname that differs outright is allowed beside a strongly agreeing
// forename, as after a marriage. Callers deciding many pairs should build
// the rule once with NewSamePersonRule.
func SamePerson(a, b *ingest.Record) bool { return NewSamePersonRule().Same(a, b) }

// SamePersonRule is SamePerson with its comparisons built once.
type SamePersonRule struct {
	comps   []*Comparison
	allowed [][]string // by comps position
	strong  []string
	nick    *normal.Nicknames
}

// NewSamePersonRule builds the rule from the person comparisons.
func NewSamePersonRule() *SamePersonRule {
	levels := samePersonLevels()
	r := &SamePersonRule{strong: strongForenameLevels(), nick: normal.NewNicknames()}
	for _, c := range PersonComparisons() {
		if ok, decides := levels[c.Name]; decides {
			r.comps = append(r.comps, c)
			r.allowed = append(r.allowed, ok)
		}
	}
	return r
}

// slipOfVariant reports whether a is one keying slip from a variant of b
// (HNERY and HARRY: a slip of HENRY, of which HARRY is a form).
func (r *SamePersonRule) slipOfVariant(a, b string) bool {
	for _, v := range r.nick.Variants(b) {
		if oneEditApart(a, v) {
			return true
		}
	}
	return false
}

// Same reports whether a and b are one person (see SamePerson).
func (r *SamePersonRule) Same(a, b *ingest.Record) bool {
	pa, pb := &a.Person, &b.Person
	var buf [maxComparisons]string
	names := buf[:0]
	forename := ""
	allAllowed := true
	for i, c := range r.comps {
		name := c.Levels[c.Level(a, b)].Name
		names = append(names, name)
		if c.Name == "forenames" {
			forename = name
		}
		allAllowed = allAllowed && slices.Contains(r.allowed[i], name)
	}
	if allAllowed {
		return true // no slip to forgive
	}
	// One keying slip apart, which short names do not reach by
	// Jaro-Winkler (IYV and IVY).
	typoForename := len(pa.Forename()) >= 3 && (oneEditApart(pa.Forename(), pb.Forename()) ||
		r.slipOfVariant(pa.Forename(), pb.Forename()) || r.slipOfVariant(pb.Forename(), pa.Forename()))
	typoSurname := len(pa.Surname()) >= 3 && oneEditApart(pa.Surname(), pb.Surname())
	strong := slices.Contains(r.strong, forename) || typoForename || initialsAgree(pa, pb)
	for i, c := range r.comps {
		switch name := names[i]; {
		case slices.Contains(r.allowed[i], name):
		case c.Name == "forenames" && typoForename:
		case c.Name == "surname" && (typoSurname || name == "different" && strong):
		default:
			return false
		}
	}
	return true
}
