package ingest

import (
	"testing"

	"github.com/nfi-engine/nfi/ingest/normal"
)

// BenchmarkParseRow times turning one payroll row into a Record: typed
// values, the normalised name, nickname groups, phonetic keys, the parsed
// address. Figures per row. It allocates nothing: the passing strings and
// word lists reuse the Scratch's memory, and the record's two packed
// strings (its values and its normalised forms) are carved from the
// Scratch's lasting arena, which allocates a 64 KiB block every few
// hundred rows.
func BenchmarkParseRow(b *testing.B) {
	kind, _ := LookupKind("payroll")
	header := []string{"Employee No", "Title", "Forename", "Surname", "Date of Birth", "NI Number", "Address 1", "Address 2", "Post Code", "Gross Pay"}
	m, err := NewMapping(kind, header, "Employee No", nil)
	if err != nil {
		b.Fatal(err)
	}
	p, err := NewParser(m, "payroll.csv", ParseOptions{DateFormat: "dd/mm/yyyy", MoneyUnit: "pounds", Nicknames: normal.NewNicknames()}, nil)
	if err != nil {
		b.Fatal(err)
	}
	row := []string{"E001", "Mr", "William", "Hartley", "05/03/1956", "AB 12 34 56 C", "Flat 2, 14 High Street", "Leeds", "ls1 4ap", "1,234.50"}
	var rec Record
	var sc Scratch
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := p.Parse(&sc, 2, row, &rec); err != nil {
			b.Fatal(err)
		}
	}
}
