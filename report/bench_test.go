package report

import (
	"io"
	"testing"

	"github.com/nfi-engine/nfi/match"
)

// BenchmarkWriteMatches writes matches.csv for a report of one million
// matches (the test run's two matches repeated) to io.Discard.
func BenchmarkWriteMatches(b *testing.B) {
	run := testRun(b)
	rr := run.Reports[0]
	ms := make([]match.Match, 1_000_000)
	for i := range ms {
		ms[i] = rr.Matches[i%len(rr.Matches)]
	}
	rr.Matches = ms
	run.Reports = run.Reports[:1]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := writeMatches(io.Discard, run); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportRows lays out report rows (the work shared by the CSV,
// the workbook and the page).
func BenchmarkReportRows(b *testing.B) {
	run := testRun(b)
	t := newReportTable(run.Reports[0], "x")
	b.ReportAllocs()
	for b.Loop() {
		if err := t.each(-1, func(int, *tableRow) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
