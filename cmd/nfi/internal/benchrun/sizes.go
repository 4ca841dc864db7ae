package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/nfi-engine/nfi/fixtures"
)

// peoplePerElector is how many residents the fixtures generator needs for
// one elector: measured at 100,000 residents (59,354 electors and 46,120
// council tax accounts, seed 1). If the generator changes, sizes drift a
// little; the table shows the records actually read.
const peoplePerElector = 1.685

// ErrSize means a -sizes entry is not a size.
var ErrSize = errors.New("not a size (want electors such as 100k or 1m, optionally :M council tax accounts)")

// size is one benchmark case.
type size struct {
	label    string // canonical form, also the cache subfolder: "100k", "10m-1m"
	electors int    // electors wanted
	ctaxCap  int    // keep only the first ctaxCap council tax accounts; 0 = all
}

// people is the fixtures People that gives about s.electors electors.
func (s size) people() int {
	return int(math.Ceil(float64(s.electors) * peoplePerElector))
}

// maxElectors is the largest size the generator can make.
func maxElectors() int { return int(math.Floor(float64(fixtures.MaxPeople) / peoplePerElector)) }

// parseSizes parses "100k,1m,10m:1m". Blanks around entries are ignored;
// an empty string is no sizes; the same size twice is an error (it would
// share a cache folder).
func parseSizes(s string) ([]size, error) {
	var out []size
	seen := map[string]bool{}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			if strings.TrimSpace(s) == "" {
				continue
			}
			return nil, fmt.Errorf("empty entry: %w", ErrSize)
		}
		z, err := parseSize(item)
		if err != nil {
			return nil, err
		}
		if seen[z.label] {
			return nil, fmt.Errorf("%s given twice", z.label)
		}
		seen[z.label] = true
		out = append(out, z)
	}
	return out, nil
}

// parseSize parses one entry: "1m" or "10m:1m".
func parseSize(item string) (size, error) {
	e, c, cut := strings.Cut(item, ":")
	n, err := parseCount(e)
	if err != nil {
		return size{}, err
	}
	if n > maxElectors() {
		return size{}, fmt.Errorf("%s electors: the generator makes at most %s (%d residents): %w", countLabel(n), countLabel(maxElectors()), fixtures.MaxPeople, ErrSize)
	}
	z := size{electors: n, label: countLabel(n)}
	if cut {
		if z.ctaxCap, err = parseCount(c); err != nil {
			return size{}, err
		}
		z.label += "-" + countLabel(z.ctaxCap)
	}
	return z, nil
}

// parseCount parses a positive whole number with an optional k (thousand)
// or m (million) suffix, in either case. Its errors do not quote the text
// (a -sizes typo is not personal data, but the habit is kept).
func parseCount(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		mult, s = 1_000, s[:len(s)-1]
	case strings.HasSuffix(s, "m"), strings.HasSuffix(s, "M"):
		mult, s = 1_000_000, s[:len(s)-1]
	}
	if s == "" || len(s) > 9 {
		return 0, ErrSize
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, ErrSize
		}
		n = n*10 + int(s[i]-'0')
	}
	if n == 0 {
		return 0, ErrSize
	}
	return n * mult, nil
}

// countLabel writes n back in the shortest exact form: 1m, 100k, 2500.
func countLabel(n int) string {
	switch {
	case n%1_000_000 == 0:
		return strconv.Itoa(n/1_000_000) + "m"
	case n%1_000 == 0:
		return strconv.Itoa(n/1_000) + "k"
	}
	return strconv.Itoa(n)
}
