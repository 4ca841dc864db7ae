package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report"
)

// explainOptions are the arguments of `nfi explain`.
type explainOptions struct {
	output  string // the folder `nfi run` wrote
	matchID string
}

// The errors of `nfi explain`. None of them carries a value from the data.
var (
	errNotOutput   = errors.New("not an nfi output folder")
	errNoMatch     = errors.New("no such match")
	errBadReport   = errors.New("not a report file nfi wrote")
	errBadExplain  = errors.New("malformed explanation line")
	errNoExplained = errors.New("no explanation of the match")
)

// maxExplainLine bounds one line of an explain/*.jsonl file.
const maxExplainLine = 1 << 20

func newExplainCmd(stdout, _ io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain OUTPUT MATCH_ID",
		Short: "Show one match: its two records side by side and how its match weight adds up",
		Long: `explain prints, for one match of a finished run, the report it is in, the two
records field by field, and the match weight step by step, from the prior
through every comparison to the total and the match probability.
MATCH_ID is the first column of matches.csv and of every report.`,
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExplain(cmd.Context(), &explainOptions{output: args[0], matchID: args[1]}, stdout)
		},
	}
}

// explained is what explain shows of one match.
type explained struct {
	rep         report.SummaryReport
	header, row []string // the match's row of its report CSV, with the header
	ex          report.Explanation
}

// runExplain finds the match in OUTPUT's reports and its explanation, and
// prints both.
func runExplain(ctx context.Context, opts *explainOptions, out io.Writer) error {
	dir, id := opts.output, opts.matchID
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: %w: no such folder; give the output folder of nfi run", dir, errNotOutput)
	}
	sb, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		return fmt.Errorf("%s: %w: no summary.json in it; give the output folder of nfi run", dir, errNotOutput)
	}
	var sum report.Summary
	if json.Unmarshal(sb, &sum) != nil {
		return fmt.Errorf("%s: summary.json: %w (it is not the summary nfi writes)", dir, errNotOutput)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "reports", "*.csv"))
	var e explained
	var found string
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := filepath.ToSlash(filepath.Join("reports", filepath.Base(path)))
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("%s: cannot open: %w", name, errBadReport)
		}
		e.header, e.row, err = findRow(f, name, id)
		f.Close()
		if err != nil {
			return err
		}
		if e.row != nil {
			found = strings.TrimSuffix(filepath.Base(path), ".csv")
			break
		}
	}
	if found == "" {
		names := make([]string, len(files))
		for i, p := range files {
			names[i] = "reports/" + filepath.Base(p)
		}
		if len(names) == 0 {
			names = []string{"(no reports/*.csv)"}
		}
		return fmt.Errorf("match %s: %w in %s; match ids are the first column of matches.csv", clean(id), errNoMatch, strings.Join(names, ", "))
	}
	name := "explain/" + found + ".jsonl"
	f, err := os.Open(filepath.Join(dir, "explain", found+".jsonl"))
	if err != nil {
		return fmt.Errorf("%s: cannot open: %w (the match is in reports/%s.csv)", name, errNoExplained, found)
	}
	defer f.Close()
	ex, err := findExplanation(f, name, id)
	if err != nil {
		return err
	}
	if ex == nil {
		return fmt.Errorf("match %s: %w in %s (the match is in reports/%s.csv)", clean(id), errNoExplained, name, found)
	}
	e.ex, e.rep = *ex, summaryReport(&sum, ex.Report, found)
	return writeExplained(out, &e)
}

// findRow returns the header of a report CSV and the row whose first
// column, match_id, is id; row is nil when there is none. A report laid
// out one line per account (first column match_ids) matches the line
// whose ids include id.
func findRow(r io.Reader, name, id string) (header, row []string, err error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	grouped := false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return header, nil, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("%s:%d: %w", name, pe.Line, errBadReport)
			}
			return nil, nil, fmt.Errorf("%s: unreadable: %w", name, errBadReport)
		}
		if header == nil {
			switch strings.TrimPrefix(rec[0], "\ufeff") {
			case "match_id":
			case "match_ids":
				grouped = true
			default:
				return nil, nil, fmt.Errorf("%s:1: %w: the first column is not match_id", name, errBadReport)
			}
			header = append([]string(nil), rec...)
			continue
		}
		if rec[0] == id || grouped && slices.Contains(strings.Fields(rec[0]), id) {
			return header, append([]string(nil), rec...), nil
		}
	}
}

// findExplanation returns the line of an explain/*.jsonl file for match
// id, or nil when there is none. Every line before it must be valid.
func findExplanation(r io.Reader, name, id string) (*report.Explanation, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxExplainLine)
	for line := 1; sc.Scan(); line++ {
		var ex report.Explanation
		if err := json.Unmarshal(sc.Bytes(), &ex); err != nil || ex.MatchID == "" {
			return nil, fmt.Errorf("%s:%d: %w", name, line, errBadExplain)
		}
		if ex.MatchID == id {
			return &ex, nil
		}
	}
	if sc.Err() != nil {
		return nil, fmt.Errorf("%s: %w (unreadable, or a line over %d bytes)", name, errBadExplain, maxExplainLine)
	}
	return nil, nil
}

// summaryReport picks the report's entry in the summary. Results that
// share a report id are told apart by their file base, id__left__right.
func summaryReport(sum *report.Summary, id, base string) report.SummaryReport {
	pick := report.SummaryReport{ID: id, Left: "left", Right: "right"}
	first := true
	for _, sr := range sum.Reports {
		if sr.ID != id {
			continue
		}
		want := fileSafe(sr.ID + "__" + sr.Left + "__" + sr.Right)
		if first || base == want || strings.HasPrefix(base, want+"__") {
			pick, first = sr, false
		}
	}
	return pick
}

// fileSafe mirrors how the report package names files.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-_", r)) {
			return r
		}
		return '_'
	}, s)
}

// householdComparisons are the comparisons a household step stands in for.
func householdComparisons() map[string]bool {
	out := map[string]bool{}
	for _, c := range match.PersonComparisons() {
		if c.Household {
			out[c.Name] = true
		}
	}
	return out
}

// writeExplained prints the header, the records and the waterfall.
func writeExplained(out io.Writer, e *explained) error {
	ex, cell := &e.ex, func(col string) string { return cellOf(e.header, e.row, col) }
	left, right := clean(e.rep.Left)+" "+clean(ex.LeftKey), clean(e.rep.Right)+" "+clean(ex.RightKey)
	w := new(bytes.Buffer)
	fmt.Fprintf(w, "Report      %s: %s\n", clean(ex.Report), clean(e.rep.Title))
	fmt.Fprintf(w, "Match       %s: %s and %s\n", clean(ex.MatchID), left, right)
	fmt.Fprintf(w, "Probability %.6f (band %s), match weight %.3f\n\n", ex.Probability, clean(cell("band")), ex.TotalWeight)
	fmt.Fprintf(w, "%s\n\nThe two records\n", wrapText(report.Statement(), 78))

	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "field\t| %s\t| %s\n", left, right)
	var extra []string
	seen := map[string]bool{}
	for _, col := range e.header {
		f, ok := strings.CutPrefix(col, "left_")
		if !ok {
			f, ok = strings.CutPrefix(col, "right_")
		}
		switch {
		case col == "match_id" || col == "match_probability" || col == "band" || col == "reasons":
		case !ok:
			if v := cell(col); v != "" {
				extra = append(extra, fmt.Sprintf("%s: %s", clean(col), clean(v)))
			}
		case !seen[f]:
			seen[f] = true
			if l, r := cell("left_"+f), cell("right_"+f); l != "" || r != "" {
				fmt.Fprintf(tw, "%s\t| %s\t| %s\n", clean(f), clean(l), clean(r))
			}
		}
	}
	tw.Flush()
	for _, x := range extra {
		fmt.Fprintln(w, x)
	}

	fmt.Fprint(w, "\nHow the match weight adds up\n")
	if ex.Household {
		fmt.Fprintf(w, "%s\n", wrapText("The two records are at one property: sharing it counts once, in the household step, and the address comparisons count in it; the other comparisons are weighed against relatives and flatmates rather than strangers.", 78))
	}
	hh := householdComparisons()
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "step\tlevel\tm\tu\tweight\trunning total\t\n")
	total := ex.PriorWeight
	fmt.Fprintf(tw, "prior\t\t\t\t%+8.3f\t%8.3f\t\n", ex.PriorWeight, total)
	for _, s := range ex.Steps {
		total += s.Weight
		m, u, note := fmt.Sprintf("%.4g", s.M), fmt.Sprintf("%.4g", s.U), ""
		switch {
		case s.Level == "null":
			m, u, note = "-", "-", "missing on one side"
		case ex.Household && hh[s.Comparison] && s.Weight == s.TFAdjust:
			note = "counted in household"
		case s.TFAdjust != 0:
			note = fmt.Sprintf("includes %+.3f for how common the value is", s.TFAdjust)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%+8.3f\t%8.3f\t%s\n", clean(s.Comparison), clean(s.Level), m, u, s.Weight, total, note)
	}
	tw.Flush()
	fmt.Fprintf(w, "total weight %.3f\nprobability  %.6f\n", ex.TotalWeight, ex.Probability)
	if d := total - ex.TotalWeight; d > 0.001 || d < -0.001 {
		fmt.Fprintf(w, "note: the steps add up to %.3f, not the recorded total\n", total)
	}
	// Padding leaves spaces at the ends of lines; drop them.
	b := w.Bytes()[:0]
	for line := range bytes.Lines(w.Bytes()) {
		b = append(append(b, bytes.TrimRight(line, " \n")...), '\n')
	}
	_, err := out.Write(b)
	return err
}

// cellOf returns the row's cell in column col, or "" when there is none.
func cellOf(header, row []string, col string) string {
	for i, h := range header {
		if h == col && i < len(row) {
			return row[i]
		}
	}
	return ""
}

// clean makes a value safe to print on a terminal: control and
// bidirectional-override characters become '?', bad UTF-8 U+FFFD.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// wrapText folds text into lines of at most width bytes, breaking at spaces.
func wrapText(text string, width int) string {
	var b strings.Builder
	line := 0
	for _, word := range strings.Fields(text) {
		switch {
		case line == 0:
		case line+1+len(word) > width:
			b.WriteByte('\n')
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}
