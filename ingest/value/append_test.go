package value

import "testing"

// TestAppendMatchesParse checks that each Append function appends what
// its Parse function returns, and reports the same validity, after a
// prefix that must be left alone.
func TestAppendMatchesParse(t *testing.T) {
	inputs := []string{"", " ", "ab 12 34 56 c", "AB123456C", "AB-12.34.56-C", "tn311299m", "AB\u00a012\u00a034\u00a056\u00a0C",
		"20-00-00", "20 00 00", "200000", "2000000", "1234 5678", "12-34-5678", "12345",
		"sw1a1aa", " SW1A  1AA ", "SW1A 1AA", "gir0aa", "ls1 4ap", "N/A", "4223", "not  known", "ec1a\t1bb", "SW1A 1AAA"}
	type fn struct {
		name   string
		parse  func(string) (string, bool)
		append func([]byte, string) ([]byte, bool)
	}
	fns := []fn{
		{"NI", ParseNI, AppendNI},
		{"SortCode", ParseSortCode, AppendSortCode},
		{"Account", ParseAccount, AppendAccount},
		{"Postcode", func(s string) (string, bool) { p := ParsePostcode(s); return p.Full, p.Valid }, AppendPostcode},
	}
	for _, f := range fns {
		for _, in := range inputs {
			want, wantOK := f.parse(in)
			b, ok := f.append([]byte("prefix:"), in)
			if string(b) != "prefix:"+want || ok != wantOK {
				t.Errorf("Append%s(%q) = %q, %v; want %q, %v", f.name, in, b, ok, "prefix:"+want, wantOK)
			}
		}
	}
}
