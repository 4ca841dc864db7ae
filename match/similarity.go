package match

import "github.com/xrash/smetrics"

// Jaro-Winkler parameters: the standard boost threshold and prefix length
// (Winkler 1990), named here so that every caller uses the same ones.
const (
	jwBoostThreshold = 0.7
	jwPrefixSize     = 4
)

// jaroWinkler is the Jaro-Winkler similarity nfi compares names with.
// Inputs are folded upper-case ASCII: it compares bytes. Strings of up to
// maxFastJaro bytes take the allocation-free path below, which gives the
// same result as smetrics to the last bit (a test keeps them equal); longer
// ones go to smetrics, the reference.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	if len(a) > maxFastJaro || len(b) > maxFastJaro {
		return smetrics.JaroWinkler(a, b, jwBoostThreshold, jwPrefixSize)
	}
	j := jaro(a, b)
	if j <= jwBoostThreshold {
		return j
	}
	n := min(len(a), len(b), jwPrefixSize)
	var prefix float64
	for i := 0; i < n && a[i] == b[i]; i++ {
		prefix++
	}
	return j + 0.1*prefix*(1.0-j)
}

// jaroWinklerAtLeast is jaroWinkler(a, b) when that is at least floor, and
// otherwise some value below floor: the comparisons only ask whether a
// pair clears a threshold, and most pairs (strangers) fall far short. An
// upper bound from the bytes the strings share settles those without the
// matching itself: no more bytes can match than each string has bytes the
// other contains, transpositions only lower the score, and the Winkler
// boost is at most its prefix's.
func jaroWinklerAtLeast(a, b string, floor float64) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	var inA, inB uint64 // bit c&63: byte c occurs (bytes 64 apart share a bit, which only loosens the bound)
	for i := 0; i < len(a); i++ {
		inA |= 1 << (a[i] & 63)
	}
	for i := 0; i < len(b); i++ {
		inB |= 1 << (b[i] & 63)
	}
	ma, mb := 0, 0
	for i := 0; i < len(a); i++ {
		ma += int(inB >> (a[i] & 63) & 1)
	}
	for i := 0; i < len(b); i++ {
		mb += int(inA >> (b[i] & 63) & 1)
	}
	m := float64(min(ma, mb))
	j := (m/float64(len(a)) + m/float64(len(b)) + 1) / 3
	if m == 0 {
		j = 0
	}
	n := min(len(a), len(b), jwPrefixSize)
	var prefix float64
	for i := 0; i < n && a[i] == b[i]; i++ {
		prefix++
	}
	if j+0.1*prefix*(1-j)+1e-9 < floor {
		return 0
	}
	return jaroWinkler(a, b)
}

// maxFastJaro is the longest string the fast Jaro handles: its match flags
// are bits of one uint64.
const maxFastJaro = 64

// jaro is smetrics.Jaro for strings of 1 to 64 bytes, without allocating:
// the same match window, the same matching order, the same arithmetic.
func jaro(a, b string) float64 {
	la, lb := len(a), len(b)
	window := max(0, max(la, lb)/2-1)
	var ma, mb uint64 // bit i: a[i] (b[i]) is matched
	matches := 0
	for i := 0; i < la; i++ {
		end := min(lb-1, i+window)
		for j := max(0, i-window); j <= end; j++ {
			if mb&(1<<j) == 0 && a[i] == b[j] {
				ma |= 1 << i
				mb |= 1 << j
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	unaligned, j := 0, 0
	for i := 0; i < la; i++ {
		if ma&(1<<i) == 0 {
			continue
		}
		for mb&(1<<j) == 0 {
			j++
		}
		if a[i] != b[j] {
			unaligned++
		}
		j++
	}
	m := float64(matches)
	t := float64(unaligned / 2)
	return ((m / float64(la)) + (m / float64(lb)) + ((m - t) / m)) / 3.0
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
