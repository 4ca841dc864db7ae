package match

import "github.com/xrash/smetrics"

// Jaro-Winkler parameters: the standard boost threshold and prefix length
// (Winkler 1990), named here so that every caller uses the same ones.
const (
	jwBoostThreshold = 0.7
	jwPrefixSize     = 4
)

// jaroWinkler is the one place nfi calls smetrics. Inputs are folded
// upper-case ASCII (smetrics compares bytes).
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	return smetrics.JaroWinkler(a, b, jwBoostThreshold, jwPrefixSize)
}

// oneEditApart reports whether a and b differ by exactly one substitution,
// insertion, deletion or transposition of adjacent bytes. It allocates
// nothing.
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la == lb {
		diff := -1
		for i := 0; i < la; i++ {
			if a[i] != b[i] {
				if diff >= 0 {
					// second difference: a transposition of neighbours?
					return diff == i-1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
				}
				diff = i
			}
		}
		return true
	}
	if la+1 == lb {
		a, b = b, a
		la, lb = lb, la
	}
	if la != lb+1 {
		return false
	}
	// a is one longer: find the first difference and skip it in a.
	i := 0
	for i < lb && a[i] == b[i] {
		i++
	}
	return a[i+1:] == b[i:]
}
