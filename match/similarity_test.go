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

// checkAtLeast fails when jaroWinklerAtLeast disagrees with jaroWinkler
// about whether a pair clears floor, or gives another score when it does.
func checkAtLeast(t *testing.T, a, b string, floor float64) {
	t.Helper()
	want := jaroWinkler(a, b)
	got := jaroWinklerAtLeast(a, b, floor)
	if want >= floor && got != want || want < floor && got >= floor {
		t.Fatalf("jaroWinklerAtLeast(%q, %q, %v) = %v, jaroWinkler %v", a, b, floor, got, want)
	}
}

// TestJaroWinklerAtLeast checks the bounded Jaro-Winkler against the full
// one at every threshold the comparisons use, on names alike and not and
// on random strings (some sharing prefixes, some past 64 bytes), and that
// the bound does settle most random pairs.
func TestJaroWinklerAtLeast(t *testing.T) {
	floors := []float64{0, 0.5, jwLoose, 0.88, jwClose, 0.99, 1}
	rng := rand.New(rand.NewPCG(3, 4))
	settled := 0
	const n = 100000
	for i := 0; i < n; i++ {
		a, b := randomName(rng), randomName(rng)
		if i%3 == 0 && len(a) > 2 {
			b = a[:2] + b // a shared prefix: the Winkler boost
		}
		for _, f := range floors {
			checkAtLeast(t, a, b, f)
		}
		if jaroWinklerAtLeast(a, b, jwLoose) == 0 && jaroWinkler(a, b) != 0 {
			settled++
		}
	}
	for _, p := range [][2]string{{"MARTHA", "MARHTA"}, {"DWAYNE", "DUANE"}, {"JON", "JOHN"}, {"HIGH ST", "HIGH STREET"}, {"A", "B"}, {"Z", "ZZ"}} {
		for _, f := range floors {
			checkAtLeast(t, p[0], p[1], f)
		}
	}
	if settled < n/10 {
		t.Errorf("the bound settled %d of %d random pairs below %v without the full score", settled, n, jwLoose)
	}
}

func FuzzJaroWinklerAtLeast(f *testing.F) {
	f.Add("MARTHA", "MARHTA", 0.8)
	f.Add("", "A", 0.92)
	f.Fuzz(func(t *testing.T, a, b string, floor float64) {
		checkAtLeast(t, a, b, floor)
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
