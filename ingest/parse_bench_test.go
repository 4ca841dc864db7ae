package ingest

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

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

// benchForenames and benchSurnames are the names payrollRows draws from:
// a council's extract has a few thousand distinct names, each on many
// rows, in the spellings and cases a payroll system gives them.
var (
	benchForenames = []string{"William", "Mary-Jane", "Zoë", "J.R.", "Kate", "Søren", "JOHN", "sarah", "Mohammed", "Aisha",
		"Peter", "Olivia", "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Wojciech", "Siobhan",
		"Christopher", "Elizabeth", "Bill", "Bob", "Margaret", "Thomas", "Catherine", "Niamh"}
	benchSurnames = []string{"Hartley", "O'Brien-Smith", "van der Berg", "Mackenzie", "MacDonald Jr", "Straße", "SMITH",
		"jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
		"Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
		"Khan", "Kowalski", "Nguyen", "Schmidt", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill"}
	benchStreets = []string{"High Street", "Mill Lane", "Queen's Avenue", "North Road", "St John's Road", "Church Lane", "Station Road", "Park View"}
	benchTowns   = []string{"Leeds", "Oxford", "Stoke-on-Trent", "", "Bradford", "York"}
)

// payrollRows makes n payroll rows, in payrollParser's layout, whose
// references, NI numbers, dates and addresses vary row by row while names
// repeat, as in a council's extract.
func payrollRows(n int) [][]string {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([][]string, n)
	for i := range rows {
		addr := fmt.Sprintf("%d %s", 1+rng.IntN(200), benchStreets[rng.IntN(len(benchStreets))])
		if i%7 == 0 {
			addr = "Flat " + fmt.Sprint(1+rng.IntN(9)) + ", " + addr
		}
		rows[i] = []string{
			fmt.Sprintf("E%07d", i),
			[]string{"Mr", "Mrs", "Ms", "", "Dr"}[rng.IntN(5)],
			benchForenames[rng.IntN(len(benchForenames))],
			benchSurnames[rng.IntN(len(benchSurnames))],
			fmt.Sprintf("%02d/%02d/%d", 1+rng.IntN(28), 1+rng.IntN(12), 1940+rng.IntN(60)),
			fmt.Sprintf("%c%c %02d %02d %02d %c", 'A'+rng.IntN(8), 'A'+rng.IntN(8), rng.IntN(100), rng.IntN(100), rng.IntN(100), 'A'+rng.IntN(4)),
			addr,
			benchTowns[rng.IntN(len(benchTowns))],
			fmt.Sprintf("LS%d %d%c%c", 1+rng.IntN(20), rng.IntN(10), 'A'+rng.IntN(26), 'A'+rng.IntN(26)),
			fmt.Sprintf("%d.%02d", rng.IntN(5000), rng.IntN(100)),
			fmt.Sprintf("%02d-%02d-%02d", rng.IntN(100), rng.IntN(100), rng.IntN(100)),
			fmt.Sprintf("%08d", rng.IntN(100_000_000)),
		}
	}
	return rows
}

// BenchmarkParseRows times parsing a mix of rows, as the loader does it:
// the values of a row ("values", packed into the record), then its
// normalised forms ("values+normalise"). Names repeat from row to row;
// everything else varies. Figures per row.
func BenchmarkParseRows(b *testing.B) {
	p := payrollParser(b)
	rows := payrollRows(4096)
	for _, normalise := range []bool{false, true} {
		name := "values"
		if normalise {
			name += "+normalise"
		}
		b.Run(name, func(b *testing.B) {
			var rec Record
			var sc Scratch
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := p.ParseValues(&sc, i+2, rows[i%len(rows)], &rec); err != nil {
					b.Fatal(err)
				}
				if normalise {
					p.Normalise(&sc, &rec)
				}
				i++
			}
		})
	}
}

// BenchmarkQualityAdd times counting the quality figures of a dataset of
// 200,000 parsed rows, from a new counter, as the loader counts each
// dataset: references and NI numbers all distinct (NI numbers past the
// point where the count turns to an estimate), names and towns repeating.
// Figures per dataset, and ns/record, the figures taken at the end
// included.
func BenchmarkQualityAdd(b *testing.B) {
	p := payrollParser(b)
	rows := payrollRows(200_000)
	recs := make([]Record, len(rows))
	var sc Scratch
	for i, row := range rows {
		if err := p.Parse(&sc, i+2, row, &recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	d := &Dataset{Name: "payroll", Kind: p.m.Kind, Mapped: p.m.Mapped(), Records: recs, Read: len(recs)}
	b.ReportAllocs()
	for b.Loop() {
		c := NewQualityCounter(d.Kind, d.Mapped)
		for i := range recs {
			c.Add(&recs[i])
		}
		if q := c.Quality(d, p.m); q.Accepted != len(recs) {
			b.Fatal(q.Accepted)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(recs)), "ns/record")
}

// BenchmarkParseEntityRow is BenchmarkParseRow for a creditor row and a
// creditor payment row: typed values, then the normalised supplier (company
// name, address, postcode, VAT and company numbers) or payment (invoice
// number, date, amount). The rows cycle through the tests' messy rows.
// Figures per row.
func BenchmarkParseEntityRow(b *testing.B) {
	for _, tt := range rowKinds(false) {
		b.Run(tt.name, func(b *testing.B) {
			p := tt.parser(b)
			var rec Record
			var sc Scratch
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := p.Parse(&sc, i+2, tt.rows[i%len(tt.rows)], &rec); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
