package normal

import (
	"strings"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// Company is a normalised supplier name.
type Company struct {
	// Name is the name with legal forms, "THE", "&" and punctuation
	// standardised: "The Acme Co. Ltd" and "ACME COMPANY LIMITED" both give
	// "ACME CO LTD".
	Name string
	// Core is Name without the legal form and common words (LTD, PLC, CO,
	// GROUP, SERVICES...), the part that identifies the business: "ACME".
	Core string
	// TradingAs is the name after "T/A" or "trading as", normalised, when
	// the record gives one ("" otherwise).
	TradingAs string
}

// companyWords maps the spellings of legal forms and joining words to one
// form. Kept as data: add a spelling here and nowhere else.
func companyWords() map[string]string {
	return map[string]string{
		"LIMITED": "LTD", "LTD": "LTD",
		"PUBLIC": "PUBLIC", "PLC": "PLC",
		"LLP": "LLP", "LP": "LP", "CIC": "CIC", "CIO": "CIO",
		"COMPANY": "CO", "CO": "CO",
		"AND": "AND", "&": "AND", "+": "AND",
		"BROTHERS": "BROS", "BROS": "BROS",
		"SERVICES": "SERVICES", "SERVICE": "SERVICES",
		"UK": "UK", "GB": "GB",
		"INCORPORATED": "INC", "INC": "INC",
		"CORPORATION": "CORP", "CORP": "CORP",
		"ASSOCIATES": "ASSOCS", "ASSOCS": "ASSOCS",
		"INTERNATIONAL": "INTL", "INTL": "INTL",
	}
}

// commonCompanyWords are left out of Company.Core: they say what kind of
// company it is, not which.
func commonCompanyWords() map[string]bool {
	return map[string]bool{"THE": true, "LTD": true, "PLC": true, "LLP": true, "LP": true, "CIC": true, "CIO": true,
		"CO": true, "AND": true, "GROUP": true, "SERVICES": true, "UK": true, "GB": true, "INC": true, "CORP": true,
		"HOLDINGS": true, "ASSOCS": true, "INTL": true}
}

// ParseCompany normalises a supplier name. "Smith & Sons Ltd T/A Quickfix"
// gives Name "SMITH AND SONS LTD", TradingAs "QUICKFIX".
func ParseCompany(s string) Company {
	var sc Scratch
	return sc.ParseCompany(s)
}

// ParseCompany is [ParseCompany], with the Company held in the Scratch.
// The word tables are built at its first call and kept.
func (sc *Scratch) ParseCompany(s string) Company {
	std, common := sc.companyTables()
	tokens := appendCompanyTokens(sc.tokens[:0], sc.Fold(s))
	sc.tokens = tokens[:0]
	var ta []string
	for i := 1; i < len(tokens); i++ {
		n := tradingAs(tokens[i:])
		if n > 0 && i+n < len(tokens) {
			tokens, ta = tokens[:i], tokens[i+n:]
			break
		}
	}
	name := companyName(tokens, std)
	c := Company{Name: sc.text.Join(name, " ")}
	c.Core = companyCore(&sc.text, name, common, c.Name)
	if len(ta) > 0 {
		c.TradingAs = sc.text.Join(companyName(ta, std), " ")
	}
	return c
}

// companyTables returns the Scratch's company-word tables, built from
// companyWords and commonCompanyWords at the first call: a Scratch
// normalising a million supplier names builds them once, not a million
// times.
func (sc *Scratch) companyTables() (std map[string]string, common map[string]bool) {
	if sc.companyStd == nil {
		sc.companyStd, sc.companyCommon = companyWords(), commonCompanyWords()
	}
	return sc.companyStd, sc.companyCommon
}

// tradingAs returns how many tokens at the start of t say "trading as"
// (T/A, T/AS, TA, TRADING AS), or 0.
func tradingAs(t []string) int {
	switch {
	case len(t) >= 2 && t[0] == "T" && (t[1] == "A" || t[1] == "AS"):
		return 2
	case len(t) >= 2 && t[0] == "TRADING" && t[1] == "AS":
		return 2
	case t[0] == "TA":
		return 1
	}
	return 0
}

// appendCompanyTokens appends the words of folded text u to dst: runs of
// letters and digits, and the joining signs & and +. (Folded text is
// ASCII, so bytes are characters.)
func appendCompanyTokens(dst []string, u string) []string {
	start := -1
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '&' || c == '+' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, u[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, u[start:])
	}
	return dst
}

// companyName puts each of tokens in its standard form (std), in place,
// and returns them without a leading "THE", which says nothing: the words
// of Company.Name.
func companyName(tokens []string, std map[string]string) []string {
	for i, w := range tokens {
		if s, ok := std[w]; ok {
			tokens[i] = s
		}
	}
	for len(tokens) > 1 && tokens[0] == "THE" {
		tokens = tokens[1:]
	}
	return tokens
}

// companyCore joins, with spaces and in a, the words of a company's name
// that are not common: its Core. name is all the words joined, returned
// when every word is common (an "only legal words" name is its own core)
// and when none is.
func companyCore(a *arena.Arena, words []string, common map[string]bool, name string) string {
	n, kept := 0, 0
	for _, w := range words {
		if !common[w] {
			n += len(w) + 1
			kept++
		}
	}
	if kept == 0 || kept == len(words) {
		return name
	}
	b := a.Append(n)
	for _, w := range words {
		if common[w] {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return a.String(b)
}

// InvoiceNumber normalises a supplier invoice number for comparison: upper
// case, letters and digits only ("INV-00123" gives "INV00123"), and its
// Digits form, the digits without leading zeros ("123"), which is what
// "INV-00123", "INV00123" and "123" share.
func InvoiceNumber(s string) (alnum, digits string) {
	var sc Scratch
	return sc.InvoiceNumber(s)
}

// InvoiceNumber is [InvoiceNumber], with the forms held in the Scratch.
func (sc *Scratch) InvoiceNumber(s string) (alnum, digits string) {
	a := &sc.text
	alnum = a.String(keepAlnum(AppendFold(a.Append(len(s)), s)))
	return alnum, invoiceDigits(a, alnum)
}

// invoiceDigits returns the digits of an invoice number's alnum form
// without leading zeros: the tail of alnum when it is all digits, else
// built in a.
func invoiceDigits(a *arena.Arena, alnum string) string {
	i := 0
	for i < len(alnum) && isDigit(alnum[i]) {
		i++
	}
	if i == len(alnum) {
		return strings.TrimLeft(alnum, "0")
	}
	b := a.Append(len(alnum))
	for i := 0; i < len(alnum); i++ {
		if c := alnum[i]; isDigit(c) && (len(b) > 0 || c != '0') {
			b = append(b, c)
		}
	}
	return a.String(b)
}
