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
