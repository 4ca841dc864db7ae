package normal

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// refAppendTokens is appendTokens as it was before a token's bytes were
// read in a loop of their own: the tests hold it to that.
func refAppendTokens(a *arena.Arena, dst []string, s string, hyphenJoins bool) []string {
	start := -1
	var buf []byte
	dirty := false
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		switch {
		case isAlnum(c):
			if start < 0 {
				start = i
			}
			if dirty {
				buf = append(buf, c)
			}
		case c == '\'' || (c == '-' && hyphenJoins):
			if start >= 0 && !dirty {
				dirty = true
				buf = append(a.Append(len(s)-start), s[start:i]...)
			}
		default:
			if start >= 0 {
				if dirty {
					dst = append(dst, a.String(buf))
				} else {
					dst = append(dst, s[start:i])
				}
				start, dirty = -1, false
			}
		}
	}
	return dst
}

// checkTokens fails when appendTokens and refAppendTokens split s apart.
func checkTokens(t *testing.T, s string) {
	t.Helper()
	for _, hyphenJoins := range []bool{false, true} {
		var a, b arena.Arena
		got, want := appendTokens(&a, []string{"X"}, s, hyphenJoins), refAppendTokens(&b, []string{"X"}, s, hyphenJoins)
		if !slices.Equal(got, want) {
			t.Fatalf("appendTokens(%q, %v) = %q, before %q", s, hyphenJoins, got, want)
		}
	}
}

// TestAppendTokensAgrees holds appendTokens to refAppendTokens over
// 100,000 folded names built at random from pieces that join and split.
func TestAppendTokensAgrees(t *testing.T) {
	pieces := []string{"MARY", "JANE", "O", "BRIEN", "J", "R", "2", "'", "-", "''", "--", "'-", "-'", " ", "  ", ".", ",", "/", "(", "VAN", "DER"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100_000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkTokens(t, b.String())
	}
}

// FuzzAppendTokensAgrees is TestAppendTokensAgrees on the fuzzer's text.
func FuzzAppendTokensAgrees(f *testing.F) {
	for _, s := range []string{"MARY-JANE O'BRIEN", "'A", "A'", "A'-B", "-'-", "J.R.", "", "\xff'"} {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}
