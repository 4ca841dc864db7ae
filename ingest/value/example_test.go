package value_test

import (
	"fmt"

	"github.com/nfi-engine/nfi/ingest/value"
)

func ExampleDateParser_Parse() {
	p := value.DateParser{Layout: value.LayoutDDMMYYYY, NullDates: []string{"01/01/1900"}}
	for _, s := range []string{"05/03/1984", "5-3-84", "05031984", "01/01/1900", "", "31/04/2001", "N/A"} {
		d, err := p.Parse(s)
		fmt.Printf("%q -> %q %v\n", s, d, err)
	}
	// Output:
	// "05/03/1984" -> "1984-03-05" <nil>
	// "5-3-84" -> "1984-03-05" <nil>
	// "05031984" -> "1984-03-05" <nil>
	// "01/01/1900" -> "" <nil>
	// "" -> "" <nil>
	// "31/04/2001" -> "" no such calendar date
	// "N/A" -> "" not a date
}

func ExampleDetectDateLayout() {
	column := []string{"05-MAR-84", "31-DEC-99", "", "01-JAN-02"}
	layout, ok := value.DetectDateLayout(column)
	fmt.Println(layout, ok)

	_, ok = value.DetectDateLayout([]string{"19840305", "19991231"})
	fmt.Println("yyyymmdd detected:", ok)
	// Output:
	// dd-mon-yy true
	// yyyymmdd detected: false
}

func ExampleParseDateLayout() {
	l, err := value.ParseDateLayout("dd.mm.yyyy")
	fmt.Println(l, err)
	// Output: dd/mm/yyyy <nil>
}

func ExampleYearsBetween() {
	father, _ := value.NewDate(1958, 6, 1)
	son, _ := value.NewDate(1984, 3, 5)
	fmt.Println(value.YearsBetween(father, son))
	swapped, ok := son.SwappedDayMonth()
	fmt.Println(swapped, ok)
	// Output:
	// 25
	// 1984-05-03 true
}

func ExampleParseMoney() {
	for _, s := range []string{"12345", "123.45", "1,234.50", "(5.00)", ""} {
		pence, ok, err := value.ParseMoney(s, value.Pence)
		fmt.Println(pence, ok, err)
	}
	// Output:
	// 12345 true <nil>
	// 12345 true <nil>
	// 123450 true <nil>
	// -500 true <nil>
	// 0 false <nil>
}

func ExampleParseNI() {
	fmt.Println(value.ParseNI("ab 12 34 56 c"))
	fmt.Println(value.ParseNI("TN010284M"))
	// Output:
	// AB123456C true
	// TN010284M false
}

func ExampleParsePostcode() {
	p := value.ParsePostcode(" sw1a1aa")
	fmt.Printf("%q %q %q %q %v\n", p.Full, p.Area, p.District, p.Sector, p.Valid)
	p = value.ParsePostcode("4223")
	fmt.Printf("%q %v\n", p.Full, p.Valid)
	// Output:
	// "SW1A 1AA" "SW" "SW1A" "SW1A 1" true
	// "4223" false
}

func ExampleParseSortCode() {
	fmt.Println(value.ParseSortCode("08-12-34"))
	fmt.Println(value.ParseAccount("0123 4567"))
	// Output:
	// 081234 true
	// 01234567 true
}
