package ingest

import (
	"fmt"
	"reflect"
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

// TestParseRowAllocs checks that parsing a person row with a warm Scratch
// allocates nothing (the lasting arena's blocks, one every few hundred
// rows, round to none a row).
func TestParseRowAllocs(t *testing.T) {
	p := payrollParser(t)
	var sc Scratch
	var rec Record
	i := 0
	parse := func() {
		if err := p.Parse(&sc, 2, messyRows[i%len(messyRows)], &rec); err != nil {
			t.Fatal(err)
		}
		i++
	}
	for range 100 {
		parse()
	}
	if n := testing.AllocsPerRun(1000, parse); n != 0 {
		t.Errorf("parsing a row allocated %v times, want 0", n)
	}
}

// TestParseFlag checks the spellings of a yes/no flag, in any case, and
// that anything else is kept and flagged invalid.
func TestParseFlag(t *testing.T) {
	kind, _ := LookupKind("council_tax")
	m, err := NewMapping(kind, []string{"Account Ref", "Surname", "SPD"}, "Account Ref", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewParser(m, "ctax.csv", ParseOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fi := kind.Field("spd_flag")
	tests := []struct {
		in, want string
		valid    bool
	}{
		{"Y", "Y", true}, {"yes", "Y", true}, {"True", "Y", true}, {"t", "Y", true}, {"1", "Y", true},
		{"N", "N", true}, {"no", "N", true}, {"FALSE", "N", true}, {"f", "N", true}, {"0", "N", true},
		{"", "", true}, {"maybe", "maybe", false}, {"yes please", "yes please", false}, {"2", "2", false},
	}
	for _, tt := range tests {
		var r Record
		if err := p.Parse(nil, 2, []string{"A1", "SMITH", tt.in}, &r); err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got, valid := r.Value(fi), r.Invalid&(1<<uint(fi)) == 0; got != tt.want || valid != tt.valid {
			t.Errorf("flag %q = %q (valid %v), want %q (valid %v)", tt.in, got, valid, tt.want, tt.valid)
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

// TestMetaCache checks that a cached key equals the encoder's, whether the
// name is new or held, that neither a held name nor its key is written
// over when the row's memory is reused, and that the cache stops growing
// at metaCacheMax while still giving the right keys.
func TestMetaCache(t *testing.T) {
	tests := []struct{ name, want string }{
		{"SMITH", "SM0"}, {"SCHMIDT", "XMT"}, {"WILLIAMS", "ALMS"}, {"THOMAS", "TMS"},
		{"JACKSON", "JKSN"}, {"", ""}, {"O BRIEN", "APRN"}, {"ZOE", "S"},
	}
	var c metaCache
	var temp arena.Arena
	for round := range 3 {
		for _, tt := range tests {
			temp.Reset()
			name := temp.Copy(tt.name) // the name in passing memory, as the parser's are
			if got := c.primary(&temp, name); got != tt.want {
				t.Errorf("round %d: %q = %q, want %q", round, tt.name, got, tt.want)
			}
			temp.Reset()
			_ = temp.String(append(temp.Append(64), strings.Repeat("#", 64)...)) // write over the row's memory
		}
	}
	for i := range metaCacheMax + 1000 {
		temp.Reset()
		name := fmt.Sprintf("NAME%c%c%d", 'A'+i%26, 'A'+i/26%26, i)
		want, _ := phonetic.DoubleMetaphone(name)
		if got := c.primary(&temp, name); got != want {
			t.Fatalf("%q = %q, want %q", name, got, want)
		}
	}
	if n := len(c.keys); n != metaCacheMax {
		t.Errorf("cache holds %d names, want at most %d", n, metaCacheMax)
	}
	for _, tt := range tests { // still held, still right
		if got := c.primary(&temp, tt.name); got != tt.want {
			t.Errorf("after filling: %q = %q, want %q", tt.name, got, tt.want)
		}
	}
}
