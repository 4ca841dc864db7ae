package value

import (
	"fmt"
	"math"
	"strings"
)

// MoneyUnit says how a money column without a decimal point is written.
type MoneyUnit uint8

const (
	// Pence is the NFI specification's layout and the zero value: whole
	// pence, no pound sign, no decimal point ("12345" is £123.45).
	Pence MoneyUnit = iota
	// Pounds is for extracts that write pounds ("123.45", "1,234.50",
	// "£12", "12" is £12.00).
	Pounds
)

// String is the unit's name, as ParseMoneyUnit reads it.
func (u MoneyUnit) String() string {
	switch u {
	case Pence:
		return "pence"
	case Pounds:
		return "pounds"
	}
	return fmt.Sprintf("MoneyUnit(%d)", uint8(u))
}

// ParseMoneyUnit reads a unit name from a job file: "pence" or "pounds" (any
// case).
func ParseMoneyUnit(name string) (MoneyUnit, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "pence":
		return Pence, nil
	case "pounds":
		return Pounds, nil
	}
	// A unit name is configuration, not personal data: quoting it helps.
	return 0, fmt.Errorf("%w %q (known: pence, pounds)", ErrUnknownMoneyUnit, name)
}

// ParseMoney reads an amount as integer pence. Blank text is an unknown
// amount: ok is false and err nil, never a zero amount.
//
// A value with a decimal point or a pound sign is in pounds whatever the
// unit ("123.45" and "£123" are pounds even in a Pence column), because
// nothing else makes sense of them; a value of bare digits is read in unit.
// Accepted: surrounding white space, a "£" sign, a leading "-" or "+" (before
// or after the "£"), a trailing "-" (mainframe style "12.30-"), an
// accounting negative in brackets "(12.30)", and thousands separators ","
// in groups of three ("1,234,567.89"; "12,34" is refused, as it may be a
// decimal comma). One or two decimals are pence ("12.3" is 1230); further
// decimals must be zeros ("12.300"), else the error is [ErrSubPenny]:
// nothing is rounded silently. Other errors are [ErrNotMoney] and
// [ErrMoneyOverflow]; on error pence is 0 and ok false.
func ParseMoney(s string, unit MoneyUnit) (pence int64, ok bool, err error) {
	s = trimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	neg, signed := false, false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg, signed = true, true
		s = trimSpace(s[1 : len(s)-1])
	}
	pounds, poundSign := unit == Pounds, false
	for k := 0; k < 2 && s != ""; k++ { // a sign and a "£", in either order
		switch {
		case (s[0] == '-' || s[0] == '+') && !signed:
			neg, signed = s[0] == '-', true
			s = trimSpace(s[1:])
		case strings.HasPrefix(s, "£") && !poundSign:
			pounds, poundSign = true, true
			s = trimSpace(s[len("£"):])
		}
	}
	if !signed && len(s) >= 2 && s[len(s)-1] == '-' {
		neg, signed = true, true
		s = s[:len(s)-1]
	}
	v, point, err := parseAmount(s)
	if err != nil {
		return 0, false, err
	}
	if pounds && point < 0 {
		point = 0
	}
	for ; point >= 0 && point < 2; point++ { // pounds to pence
		if v > math.MaxInt64/10 {
			return 0, false, ErrMoneyOverflow
		}
		v *= 10
	}
	if neg {
		v = -v
	}
	return v, true, nil
}

// parseAmount reads digits with optional thousands commas and an optional
// decimal point; point is the number of decimals kept (0 to 2), or -1 when
// there is no decimal point.
func parseAmount(s string) (v int64, point int, err error) {
	point = -1
	digits, group, commas := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			digits++
			if point >= 0 {
				if point == 2 {
					if c != '0' {
						return 0, 0, ErrSubPenny
					}
					continue
				}
				point++
			} else {
				group++
			}
			if v > (math.MaxInt64-int64(c-'0'))/10 {
				return 0, 0, ErrMoneyOverflow
			}
			v = v*10 + int64(c-'0')
		case c == ',':
			if point >= 0 || group == 0 || group > 3 || commas > 0 && group != 3 {
				return 0, 0, ErrNotMoney
			}
			commas++
			group = 0
		case c == '.':
			if point >= 0 || commas > 0 && group != 3 {
				return 0, 0, ErrNotMoney
			}
			point = 0
		default:
			return 0, 0, ErrNotMoney
		}
	}
	if digits == 0 || commas > 0 && point < 0 && group != 3 {
		return 0, 0, ErrNotMoney
	}
	return v, point, nil
}
