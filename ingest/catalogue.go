package ingest

import "sort"

// Type says how a field's text is checked and turned into canonical text.
type Type uint8

// The field types. Canonical text is what [Record.Value] gives.
const (
	Text     Type = iota // free text, trimmed, inner spaces collapsed
	Ref                  // a reference: text, leading zeros kept, never a number
	NameText             // part of a person's name: text, also normalised into Person
	Date                 // a day-first date; canonical yyyy-mm-dd
	Money                // an amount; canonical integer pence ("" when unknown)
	NINumber             // a National Insurance number; normalised, invalid kept and flagged
	Postcode             // a UK postcode; normalised, a non-UK value kept as text and flagged
	SortCode             // a bank sort code: six digits as text
	Account              // a bank account number: digits as text
	Flag                 // a yes/no flag: canonical Y or N
	UPRN                 // a Unique Property Reference Number: digits as text
)

var typeNames = [...]string{"text", "ref", "name", "date", "money", "ni_number", "postcode", "sort_code", "account", "flag", "uprn"}

// String names the type as the documentation does.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// Entity says what a dataset's records describe, which decides the
// comparisons that can be made between them.
type Entity uint8

const (
	// PersonEntity records describe a person (with an address).
	PersonEntity Entity = iota
	// SupplierEntity records describe a supplier (creditor standing data).
	SupplierEntity
	// PaymentEntity records describe one payment to a supplier.
	PaymentEntity
)

// Field is one canonical field of a dataset kind.
type Field struct {
	Name     string   // canonical name, used in job files (`columns:`) and outputs
	Type     Type     // how the value is parsed
	Required bool     // a row without a usable value is rejected
	Synonyms []string // header names that map to this field without a `columns:` entry (compared case- and punctuation-insensitively)
}

// Kind is one entry of the dataset catalogue.
type Kind struct {
	Name   string // the job file's `kind:`
	Title  string // for people reading reports
	Entity Entity
	Fields []Field
	// NeedsOneOf lists fields of which at least one must have a value for a
	// row to be usable (a person needs a name or an identifying number).
	NeedsOneOf []string
	index      map[string]int
}

// Field returns the position of the named field in Fields, or -1.
func (k *Kind) Field(name string) int {
	if i, ok := k.index[name]; ok {
		return i
	}
	return -1
}

// personFields are the fields every person dataset has. ref is the column
// named by the job's `key:`.
func personFields() []Field {
	return []Field{
		{Name: "ref", Type: Ref, Required: true},
		{Name: "title", Type: NameText, Synonyms: []string{"salutation", "name title"}},
		{Name: "forenames", Type: NameText, Synonyms: []string{"forename", "first name", "first names", "firstname", "given name", "given names", "given_name", "christian name"}},
		{Name: "middle_names", Type: NameText, Synonyms: []string{"middle name", "middle", "middlename", "other forenames", "second name"}},
		{Name: "surname", Type: NameText, Synonyms: []string{"last name", "lastname", "family name", "family_name"}},
		{Name: "sex", Type: Text, Synonyms: []string{"gender"}},
		{Name: "dob", Type: Date, Synonyms: []string{"date of birth", "birth date", "birthdate", "date_of_birth", "d.o.b."}},
		{Name: "ni_number", Type: NINumber, Synonyms: []string{"ni number", "ni no", "nino", "national insurance number", "ni"}},
		{Name: "other_id", Type: Ref, Synonyms: []string{"other id", "id number"}},
		{Name: "address_1", Type: Text, Synonyms: []string{"address line 1", "address 1", "addr1", "address1"}},
		{Name: "address_2", Type: Text, Synonyms: []string{"address line 2", "address 2", "addr2", "address2"}},
		{Name: "address_3", Type: Text, Synonyms: []string{"address line 3", "address 3", "addr3", "address3"}},
		{Name: "address_4", Type: Text, Synonyms: []string{"address line 4", "address 4", "addr4", "address4"}},
		{Name: "address_5", Type: Text, Synonyms: []string{"address line 5", "address 5", "addr5", "address5"}},
		{Name: "town", Type: Text, Synonyms: []string{"post town", "city", "suburb"}},
		{Name: "postcode", Type: Postcode, Synonyms: []string{"post code", "postal code", "post_code", "pcode"}},
		{Name: "uprn", Type: UPRN, Synonyms: []string{"unique property reference number", "property reference"}},
		{Name: "sort_code", Type: SortCode, Synonyms: []string{"sort code", "bank sort code", "sortcode"}},
		{Name: "account_number", Type: Account, Synonyms: []string{"account number", "account no", "bank account", "bank account number", "account"}},
		{Name: "phone", Type: Text, Synonyms: []string{"telephone", "phone number", "tel"}},
		{Name: "email", Type: Text, Synonyms: []string{"email address", "e-mail"}},
	}
}

func person(name, title string, extra ...Field) Kind {
	return Kind{Name: name, Title: title, Entity: PersonEntity, Fields: append(personFields(), extra...), NeedsOneOf: []string{"surname", "forenames", "ni_number", "other_id"}}
}

// kinds is the dataset catalogue as data: one entry per kind. Add a kind or a
// field here and nowhere else.
func kinds() []Kind {
	return []Kind{
		person("person", "Person list (any)"),
		person("payroll", "Payroll",
			Field{Name: "start_date", Type: Date, Synonyms: []string{"start date", "date started", "employment start"}},
			Field{Name: "leave_date", Type: Date, Synonyms: []string{"leave date", "date left", "leaving date", "end date"}},
			Field{Name: "gross_pay", Type: Money, Synonyms: []string{"gross pay", "gross pay to date", "gross"}},
		),
		person("pensions", "Pensions",
			Field{Name: "pension_start", Type: Date, Synonyms: []string{"pension start", "pension start date", "date pension started"}},
			Field{Name: "pension_end", Type: Date, Synonyms: []string{"pension end", "pension end date", "date pension ended", "date ceased"}},
			Field{Name: "pension_amount", Type: Money, Synonyms: []string{"pension amount", "amount", "annual pension"}},
		),
		person("deceased", "Deceased persons (reference data)",
			Field{Name: "date_of_death", Type: Date, Required: true, Synonyms: []string{"date of death", "dod", "death date"}},
		),
		person("blue_badge", "Blue badge holders",
			Field{Name: "badge_number", Type: Ref, Synonyms: []string{"badge number", "badge no"}},
			Field{Name: "expiry_date", Type: Date, Synonyms: []string{"expiry date", "expiry", "date of expiry", "expires"}},
		),
		person("housing_tenants", "Housing tenants",
			Field{Name: "tenancy_start", Type: Date, Synonyms: []string{"tenancy start", "tenancy start date", "start date"}},
			Field{Name: "tenancy_end", Type: Date, Synonyms: []string{"tenancy end", "tenancy end date", "end date"}},
		),
		person("electoral_register", "Electoral register",
			Field{Name: "attainment_date", Type: Date, Synonyms: []string{"attainment date", "date of attainment", "attainer date"}},
		),
		person("waiting_list", "Housing waiting list applicants",
			Field{Name: "application_date", Type: Date, Synonyms: []string{"application date", "date applied", "registration date"}},
		),
		person("housing_benefit", "Housing benefit and council tax reduction claimants",
			Field{Name: "claim_start", Type: Date, Synonyms: []string{"claim start", "claim start date", "date of claim"}},
			Field{Name: "claim_end", Type: Date, Synonyms: []string{"claim end", "claim end date"}},
		),
		person("council_tax", "Council tax (the liable person)",
			Field{Name: "spd_flag", Type: Flag, Synonyms: []string{"spd", "single person discount", "spd flag"}},
			Field{Name: "discount_start", Type: Date, Synonyms: []string{"discount start", "discount start date"}},
			Field{Name: "discount_end", Type: Date, Synonyms: []string{"discount end", "discount end date"}},
		),
		{Name: "creditors", Title: "Trade creditors (standing data)", Entity: SupplierEntity, NeedsOneOf: []string{"supplier_name"}, Fields: []Field{
			{Name: "ref", Type: Ref, Required: true},
			{Name: "supplier_name", Type: Text, Synonyms: []string{"supplier name", "creditor name", "name", "supplier"}},
			{Name: "address_1", Type: Text, Synonyms: []string{"address line 1", "address 1", "addr1", "address1"}},
			{Name: "address_2", Type: Text, Synonyms: []string{"address line 2", "address 2", "addr2", "address2"}},
			{Name: "address_3", Type: Text, Synonyms: []string{"address line 3", "address 3", "addr3", "address3"}},
			{Name: "address_4", Type: Text, Synonyms: []string{"address line 4", "address 4", "addr4", "address4"}},
			{Name: "address_5", Type: Text, Synonyms: []string{"address line 5", "address 5", "addr5", "address5"}},
			{Name: "town", Type: Text, Synonyms: []string{"post town", "city"}},
			{Name: "postcode", Type: Postcode, Synonyms: []string{"post code", "postal code", "post_code"}},
			{Name: "sort_code", Type: SortCode, Synonyms: []string{"sort code", "bank sort code", "sortcode"}},
			{Name: "account_number", Type: Account, Synonyms: []string{"account number", "account no", "bank account", "bank account number"}},
			{Name: "vat_number", Type: Ref, Synonyms: []string{"vat number", "vat no", "vat reg no", "vat registration number"}},
			{Name: "company_number", Type: Ref, Synonyms: []string{"company number", "company no", "companies house number", "company reg no"}},
		}},
		{Name: "creditor_payments", Title: "Trade creditor payment history", Entity: PaymentEntity, NeedsOneOf: []string{"amount"}, Fields: []Field{
			{Name: "ref", Type: Ref, Required: true},
			{Name: "creditor_ref", Type: Ref, Required: true, Synonyms: []string{"creditor ref", "creditor reference", "supplier ref", "supplier number", "vendor number"}},
			{Name: "invoice_number", Type: Ref, Synonyms: []string{"invoice number", "invoice no", "supplier invoice number", "invoice ref"}},
			{Name: "invoice_date", Type: Date, Synonyms: []string{"invoice date"}},
			{Name: "amount", Type: Money, Synonyms: []string{"amount", "total", "invoice amount", "gross amount", "total including vat"}},
			{Name: "payment_date", Type: Date, Synonyms: []string{"payment date", "date paid"}},
			{Name: "payment_reference", Type: Ref, Synonyms: []string{"payment reference", "payment ref", "remittance reference"}},
		}},
	}
}

// Catalogue is the dataset catalogue: every kind nfi knows, in a fixed
// order. Each call builds a fresh copy, so callers may keep and index it.
func Catalogue() []*Kind {
	ks := kinds()
	out := make([]*Kind, len(ks))
	for i := range ks {
		k := &ks[i]
		k.index = make(map[string]int, len(k.Fields))
		for j, f := range k.Fields {
			k.index[f.Name] = j
		}
		out[i] = k
	}
	return out
}

// LookupKind returns the catalogue entry for name.
func LookupKind(name string) (*Kind, bool) {
	for _, k := range Catalogue() {
		if k.Name == name {
			return k, true
		}
	}
	return nil, false
}

// KindNames lists the catalogue's kind names, sorted, for error hints.
func KindNames() []string {
	var names []string
	for _, k := range kinds() {
		names = append(names, k.Name)
	}
	sort.Strings(names)
	return names
}
