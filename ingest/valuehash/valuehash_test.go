package valuehash

import (
	"fmt"
	"testing"
)

// TestString pins the hash: a change moves every blocking key and every
// estimated distinct count, which officers compare year on year. Below 32
// bytes these are xxHash64's own values (seed 0), as
// github.com/cespare/xxhash gives them.
func TestString(t *testing.T) {
	for _, c := range []struct {
		s    string
		want uint64
	}{
		{"", 0xef46db3751d8e999},
		{"a", 0xd24ec4f1a98c6e5b},
		{"SW1A 1AA", 0x929c697fba973b88},
		{"14 HIGH STREET", 0x3f4c16475266a38f},
	} {
		if got := String(c.s); got != c.want {
			t.Errorf("String(%q) = %#x, want %#x", c.s, got, c.want)
		}
	}
}

// TestSpread checks that values alike but for a character or two, and keys
// of parts that differ only in where one part ends, hash apart: no
// collisions among a few hundred thousand of them, and every bit of the
// hash set about half the time.
func TestSpread(t *testing.T) {
	seen := map[uint64]string{}
	var ones [64]int
	add := func(name string, h uint64) {
		if prev, ok := seen[h]; ok {
			t.Fatalf("%s and %s hash alike", prev, name)
		}
		seen[h] = name
		for b := range 64 {
			ones[b] += int(h >> b & 1)
		}
	}
	for i := range 200_000 {
		add(fmt.Sprintf("ref %d", i), String(fmt.Sprintf("CT%08d", i)))
	}
	for i := range 40 {
		long := fmt.Sprintf("FLAT %d, THE OLD RECTORY, 14 CHURCH LANE, UPPER SLAUGHTER", i)
		add("long "+long, String(long))
	}
	// A key in parts: ("AB", "C") and ("A", "BC") differ.
	for _, p := range [][2]string{{"AB", "C"}, {"A", "BC"}, {"ABC", ""}, {"", "ABC"}} {
		add(fmt.Sprintf("parts %q", p), Mix(String(p[0]), String(p[1])))
	}
	// Numbers mixed into a key: dates as day numbers.
	for d := range 40_000 {
		add(fmt.Sprintf("date %d", d), Mix(String("S"), uint64(d)))
	}
	n := len(seen)
	for b, c := range ones {
		if share := float64(c) / float64(n); share < 0.48 || share > 0.52 {
			t.Errorf("bit %d set in %.3f of hashes, want about half", b, share)
		}
	}
}

// BenchmarkString times hashing values of the lengths extracts hold.
func BenchmarkString(b *testing.B) {
	vs := []string{"CT12345678", "SW1A 1AA", "14 HIGH STREET", "WILLIAM", "1956-03-05", "SMITH", "AB123456C", "10707502192"}
	var sink uint64
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, v := range vs {
			sink += String(v)
		}
	}
	_ = sink
}

func ExampleString() {
	key := Mix(String("SW1A 1AA"), String("SMITH"))
	fmt.Println(key == Mix(String("SW1A 1AA"), String("SMITH")), key == Mix(String("SMITH"), String("SW1A 1AA")))
	// Output: true false
}
