package report_test

import (
	"os"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/report"
)

// A check run prints its datasets and their data quality, never a value.
func ExamplePrintSummary() {
	kind, _ := ingest.LookupKind("payroll")
	ds := &ingest.Dataset{Name: "payroll", Kind: kind, Path: "payroll.csv", Mapped: make([]bool, len(kind.Fields))}
	ds.Mapped[kind.Field("ref")], ds.Mapped[kind.Field("surname")] = true, true
	for _, v := range [][2]string{{"0001", "SMITH"}, {"0002", ""}} {
		vals := make([]string, len(kind.Fields))
		vals[kind.Field("ref")], vals[kind.Field("surname")] = v[0], v[1]
		r := ingest.Record{}
		r.SetValues(vals)
		ds.Records = append(ds.Records, r)
	}
	ds.Read, ds.Rejects = 3, 1
	run := &report.Run{
		Exercise: "NFI 2026/27", Body: "Anytown Council", Output: "out", Check: true,
		Datasets: []*report.DatasetResult{{Dataset: ds, Quality: ingest.MeasureQuality(ds, nil)}},
	}
	report.PrintSummary(os.Stdout, run)
	// Output:
	// nfi: NFI 2026/27, Anytown Council
	//
	// Datasets
	// dataset  kind     read  accepted  rejected
	// payroll  payroll  3     2         1
	//
	// Data quality: payroll
	// field    filled  blank  invalid  distinct
	// ref      2       0      0        2
	// surname  1       1      0        1
	//
	// Output: out
	//   what was run:              out/README.txt
	//
	// A match is an inconsistency between records for a person to investigate. It is
	// not evidence of fraud, error or anything else, and no assumption is made about
	// anyone until someone has looked into it.
}
