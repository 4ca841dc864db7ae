package ingest

import "testing"

// BenchmarkParseRow times turning one payroll row into a Record: typed
// values, the normalised name, nickname groups, phonetic keys, the parsed
// address. Figures per row. It allocates nothing: the passing strings and
// word lists reuse the Scratch's memory, and the record's two packed
// strings (its values and its normalised forms) are carved from the
// Scratch's lasting arena, which allocates a 64 KiB block every few
// hundred rows.
func BenchmarkParseRow(b *testing.B) {
	p := payrollParser(b)
	row := []string{"E001", "Mr", "William", "Hartley", "05/03/1956", "AB 12 34 56 C", "Flat 2, 14 High Street", "Leeds", "ls1 4ap", "1,234.50", "20-00-00", "12345678"}
	var rec Record
	var sc Scratch
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Parse(&sc, 2, row, &rec); err != nil {
			b.Fatal(err)
		}
	}
}
