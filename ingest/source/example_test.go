package source_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/nfi-engine/nfi/ingest/source"
)

func ExampleNewReader() {
	extract := "ref|surname|dob\r\n" +
		"001|\"Smith | Jones\"|15/03/1980\r\n" +
		"002|O'Neil\r\n" + // a field short: rejected, reading goes on
		"003|Brown|01/01/1970\r\n"
	r, err := source.NewReader(strings.NewReader(extract), "payroll.txt", source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Printf("header %q, delimiter %q\n", r.Header(), r.Delimiter())
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println("fatal:", err)
			return
		}
		if row.Err != nil {
			fmt.Println("rejected:", row.Err)
			continue
		}
		fmt.Println(row.Line, strings.Join(row.Fields, " / "))
	}
	// Output:
	// header ["ref" "surname" "dob"], delimiter '|'
	// 2 001 / Smith | Jones / 15/03/1980
	// rejected: payroll.txt:3: wrong number of fields: 2, header has 3
	// 4 003 / Brown / 01/01/1970
}

func ExampleReader_ReadBatch() {
	extract := "ref,name\n1,Ann\n2,Bob\n3,Cy\n"
	r, err := source.NewReader(strings.NewReader(extract), "people.csv", source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	var batch source.Batch // read into again and again: its rows last until the next read
	for {
		err := r.ReadBatch(&batch, 2)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println("fatal:", err)
			return
		}
		fmt.Println(len(batch.Rows), "rows, first on line", batch.Rows[0].Line, "ref", batch.Rows[0].Fields[0])
	}
	// Output:
	// 2 rows, first on line 2 ref 1
	// 1 rows, first on line 4 ref 3
}

func ExampleNewReader_fixedWidth() {
	layout := []source.Column{
		{Name: "ref", Start: 1, Length: 4},
		{Name: "surname", Start: 5, Length: 8},
	}
	extract := "0001Brontë  \n0002Smith\n"
	r, err := source.NewReader(strings.NewReader(extract), "pensions.txt",
		source.Options{Format: source.FixedWidth, Layout: layout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	for {
		row, err := r.Next()
		if err != nil {
			break
		}
		fmt.Printf("%d %q %v\n", row.Line, row.Fields, row.Err)
	}
	// Output:
	// 1 ["0001" "Brontë  "] <nil>
	// 2 ["0002" "Smith"] pensions.txt:2: wrong number of fields: the line has 9 characters, the layout needs 12
}

func ExampleParseFormat() {
	f, err := source.ParseFormat("fixed-width")
	fmt.Println(f, err)
	_, err = source.ParseFormat("csv")
	fmt.Println(err)
	// Output:
	// fixed-width <nil>
	// invalid reader options: unknown format "csv"; use delimited, fixed-width or xlsx
}

func ExampleOpen() {
	r, err := source.Open("testdata/payroll_cp1252.csv", source.Options{Encoding: "windows-1252"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	row, _ := r.Next()
	fmt.Println(row.Line, row.Fields)

	// The same file read as UTF-8 stops at the first bad byte, with a hint.
	r2, err := source.Open("testdata/payroll_cp1252.csv", source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r2.Close()
	_, err = r2.Next()
	fmt.Println(err)
	// Output:
	// 2 [001 Brontë Renée “owes £120”]
	// payroll_cp1252.csv:2: not valid UTF-8; if the file is Windows-1252 set `encoding: windows-1252`
}
