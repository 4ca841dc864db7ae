// Package ingest turns a council's extracts into validated, typed and
// normalised records that the match package can compare.
//
// The dataset catalogue ([Catalogue]) says, for each kind of dataset an NFI
// officer may supply (payroll, pensions, deceased, ...), which canonical
// fields it has, which are required, their types and the header names
// councils commonly use for them. A [Mapping] ties one file's header to those
// fields: the job file's `columns:` first, then the canonical name, then a
// synonym. A [Parser] turns each row into a [Record]: the canonical text of
// every field (dates as yyyy-mm-dd, money in pence, NI numbers and postcodes
// normalised), flags for values that are present but invalid (kept, never
// dropped), and for person datasets the normalised [Person] that matching
// uses (folded names, nickname groups, phonetic keys, parsed address).
// Each goroutine parses with a [Scratch] of its own, whose arenas hold the
// records' strings and the row's passing ones (and whose chunks hold the
// supplier and payment forms), so that a row of any kind is parsed without
// allocating.
//
// A row that cannot be used (ragged, no reference, no name, a required date
// that is not a date) is rejected with its line and the field at fault,
// never the value; rows read always equal rows accepted plus rows rejected.
//
// Sub-packages do the parts: source reads files (delimited, fixed-width,
// xlsx; UTF-8 and Windows-1252), value parses dates, money, NI numbers,
// postcodes and bank details, normal folds and normalises names and
// addresses, phonetic computes Soundex and Double Metaphone keys, and job
// reads the job file. This package never prints and never writes files: the
// command wires it to the report package.
package ingest
