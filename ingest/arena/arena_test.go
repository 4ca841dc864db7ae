package arena

import (
	"fmt"
	"strings"
	"testing"
)

// TestStringsStayPut builds many strings of many sizes, in place and by
// copying, and checks that every one still reads as built once the arena
// has moved on through several blocks: no byte handed out is written again.
func TestStringsStayPut(t *testing.T) {
	var a Arena
	var got, want []string
	for i := 0; i < 5000; i++ {
		w := strings.Repeat(string(rune('A'+i%26)), i%300) + fmt.Sprint(i)
		var s string
		switch i % 4 {
		case 0: // built in place
			s = a.String(append(a.Append(len(w)), w...))
		case 1: // built past the free space it asked for
			s = a.String(append(a.Append(1), w...))
		case 2: // built elsewhere
			s = a.String([]byte(w))
		default:
			s = a.Copy(w)
		}
		got, want = append(got, s), append(want, w)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d changed: got %d bytes, want %d", i, len(got[i]), len(want[i]))
		}
	}
}

func TestJoin(t *testing.T) {
	var a Arena
	tests := []struct {
		in   []string
		sep  string
		want string
	}{
		{nil, " ", ""},
		{[]string{"SMITH"}, " ", "SMITH"},
		{[]string{"VAN", "DER", "BERG"}, "", "VANDERBERG"},
		{[]string{"MARY", "JANE", "ANN"}, " ", "MARY JANE ANN"},
	}
	for _, tt := range tests {
		if got := a.Join(tt.in, tt.sep); got != tt.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tt.in, tt.sep, got, tt.want)
		}
	}
}

// TestNil checks that a nil Arena is the heap.
func TestNil(t *testing.T) {
	var a *Arena
	if got := a.String(append(a.Append(3), "ABC"...)); got != "ABC" {
		t.Errorf("nil arena String = %q", got)
	}
	if got := a.Join([]string{"A", "B"}, "-"); got != "A-B" {
		t.Errorf("nil arena Join = %q", got)
	}
}

// TestReset checks that a reset arena reuses its block: after the first
// row, building a row's strings allocates nothing.
func TestReset(t *testing.T) {
	var a Arena
	row := func() {
		for _, w := range []string{"WILLIAM", "HARTLEY", "14 HIGH ST", "LEEDS"} {
			_ = a.Copy(w)
		}
		a.Reset()
	}
	row()
	if n := testing.AllocsPerRun(100, row); n != 0 {
		t.Errorf("a reset arena allocated %.1f times a row, want 0", n)
	}
}

// TestReserve checks that an arena reset after each batch, reserving what
// a batch needs, allocates nothing once it has, however many of the
// largest blocks a batch fills, and that its strings are right.
func TestReserve(t *testing.T) {
	var a Arena
	batch := func() []string {
		a.Reset()
		a.Reserve(10000 * 24)
		var out []string
		for i := range 10000 {
			out = append(out, a.Copy(fmt.Sprintf("%05d HIGH STREET, LEEDS", i)))
		}
		return out
	}
	batch()
	for i, s := range batch() {
		if want := fmt.Sprintf("%05d HIGH STREET, LEEDS", i); s != want {
			t.Fatalf("string %d = %q, want %q", i, s, want)
		}
	}
	n := testing.AllocsPerRun(20, func() {
		a.Reset()
		a.Reserve(10000 * 24)
		for range 10000 {
			_ = a.Copy("00000 HIGH STREET, LEEDS")
		}
	})
	if n != 0 {
		t.Errorf("a batch in a reset arena with room reserved allocated %.1f times, want 0", n)
	}
	var none *Arena
	none.Reserve(10) // a nil Arena has nothing to reserve
}

// TestLasting checks that an arena never reset allocates a block for many
// records' strings, not one for each.
func TestLasting(t *testing.T) {
	var a Arena
	n := testing.AllocsPerRun(10000, func() { _ = a.Copy("AB123456C|WILLIAM|HARTLEY|LS1 4AP") })
	if n > 0.05 {
		t.Errorf("%.3f allocations a string, want almost none", n)
	}
}

// Example builds a passing string in place and keeps a lasting copy.
func Example() {
	var passing, lasting Arena
	b := passing.Append(16)
	b = append(b, "flat 2"...)
	b = append(b, ", 14 high st"...)
	s := passing.String(b)
	kept := lasting.Copy(strings.ToUpper(s))
	passing.Reset() // s is no longer valid; kept is
	fmt.Println(kept)
	// Output: FLAT 2, 14 HIGH ST
}
