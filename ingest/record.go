package ingest

import (
	"strings"

	"github.com/nfi-engine/nfi/ingest/arena"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Record is one accepted row of a dataset.
type Record struct {
	// Line is the line of the source file where the row starts.
	Line int
	// values holds the canonical text of each field, by position in the
	// kind's Fields, packed into one string (see Value and SetValues).
	values string
	// Invalid has bit i set when field i held a value that did not parse:
	// the value is kept as cleaned text (Value) and counted, not dropped.
	Invalid uint64
	// Person is the normalised form of a person record (zero for other
	// entities).
	Person Person
	// Supplier is the normalised form of a creditor record (nil for other
	// entities).
	Supplier *Supplier
	// Payment is the normalised form of a payment record (nil for other
	// entities).
	Payment *Payment
}

// Supplier holds the normalised forms that supplier matching compares.
type Supplier struct {
	Company   normal.Company
	Postcode  value.Postcode
	Address   normal.Address
	SortCode  string
	Account   string
	VAT       string // digits only, without a GB prefix
	CompanyNo string // upper case, padded to eight characters with leading zeros
}

// Payment holds the normalised forms that payment matching compares.
type Payment struct {
	CreditorRef   string
	Invoice       string     // letters and digits of the invoice number, upper case
	InvoiceDigits string     // its digits without leading zeros
	Date          value.Date // the invoice date, else the payment date
	Amount        int64      // pence
	HasAmount     bool
	PaymentRef    string
}

// Ref is the record's reference (the job's `key:` column).
func (r *Record) Ref() string { return r.Value(0) }

// Value returns the canonical text of field i, by position in the kind's
// Fields ("" when blank, not mapped or out of range).
func (r *Record) Value(i int) string { return packedAt(r.values, i) }

// NumValues is the number of fields the record holds values for: its kind's
// Fields, or 0 for a record never filled.
func (r *Record) NumValues() int { return packedLen(r.values) }

// SetValues stores the canonical text of each field, by position in the
// kind's Fields (at most 255 of them), packed into one string: a million
// records' values are then one pointer each, where a slice of strings took
// one a field. (The parser packs them into its Scratch's arena instead.)
func (r *Record) SetValues(vs []string) { r.values = packStrings(nil, vs) }

// Person holds the normalised forms that person matching compares, packed:
// every string is upper-case ASCII and all of them are one string (one
// allocation and one pointer a record, where separate strings took twenty
// of each and made the records a third of the heap). Read them with the
// methods; build one with NewPerson from its PersonForms.
type Person struct {
	text    string // the strings, packed as by packStrings in personText order, the nickname groups too
	DOB     value.Date
	Sex     byte // 'M', 'F' or 0
	NIValid bool
	// The postcode's shape: valid, and the lengths of its area, district
	// and sector, which are the leading characters of its full form.
	pcValid                      bool
	pcArea, pcDistrict, pcSector uint8
}

// PersonForms is a person's normalised forms unpacked: what the parser
// builds and NewPerson packs.
type PersonForms struct {
	Forename     string   // first forename
	Middle       string   // other forenames, space separated
	Surname      string   // whole surname, joined (normal.SurnameKey form)
	SurnameParts []string // parts of a double-barrelled surname (nil when one part)
	NickGroups   []uint32 // nickname groups of the first forename (nil when none)
	Initials     string   // letters the first forename or any of its variants begins with

	SurnameMeta  string // Double Metaphone of the surname
	ForenameMeta string // Double Metaphone of the first forename

	DOB      value.Date
	Sex      byte // 'M', 'F' or 0
	NI       string
	NIValid  bool
	Postcode value.Postcode
	Address  normal.Address
	Town     string // the town field, folded
	UPRN     string
	SortCode string
	Account  string
	OtherID  string
}

// The position of each string in Person.text.
const (
	pForename = iota
	pMiddle
	pSurname
	pSurnameParts
	pInitials
	pSurnameMeta
	pForenameMeta
	pNI
	pPostcode
	pFlat
	pNumber
	pName
	pStreet
	pLocality
	pTown
	pUPRN
	pSortCode
	pAccount
	pOtherID
	pNickGroups // the groups, ascending, four bytes each, little-endian
	personStrings
)

// NewPerson packs a person's normalised forms.
func NewPerson(f *PersonForms) Person { return newPerson(nil, nil, f) }

// newPerson packs a person's normalised forms into keep, with the passing
// strings it joins held in temp (nil arenas: on the heap).
func newPerson(keep, temp *arena.Arena, f *PersonForms) Person {
	var parts string
	if len(f.SurnameParts) > 1 {
		parts = temp.Join(f.SurnameParts, " ")
	}
	var vs [personStrings]string
	vs[pForename], vs[pMiddle], vs[pSurname], vs[pSurnameParts] = f.Forename, f.Middle, f.Surname, parts
	vs[pInitials], vs[pSurnameMeta], vs[pForenameMeta], vs[pNI] = f.Initials, f.SurnameMeta, f.ForenameMeta, f.NI
	vs[pPostcode] = f.Postcode.Full
	a := &f.Address
	vs[pFlat], vs[pNumber], vs[pName], vs[pStreet], vs[pLocality] = a.Flat, a.Number, a.Name, a.Street, a.Locality
	vs[pTown], vs[pUPRN], vs[pSortCode], vs[pAccount], vs[pOtherID] = f.Town, f.UPRN, f.SortCode, f.Account, f.OtherID
	var groups [64]byte
	g := groups[:0]
	for _, id := range f.NickGroups {
		g = append(g, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	}
	vs[pNickGroups] = temp.String(g)
	p := Person{text: packStrings(keep, vs[:]), DOB: f.DOB, Sex: f.Sex, NIValid: f.NIValid}
	if pc := &f.Postcode; pc.Valid && len(pc.Sector) <= 255 {
		p.pcValid = true
		p.pcArea, p.pcDistrict, p.pcSector = uint8(len(pc.Area)), uint8(len(pc.District)), uint8(len(pc.Sector))
	}
	return p
}

// Forms unpacks the person's normalised forms.
func (p *Person) Forms() PersonForms {
	f := PersonForms{Forename: p.Forename(), Middle: p.Middle(), Surname: p.Surname(), NickGroups: p.NickGroups(),
		Initials: p.Initials(), SurnameMeta: p.SurnameMeta(), ForenameMeta: p.ForenameMeta(), DOB: p.DOB, Sex: p.Sex,
		NI: p.NI(), NIValid: p.NIValid, Postcode: p.Postcode(), Address: p.Address(), Town: p.Town(), UPRN: p.UPRN(),
		SortCode: p.SortCode(), Account: p.Account(), OtherID: p.OtherID()}
	if parts := p.SurnameParts(); parts != "" {
		f.SurnameParts = strings.Split(parts, " ")
	}
	return f
}

// NickGroups returns the nickname groups of the first forename, ascending
// (nil when none). It allocates: comparisons use SharesNickGroup.
func (p *Person) NickGroups() []uint32 {
	g := packedAt(p.text, pNickGroups)
	var out []uint32
	for i := 0; i+4 <= len(g); i += 4 {
		out = append(out, groupAt(g, i))
	}
	return out
}

// SharesNickGroup reports whether two people's first forenames are in a
// common nickname group (BILL and WILLIAM), without allocating.
func (p *Person) SharesNickGroup(o *Person) bool {
	a, b := packedAt(p.text, pNickGroups), packedAt(o.text, pNickGroups)
	for i, j := 0, 0; i+4 <= len(a) && j+4 <= len(b); {
		x, y := groupAt(a, i), groupAt(b, j)
		switch {
		case x == y:
			return true
		case x < y:
			i += 4
		default:
			j += 4
		}
	}
	return false
}

func groupAt(g string, i int) uint32 {
	return uint32(g[i]) | uint32(g[i+1])<<8 | uint32(g[i+2])<<16 | uint32(g[i+3])<<24
}

// Touch reads a byte of each cache line of the packed forms (0 when
// none): a caller comparing many records reads them to bring the forms
// into the cache ahead of the comparisons.
func (p *Person) Touch() byte {
	var sum byte
	for i := 0; i < len(p.text); i += 64 {
		sum += p.text[i]
	}
	if p.text != "" {
		sum += p.text[len(p.text)-1]
	}
	return sum
}

// FormsLen is how many bytes the record's normalised forms take: the room
// WithFormsAt needs.
func (r *Record) FormsLen() int { return len(r.Person.text) }

// WithFormsAt returns a copy of r whose normalised forms are held in s,
// FormsLen bytes from off: a caller that lays records out afresh
// (matching lays the right-hand records out by postcode) keeps each one's
// forms beside its neighbours'. The field values, supplier and payment are
// shared with r.
func (r *Record) WithFormsAt(s *arena.Slab, off int) Record {
	c := *r
	c.Person.text = s.Put(off, r.Person.text)
	return c
}

// Forename is the first forename.
func (p *Person) Forename() string { return packedAt(p.text, pForename) }

// Middle holds the other forenames, space separated.
func (p *Person) Middle() string { return packedAt(p.text, pMiddle) }

// Surname is the whole surname, joined (normal.SurnameKey form).
func (p *Person) Surname() string { return packedAt(p.text, pSurname) }

// SurnameParts holds the parts of a double-barrelled surname, space
// separated ("" when the surname has one part).
func (p *Person) SurnameParts() string { return packedAt(p.text, pSurnameParts) }

// Initials holds the letters the first forename or any of its variants
// begins with.
func (p *Person) Initials() string { return packedAt(p.text, pInitials) }

// SurnameMeta is the Double Metaphone of the surname.
func (p *Person) SurnameMeta() string { return packedAt(p.text, pSurnameMeta) }

// ForenameMeta is the Double Metaphone of the first forename.
func (p *Person) ForenameMeta() string { return packedAt(p.text, pForenameMeta) }

// NI is the National Insurance number as given (valid when NIValid).
func (p *Person) NI() string { return packedAt(p.text, pNI) }

// Town is the town field, folded.
func (p *Person) Town() string { return packedAt(p.text, pTown) }

// UPRN is the property's Unique Property Reference Number.
func (p *Person) UPRN() string { return packedAt(p.text, pUPRN) }

// SortCode is the bank sort code ("" when invalid).
func (p *Person) SortCode() string { return packedAt(p.text, pSortCode) }

// Account is the bank account number ("" when invalid).
func (p *Person) Account() string { return packedAt(p.text, pAccount) }

// OtherID is the dataset's other identifier, upper case.
func (p *Person) OtherID() string { return packedAt(p.text, pOtherID) }

// Postcode is the postcode, split as value.ParsePostcode splits it.
func (p *Person) Postcode() value.Postcode {
	full := packedAt(p.text, pPostcode)
	if !p.pcValid {
		return value.Postcode{Full: full}
	}
	return value.Postcode{Full: full, Area: full[:p.pcArea], District: full[:p.pcDistrict], Sector: full[:p.pcSector], Unit: full, Valid: true}
}

// Address is the address, split as normal.ParseAddress splits it.
func (p *Person) Address() normal.Address {
	return normal.Address{Flat: packedAt(p.text, pFlat), Number: packedAt(p.text, pNumber), Name: packedAt(p.text, pName),
		Street: packedAt(p.text, pStreet), Locality: packedAt(p.text, pLocality)}
}

// Dataset is one extract, read, checked and normalised.
type Dataset struct {
	Name    string // the job's dataset name
	Kind    *Kind
	Path    string
	Mapped  []bool // by field position: the file supplies this field
	Records []Record
	Read    int // data rows read
	Rejects int // rows rejected (written to the rejects sink)
	Header  []string
}

// Has reports whether the dataset supplies the named field.
func (d *Dataset) Has(field string) bool {
	i := d.Kind.Field(field)
	return i >= 0 && d.Mapped[i]
}

// Value returns the canonical text of field for record i ("" when absent).
func (d *Dataset) Value(i int, field string) string {
	j := d.Kind.Field(field)
	if j < 0 {
		return ""
	}
	return d.Records[i].Value(j)
}
