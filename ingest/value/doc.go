// Package value reads the typed values of council extracts: dates, money,
// National Insurance numbers, postcodes and bank details. Its functions are
// pure (no I/O, no configuration outside their arguments), safe for
// concurrent use, and fast enough to run on every field of every row.
//
// # Dates
//
// A [Date] is a calendar date packed as yyyymmdd; 0 is unknown. Extracts
// write dates day first in many ways, so a column is read by a [DateParser]
// whose [DateLayout] is declared in the job (see [ParseDateLayout]) or found
// from a sample of the column by [DetectDateLayout]:
//
//	layout, ok := value.DetectDateLayout(sample) // dd/mm/yyyy, dd/mm/yy, dd-mon-yyyy...
//	if !ok {
//		layout = value.LayoutAuto // each value read on its own
//	}
//	p := value.DateParser{Layout: layout, NullDates: []string{"01/01/1900", "31/12/9999"}}
//	dob, err := p.Parse("5/3/84") // 1984-03-05
//
// Blank text and declared null dates give the zero Date without error. An
// error is [ErrNotDate], [ErrImpossibleDate] (31/04/2001) or
// [ErrDateOutOfRange]. yyyymmdd values and Excel serial numbers are read
// only when declared, because eight digits could as well be ddmmyyyy. Two
// digit years are placed so that they are not after [DateParser.PivotYear].
// nfi writes dates in ISO form ([Date.String]) and reads its own files back
// with [ParseISODate]. [Date.SwappedDayMonth], [DigitsOneOff] and
// [YearsBetween] serve the fuzzy levels of date comparisons.
//
// # Money
//
// [ParseMoney] gives integer pence. The NFI specification writes pence
// ("12345" is £123.45, unit [Pence]); many extracts write pounds ("123.45",
// "1,234.50", "(5.00)"): a value with a decimal point or a pound sign is read
// as pounds whatever the unit. A blank amount is unknown (ok false), never
// zero; nothing is rounded.
//
// # Identifiers
//
// [ParseNI], [ParsePostcode], [ParseSortCode] and [ParseAccount] return a
// normal form and whether it is valid. An invalid value is returned, cleaned,
// rather than dropped: the engine counts and reports it, and may still
// compare it as text. Identifiers stay text, so leading zeros are kept.
//
// # Errors and personal data
//
// Errors are the sentinel values of this package, which never include the
// text that was read: callers wrap them with the file, line and field.
package value
