package match

import (
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/value"
)

func payment(creditor, invoice string, pence int64, date string) *ingest.Record {
	p := &ingest.Payment{CreditorRef: creditor, Amount: pence, HasAmount: true}
	p.Invoice, p.InvoiceDigits = normal.InvoiceNumber(invoice)
	p.Date, _ = value.ParseISODate(date)
	return &ingest.Record{Payment: p}
}

// TestOneInvoice checks the duplicate payment requirement on the cases the
// report is about, and its look-alikes.
func TestOneInvoice(t *testing.T) {
	k := &Linker{DuplicateCreditors: map[[2]string]bool{{"CR1", "CR9"}: true}}
	one, pos := requirements()[OneInvoice], requirements()[PositiveAmounts]
	tests := []struct {
		name string
		a, b *ingest.Record
		want bool
	}{
		{"same invoice, same amount", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR1", "INV-00123", 10000, "2024-03-01"), true},
		{"keyed differently", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR1", "123", 10000, "2024-01-20"), true},
		{"two digits transposed", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR1", "INV-00132", 10000, "2024-01-05"), true},
		{"same invoice, different amounts", payment("CR1", "A77", 10000, "2024-01-01"), payment("CR1", "A77", 12000, "2024-01-02"), true},
		{"duplicate creditor record", payment("CR1", "INV-5", 500, "2024-01-01"), payment("CR9", "INV-5", 500, "2024-01-02"), true},
		{"monthly contract", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR1", "INV-00124", 10000, "2024-02-01"), false},
		{"alike but 40 days apart", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR1", "123", 10000, "2024-02-10"), false},
		{"another supplier", payment("CR1", "INV-00123", 10000, "2024-01-01"), payment("CR2", "INV-00123", 10000, "2024-01-01"), false},
	}
	for _, tt := range tests {
		if got := one(k, tt.a, tt.b) && pos(k, tt.a, tt.b); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	credit := payment("CR1", "INV-00123", -10000, "2024-01-02")
	if pos(k, payment("CR1", "INV-00123", 10000, "2024-01-01"), credit) {
		t.Errorf("a credit note counted as a duplicate payment")
	}
}

func TestSamePerson(t *testing.T) {
	nick := normal.NewNicknames()
	base := pv{"MARGARET", "JONES", "1950-04-03", "", "LS1 4AP", "3 Mill Lane", "", ""}
	tests := []struct {
		name string
		b    pv
		want bool
	}{
		{"nickname", pv{"Peggy", "Jones", "", "", "LS1 4AP", "3 Mill Lane", "", ""}, true},
		{"initial", pv{"M", "Jones", "", "", "", "", "", ""}, true},
		{"married surname", pv{"Margaret", "Smith", "1950-04-03", "", "", "", "", ""}, true},
		{"typo", pv{"Margret", "Jnoes", "", "", "", "", "", ""}, true},
		{"typo of a variant", pv{"Pegyg", "Jones", "", "", "", "", "", ""}, true},
		{"spouse", pv{"Robert", "Jones", "1948-11-20", "", "", "", "", ""}, false},
		{"daughter of the same name", pv{"Margaret", "Jones", "1975-06-01", "", "", "", "", ""}, false},
	}
	rule := NewSamePersonRule()
	a := rec(t, nick, base)
	for _, tt := range tests {
		if got := rule.Same(a, rec(t, nick, tt.b)); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
