package normal

import "strings"

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
		"LIMITED": "LTD", "LTD": "LTD", "LTD.": "LTD",
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
	tokens := companyTokens(Fold(s))
	var ta []string
	for i := 1; i < len(tokens); i++ {
		n := tradingAs(tokens[i:])
		if n > 0 && i+n < len(tokens) {
			tokens, ta = tokens[:i], tokens[i+n:]
			break
		}
	}
	c := Company{Name: companyName(tokens)}
	c.Core = companyCore(c.Name)
	if len(ta) > 0 {
		c.TradingAs = companyName(ta)
	}
	return c
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

// companyTokens splits folded text into words of letters and digits, and
// the joining signs & and +.
func companyTokens(u string) []string {
	return strings.FieldsFunc(u, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&' || r == '+')
	})
}

func companyName(tokens []string) string {
	words := companyWords()
	out := make([]string, 0, len(tokens))
	for _, w := range tokens {
		if std, ok := words[w]; ok {
			w = std
		}
		out = append(out, w)
	}
	// "THE" at the start says nothing.
	for len(out) > 1 && out[0] == "THE" {
		out = out[1:]
	}
	return strings.Join(out, " ")
}

func companyCore(name string) string {
	common := commonCompanyWords()
	var out []string
	for _, w := range strings.Fields(name) {
		if !common[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return name
	}
	return strings.Join(out, " ")
}

// InvoiceNumber normalises a supplier invoice number for comparison: upper
// case, letters and digits only ("INV-00123" gives "INV00123"), and its
// Digits form, the digits without leading zeros ("123"), which is what
// "INV-00123", "INV00123" and "123" share.
func InvoiceNumber(s string) (alnum, digits string) {
	var a, d strings.Builder
	for _, r := range Fold(s) {
		switch {
		case r >= '0' && r <= '9':
			a.WriteRune(r)
			if d.Len() > 0 || r != '0' {
				d.WriteRune(r)
			}
		case r >= 'A' && r <= 'Z':
			a.WriteRune(r)
		}
	}
	return a.String(), d.String()
}
