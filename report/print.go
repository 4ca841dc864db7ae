package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"text/tabwriter"
)

// PrintSummary writes a plain-text account of the run to w, for the
// terminal or a CI log: datasets (read, accepted, rejected), each
// dataset's data quality for its mapped fields, candidate pairs per
// blocking rule, matches per report and band, the timings and where the
// files are, ending with the statement. It prints names of datasets,
// reports and fields and counts, never a record's values.
func PrintSummary(w io.Writer, run *Run) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, a ...any) { fmt.Fprintf(tw, format, a...) }
	section := func(title string) {
		tw.Flush()
		fmt.Fprintf(w, "\n%s\n", title)
	}
	fmt.Fprintf(w, "nfi: %s, %s\n", oneLine(run.Exercise), oneLine(run.Body))

	section("Datasets")
	p("dataset\tkind\tread\taccepted\trejected\n")
	for _, d := range run.Datasets {
		q := d.Quality
		p("%s\t%s\t%d\t%d\t%d\n", oneLine(datasetName(d)), q.Kind, q.Read, q.Accepted, q.Rejected)
	}
	for _, d := range run.Datasets {
		q := d.Quality
		section("Data quality: " + oneLine(datasetName(d)))
		p("field\tfilled\tblank\tinvalid\tdistinct\n")
		estimated := false
		for _, f := range q.Fields {
			if !f.Mapped {
				continue
			}
			distinct := strconv.Itoa(f.Distinct)
			if f.DistinctEstimated {
				distinct, estimated = "~"+distinct, true
			}
			p("%s\t%d\t%d\t%d\t%s\n", f.Field, f.Filled, f.Blank, f.Invalid, distinct)
		}
		if estimated {
			tw.Flush()
			fmt.Fprintln(w, "~ estimated (within about 1%): past 65,536 distinct values a field's are counted, not held")
		}
		if q.DuplicateKeys > 0 {
			tw.Flush()
			fmt.Fprintf(w, "%d references appear on more than one row\n", q.DuplicateKeys)
		}
	}

	if !run.Check {
		for _, rr := range run.Reports {
			section("Pairs compared: " + rr.Report.ID)
			p("blocking rule\tpairs\tskipped (block too large)\n")
			var tp, tc int64
			for _, r := range ruleFigures(rr) {
				p("%s\t%d\t%d\n", r.Rule, r.Pairs, r.CappedPairs)
				tp += r.Pairs
				tc += r.CappedPairs
			}
			p("total\t%d\t%d\n", tp, tc)
		}
		section("Matches")
		p("report\thigh\tmedium\tlow\ttotal\n")
		for _, rr := range run.Reports {
			c := bandCounts(rr)
			p("%s\t%d\t%d\t%d\t%d\n", rr.Report.ID, c[0], c[1], c[2], len(rr.Matches))
		}
		if len(run.Reports) == 0 {
			p("(no reports)\n")
		}
		stable := false
		for _, rr := range run.Reports {
			stable = stable || rr.Stability != nil
		}
		if stable {
			section("Training stability (two seeds)")
			p("report\tseeds\tlargest weight difference (bits)\tat level\tprior difference (bits)\tmatches in one run only\n")
			for _, rr := range run.Reports {
				if s := rr.Stability; s != nil {
					p("%s\t%d, %d\t%.4f\t%s\t%.4f\t%d\n", rr.Report.ID, s.Seeds[0], s.Seeds[1], s.MaxWeight, s.Level, s.PriorWeight, s.MatchesOnlyInOne)
				}
			}
		}
	}

	if len(run.Stages) > 0 {
		section("Timings")
		p("stage\tseconds\titems\tper second\n")
		for _, st := range run.Stages {
			secs := st.Duration.Seconds()
			rate := "-"
			if secs > 0 && st.Items > 0 {
				rate = strconv.FormatFloat(float64(st.Items)/secs, 'f', 0, 64)
			}
			name := st.Name
			if st.Within != "" {
				name = "  " + name
				if st.Shared {
					name += " *"
				}
			}
			p("%s\t%.2f\t%d\t%s\n", name, secs, st.Items, rate)
		}
		if run.Workers > 0 {
			tw.Flush()
			fmt.Fprintf(w, "workers: %d\n", run.Workers)
			for _, st := range run.Stages {
				if st.Shared {
					fmt.Fprintln(w, "* run on every worker at once: the workers' time added up, over their number")
					break
				}
			}
		}
	}
	tw.Flush()

	fmt.Fprintf(w, "\nOutput: %s\n", run.Output)
	if !run.Check && len(run.Reports) > 0 {
		fmt.Fprintf(w, "  reports for investigators: %s\n", filepath.Join(run.Output, "reports"))
		fmt.Fprintf(w, "  all matches:               %s\n", filepath.Join(run.Output, "matches.csv"))
	}
	fmt.Fprintf(w, "  what was run:              %s\n", filepath.Join(run.Output, "README.txt"))
	fmt.Fprintf(w, "\n%s", wrap(Statement(), "", "", readmeWidth))
}
