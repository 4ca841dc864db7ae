package value

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05/03/1984", "5.3.84", "05031984", "5031984", "50384", "1984-03-05",
		"05-Mar-84", "5 September 1984", "19840305", "30746.5", "29/02/2000", "31/04/2001",
		"05/03/1984 00:00:00", "1984-03-05T00:00:00Z", "\u00a005/03/1984", "1 2 3", "--", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range DateLayouts() {
			p := DateParser{Layout: l}
			d, err := p.Parse(s)
			if err != nil {
				if d != 0 {
					t.Fatalf("%v Parse(%q) = %v with error %v: partial result", l, s, d, err)
				}
				if !errors.Is(err, ErrNotDate) && !errors.Is(err, ErrImpossibleDate) && !errors.Is(err, ErrDateOutOfRange) {
					t.Fatalf("%v Parse(%q): unexpected error %v", l, s, err)
				}
				continue
			}
			if d == 0 {
				continue
			}
			if !d.Valid() || d.Year() < MinYear {
				t.Fatalf("%v Parse(%q) = %d, not a valid date", l, s, d)
			}
			if back, err := ParseISODate(d.String()); err != nil || back != d {
				t.Fatalf("ISO round trip of %v: %v, %v", d, back, err)
			}
			if swapped, ok := d.SwappedDayMonth(); ok && (!swapped.Valid() || swapped == d) {
				t.Fatalf("%v.SwappedDayMonth() = %v", d, swapped)
			}
			text := l.Format(d)
			if text == "" { // an Excel date before 1900 cannot be written
				continue
			}
			if (l == LayoutDDMMYY || l == LayoutDDMonYY) && (d.Year() > DefaultPivotYear || d.Year() <= DefaultPivotYear-100) {
				continue // a two-digit year outside the pivot's hundred years
			}
			back, err := p.Parse(text)
			if err != nil || back != d {
				t.Fatalf("%v: Parse(%q) = %v, reformatted %q parses as %v, %v", l, s, d, text, back, err)
			}
		}
		DetectDateLayout([]string{s, s})
	})
}

func FuzzParseISODate(f *testing.F) {
	f.Add("2026-01-31")
	f.Add("2023-02-29")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseISODate(s)
		if err != nil {
			if d != 0 {
				t.Fatalf("partial result %v", d)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseISODate(%q) = %v, String %q", s, d, d.String())
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"", "0", "12345", "123.45", "1,234.50", "£1,234", "-5.00", "(5.00)", "5.00-",
		"1.2.3", "abc", "99999999999999999999", "12.300", "12.345", ".5", "£-5"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, u uint8) {
		unit := MoneyUnit(u % 2)
		pence, ok, err := ParseMoney(s, unit)
		if err != nil {
			if pence != 0 || ok {
				t.Fatalf("ParseMoney(%q) = %d, %v with error %v: partial result", s, pence, ok, err)
			}
			if !errors.Is(err, ErrNotMoney) && !errors.Is(err, ErrSubPenny) && !errors.Is(err, ErrMoneyOverflow) {
				t.Fatalf("ParseMoney(%q): unexpected error %v", s, err)
			}
			return
		}
		if !ok {
			if pence != 0 || trimSpace(s) != "" {
				t.Fatalf("ParseMoney(%q) = %d, not ok, without error", s, pence)
			}
			return
		}
		// Written back in pounds, the amount reads as itself in either unit.
		abs, sign := pence, ""
		if abs < 0 {
			abs, sign = -abs, "-"
		}
		text := fmt.Sprintf("%s%d.%02d", sign, abs/100, abs%100)
		for _, unit := range []MoneyUnit{Pence, Pounds} {
			if back, ok, err := ParseMoney(text, unit); back != pence || !ok || err != nil {
				t.Fatalf("ParseMoney(%q) = %d, but %q in %v gives %d, %v, %v", s, pence, text, unit, back, ok, err)
			}
		}
	})
}

func FuzzParseNI(f *testing.F) {
	for _, s := range []string{"AB123456C", "ab 12 34 56 c", "AB-12-34-56", "TN010284M", "", "\xc2 \xa0", "N/A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, valid := ParseNI(s)
		if n2, v2 := ParseNI(norm); n2 != norm || v2 != valid {
			t.Fatalf("ParseNI(%q) = %q, %v; again %q, %v", s, norm, valid, n2, v2)
		}
		if valid && (len(norm) < 8 || len(norm) > 9) {
			t.Fatalf("ParseNI(%q) valid with %q", s, norm)
		}
		if b, v := AppendNI([]byte("x"), s); string(b) != "x"+norm || v != valid {
			t.Fatalf("AppendNI(%q) = %q, %v; ParseNI gives %q, %v", s, b, v, norm, valid)
		}
		if utf8.ValidString(s) && !utf8.ValidString(norm) {
			t.Fatalf("ParseNI(%q) broke UTF-8: %q", s, norm)
		}
	})
}

func FuzzParsePostcode(f *testing.F) {
	for _, s := range []string{"SW1A 1AA", "sw1a1aa", " SW1A  1AA ", "GIR 0AA", "M1 1AE", "4223", "", "W1A\u00a00AX", "\xc2\t\xa0",
		"XB11 9GL", "A1 1AA", "AB1 2CD", "1234 567", "AB12 3Cd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := ParsePostcode(s)
		if q, ok := splitNormal(trimSpace(s)); ok && q != parsePostcodeText(trimSpace(s)) {
			t.Fatalf("ParsePostcode(%q): a normal form split as it stands gives %+v, squeezed %+v", s, q, parsePostcodeText(trimSpace(s)))
		}
		if again := ParsePostcode(p.Full); again != p {
			t.Fatalf("ParsePostcode(%q) = %+v; again %+v", s, p, again)
		}
		if b, v := AppendPostcode([]byte("x"), s); string(b) != "x"+p.Full || v != p.Valid {
			t.Fatalf("AppendPostcode(%q) = %q, %v; ParsePostcode gives %q, %v", s, b, v, p.Full, p.Valid)
		}
		if p.Valid {
			if p.Unit != p.Full || len(p.Full) < 6 || len(p.Full) > 8 || !strings.HasPrefix(p.Sector, p.District+" ") ||
				!strings.HasPrefix(p.District, p.Area) || !strings.HasPrefix(p.Full, p.Sector) {
				t.Fatalf("ParsePostcode(%q) parts inconsistent: %+v", s, p)
			}
		} else if p.Area != "" || p.District != "" || p.Sector != "" || p.Unit != "" {
			t.Fatalf("ParsePostcode(%q) invalid with parts: %+v", s, p)
		}
		if utf8.ValidString(s) && !utf8.ValidString(p.Full) {
			t.Fatalf("ParsePostcode(%q) broke UTF-8: %q", s, p.Full)
		}
	})
}

func FuzzParseBank(f *testing.F) {
	for _, s := range []string{"20-00-00", "20 00 00", "12345678", "21/11/1997", "", "\xc2-\xa0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, valid := ParseSortCode(s)
		if n2, v2 := ParseSortCode(norm); n2 != norm || v2 != valid {
			t.Fatalf("ParseSortCode(%q) = %q, %v; again %q, %v", s, norm, valid, n2, v2)
		}
		norm, valid = ParseAccount(s)
		if n2, v2 := ParseAccount(norm); n2 != norm || v2 != valid {
			t.Fatalf("ParseAccount(%q) = %q, %v; again %q, %v", s, norm, valid, n2, v2)
		}
	})
}
