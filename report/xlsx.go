package report

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report/atomic"
)

// Sheet names of the report workbooks.
const (
	MatchesSheet = "Matches"
	AboutSheet   = "About"
)

// ErrWorkbook means the workbook library refused to build a report's
// workbook; its message is not passed on.
var ErrWorkbook = errors.New("cannot build the workbook")

// Column widths (in characters) of the workbook: wide enough to read a
// name or an address line, never so wide that a long note hides the rest.
const (
	minColWidth = 8
	maxColWidth = 48
	widthSample = 500 // rows looked at to size the columns
)

// WriteReportXLSX writes dir/reports/<base>.xlsx for the report at
// position i of run.Reports: the table of WriteReportCSV on a sheet
// "Matches" (every cell text, header bold and frozen, an autofilter, an
// outcome dropdown) and an "About" sheet saying what the report is. Rows
// are streamed, so a large report does not sit in memory twice.
func WriteReportXLSX(run *Run, i int, dir string) error {
	rr, base := run.Reports[i], ReportFileBases(run)[i]
	t := newReportTable(rr, base)
	path := filepath.Join(reportsDir(dir), base+".xlsx")
	f := excelize.NewFile()
	defer f.Close()
	if err := buildWorkbook(f, run, t); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomic.WriteFile(path, func(w io.Writer) error {
		if err := f.Write(w); err != nil {
			return fmt.Errorf("%s: %w", path, ErrWorkbook)
		}
		return nil
	})
}

func buildWorkbook(f *excelize.File, run *Run, t *reportTable) error {
	wrap := func(err error) error {
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrBadMatch) {
			return err
		}
		return ErrWorkbook
	}
	if err := f.SetSheetName("Sheet1", MatchesSheet); err != nil {
		return wrap(err)
	}
	header := t.header()
	n := len(t.rr.Matches)
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	lastRow := n + 1
	if lastRow < 2 {
		lastRow = 2
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return wrap(err)
	}
	headStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDDDDD"}}})
	if err != nil {
		return wrap(err)
	}
	// Filter and dropdown go on the worksheet before streaming starts; the
	// stream writer keeps them.
	if err := f.AutoFilter(MatchesSheet, "A1:"+lastCol+strconv.Itoa(lastRow), nil); err != nil {
		return wrap(err)
	}
	oc, _ := excelize.ColumnNumberToName(t.outcomeColumn() + 1)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(oc + "2:" + oc + strconv.Itoa(lastRow))
	if err := dv.SetDropList(Outcomes()); err != nil {
		return wrap(err)
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Outcome", "Choose one of the listed outcomes.")
	if err := f.AddDataValidation(MatchesSheet, dv); err != nil {
		return wrap(err)
	}

	sw, err := f.NewStreamWriter(MatchesSheet)
	if err != nil {
		return wrap(err)
	}
	widths, err := t.widths(header)
	if err != nil {
		return err
	}
	for c, wd := range widths {
		if err := sw.SetColWidth(c+1, c+1, wd); err != nil {
			return wrap(err)
		}
	}
	if err := sw.SetColStyle(1, len(header), textStyle); err != nil {
		return wrap(err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return wrap(err)
	}
	cells := make([]any, len(header))
	for c, h := range header {
		cells[c] = h
	}
	if err := sw.SetRow("A1", cells, excelize.RowOpts{StyleID: headStyle}); err != nil {
		return wrap(err)
	}
	cond := Neutralise(t.rr.Report.ConditionText)
	err = t.each(XLSXLimit, func(i int, r *tableRow) error {
		k := 0
		put := func(s string) { cells[k] = s; k++ }
		put(r.id)
		put(strconv.FormatFloat(r.m.Probability, 'f', 6, 64))
		put(match.Band(r.m.Probability))
		put(yesNo(r.m.Recommended))
		put(r.reasons)
		for _, v := range append(r.vals, extras(t.rr, r)...) {
			if v.number {
				put(v.s)
			} else {
				put(Neutralise(v.s))
			}
		}
		put(cond)
		put("")
		put("")
		put("")
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		return wrap(sw.SetRow(cell, cells))
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return wrap(err)
	}
	return wrap(writeAbout(f, run, t))
}

// widths sizes each column from its header and the first rows.
func (t *reportTable) widths(header []string) ([]float64, error) {
	w := make([]int, len(header))
	for c, h := range header {
		w[c] = utf8.RuneCountInString(h)
	}
	fit := func(c int, s string) {
		if n := utf8.RuneCountInString(s); n > w[c] {
			w[c] = n
		}
	}
	err := t.each(widthSample, func(_ int, r *tableRow) error {
		fit(0, r.id)
		fit(4, r.reasons)
		for k, v := range r.vals {
			fit(4+k, v.s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fit(5+2*len(t.fields)+len(extraHeader(t.rr)), t.rr.Report.ConditionText)
	out := make([]float64, len(w))
	for c, n := range w {
		out[c] = float64(min(max(n+2, minColWidth), maxColWidth))
	}
	return out, nil
}

// writeAbout fills the About sheet: what the report is, for whom, and the
// statement.
func writeAbout(f *excelize.File, run *Run, t *reportTable) error {
	if _, err := f.NewSheet(AboutSheet); err != nil {
		return err
	}
	rep := t.rr.Report
	rows := [][2]string{
		{"Report", rep.Title},
		{"Report id", rep.ID},
		{"Compares", rep.Description},
		{"Datasets", t.rr.Left.Name + " and " + t.rr.Right.Name},
		{"Condition", rep.ConditionText},
		{"Exercise", run.Exercise},
		{"Body", run.Body},
		{"Matches", strconv.Itoa(len(t.rr.Matches))},
		{"Shown here", shownNote(len(t.rr.Matches))},
		{"Outcomes", joinOutcomes()},
		{"Please note", Statement()},
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	wrapText, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, r := range rows {
		a, _ := excelize.CoordinatesToCellName(1, i+1)
		b, _ := excelize.CoordinatesToCellName(2, i+1)
		if err := f.SetCellStr(AboutSheet, a, r[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(AboutSheet, b, Neutralise(r[1])); err != nil {
			return err
		}
		if err := f.SetCellStyle(AboutSheet, a, a, bold); err != nil {
			return err
		}
		if err := f.SetCellStyle(AboutSheet, b, b, wrapText); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(AboutSheet, "A", "A", 14); err != nil {
		return err
	}
	return f.SetColWidth(AboutSheet, "B", "B", 90)
}

func joinOutcomes() string {
	s := ""
	for i, o := range Outcomes() {
		if i > 0 {
			s += "; "
		}
		s += o
	}
	return s
}

// XLSXLimit is how many matches a report workbook holds: more than a whole
// exercise gives one council (up to about 18,000 matches across every
// report), few enough for Excel to open quickly and for nfi to write in a
// second or two. Past it the workbook holds the strongest XLSXLimit and says
// so; the CSV has every match.
const XLSXLimit = 25_000

// shownNote says how many of a report's matches the workbook holds.
func shownNote(n int) string {
	if n <= XLSXLimit {
		return "every match"
	}
	return fmt.Sprintf("the strongest %d of %d matches; the CSV file of the same name has every match", XLSXLimit, n)
}
