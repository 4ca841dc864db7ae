package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report/atomic"
)

// MatchesHeader is the header of matches.csv. The first ten columns are a
// contract: other tools read them by position and they never change; new
// columns are only ever added after them.
func MatchesHeader() []string {
	return []string{"report", "match_id", "left_dataset", "left_key", "right_dataset", "right_key",
		"match_probability", "match_weight", "band", "reasons", "rule", "exercise", "recommended"}
}

// WriteMatches writes dir/matches.csv: one row per match of every report,
// reports in Run order and matches in their given (strongest first) order.
// Probabilities have six decimals and weights three.
func WriteMatches(run *Run, dir string) error {
	return atomic.WriteFile(filepath.Join(dir, "matches.csv"), func(w io.Writer) error {
		return writeMatches(w, run)
	})
}

func writeMatches(w io.Writer, run *Run) error {
	c := newCSVWriter(w)
	c.row(MatchesHeader())
	for _, rr := range run.Reports {
		names := namesOf(rr)
		reasons := newReasonCache(names)
		rules := ruleNames(rr)
		for i := range rr.Matches {
			m := &rr.Matches[i]
			p, err := orient(rr, m)
			if err == nil {
				err = names.check(m.Levels)
			}
			if err != nil {
				return fmt.Errorf("matches.csv: report %s: match %d: %w", rr.Report.ID, i+1, err)
			}
			c.text(rr.Report.ID)
			c.raw(p.id)
			c.text(rr.Left.Name)
			c.text(p.lkey)
			c.text(rr.Right.Name)
			c.text(p.rkey)
			c.float(m.Probability, 6)
			c.float(m.Weight, 3)
			c.raw(match.Band(m.Probability))
			c.raw(reasons.get(m.Levels))
			rule := ""
			if int(m.Rule) < len(rules) {
				rule = rules[m.Rule]
			}
			c.raw(rule)
			c.text(run.Exercise)
			c.raw(yesNo(m.Recommended))
			c.end()
		}
	}
	return c.flush()
}

// yesNo writes a flag as the reports do: "yes" or blank.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func ruleNames(rr *ReportResult) []string {
	if rr.Linker == nil {
		return nil
	}
	out := make([]string, len(rr.Linker.Rules))
	for i, r := range rr.Linker.Rules {
		out[i] = r.Name
	}
	return out
}

// reportTable is one report laid out as the investigators' table, shared
// by the CSV, the workbook and the page.
type reportTable struct {
	rr      *ReportResult
	base    string
	fields  []shownField
	names   *levelNames
	reasons *reasonCache
}

func newReportTable(rr *ReportResult, base string) *reportTable {
	n := namesOf(rr)
	return &reportTable{rr: rr, base: base, fields: shownFields(rr), names: n, reasons: newReasonCache(n)}
}

// header is the table's header row.
func (t *reportTable) header() []string {
	h := []string{"match_id", "match_probability", "band", "recommended", "reasons"}
	for _, f := range t.fields {
		h = append(h, f.headerLR[0], f.headerLR[1])
	}
	h = append(h, extraHeader(t.rr)...)
	return append(h, "condition", "outcome", "amount_recovered", "notes")
}

// extraHeader names the columns a kind of report adds after the records:
// for a duplicate payment, the amount at stake and what kind of duplicate
// it is.
func extraHeader(rr *ReportResult) []string {
	if rr.Report.Match == match.MatchPayment {
		return []string{"at_stake", "duplicate_kind"}
	}
	return nil
}

// extras are the values of extraHeader's columns for one match.
func extras(rr *ReportResult, r *tableRow) []cell {
	if rr.Report.Match != match.MatchPayment || r.l.Payment == nil || r.r.Payment == nil {
		return nil
	}
	a, b := r.l.Payment, r.r.Payment
	stake := cell{}
	if a.HasAmount && b.HasAmount {
		// The second payment is what may have been paid in error: the
		// smaller of the two when they differ.
		if s, ok := pounds(strconv.FormatInt(min(a.Amount, b.Amount), 10)); ok {
			stake = cell{s: s, number: true}
		}
	}
	kind := "invoice numbers alike, same amount"
	switch {
	case a.Invoice == b.Invoice && a.Amount != b.Amount:
		kind = "same invoice number, different amounts"
	case a.Invoice == b.Invoice:
		kind = "same invoice number paid twice"
	}
	return []cell{stake, {s: kind}}
}

// outcomeColumn is the position of "outcome" in header.
func (t *reportTable) outcomeColumn() int { return 5 + 2*len(t.fields) + len(extraHeader(t.rr)) + 1 }

// tableRow is one match as the table shows it.
type tableRow struct {
	pair
	m       *match.Match
	reasons string
	vals    []cell // left, right for each shown field
}

// each calls fn for the first limit matches (all when limit < 0), in
// order. The row's vals slice is reused between calls.
func (t *reportTable) each(limit int, fn func(i int, r *tableRow) error) error {
	row := &tableRow{vals: make([]cell, 2*len(t.fields))}
	for i := range t.rr.Matches {
		if limit >= 0 && i >= limit {
			break
		}
		m := &t.rr.Matches[i]
		p, err := orient(t.rr, m)
		if err == nil {
			err = t.names.check(m.Levels)
		}
		if err != nil {
			return fmt.Errorf("match %d: %w", i+1, err)
		}
		row.pair, row.m, row.reasons = p, m, t.reasons.get(m.Levels)
		for fi, f := range t.fields {
			row.vals[2*fi] = fieldValue(p.l, f.li, f.lt)
			row.vals[2*fi+1] = fieldValue(p.r, f.ri, f.rt)
		}
		if err := fn(i, row); err != nil {
			return err
		}
	}
	return nil
}

// WriteReportCSV writes dir/reports/<base>.csv for the report at position
// i of run.Reports: a plain table, header first, one row per match in
// order (or per left-hand record, for a report laid out that way), with
// the investigators' columns (outcome, amount_recovered, notes) left
// empty.
func WriteReportCSV(run *Run, i int, dir string) error {
	if run.Reports[i].Report.GroupByLeft {
		return writeGroupedCSV(run, i, dir)
	}
	rr, base := run.Reports[i], ReportFileBases(run)[i]
	t := newReportTable(rr, base)
	path := filepath.Join(reportsDir(dir), base+".csv")
	return atomic.WriteFile(path, func(w io.Writer) error {
		c := newCSVWriter(w)
		c.row(t.header())
		cond := rr.Report.ConditionText
		err := t.each(-1, func(_ int, r *tableRow) error {
			c.raw(r.id)
			c.float(r.m.Probability, 6)
			c.raw(match.Band(r.m.Probability))
			c.raw(yesNo(r.m.Recommended))
			c.raw(r.reasons)
			for _, v := range append(r.vals, extras(rr, r)...) {
				if v.number {
					c.raw(v.s)
				} else {
					c.text(v.s)
				}
			}
			c.text(cond)
			c.raw("")
			c.raw("")
			c.raw("")
			c.end()
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return c.flush()
	})
}
