package normal

import "testing"

func TestParseCompany(t *testing.T) {
	tests := []struct {
		in             string
		name, core, ta string
	}{
		{"The Acme Co. Ltd", "ACME CO LTD", "ACME", ""},
		{"ACME COMPANY LIMITED", "ACME CO LTD", "ACME", ""},
		{"Smith & Sons Ltd T/A Quickfix", "SMITH AND SONS LTD", "SMITH SONS", "QUICKFIX"},
		{"Smith and Sons Limited", "SMITH AND SONS LTD", "SMITH SONS", ""},
		{"Bright Sparks Electrical Services (Leeds) Ltd", "BRIGHT SPARKS ELECTRICAL SERVICES LEEDS LTD", "BRIGHT SPARKS ELECTRICAL LEEDS", ""},
		{"Café Nero Ltd trading as Nero", "CAFE NERO LTD", "CAFE NERO", "NERO"},
		{"", "", "", ""},
		{"Ltd", "LTD", "LTD", ""},
	}
	for _, tt := range tests {
		c := ParseCompany(tt.in)
		if c.Name != tt.name || c.Core != tt.core || c.TradingAs != tt.ta {
			t.Errorf("ParseCompany(%q) = %+v, want name %q core %q trading as %q", tt.in, c, tt.name, tt.core, tt.ta)
		}
	}
}

func TestInvoiceNumber(t *testing.T) {
	tests := []struct{ in, alnum, digits string }{
		{"INV-00123", "INV00123", "123"},
		{"inv00123", "INV00123", "123"},
		{"123", "123", "123"},
		{"000", "000", ""},
		{"A/B 10-20", "AB1020", "1020"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if a, d := InvoiceNumber(tt.in); a != tt.alnum || d != tt.digits {
			t.Errorf("InvoiceNumber(%q) = %q, %q; want %q, %q", tt.in, a, d, tt.alnum, tt.digits)
		}
	}
}

func FuzzParseCompany(f *testing.F) {
	for _, s := range []string{"The Acme Co. Ltd", "Smith & Sons T/A X", " T/A ", "T/A", "x TA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := ParseCompany(s)
		if again := ParseCompany(c.Name); again.Name != c.Name {
			t.Errorf("not idempotent: %q -> %q -> %q", s, c.Name, again.Name)
		}
	})
}

// messyCompanies are supplier names and invoice numbers in the shapes a
// creditors file gives them: legal forms in every spelling, "trading as",
// accents, punctuation, names of legal words only, blank.
var messyCompanies = []string{
	"The Acme Co. Ltd", "Smith & Sons Ltd T/A Quickfix", "ACME COMPANY LIMITED", "Café Nero Ltd trading as Nero",
	"Søren Straße Bros + Co (UK) Holdings plc", "Łódź Trading As Ltd TA Ønsker International Inc.", "", "   ", "Ltd",
	"The Limited Company", "the the services group t/a", "T/A", "x TA", "The", "THE THE", "Acme", "INV-00123",
	"inv00123", "000", "A/B 10-20", "Ïnv–0042", "½ price ﬁtters Ltd", "\xff\xfeBad UTF-8 Ltd", "0012 T/AS 0034",
}

// TestScratchCompanyAgrees checks that one Scratch, reused name after name
// as the parser reuses it, gives what the package functions give.
func TestScratchCompanyAgrees(t *testing.T) {
	var sc Scratch
	for round := range 2 {
		for _, s := range messyCompanies {
			sc.Reset()
			if got, want := sc.ParseCompany(s), ParseCompany(s); got != want {
				t.Errorf("round %d: Scratch.ParseCompany(%q) = %+v, ParseCompany %+v", round, s, got, want)
			}
			a, d := sc.InvoiceNumber(s)
			if wa, wd := InvoiceNumber(s); a != wa || d != wd {
				t.Errorf("round %d: Scratch.InvoiceNumber(%q) = %q, %q; InvoiceNumber %q, %q", round, s, a, d, wa, wd)
			}
		}
	}
}

// TestScratchCompanyAllocs checks that a reused Scratch normalises company
// names and invoice numbers without allocating: the word tables are built
// once, not at each call.
func TestScratchCompanyAllocs(t *testing.T) {
	var sc Scratch
	run := func() {
		for _, s := range messyCompanies {
			sc.Reset()
			_ = sc.ParseCompany(s)
			_, _ = sc.InvoiceNumber(s)
		}
	}
	run()
	if n := testing.AllocsPerRun(100, run); n != 0 {
		t.Errorf("a reused Scratch allocated %v times for %d names, want 0", n, len(messyCompanies))
	}
}

// BenchmarkParseCompany times the package function (its own Scratch, and
// word tables, each call) and a reused Scratch, as the parser runs it.
func BenchmarkParseCompany(b *testing.B) {
	b.Run("func", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = ParseCompany("Smith & Sons Ltd T/A Quickfix")
		}
	})
	b.Run("scratch", func(b *testing.B) {
		var sc Scratch
		b.ReportAllocs()
		for b.Loop() {
			sc.Reset()
			_ = sc.ParseCompany("Smith & Sons Ltd T/A Quickfix")
		}
	})
}
