package value

import "testing"

func TestParsePostcode(t *testing.T) {
	tests := []struct {
		in   string
		want Postcode
	}{
		// The six formats.
		{"M1 1AE", Postcode{"M1 1AE", "M", "M1", "M1 1", "M1 1AE", true}},
		{"B33 8TH", Postcode{"B33 8TH", "B", "B33", "B33 8", "B33 8TH", true}},
		{"CR2 6XH", Postcode{"CR2 6XH", "CR", "CR2", "CR2 6", "CR2 6XH", true}},
		{"DN55 1PT", Postcode{"DN55 1PT", "DN", "DN55", "DN55 1", "DN55 1PT", true}},
		{"W1A 0AX", Postcode{"W1A 0AX", "W", "W1A", "W1A 0", "W1A 0AX", true}},
		{"EC1A 1BB", Postcode{"EC1A 1BB", "EC", "EC1A", "EC1A 1", "EC1A 1BB", true}},
		{"GIR 0AA", Postcode{"GIR 0AA", "GIR", "GIR", "GIR 0", "GIR 0AA", true}},
		{"gir0aa", Postcode{"GIR 0AA", "GIR", "GIR", "GIR 0", "GIR 0AA", true}},
		// Case and spacing.
		{"sw1a1aa", Postcode{"SW1A 1AA", "SW", "SW1A", "SW1A 1", "SW1A 1AA", true}},
		{" SW1A  1AA ", Postcode{"SW1A 1AA", "SW", "SW1A", "SW1A 1", "SW1A 1AA", true}},
		{"SW1A\u00a01AA", Postcode{"SW1A 1AA", "SW", "SW1A", "SW1A 1", "SW1A 1AA", true}},
		{"SW1A\t1AA", Postcode{"SW1A 1AA", "SW", "SW1A", "SW1A 1", "SW1A 1AA", true}},
		{"S W1A 1AA", Postcode{"SW1A 1AA", "SW", "SW1A", "SW1A 1", "SW1A 1AA", true}},
		{"m11ae", Postcode{"M1 1AE", "M", "M1", "M1 1", "M1 1AE", true}},
		// Not UK postcodes: kept as cleaned text.
		{"", Postcode{}},
		{"   ", Postcode{}},
		{"4223", Postcode{Full: "4223"}},
		{"n/a", Postcode{Full: "N/A"}},
		{"SW1A IAA", Postcode{Full: "SW1A IAA"}}, // I for 1 is not corrected
		{"0X1 1AA", Postcode{Full: "0X1 1AA"}},   // 0 for O is not corrected
		{"SWIA 1AA", Postcode{Full: "SWIA 1AA"}},
		{"sw1a   1a", Postcode{Full: "SW1A 1A"}},
		{"SW1A 1AAA", Postcode{Full: "SW1A 1AAA"}},
		{"SW1A1AA1", Postcode{Full: "SW1A1AA1"}},
		{"AAA 1AA", Postcode{Full: "AAA 1AA"}},
		{"A1 AAA", Postcode{Full: "A1 AAA"}},
		{"1A 1AA", Postcode{Full: "1A 1AA"}},
		{"A 1AA", Postcode{Full: "A 1AA"}},
		{"ABC1 1AA", Postcode{Full: "ABC1 1AA"}},
		{"AB1AB 1AA", Postcode{Full: "AB1AB 1AA"}},
		{"SW1A-1AA", Postcode{Full: "SW1A-1AA"}},
		{"75008 Paris", Postcode{Full: "75008 PARIS"}},
		{"é1 1AA", Postcode{Full: "é1 1AA"}},
	}
	for _, tt := range tests {
		got := ParsePostcode(tt.in)
		if got != tt.want {
			t.Errorf("ParsePostcode(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if again := ParsePostcode(got.Full); again != got {
			t.Errorf("ParsePostcode(%q) not idempotent: %+v", got.Full, again)
		}
	}
}
