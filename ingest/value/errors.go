package value

import "errors"

// The errors the parsers return. They name what is wrong, never the value, so
// a caller can wrap them with the file, line and field (payroll.csv:118: dob:
// not a date) and log them without leaking personal data. Compare with
// [errors.Is].
var (
	// ErrNotDate means the text is not shaped like a date in the layout.
	ErrNotDate = errors.New("not a date")
	// ErrImpossibleDate means the text is shaped like a date but names no
	// calendar day: 31/02/2001, 29/02/2001, 00/00/0000, month 13, or the Excel
	// serial 60 (Excel's 29 February 1900, a day that never was).
	ErrImpossibleDate = errors.New("no such calendar date")
	// ErrDateOutOfRange means a real calendar date outside the years the
	// parsers accept ([MinYear] to [MaxYear]); in council extracts such a date
	// is a typing error (1084 for 1984) or an 8-digit value in another layout.
	ErrDateOutOfRange = errors.New("date outside the accepted years")
	// ErrUnknownDateLayout means a date layout name (from a job file) is not one
	// [ParseDateLayout] knows.
	ErrUnknownDateLayout = errors.New("unknown date layout")

	// ErrNotMoney means the text is not an amount of money.
	ErrNotMoney = errors.New("not an amount of money")
	// ErrSubPenny means the amount has non-zero digits beyond the pennies
	// (12.345); nfi never rounds an amount silently.
	ErrSubPenny = errors.New("amount has fractions of a penny")
	// ErrMoneyOverflow means the amount does not fit in an int64 of pence.
	ErrMoneyOverflow = errors.New("amount too large")
	// ErrUnknownMoneyUnit means a money unit name (from a job file) is not one
	// [ParseMoneyUnit] knows.
	ErrUnknownMoneyUnit = errors.New("unknown money unit")
)
