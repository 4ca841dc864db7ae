package ingest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/arena"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/phonetic"
)

// payrollParser maps the payroll header the tests below use.
func payrollParser(t testing.TB) *Parser {
	t.Helper()
	kind, _ := LookupKind("payroll")
	header := []string{"Employee No", "Title", "Forename", "Surname", "Date of Birth", "NI Number", "Address 1", "Address 2", "Post Code", "Gross Pay", "Sort Code", "Account"}
	m, err := NewMapping(kind, header, "Employee No", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewParser(m, "payroll.csv", ParseOptions{DateFormat: "dd/mm/yyyy", MoneyUnit: "pounds", Nicknames: normal.NewNicknames()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// messyRows are payroll rows with the text that makes the normalisers
// build new strings: lower case, accents, apostrophes, hyphens, particles,
// Mac names, flats, number ranges, spaced NI numbers and sort codes.
var messyRows = [][]string{
	{"E001", "Mr", "William", "Hartley", "05/03/1956", "AB 12 34 56 C", "Flat 2, 14 High Street", "Leeds", "ls1 4ap", "1,234.50", "20-00-00", "1234 5678"},
	{"E002", "", "mary-jane", "O'Brien-Smith", "1/2/1970", "ab123456c", "Ground Floor Flat, 3 - 5 Mill Lane", "", "SW1A1AA", "99", "200000", "12345678"},
	{"E003", "Dr", "Zoë", "van der Berg", "31/12/1999", "QQ 12 34 56 A", "Rose Cottage", "St John's Road", "M1 1AA", "0.01", "", ""},
	{"E004", "", "J.R.", "Mackenzie", "", "TN 31 12 99 M", "2/14 High St", "Oxford", "ox1  2jd", "", "20 00 00", ""},
	{"E005", "Mrs", "Kate", "MacDonald Jr", "29/02/1984", "", "14 A North Road", "Stoke-on-Trent", "not known", "12", "", "87654321"},
	{"E006", "", "Søren", "Straße", "01/01/1950", "AB123456", "Apartment 4B, 22-24 Queen's Avenue", "", "EC1A 1BB", "5", "", ""},
}

// TestScratchRecordsIndependent parses many rows with one Scratch and
// checks each record against the same row parsed on its own: strings
// carved from a shared arena must never be written over by later rows.
func TestScratchRecordsIndependent(t *testing.T) {
	p := payrollParser(t)
	var sc Scratch
	var got []Record
	for i := 0; i < 2000; i++ {
		row := append([]string(nil), messyRows[i%len(messyRows)]...)
		row[0] = fmt.Sprintf("E%05d", i)
		var r Record
		if err := p.Parse(&sc, i+2, row, &r); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		got = append(got, r)
	}
	for i, r := range got {
		row := append([]string(nil), messyRows[i%len(messyRows)]...)
		row[0] = fmt.Sprintf("E%05d", i)
		var want Record
		if err := p.Parse(nil, i+2, row, &want); err != nil {
			t.Fatal(err)
		}
		for f := 0; f < want.NumValues(); f++ {
			if r.Value(f) != want.Value(f) {
				t.Fatalf("record %d field %d: %q, want %q", i, f, r.Value(f), want.Value(f))
			}
		}
		if a, b := r.Person.Forms(), want.Person.Forms(); !reflect.DeepEqual(a, b) {
			t.Fatalf("record %d person forms:\n got %+v\nwant %+v", i, a, b)
		}
	}
}

// rowKind is a kind of row the tests and benchmarks parse: its parser and
// messy rows of it.
type rowKind struct {
	name   string
	parser func(testing.TB) *Parser
	rows   [][]string
}

// rowKinds lists the creditor and payment rows, after the person (payroll)
// rows when person is true.
func rowKinds(person bool) []rowKind {
	kinds := []rowKind{
		{"creditor", creditorParser, messyCreditorRows},
		{"payment", paymentParser, messyPaymentRows},
	}
	if person {
		kinds = append([]rowKind{{"payroll", payrollParser, messyRows}}, kinds...)
	}
	return kinds
}

// TestParseRowAllocs checks that parsing a row with a warm Scratch
// allocates nothing, for a person, a creditor and a payment row (the
// lasting arena's blocks and the Supplier and Payment chunks, one every
// few hundred rows, round to none a row).
func TestParseRowAllocs(t *testing.T) {
	for _, tt := range rowKinds(true) {
		p := tt.parser(t)
		var sc Scratch
		var rec Record
		i := 0
		parse := func() {
			if err := p.Parse(&sc, 2, tt.rows[i%len(tt.rows)], &rec); err != nil {
				t.Fatal(err)
			}
			i++
		}
		for range 100 {
			parse()
		}
		if n := testing.AllocsPerRun(1000, parse); n != 0 {
			t.Errorf("parsing a %s row allocated %v times, want 0", tt.name, n)
		}
	}
}

// TestScratchEntityRecordsIndependent is TestScratchRecordsIndependent for
// creditor and payment rows: many messy rows parsed with one Scratch give,
// once all are parsed, the records each row gives parsed on its own, so
// that no later row wrote over an earlier record's strings or struct.
func TestScratchEntityRecordsIndependent(t *testing.T) {
	for _, tt := range rowKinds(false) {
		p := tt.parser(t)
		row := func(i int) []string {
			r := append([]string(nil), tt.rows[i%len(tt.rows)]...)
			r[0] = fmt.Sprintf("X%05d", i)
			return r
		}
		var sc Scratch
		var got []Record
		for i := range 2000 {
			var r Record
			if err := p.Parse(&sc, i+2, row(i), &r); err != nil {
				t.Fatalf("%s row %d: %v", tt.name, i, err)
			}
			got = append(got, r)
		}
		for i, r := range got {
			var want Record
			if err := p.Parse(nil, i+2, row(i), &want); err != nil {
				t.Fatal(err)
			}
			for f := 0; f < want.NumValues(); f++ {
				if r.Value(f) != want.Value(f) {
					t.Fatalf("%s record %d field %d: %q, want %q", tt.name, i, f, r.Value(f), want.Value(f))
				}
			}
			if !reflect.DeepEqual(r.Supplier, want.Supplier) || !reflect.DeepEqual(r.Payment, want.Payment) {
				t.Fatalf("%s record %d:\n got %+v %+v\nwant %+v %+v", tt.name, i, r.Supplier, r.Payment, want.Supplier, want.Payment)
			}
		}
		if tt.name == "creditor" && got[0].Supplier == got[1].Supplier || tt.name == "payment" && got[0].Payment == got[1].Payment {
			t.Errorf("%s: two records share one struct", tt.name)
		}
	}
}

// TestParseEntityForms checks the normalised forms of the messy creditor
// and payment rows against what the normalisers give: the company name,
// VAT number without GB, company number padded to eight, the invoice
// number's two forms, the first valid date.
func TestParseEntityForms(t *testing.T) {
	cp, pp := creditorParser(t), paymentParser(t)
	var sc Scratch
	sups := []struct {
		row                    int
		name, core, ta         string
		postcode, vat, company string
	}{
		{0, "ACME CO LTD", "ACME", "", "LS1 4AP", "123456789", "01234567"},
		// A prefixed number is padded after its prefix, as Companies House
		// writes it.
		{1, "SMITH AND SONS LTD", "SMITH SONS", "QUICKFIX", "SW1A 1AA", "123456789", "SC012345"},
		{2, "ACME CO LTD", "ACME", "", "NOT KNOWN", "", ""},
		{4, "LTD", "LTD", "", "M1 1AA", "", "00012345"},
		{5, "SOREN STRASSE BROS AND CO UK HOLDINGS PLC", "SOREN STRASSE BROS", "", "OX1 2JD", "12Ä34", "AB0123Ü"},
		{6, "LTD CO", "LTD CO", "", "N/A", "", "123456789"},
	}
	for _, tt := range sups {
		var r Record
		if err := cp.Parse(&sc, 2, messyCreditorRows[tt.row], &r); err != nil {
			t.Fatal(err)
		}
		s := r.Supplier
		if s.Company.Name != tt.name || s.Company.Core != tt.core || s.Company.TradingAs != tt.ta ||
			s.Postcode.Full != tt.postcode || s.VAT != tt.vat || s.CompanyNo != tt.company {
			t.Errorf("creditor row %d: %+v %q %q %q", tt.row, s.Company, s.Postcode.Full, s.VAT, s.CompanyNo)
		}
	}
	pays := []struct {
		row             int
		invoice, digits string
		date            string
		amount          int64
	}{
		{0, "INV00123", "123", "2024-04-01", 123450},
		{1, "INV00123", "123", "2024-05-01", 9900},
		{2, "000", "", "2023-12-31", 1},
		{3, "AB1020", "1020", "", -1200},
		{5, "INV0042", "42", "2024-02-29", 1200},
	}
	for _, tt := range pays {
		var r Record
		if err := pp.Parse(&sc, 2, messyPaymentRows[tt.row], &r); err != nil {
			t.Fatal(err)
		}
		pm := r.Payment
		date := ""
		if !pm.Date.IsZero() {
			date = pm.Date.String()
		}
		if pm.Invoice != tt.invoice || pm.InvoiceDigits != tt.digits || date != tt.date || pm.Amount != tt.amount || !pm.HasAmount {
			t.Errorf("payment row %d: %+v (date %q)", tt.row, pm, date)
		}
	}
}

// TestUpper checks upper against strings.ToUpper, on ASCII, letters
// outside ASCII whose upper case is shorter or longer, and invalid UTF-8.
func TestUpper(t *testing.T) {
	for _, s := range []string{"", "ABC 123", "abc", "GB 12ä 34", "ß", "ı", "ɐ", "straße", "\xff\xfeab", "A\xc3", "ǆ ǅ", "Zoë"} {
		var a arena.Arena
		if got, want := upper(&a, s), strings.ToUpper(s); got != want {
			t.Errorf("upper(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzUpper checks upper against strings.ToUpper on any text.
func FuzzUpper(f *testing.F) {
	for _, s := range []string{"abc", "GB 12ä 34", "ɐ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a arena.Arena
		if got, want := upper(&a, s), strings.ToUpper(s); got != want {
			t.Errorf("upper(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestParseFlagAndUPRN checks the spellings of a yes/no flag, in any case,
// that a UPRN loses its leading zeros (one of zeros alone is blank), and
// that anything else is kept and flagged invalid.
func TestParseFlagAndUPRN(t *testing.T) {
	kind, _ := LookupKind("council_tax")
	m, err := NewMapping(kind, []string{"Account Ref", "Surname", "SPD", "UPRN"}, "Account Ref", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewParser(m, "ctax.csv", ParseOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		field, in, want string
		valid           bool
	}{
		{"spd_flag", "Y", "Y", true}, {"spd_flag", "yes", "Y", true}, {"spd_flag", "True", "Y", true},
		{"spd_flag", "t", "Y", true}, {"spd_flag", "1", "Y", true},
		{"spd_flag", "N", "N", true}, {"spd_flag", "no", "N", true}, {"spd_flag", "FALSE", "N", true},
		{"spd_flag", "f", "N", true}, {"spd_flag", "0", "N", true},
		{"spd_flag", "", "", true}, {"spd_flag", "maybe", "maybe", false}, {"spd_flag", "yes please", "yes please", false},
		{"spd_flag", "2", "2", false},
		{"uprn", "10707502192", "10707502192", true}, {"uprn", "00123", "123", true}, {"uprn", "0", "", true},
		{"uprn", "000", "", true}, {"uprn", " 0100 ", "100", true}, {"uprn", "", "", true},
		{"uprn", "12a", "12a", false}, {"uprn", "0x1", "0x1", false},
	}
	for _, tt := range tests {
		row := []string{"A1", "SMITH", "", ""}
		row[m.Col[kind.Field(tt.field)]] = tt.in
		var r Record
		if err := p.Parse(nil, 2, row, &r); err != nil {
			t.Fatalf("%s %q: %v", tt.field, tt.in, err)
		}
		fi := kind.Field(tt.field)
		if got, valid := r.Value(fi), r.Invalid&(1<<uint(fi)) == 0; got != tt.want || valid != tt.valid {
			t.Errorf("%s %q = %q (valid %v), want %q (valid %v)", tt.field, tt.in, got, valid, tt.want, tt.valid)
		}
	}
}

// TestMetaCacheAgrees parses many rows whose names repeat with one
// Scratch, so that most phonetic keys come from its cache, and checks each
// record's forms against the same row parsed with a Scratch of its own
// (an empty cache).
func TestMetaCacheAgrees(t *testing.T) {
	p := payrollParser(t)
	rows := append(payrollRows(3000), messyRows...)
	var sc Scratch
	for i, row := range rows {
		var got, want Record
		if err := p.Parse(&sc, i+2, row, &got); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if err := p.Parse(nil, i+2, row, &want); err != nil {
			t.Fatal(err)
		}
		if a, b := got.Person.Forms(), want.Person.Forms(); !reflect.DeepEqual(a, b) {
			t.Fatalf("row %d person forms:\n got %+v\nwant %+v", i, a, b)
		}
	}
	if n := len(sc.meta.keys); n == 0 || n > len(benchForenames)+len(benchSurnames)+2*len(messyRows) {
		t.Errorf("cache holds %d names, want one for each distinct name", n)
	}
}

// TestMetaCache checks that a cached key equals the encoder's, and the
// cached nickname groups and initials the index's, whether the name is new
// or held, that neither a held name nor its key is written over when the
// row's memory is reused, and that the cache stops growing at metaCacheMax
// while still giving the right keys.
func TestMetaCache(t *testing.T) {
	tests := []struct{ name, want string }{
		{"SMITH", "SM0"}, {"SCHMIDT", "XMT"}, {"WILLIAMS", "ALMS"}, {"THOMAS", "TMS"},
		{"JACKSON", "JKSN"}, {"", ""}, {"O BRIEN", "APRN"}, {"ZOE", "S"}, {"BILL", "PL"}, {"KATE", "KT"},
	}
	nick := normal.NewNicknames()
	var c metaCache
	var temp arena.Arena
	for round := range 3 {
		for _, tt := range tests {
			temp.Reset()
			name := temp.Copy(tt.name) // the name in passing memory, as the parser's are
			k := c.lookup(&temp, nick, name)
			if k.meta != tt.want {
				t.Errorf("round %d: %q = %q, want %q", round, tt.name, k.meta, tt.want)
			}
			if groups, initials := nick.GroupsAndInitials(tt.name); !slices.Equal(k.groups, groups) || k.initials != initials {
				t.Errorf("round %d: %q has groups %v and initials %q, want %v and %q", round, tt.name, k.groups, k.initials, groups, initials)
			}
			temp.Reset()
			_ = temp.String(append(temp.Append(64), strings.Repeat("#", 64)...)) // write over the row's memory
		}
	}
	for i := range metaCacheMax + 1000 {
		temp.Reset()
		name := fmt.Sprintf("NAME%c%c%d", 'A'+i%26, 'A'+i/26%26, i)
		want, _ := phonetic.DoubleMetaphone(name)
		if got := c.lookup(&temp, nick, name).meta; got != want {
			t.Fatalf("%q = %q, want %q", name, got, want)
		}
	}
	if n := len(c.keys); n != metaCacheMax {
		t.Errorf("cache holds %d names, want at most %d", n, metaCacheMax)
	}
	for _, tt := range tests { // still held, still right
		if got := c.lookup(&temp, nick, tt.name).meta; got != tt.want {
			t.Errorf("after filling: %q = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// entityParser maps header, keyed on its first column, for the kind named,
// with the payroll parser's options.
func entityParser(t testing.TB, kind, file string, header []string) *Parser {
	t.Helper()
	k, _ := LookupKind(kind)
	m, err := NewMapping(k, header, header[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewParser(m, file, ParseOptions{DateFormat: "dd/mm/yyyy", MoneyUnit: "pounds"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// creditorParser maps the creditors header the tests below use.
func creditorParser(t testing.TB) *Parser {
	return entityParser(t, "creditors", "creditors.csv", []string{"Supplier No", "Supplier Name", "Address 1", "Address 2",
		"Address 3", "Town", "Post Code", "Sort Code", "Account Number", "VAT Number", "Company Number"})
}

// paymentParser maps the creditor payments header the tests below use.
func paymentParser(t testing.TB) *Parser {
	return entityParser(t, "creditor_payments", "payments.csv", []string{"Payment ID", "Creditor Ref", "Invoice Number",
		"Invoice Date", "Amount", "Payment Date", "Payment Reference"})
}

// messyCreditorRows are creditors rows, in creditorParser's layout, with
// the text that makes the normalisers build new strings: legal forms in
// every spelling, "trading as", accents, only legal words, flats and
// number ranges, spaced and lower-case VAT and company numbers (one with
// letters outside ASCII), invalid postcodes and bank details.
var messyCreditorRows = [][]string{
	{"C001", "The Acme Co. Ltd", "Unit 3, Acme House", "14 High Street", "", "Leeds", "ls1 4ap", "20-00-00", "1234 5678", "GB 123 4567 89", "1234567"},
	{"C002", "Smith & Sons Ltd T/A Quickfix", "Flat 2", "3 - 5 Mill Lane", "Anytown", "", "SW1A1AA", "200000", "12345678", "gb123456789", "sc 12345"},
	{"C003", "ACME COMPANY LIMITED", "", "", "", "", "not  known", "", "", "", ""},
	{"C004", "Café Nero Ltd trading as Nero", "St John's Court", "22-24 Queen's Avenue", "Stoke-on-Trent", "", "EC1A 1BB", "20 00 00", "x", "123456789", "OC301234"},
	{"C005", "Ltd", "Rose Cottage", "Mill Lane", "", "York", "M1 1AA", "", "", "GB", "00012345"},
	{"C006", "Søren Straße Bros + Co (UK) Holdings plc", "Apartment 4B", "", "", "", "ox1  2jd", "12-34-56", "87654321", "Gb 12ä 34", "ab 123ü"},
	{"C007", "The Limited Company", "Ground Floor Flat, 2/14 High St", "", "", "", "N/A", "", "", "", "123456789"},
	{"C008", "the the services group t/a", "", "", "", "", "", "", "", "", ""},
	{"C009", "Łódź Trading As Ltd TA Ønsker International Inc.", "1 N Road", "", "", "", "gir0aa", "", "", "gb 987654321", "r"},
}

// messyPaymentRows are creditor payment rows, in paymentParser's layout,
// with invoice numbers in every shape (punctuation, lower case, leading
// zeros, all zeros, accents and dashes outside ASCII, blank), dates valid,
// impossible and absent, and amounts in pounds.
var messyPaymentRows = [][]string{
	{"P001", "C001", "INV-00123", "01/04/2024", "1,234.50", "15/04/2024", "BACS 0001"},
	{"P002", "C002", "inv00123", "", "99", "01/05/2024", ""},
	{"P003", "C003", "000", "31/12/2023", "0.01", "", "REF-3"},
	{"P004", "C004", "A/B 10-20", "not a date", "-12.00", "30/02/2024", ""},
	{"P005", "C005", "", "", "5", "", ""},
	{"P006", "C006", "Ïnv–0042", "29/02/2024", "12", "", "Ref ü"},
	{"P007", "C007", "123", "", "£1,000,000.00", "02/01/2024", ""},
}

// TestAppendCollapsed checks that runs of white space collapse to one
// space and that text with none is appended as it is.
func TestAppendCollapsed(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"HIGH STREET", "HIGH STREET"},
		{"HIGH  STREET", "HIGH STREET"},
		{"HIGH\tSTREET", "HIGH STREET"},
		{"A \r\n B", "A B"},
		{" A", " A"},     // trimmed before, as ParseValues trims: one space is left alone
		{"A\vB", "A\vB"}, // not a tab, a line break or a space: left alone
		{"A\v  B", "A B"},
		{"A\u00a0B", "A\u00a0B"},
	} {
		if got := string(appendCollapsed([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("appendCollapsed(%q) = %q, want %q", tt.in, got[1:], tt.want)
		}
	}
}

// TestUntrimmed checks that a value untrimmed passes is one that
// strings.TrimSpace leaves as it is, over every first and last byte, and
// that it passes the usual ones.
func TestUntrimmed(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			for _, s := range []string{string([]byte{byte(a)}), string([]byte{byte(a), 'x', byte(b)}), string([]byte{byte(a), 0xc2, 0xa0, byte(b)})} {
				if untrimmed(s) && strings.TrimSpace(s) != s {
					t.Fatalf("untrimmed(%q), but TrimSpace gives %q", s, strings.TrimSpace(s))
				}
			}
		}
	}
	for _, s := range []string{"E001", "Mr", "Flat 2, 14 High Street", "05/03/1956", "ls1 4ap"} {
		if !untrimmed(s) {
			t.Errorf("untrimmed(%q) = false", s)
		}
	}
	for _, s := range []string{"", " E001", "E001 ", "\tE001", "\u00a0E001", "E001\u3000"} {
		if untrimmed(s) {
			t.Errorf("untrimmed(%q) = true", s)
		}
	}
}
