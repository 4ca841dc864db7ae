package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report/atomic"
)

// readmeWidth is where README.txt wraps its prose.
const readmeWidth = 78

// DatasetFileBases returns, by position in run.Datasets, the base name of
// each dataset's quality file: its name made safe for a file name, with a
// numbered suffix when two would collide.
func DatasetFileBases(run *Run) []string {
	out := make([]string, len(run.Datasets))
	used := make(map[string]bool, len(run.Datasets))
	for i, d := range run.Datasets {
		base := safeName(datasetName(d))
		name := base
		for n := 2; used[name]; n++ {
			name = base + "__" + strconv.Itoa(n)
		}
		used[name] = true
		out[i] = name
	}
	return out
}

func datasetName(d *DatasetResult) string {
	if d.Dataset != nil {
		return d.Dataset.Name
	}
	return d.Quality.Dataset
}

// bandCounts counts a report's matches by band, in Bands order.
func bandCounts(rr *ReportResult) [3]int {
	var c [3]int
	for i := range rr.Matches {
		c[bandIndex(match.Band(rr.Matches[i].Probability))]++
	}
	return c
}

// WriteReadme writes dir/README.txt: the exercise and body, the datasets
// read, then for each report what it compares, its condition, its matches
// by band and its files, then the statement. It holds no dates and no
// record values, so it is the same for the same input.
func WriteReadme(run *Run, dir string) error {
	return atomic.WriteFile(filepath.Join(dir, "README.txt"), func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		writeReadme(bw, run)
		return bw.Flush()
	})
}

func writeReadme(w io.Writer, run *Run) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	para := func(indent, text string) { p("%s", wrap(text, indent, indent, readmeWidth)) }
	p("NFI data matching results\n")
	p("=========================\n\n")
	p("Exercise: %s\n", oneLine(run.Exercise))
	p("Body:     %s\n\n", oneLine(run.Body))
	if run.Check {
		para("", "This was a check run: the datasets were read and their data quality measured. No matching was done, so there are no reports.")
		p("\n")
	}

	p("Datasets\n--------\n")
	bases := DatasetFileBases(run)
	for i, d := range run.Datasets {
		q := d.Quality
		kind := q.Kind
		if d.Dataset != nil && d.Dataset.Kind != nil {
			kind = d.Dataset.Kind.Name
		}
		p("%s", wrap(fmt.Sprintf("- %s (kind %s): %d rows read, %d accepted, %d rejected; quality figures in quality/%s.json",
			datasetName(d), kind, q.Read, q.Accepted, q.Rejected, bases[i]), "", "  ", readmeWidth))
	}
	if len(run.Datasets) == 0 {
		p("(none)\n")
	}
	p("\n")

	if !run.Check {
		p("Reports\n-------\n")
		if len(run.Reports) == 0 {
			p("No reports were run.\n")
		}
		rb := ReportFileBases(run)
		for i, rr := range run.Reports {
			rep := rr.Report
			c := bandCounts(rr)
			p("%d. %s: %s\n", i+1, rep.ID, oneLine(rep.Title))
			para("   ", "Compares: "+rep.Description+".")
			para("   ", fmt.Sprintf("Datasets: %s (left, kind %s) and %s (right, kind %s)", rr.Left.Name, rr.Left.Kind.Name, rr.Right.Name, rr.Right.Kind.Name))
			if rep.ConditionText != "" {
				para("   ", "Condition: "+rep.ConditionText+".")
			} else {
				p("   Condition: none beyond the records matching.\n")
			}
			p("   Matches: %d (high %d, medium %d, low %d) at a match probability of %s or more\n",
				len(rr.Matches), c[0], c[1], c[2], strconv.FormatFloat(rr.Threshold, 'f', -1, 64))
			para("   ", fmt.Sprintf("Files: reports/%[1]s.csv, reports/%[1]s.xlsx, reports/%[1]s.html, model/%[1]s.json, explain/%[1]s.jsonl", rb[i]))
			p("\n")
		}
		if len(run.Reports) == 0 {
			p("\n")
		}
	}

	p("Files\n-----\n")
	if !run.Check {
		p("- matches.csv: every match of every report, one row each, strongest first.\n")
		p("- reports/: one table per report (CSV and Excel) for investigators to record\n")
		p("  outcomes in, and a page (HTML) to read the pairs side by side.\n")
		p("- model/ and explain/: the model that scored each report and, for every\n")
		p("  match, the weight each comparison gave.\n")
	}
	p("- quality/: counts of filled, blank, invalid and distinct values per field.\n")
	p("- summary.json: counts and timings of this run (the only file that differs\n")
	p("  between two runs of the same data).\n\n")
	p("Bands: high is a match probability of %s or more, medium %s or more, low below.\n\n",
		strconv.FormatFloat(match.HighBand, 'f', -1, 64), strconv.FormatFloat(match.MediumBand, 'f', -1, 64))
	para("", Statement())
}

// oneLine keeps a name given in the job on one line of the README.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// wrap breaks text into lines of at most width (words longer than a line
// are kept whole), the first starting with first and the others with rest;
// the result ends in a newline.
func wrap(text, first, rest string, width int) string {
	var b strings.Builder
	line := 0
	for _, w := range strings.Fields(text) {
		if line > 0 && line+1+len(w) > width {
			b.WriteByte('\n')
			line = 0
		}
		if line == 0 {
			indent := rest
			if b.Len() == 0 {
				indent = first
			}
			b.WriteString(indent)
			line = len(indent)
		} else {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	b.WriteByte('\n')
	return b.String()
}
