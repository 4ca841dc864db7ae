package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestXLSX(t *testing.T) {
	run := testRun(t)
	dir := t.TempDir()
	if err := WriteReportXLSX(run, 0, dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "reports", "payroll_to_pensions.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Matches,About" {
		t.Errorf("sheets %s", got)
	}
	rows, err := f.GetRows(MatchesSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := newReportTable(run.Reports[0], "x").header()
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("header %v, want %v", rows[0], want)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if got := rows[1][col["left_ref"]]; got != "000123" {
		t.Errorf("left_ref = %q, the leading zeros are lost", got)
	}
	if got := rows[1][col["left_address_1"]]; !strings.HasPrefix(got, "'=") {
		t.Errorf("formula not neutralised: %q", got)
	}
	if got := rows[2][col["right_ref"]]; got != "'@P2" {
		t.Errorf("right_ref = %q, want neutralised", got)
	}
	// Every data cell is text.
	for r := 2; r <= 3; r++ {
		for c := 1; c <= len(want); c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			typ, err := f.GetCellType(MatchesSheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			if typ == excelize.CellTypeNumber {
				t.Errorf("%s is a number", cell)
			}
		}
	}
	dvs, err := f.GetDataValidations(MatchesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "closed - fraud") {
		t.Errorf("outcome dropdown missing: %+v", dvs)
	}
	panes, err := f.GetPanes(MatchesSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	about, err := f.GetRows(AboutSheet)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, r := range about {
		text.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, s := range []string{Statement(), "Payroll to pensions", "NFI 2026/27", "Anytown Council", run.Reports[0].Report.ConditionText} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("About sheet lacks %q", s)
		}
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

func TestXLSXEmptyReport(t *testing.T) {
	run := testRun(t)
	run.Reports[0].Matches = nil
	dir := t.TempDir()
	if err := WriteReportXLSX(run, 0, dir); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "reports", "payroll_to_pensions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(MatchesSheet)
	if len(rows) != 1 {
		t.Errorf("%d rows, want the header only", len(rows))
	}
}
