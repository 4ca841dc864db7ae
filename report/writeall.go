package report

import (
	"fmt"
)

// WriteAll writes every output of the run into run.Output, in a fixed
// order: quality figures, then (unless this is a check run) matches.csv
// and, per report, its explanations, CSV, workbook, page and model, then
// README.txt and summary.json last. A check run writes only the quality
// figures, README.txt and summary.json. The first error stops it; each
// file is written atomically, so what was written before is whole.
func WriteAll(run *Run) error {
	if err := WriteFirst(run); err != nil {
		return err
	}
	if !run.Check {
		if err := WriteMatches(run, run.Output); err != nil {
			return err
		}
		for i := range run.Reports {
			for _, write := range ReportWriters() {
				if err := WriteReportFile(run, i, write); err != nil {
					return err
				}
			}
		}
	}
	return WriteLast(run)
}

// WriteFirst writes what comes before the matches: the quality figures.
// matches.csv (WriteMatches) and the reports' own files (ReportWriters)
// follow, in any order or at once.
func WriteFirst(run *Run) error {
	dir := run.Output
	if dir == "" {
		return ErrNoOutput
	}
	return WriteQuality(run, dir)
}

// ReportWriters are the writers of one report's files: its CSV, workbook,
// page, model and explanations. Each writes files of its own, so a caller
// may run them in any order or at once (the command's pipeline spreads
// them over its workers).
func ReportWriters() []func(*Run, int, string) error {
	// The explanations come first: they take longest, and a pool of
	// workers taking the files in this order finishes soonest.
	return []func(*Run, int, string) error{WriteExplain, WriteReportCSV, WriteReportXLSX, WriteReportHTML, WriteModel}
}

// WriteReportFile runs one of ReportWriters for the report at position i,
// naming the report in its error.
func WriteReportFile(run *Run, i int, write func(*Run, int, string) error) error {
	if err := write(run, i, run.Output); err != nil {
		return fmt.Errorf("report %s: %w", run.Reports[i].Report.ID, err)
	}
	return nil
}

// WriteLast writes what says what the run did: README.txt and
// summary.json.
func WriteLast(run *Run) error {
	if err := WriteReadme(run, run.Output); err != nil {
		return err
	}
	return WriteSummary(run, run.Output)
}
