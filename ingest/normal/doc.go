// Package normal normalises British names and addresses so that records
// from different systems can be compared. Everything it returns is
// upper-case ASCII.
//
// # Text
//
// [Fold] turns any text into upper-case ASCII: accents are removed (Zoë
// ZOE, Łukasz LUKASZ, Søren SOREN, Straße STRASSE), curly apostrophes
// become ' (O’Brien O'BRIEN), dashes become - and odd spaces become spaces.
// Fold everything before comparing it: the string metrics used by the
// matcher compare bytes.
//
// # Names
//
// [ParseName] takes the title, forenames, middle names and surname fields
// of a record and returns a [Name]: titles moved out ("Mr John" gives title
// MR), forenames as tokens, the surname without spaces, hyphens and
// apostrophes (O'Brien OBRIEN, Smith-Jones SMITHJONES) together with its
// parts (SMITH, JONES) for double-barrelled names, and a generational
// suffix (JR, SR) when there is one. [SurnameKey] gives the form used to
// compare Mc and Mac (MACDONALD and MCDONALD both give MCDONALD).
//
//	n := normal.ParseName("", "Mr John-Paul", "", "O’Brien-Smith")
//	// n.Title "MR", n.Forenames [JOHNPAUL], n.Surname "OBRIENSMITH",
//	// n.SurnameParts [OBRIEN SMITH]
//
// [Nicknames] knows British forename variants (BILL and WILLIAM, PEGGY and
// MARGARET, KATE and CATHERINE); build it once with [NewNicknames] and
// share it between goroutines.
//
// # Addresses
//
// [ParseAddress] takes the address lines (without the postcode) and returns
// an [Address]: flat, house number, house name, street and locality, with
// street words standardised (HIGH STREET HIGH ST). [Address.Key] gives a
// compact key for household matching, equal for "Flat 2, 14 High Street"
// and "2/14 High St".
//
// # Without allocating
//
// The functions above allocate their results. A caller normalising
// millions of rows gives each goroutine a [Scratch], whose methods of the
// same names (ParseName, ParseAddress, ParseCompany, InvoiceNumber, Fold,
// SurnameKey) reuse its memory row after row (their results are valid
// until its Reset), and appends with [AppendFold].
//
// # Personal data
//
// None of these functions returns an error, logs or panics: a value that
// cannot be normalised gives empty fields, which the matcher treats as
// missing. Nothing here ever echoes its input anywhere but in its result.
package normal
