package match

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xrash/smetrics"
)

// TestJaroWinklerMatchesSmetrics keeps the fast Jaro-Winkler equal, bit for
// bit, to smetrics (the reference) on real names and random strings.
func TestJaroWinklerMatchesSmetrics(t *testing.T) {
	names := []string{"MARTHA", "MARHTA", "DWAYNE", "DUANE", "DIXON", "DICKSONX", "JONES", "JOHNSON", "SMITH", "SMYTH",
		"WILLIAM", "WILLIAMS", "MCDONALD", "MACDONALD", "O", "OBRIEN", "A", "AB", "BA", "CATHERINE", "KATHRYN",
		"HIGH ST", "HIGH STREET", "XB12 3AB", "XB1 23AB", strings.Repeat("A", 64), strings.Repeat("AB", 32), strings.Repeat("A", 65)}
	check := func(a, b string) {
		t.Helper()
		want := smetrics.JaroWinkler(a, b, jwBoostThreshold, jwPrefixSize)
		if a == b {
			want = 1
		}
		if a == "" || b == "" {
			if a != b {
				want = 0
			}
		}
		if got := jaroWinkler(a, b); got != want {
			t.Fatalf("jaroWinkler(%q, %q) = %v, smetrics %v", a, b, got, want)
		}
	}
	for _, a := range names {
		for _, b := range names {
			check(a, b)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		a, b := randomName(rng), randomName(rng)
		check(a, b)
	}
}

func randomName(rng *rand.Rand) string {
	const letters = "ABCDEEINORST "
	n := 1 + rng.IntN(12)
	if rng.IntN(50) == 0 {
		n = 1 + rng.IntN(70)
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rng.IntN(len(letters))]
	}
	return string(b)
}

func FuzzJaroWinkler(f *testing.F) {
	f.Add("MARTHA", "MARHTA")
	f.Add("", "A")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := smetrics.JaroWinkler(a, b, jwBoostThreshold, jwPrefixSize)
		switch {
		case a == b:
			want = 1
		case a == "" || b == "":
			want = 0
		}
		if got := jaroWinkler(a, b); got != want {
			t.Fatalf("jaroWinkler(%q, %q) = %v, smetrics %v", a, b, got, want)
		}
	})
}

func BenchmarkJaroWinkler(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		jaroWinkler("CATHERINE", "KATHRYN")
	}
}

func BenchmarkJaroWinklerSmetrics(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		smetrics.JaroWinkler("CATHERINE", "KATHRYN", jwBoostThreshold, jwPrefixSize)
	}
}
