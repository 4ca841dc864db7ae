package value

import "testing"

func TestParseNI(t *testing.T) {
	tests := []struct {
		in    string
		norm  string
		valid bool
	}{
		{"AB123456C", "AB123456C", true},
		{"ab123456c", "AB123456C", true},
		{"AB 12 34 56 C", "AB123456C", true},
		{" AB-12-34-56-C ", "AB123456C", true},
		{"AB.12.34.56.C", "AB123456C", true},
		{"AB\u00a0123456\u00a0C", "AB123456C", true},
		{"AB123456", "AB123456", true},   // suffix absent
		{"AB123456 ", "AB123456", true},  // suffix blank
		{"AB123456D", "AB123456D", true}, // D is the last suffix
		{"AB123456E", "AB123456E", false},
		{"AB1234567", "AB1234567", false},
		{"AB12345C", "AB12345C", false},
		{"AB12345", "AB12345", false},
		{"AB123456CC", "AB123456CC", false},
		{"A1123456C", "A1123456C", false},
		{"1B123456C", "1B123456C", false},
		{"AB12E456C", "AB12E456C", false},
		// First letter.
		{"DA123456C", "DA123456C", false},
		{"FA123456C", "FA123456C", false},
		{"IA123456C", "IA123456C", false},
		{"QA123456C", "QA123456C", false},
		{"UA123456C", "UA123456C", false},
		{"VA123456C", "VA123456C", false},
		{"OA123456C", "OA123456C", true}, // O is allowed first
		// Second letter.
		{"AD123456C", "AD123456C", false},
		{"AF123456C", "AF123456C", false},
		{"AI123456C", "AI123456C", false},
		{"AO123456C", "AO123456C", false},
		{"AQ123456C", "AQ123456C", false},
		{"AU123456C", "AU123456C", false},
		{"AV123456C", "AV123456C", false},
		// Prefixes never allocated, temporary numbers.
		{"BG123456C", "BG123456C", false},
		{"GB123456C", "GB123456C", false},
		{"KN123456C", "KN123456C", false},
		{"NK123456C", "NK123456C", false},
		{"NT123456C", "NT123456C", false},
		{"TN123456C", "TN123456C", false},
		{"TN 01 02 84 M", "TN010284M", false},
		{"ZZ123456C", "ZZ123456C", false},
		{"NA123456C", "NA123456C", true},
		{"ZA123456C", "ZA123456C", true},
		// Junk is kept, cleaned, for counting.
		{"", "", false},
		{"   ", "", false},
		{"n/a", "N/A", false},
		{"ÀB123456C", "ÀB123456C", false},
		{"AB123456C\u00e9", "AB123456C\u00e9", false},
		{"\xc2 \xa0", "", false}, // a no-break space formed by the join is dropped too
	}
	for _, tt := range tests {
		norm, valid := ParseNI(tt.in)
		if norm != tt.norm || valid != tt.valid {
			t.Errorf("ParseNI(%q) = %q, %v, want %q, %v", tt.in, norm, valid, tt.norm, tt.valid)
		}
		if n2, v2 := ParseNI(norm); n2 != norm || v2 != valid {
			t.Errorf("ParseNI(%q) not idempotent: %q, %v", norm, n2, v2)
		}
	}
}
