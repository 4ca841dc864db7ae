package normal

import "github.com/nfi-engine/nfi/ingest/arena"

// Scratch is one goroutine's reusable memory for normalising names,
// addresses, company names and invoice numbers without allocating: the
// passing strings (folded text, tokens that lost an apostrophe, joined
// parts), the word lists, and the company-word tables, built at the first
// ParseCompany. Its methods
// do what the package's functions of the same names do; the package's
// functions are the same code run in a Scratch of their own.
//
// What a Scratch method returns (strings, and the slices in a Name) is
// valid until the next Reset, and a Name's slices until the next
// ParseName: copy what must last (the ingest package packs it into the
// record). The zero value is ready to use; a Scratch is not safe for
// concurrent use.
type Scratch struct {
	text arena.Arena
	// Word lists, kept for their capacity.
	titles, forenames, surname, parts []string
	words, name, locality             []string
	segs                              [][]string
	tokens                            []string // a company name's words
	// The company-word tables (see companyTables): never written after
	// they are built.
	companyStd    map[string]string
	companyCommon map[string]bool
}

// Reset frees the Scratch for the next row: every string and slice its
// methods returned becomes invalid.
func (sc *Scratch) Reset() { sc.text.Reset() }

// Fold is [Fold], with the result held in the Scratch.
func (sc *Scratch) Fold(s string) string { return fold(&sc.text, s) }

// SurnameKey is [SurnameKey], with the result held in the Scratch.
func (sc *Scratch) SurnameKey(s string) string { return surnameKey(&sc.text, s) }

// fold is Fold with the result held in a (nil: on the heap).
func fold(a *arena.Arena, s string) string {
	i := stablePrefix(s)
	if i == len(s) {
		return s
	}
	// The bytes Fold keeps are copied as they are, and the rest folded.
	return a.String(AppendFold(append(a.Append(len(s)), s[:i]...), s[i:]))
}
