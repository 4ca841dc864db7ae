package ingest

import (
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

// The packed values: a byte giving the number of fields, a byte giving the
// width of each offset (2, or 4 when the texts pass 64 KiB), the offset
// where each field's text ends, then the texts one after another. A
// million records' values are then one allocation and one pointer each,
// where a slice of strings took one of each a field: a third of the memory
// and of the collector's work.

// Value returns the canonical text of field i, by position in the kind's
// Fields ("" when blank, not mapped or out of range).
func (r *Record) Value(i int) string {
	s := r.values
	if len(s) < 2 || i < 0 || i >= int(s[0]) {
		return ""
	}
	n, w := int(s[0]), int(s[1])
	end := func(j int) int {
		if j < 0 {
			return 0
		}
		o := 2 + j*w
		if w == 2 {
			return int(s[o]) | int(s[o+1])<<8
		}
		return int(s[o]) | int(s[o+1])<<8 | int(s[o+2])<<16 | int(s[o+3])<<24
	}
	texts := 2 + n*w
	return s[texts+end(i-1) : texts+end(i)]
}

// NumValues is the number of fields the record holds values for: its kind's
// Fields, or 0 for a record never filled.
func (r *Record) NumValues() int {
	if len(r.values) < 2 {
		return 0
	}
	return int(r.values[0])
}

// SetValues stores the canonical text of each field, by position in the
// kind's Fields (at most 255 of them), packed into one string.
func (r *Record) SetValues(vs []string) {
	if len(vs) > 255 {
		panic("ingest: a record holds at most 255 fields")
	}
	total := 0
	for _, v := range vs {
		total += len(v)
	}
	w := 2
	if total > 0xFFFF {
		w = 4
	}
	var scratch [1024]byte
	b := scratch[:0]
	if need := 2 + len(vs)*w + total; need > len(scratch) {
		b = make([]byte, 0, need)
	}
	b = append(b, byte(len(vs)), byte(w))
	end := 0
	for _, v := range vs {
		end += len(v)
		b = append(b, byte(end), byte(end>>8))
		if w == 4 {
			b = append(b, byte(end>>16), byte(end>>24))
		}
	}
	for _, v := range vs {
		b = append(b, v...)
	}
	r.values = string(b)
}

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
	return d.Records[i].Value(j)
}
