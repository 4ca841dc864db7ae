package report

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestNeutralise(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"=1+1", "'=1+1"},
		{"+44 20 7946 0000", "'+44 20 7946 0000"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=cmd", "'\t=cmd"},
		{"\r=cmd", "'\r=cmd"},
		{"'=already", "'=already"},
		{" =space first", " =space first"},
		{"SMITH", "SMITH"},
		{"a=b", "a=b"},
		{"０=full width", "０=full width"},
	} {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"", "=", "+1", "-", "@a", "'=", "\t", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Neutralise(s)
		if Neutralise(n) != n {
			t.Errorf("neutralising twice changes %q", s)
		}
		if needsNeutralising(n) {
			t.Errorf("%q still begins with a formula character", n)
		}
		if n != s && n != "'"+s {
			t.Errorf("Neutralise(%q) = %q: more than a quote added", s, n)
		}
	})
}

// stdCSV is what encoding/csv writes for the row.
func stdCSV(row []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(row)
	w.Flush()
	return b.Bytes()
}

func ourCSV(row []string) []byte {
	var b bytes.Buffer
	c := newCSVWriter(&b)
	for _, s := range row {
		c.raw(s)
	}
	c.end()
	c.flush()
	return b.Bytes()
}

func TestCSVWriterAsEncodingCSV(t *testing.T) {
	for _, row := range [][]string{
		{""},
		{"a", "b"},
		{"a,b", `say "hi"`, "line\nbreak", "cr\r\nlf"},
		{" leading space", "\tleading tab", "\u00a0nbsp", `\.`},
		{"", "", ""},
		{"ünïcödé", "€"},
	} {
		if got, want := ourCSV(row), stdCSV(row); !bytes.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", row, got, want)
		}
	}
}

func FuzzCSVWriter(f *testing.F) {
	f.Add("a", "b,c", "\"q\"")
	f.Add(" x", "\r\n", `\.`)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		row := []string{a, b, c}
		if got, want := ourCSV(row), stdCSV(row); !bytes.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", row, got, want)
		}
		// Neutralised text cells read back as the neutralised value.
		var buf bytes.Buffer
		cw := newCSVWriter(&buf)
		for _, s := range row {
			cw.text(s)
		}
		cw.end()
		cw.flush()
		want := stdCSV([]string{Neutralise(a), Neutralise(b), Neutralise(c)})
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("text %q: got %q, want %q", row, buf.Bytes(), want)
		}
	})
}

func FuzzPounds(f *testing.F) {
	for _, s := range []string{"0", "5", "-5", "123456", "", "-", "1.2", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := pounds(s)
		if !ok {
			return
		}
		// Taking the point out gives the pence back, with leading zeros.
		back := bytes.ReplaceAll([]byte(got), []byte("."), nil)
		if bytes.Count([]byte(got), []byte(".")) != 1 || len(got) < 4 || got[len(got)-3] != '.' {
			t.Fatalf("pounds(%q) = %q", s, got)
		}
		trim := bytes.TrimLeft(bytes.TrimPrefix(back, []byte("-")), "0")
		orig := bytes.TrimLeft([]byte(s[len(s)-len(bytes.TrimPrefix([]byte(s), []byte("-"))):]), "0")
		if !bytes.Equal(trim, orig) {
			t.Fatalf("pounds(%q) = %q loses digits", s, got)
		}
	})
}
