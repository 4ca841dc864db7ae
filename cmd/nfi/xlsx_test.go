package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestXLSXJob runs a job over an Excel workbook end to end: a named sheet,
// references with leading zeros, a date cell, a sort code typed as text,
// and a pair of records of one person (a nickname) on two posts.
func TestXLSXJob(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	sheet := "Staff"
	f.SetSheetName("Sheet1", sheet)
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Employee No", "Forename", "Surname", "Date of Birth", "Sort Code", "Account No"},
		{"000123", "William", "Hartley", time.Date(1956, 3, 5, 0, 0, 0, 0, time.UTC), "20-45-67", "01234567"},
		{"000124", "Bill", "Hartley", time.Date(1956, 3, 5, 0, 0, 0, 0, time.UTC), "20-45-67", "01234567"},
		{"000200", "Grace", "Okafor", time.Date(1990, 7, 1, 0, 0, 0, 0, time.UTC), "11-22-33", "87654321"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			d, _ := excelize.CoordinatesToCellName(4, i+1)
			f.SetCellStyle(sheet, d, d, dateStyle)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "payroll.xlsx")); err != nil {
		t.Fatal(err)
	}
	job := "exercise: xlsx\ndatasets:\n  - {name: payroll, kind: payroll, path: payroll.xlsx, format: xlsx, sheet: Staff, key: Employee No}\n"
	os.WriteFile(filepath.Join(dir, "job.yaml"), []byte(job), 0o600)
	code, _, stderr := nfi(t, "run", "-q", filepath.Join(dir, "job.yaml"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "matches.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "payroll_to_payroll") || !strings.Contains(string(b), ",000123,") || !strings.Contains(string(b), ",000124,") {
		t.Errorf("matches.csv lacks the pair 000123/000124:\n%s", b)
	}
	if strings.Contains(string(b), "000200") {
		t.Errorf("an unrelated record was matched:\n%s", b)
	}
	rep, _ := os.ReadFile(filepath.Join(dir, "out", "reports", "payroll_to_payroll.csv"))
	if !strings.Contains(string(rep), "1956-03-05") {
		t.Errorf("the date cell did not come through as a date:\n%s", rep)
	}
}
