package source

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook builds the xlsx test workbook in dir and returns its path.
// Sheet "Notes" comes first; "Payroll" holds the data, with its header on
// row 2 and an empty row 5.
func writeWorkbook(t testing.TB, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Notes"))
	must(f.SetCellStr("Notes", "A1", "read me"))
	_, err := f.NewSheet("Payroll")
	must(err)
	s := "Payroll"
	dateBuiltin, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	ukDate := "dd/mm/yyyy"
	dateCustom, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ukDate})
	must(err)
	stamp := "yyyy-mm-dd hh:mm"
	dateTime, err := f.NewStyle(&excelize.Style{CustomNumFmt: &stamp})
	must(err)
	clock, err := f.NewStyle(&excelize.Style{NumFmt: 20}) // h:mm
	must(err)
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	must(err)

	// Row 1 empty; header on row 2 with spaces to trim.
	must(f.SetSheetRow(s, "A2", &[]any{" ref ", "sort code", "dob", "started", "amount", "note"}))
	// Row 3: text with leading zeros, sort code as text, built-in date style.
	must(f.SetCellStr(s, "A3", "0123"))
	must(f.SetCellStr(s, "B3", "21-11-97"))
	must(f.SetCellValue(s, "C3", time.Date(1980, 3, 15, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle(s, "C3", "C3", dateBuiltin))
	must(f.SetCellValue(s, "D3", time.Date(2020, 1, 2, 9, 30, 0, 0, time.UTC)))
	must(f.SetCellStyle(s, "D3", "D3", dateTime))
	must(f.SetCellDefault(s, "E3", "123.0"))
	must(f.SetCellStyle(s, "E3", "E3", money))
	must(f.SetCellStr(s, "F3", "123.0"))
	// Row 4: sort code typed as a number, custom UK date, a float, a time.
	must(f.SetCellInt(s, "A4", 456))
	must(f.SetCellInt(s, "B4", 211197))
	must(f.SetCellFloat(s, "C4", 29295, -1, 64)) // 1980-03-15
	must(f.SetCellStyle(s, "C4", "C4", dateCustom))
	must(f.SetCellFloat(s, "D4", 0.5, -1, 64))
	must(f.SetCellStyle(s, "D4", "D4", clock))
	must(f.SetCellDefault(s, "E4", "1.23E+5"))
	must(f.SetCellFloat(s, "F4", 12.5, -1, 64))
	// Row 5 empty. Row 6: short row (trailing cells empty).
	must(f.SetCellStr(s, "A6", "0007"))
	// Row 7: a value beyond the header: ragged.
	must(f.SetCellStr(s, "A7", "0008"))
	must(f.SetCellStr(s, "G7", "CANARY-9Q7"))
	// Row 8: cells of spaces only: blank, skipped.
	must(f.SetCellStr(s, "B8", "  "))

	path := filepath.Join(dir, "payroll.xlsx")
	must(f.SaveAs(path))
	return path
}

func TestXLSX(t *testing.T) {
	path := writeWorkbook(t, t.TempDir())
	header, _, rows, err := readAll(t, path, Options{Format: XLSX, Sheet: "Payroll"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ref", "sort code", "dob", "started", "amount", "note"}; !reflect.DeepEqual(header, want) {
		t.Errorf("header = %q, want %q", header, want)
	}
	want := []Row{
		{Line: 3, Fields: []string{"0123", "21-11-97", "1980-03-15", "2020-01-02 09:30:00", "123", "123.0"}},
		{Line: 4, Fields: []string{"456", "211197", "1980-03-15", "12:00:00", "123000", "12.5"}},
		{Line: 6, Fields: []string{"0007", "", "", "", "", ""}},
		{Line: 7, Fields: []string{"0008", "", "", "", "", "", "CANARY-9Q7"}},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(rows), len(want), rows)
	}
	for i := range want {
		if rows[i].Line != want[i].Line || !reflect.DeepEqual(rows[i].Fields, want[i].Fields) {
			t.Errorf("row %d = %d %q\n          want %d %q", i, rows[i].Line, rows[i].Fields, want[i].Line, want[i].Fields)
		}
	}
	for i := 0; i < 3; i++ {
		if rows[i].Err != nil {
			t.Errorf("row %d: %v", i, rows[i].Err)
		}
	}
	if !errors.Is(rows[3].Err, ErrFieldCount) {
		t.Errorf("ragged row err = %v", rows[3].Err)
	}
	if got, w := rows[3].Err.Error(), "payroll.xlsx:7: wrong number of fields: 7 cells, header has 6"; got != w {
		t.Errorf("message %q, want %q", got, w)
	}
}

func TestXLSXSheets(t *testing.T) {
	path := writeWorkbook(t, t.TempDir())
	header, _, rows, err := readAll(t, path, Options{Format: XLSX})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(header, []string{"read me"}) || len(rows) != 0 {
		t.Errorf("first sheet: header %q, rows %v", header, rows)
	}
	if _, _, _, err := readAll(t, path, Options{Format: XLSX, Sheet: "Pensions"}); !errors.Is(err, ErrOptions) {
		t.Errorf("missing sheet: err = %v, want ErrOptions", err)
	}
}

func TestXLSXNewReaderAndEmpty(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err := NewReader(bytes.NewReader(buf.Bytes()), "empty.xlsx", Options{Format: XLSX})
	if !errors.Is(err, ErrNoHeader) {
		t.Errorf("empty workbook: err = %v, want ErrNoHeader", err)
	}
	path := writeWorkbook(t, t.TempDir())
	data, err := readFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(data), "payroll.xlsx", Options{Format: XLSX, Sheet: "Payroll"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var batch Batch
	if err := r.ReadBatch(&batch, 10); err != nil || len(batch.Rows) != 4 {
		t.Errorf("ReadBatch: %d rows, %v", len(batch.Rows), err)
	}
}

func TestFormatKind(t *testing.T) {
	tests := []struct {
		code string
		want numKind
	}{
		{"dd/mm/yyyy", numDate},
		{"d-mmm-yy", numDate},
		{"[$-809]dd mmmm yyyy", numDate},
		{"yyyy-mm-dd hh:mm:ss", numDate},
		{"hh:mm", numTimeOnly},
		{"[h]:mm:ss", numTimeOnly},
		{"mm:ss", numTimeOnly},
		{"0.00", numPlain},
		{"General", numPlain},
		{"#,##0.00;[Red]-#,##0.00", numPlain},
		{`0 "days"`, numPlain},
		{`\d0`, numPlain},
		{"00-00-00", numPlain},
		{"0.00E+00", numPlain},
	}
	for _, tt := range tests {
		if got := formatKind(tt.code); got != tt.want {
			t.Errorf("formatKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}
