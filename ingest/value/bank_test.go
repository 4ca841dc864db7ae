package value

import "testing"

func TestParseSortCode(t *testing.T) {
	tests := []struct {
		in    string
		norm  string
		valid bool
	}{
		{"20-00-00", "200000", true},
		{"200000", "200000", true},
		{"20 00 00", "200000", true},
		{" 08-12-34 ", "081234", true}, // leading zero kept
		{"", "", false},
		{"20-00-0", "20000", false},
		{"20-00-000", "2000000", false},
		{"21/11/1997", "21/11/1997", false}, // mangled into a date: not repaired
		{"2o-00-00", "2o0000", false},
		{"20.00.00", "20.00.00", false},
	}
	for _, tt := range tests {
		norm, valid := ParseSortCode(tt.in)
		if norm != tt.norm || valid != tt.valid {
			t.Errorf("ParseSortCode(%q) = %q, %v, want %q, %v", tt.in, norm, valid, tt.norm, tt.valid)
		}
		if n2, v2 := ParseSortCode(norm); n2 != norm || v2 != valid {
			t.Errorf("ParseSortCode(%q) not idempotent", norm)
		}
	}
}

func TestParseAccount(t *testing.T) {
	tests := []struct {
		in    string
		norm  string
		valid bool
	}{
		{"12345678", "12345678", true},
		{"01234567", "01234567", true}, // leading zero kept
		{"1234567", "1234567", true},   // not padded
		{"123456", "123456", true},
		{"1234567890", "1234567890", true},
		{"12345", "12345", false},
		{"12345678901", "12345678901", false},
		{"1234 5678", "12345678", true},
		{"1234-5678", "12345678", true},
		{"", "", false},
		{"1234567E", "1234567E", false},
		{"1.2345678E+07", "1.2345678E+07", false}, // a spreadsheet's number: not repaired
	}
	for _, tt := range tests {
		norm, valid := ParseAccount(tt.in)
		if norm != tt.norm || valid != tt.valid {
			t.Errorf("ParseAccount(%q) = %q, %v, want %q, %v", tt.in, norm, valid, tt.norm, tt.valid)
		}
		if n2, v2 := ParseAccount(norm); n2 != norm || v2 != valid {
			t.Errorf("ParseAccount(%q) not idempotent", norm)
		}
	}
}
