package value

import "testing"

func BenchmarkParseDate(b *testing.B) {
	cases := []struct {
		name   string
		layout DateLayout
		in     string
	}{
		{"ddmmyyyy", LayoutDDMMYYYY, "05/03/1984"},
		{"ddmmyyyy-digits", LayoutDDMMYYYY, "05031984"},
		{"dd-mon-yy", LayoutDDMonYY, "05-MAR-84"},
		{"iso-time", LayoutISO, "1984-03-05T00:00:00"},
		{"auto", LayoutAuto, "5/3/84"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			p := DateParser{Layout: c.layout}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Parse(c.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("null-dates", func(b *testing.B) {
		p := DateParser{Layout: LayoutDDMMYYYY, NullDates: []string{"01/01/1900", "31/12/9999"}}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Parse("05/03/1984"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParseISODate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseISODate("1984-03-05"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDetectDateLayout(b *testing.B) {
	sample := make([]string, 100)
	for i := range sample {
		sample[i] = "05/03/1984"
	}
	b.ReportAllocs()
	for b.Loop() {
		DetectDateLayout(sample)
	}
}

func BenchmarkParsePostcode(b *testing.B) {
	for _, in := range []string{"SW1A 1AA", "sw1a1aa", "4223"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParsePostcode(in)
			}
		})
	}
}

func BenchmarkParseNI(b *testing.B) {
	for _, in := range []string{"AB123456C", "ab 12 34 56 c"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseNI(in)
			}
		})
	}
}

func BenchmarkParseMoney(b *testing.B) {
	for _, in := range []string{"12345", "1,234.50"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParseMoney(in, Pounds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
