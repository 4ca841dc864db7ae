package value

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in    string
		unit  MoneyUnit
		pence int64
		ok    bool
		err   error
	}{
		{"", Pence, 0, false, nil},
		{"   ", Pounds, 0, false, nil},
		{"\u00a0", Pence, 0, false, nil},
		{"0", Pence, 0, true, nil},
		{"0", Pounds, 0, true, nil},
		{"-0", Pence, 0, true, nil},
		{"12345", Pence, 12345, true, nil},
		{"12345", Pounds, 1234500, true, nil},
		{"00012345", Pence, 12345, true, nil},
		{"123.45", Pence, 12345, true, nil}, // decimal point: pounds whatever the unit
		{"123.45", Pounds, 12345, true, nil},
		{"12.3", Pounds, 1230, true, nil},
		{"12.", Pounds, 1200, true, nil},
		{".5", Pounds, 50, true, nil},
		{"12.300", Pounds, 1230, true, nil}, // extra zeros are harmless
		{"12.345", Pounds, 0, false, ErrSubPenny},
		{"1,234.50", Pounds, 123450, true, nil},
		{"1,234.50", Pence, 123450, true, nil},
		{"1,234,567.89", Pounds, 123456789, true, nil},
		{"1,234", Pence, 1234, true, nil},
		{"£1,234", Pence, 123400, true, nil}, // pound sign: pounds whatever the unit
		{"£1,234", Pounds, 123400, true, nil},
		{"£12", Pounds, 1200, true, nil},
		{"£ 12.30", Pounds, 1230, true, nil},
		{"-5.00", Pounds, -500, true, nil},
		{"+5.00", Pounds, 500, true, nil},
		{"(5.00)", Pounds, -500, true, nil},
		{"( 5.00 )", Pounds, -500, true, nil},
		{"(£5.00)", Pounds, -500, true, nil},
		{"-£5.00", Pounds, -500, true, nil},
		{"£-5.00", Pounds, -500, true, nil},
		{"5.00-", Pounds, -500, true, nil},
		{"-500", Pence, -500, true, nil},
		{" 12.30 ", Pounds, 1230, true, nil},
		{"1.2.3", Pounds, 0, false, ErrNotMoney},
		{"abc", Pounds, 0, false, ErrNotMoney},
		{"12,34", Pounds, 0, false, ErrNotMoney}, // a decimal comma, perhaps
		{"1,2345", Pounds, 0, false, ErrNotMoney},
		{"1234,567", Pounds, 0, false, ErrNotMoney},
		{",123", Pounds, 0, false, ErrNotMoney},
		{"1,", Pounds, 0, false, ErrNotMoney},
		{"1,234.5,6", Pounds, 0, false, ErrNotMoney},
		{"1,23.45", Pounds, 0, false, ErrNotMoney},
		{"-", Pounds, 0, false, ErrNotMoney},
		{".", Pounds, 0, false, ErrNotMoney},
		{"£", Pounds, 0, false, ErrNotMoney},
		{"()", Pounds, 0, false, ErrNotMoney},
		{"--5", Pounds, 0, false, ErrNotMoney},
		{"-(5)", Pounds, 0, false, ErrNotMoney},
		{"(-5)", Pounds, 0, false, ErrNotMoney},
		{"-5-", Pounds, 0, false, ErrNotMoney},
		{"££5", Pounds, 0, false, ErrNotMoney},
		{"1 234", Pounds, 0, false, ErrNotMoney},
		{"1e3", Pounds, 0, false, ErrNotMoney},
		{"12p", Pence, 0, false, ErrNotMoney},
		{"$12", Pounds, 0, false, ErrNotMoney},
		{"99999999999999999999", Pence, 0, false, ErrMoneyOverflow},
		{"9223372036854775807", Pence, 9223372036854775807, true, nil},
		{"-9223372036854775807", Pence, -9223372036854775807, true, nil},
		{"9223372036854775808", Pence, 0, false, ErrMoneyOverflow},
		{"92233720368547758.07", Pounds, 9223372036854775807, true, nil},
		{"92233720368547758.08", Pounds, 0, false, ErrMoneyOverflow},
		{"92233720368547759", Pounds, 0, false, ErrMoneyOverflow},
		{"92233720368547758.1", Pounds, 0, false, ErrMoneyOverflow},
	}
	for _, tt := range tests {
		pence, ok, err := ParseMoney(tt.in, tt.unit)
		if pence != tt.pence || ok != tt.ok || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("ParseMoney(%q, %v) = %d, %v, %v, want %d, %v, %v", tt.in, tt.unit, pence, ok, err, tt.pence, tt.ok, tt.err)
		}
	}
}

func TestParseMoneyUnit(t *testing.T) {
	for _, u := range []MoneyUnit{Pence, Pounds} {
		if got, err := ParseMoneyUnit(u.String()); err != nil || got != u {
			t.Errorf("ParseMoneyUnit(%q) = %v, %v", u.String(), got, err)
		}
	}
	if got, err := ParseMoneyUnit(" Pounds "); err != nil || got != Pounds {
		t.Errorf("ParseMoneyUnit(Pounds) = %v, %v", got, err)
	}
	if _, err := ParseMoneyUnit("euros"); !errors.Is(err, ErrUnknownMoneyUnit) {
		t.Errorf("ParseMoneyUnit(euros) err = %v", err)
	}
	if s := MoneyUnit(9).String(); s != "MoneyUnit(9)" {
		t.Errorf("MoneyUnit(9).String() = %q", s)
	}
}
