package ingest

import (
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Record is one accepted row of a dataset.
type Record struct {
	// Line is the line of the source file where the row starts.
	Line int
	// Values holds the canonical text of each field, by position in the
	// kind's Fields ("" when blank or not mapped).
	Values []string
	// Invalid has bit i set when field i held a value that did not parse:
	// the value is kept as cleaned text in Values and counted, not dropped.
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
func (r *Record) Ref() string { return r.Values[0] }

// Person holds the normalised forms that person matching compares. Every
// string is upper-case ASCII.
type Person struct {
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
	return d.Records[i].Values[j]
}
