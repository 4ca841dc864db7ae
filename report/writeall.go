package report

import (
	"fmt"
)

// WriteAll writes every output of the run into run.Output, in a fixed
// order: quality figures, then (unless this is a check run) matches.csv
// and, per report, its CSV, workbook, page, model and explanations, then
// README.txt and summary.json last. A check run writes only the quality
// figures, README.txt and summary.json. The first error stops it; each
// file is written atomically, so what was written before is whole.
func WriteAll(run *Run) error {
	dir := run.Output
	if dir == "" {
		return ErrNoOutput
	}
	if err := WriteQuality(run, dir); err != nil {
		return err
	}
	if !run.Check {
		if err := WriteMatches(run, dir); err != nil {
			return err
		}
		for i := range run.Reports {
			for _, write := range []func(*Run, int, string) error{
				WriteReportCSV, WriteReportXLSX, WriteReportHTML, WriteModel, WriteExplain,
			} {
				if err := write(run, i, dir); err != nil {
					return fmt.Errorf("report %s: %w", run.Reports[i].Report.ID, err)
				}
			}
		}
	}
	if err := WriteReadme(run, dir); err != nil {
		return err
	}
	return WriteSummary(run, dir)
}
