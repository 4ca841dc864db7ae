package job_test

import (
	"fmt"
	"path/filepath"

	"github.com/nfi-engine/nfi/ingest/job"
)

func ExampleLoad() {
	j, err := job.Load("testdata/good.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Exercise, "/", j.Body)
	for _, d := range j.Datasets {
		fmt.Printf("line %d: %s (%s) from %s, key %q, surname in %q (line %d)\n",
			d.Line, d.Name, d.Kind, filepath.Base(d.Path), d.Key, d.Columns["surname"], d.ColumnLines["surname"])
	}
	fmt.Println(j.Reports, j.ReportLines, j.Threshold, j.MaxRejectRate, j.Seed)
	// Output:
	// NFI 2026-27 / Example Borough Council
	// line 4: payroll (payroll) from payroll.csv, key "Employee No", surname in "Last Name" (line 14)
	// line 16: pensions (pensions) from pensions.csv, key "Ref", surname in "Surname" (line 16)
	// [payroll_to_pensions] [17] 0.9 0.05 1
}

func ExampleParse_error() {
	_, err := job.Parse("testdata/job.yaml", []byte("datasets:\n  - name: payroll\n    frmat: delimited\n"))
	fmt.Println(err)
	// Output:
	// testdata/job.yaml:3:5: unknown key "frmat" in dataset 'payroll' (known: name, kind, path, format, delimiter, encoding, date_format, null_dates, money_unit, sheet, layout, key, columns); did you mean "format"?
}
