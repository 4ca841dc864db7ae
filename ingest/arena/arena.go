// Package arena hands out strings carved from large byte blocks, so that a
// worker turning millions of rows into records allocates a block now and
// then instead of a string for every value.
//
// Parsing a row makes passing strings (a folded name, an address's words)
// and lasting ones (the record's packed values). Each kind gets an Arena:
// one that is Reset after every row reuses its block for the passing
// strings, and one that is never Reset packs the lasting strings of
// thousands of records into each block, with no allocation per record and
// no rounding up to the allocator's size classes.
//
// This is the one place in nfi that uses package unsafe: a string is made
// to view bytes of a block with unsafe.String. That is sound because an
// Arena never writes a byte it has handed out: it only appends past its
// block's length, and a Reset, which rewinds, is the caller's promise that
// no string from before is still in use.
package arena

import "unsafe"

// minBlock is the smallest block an Arena allocates, and maxBlock the
// largest it grows to (a string longer than that gets a block of its own
// size): blocks start small, so that an Arena used for a few strings costs
// little, and double, so that one used for millions allocates rarely.
const (
	minBlock = 256
	maxBlock = 64 << 10
)

// Arena is a store of strings. The zero value is ready to use; a nil
// *Arena allocates every string on the heap instead, so that functions
// taking an Arena serve callers who have none.
//
// An Arena is not safe for concurrent use: give each goroutine its own.
type Arena struct {
	block []byte // the current block: handed out up to len, free after
	next  int    // the size of the next block
}

// Append returns an empty slice whose capacity is the arena's free space,
// at least n bytes, for building a string in place: append to it, then
// pass the result to String. (Appending more than the capacity is allowed:
// append then moves the bytes to the heap and String copies them back.)
// Build one string at a time: a String, Copy or Join between Append and
// the String that ends the build writes over the bytes being built.
func (a *Arena) Append(n int) []byte {
	if a == nil {
		return make([]byte, 0, n)
	}
	if cap(a.block)-len(a.block) < n {
		a.grow(n)
	}
	return a.block[len(a.block):len(a.block):cap(a.block)]
}

// String returns b as a string that stays valid until the arena is Reset
// (for ever, if it never is). When b was built in the slice Append
// returned, the string is those bytes; otherwise b is copied into the
// arena. The caller must not write to b afterwards.
func (a *Arena) String(b []byte) string {
	if a == nil {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	free := a.block[len(a.block):cap(a.block)]
	if len(free) < len(b) || unsafe.SliceData(b) != unsafe.SliceData(free) {
		// Built elsewhere, or grown out of the free space: copy it in.
		if len(free) < len(b) {
			a.grow(len(b))
		}
		free = a.block[len(a.block):cap(a.block)]
		copy(free, b)
	}
	s := unsafe.String(unsafe.SliceData(free), len(b))
	a.block = a.block[:len(a.block)+len(b)]
	return s
}

// Copy returns a copy of s held in the arena.
func (a *Arena) Copy(s string) string {
	if a == nil || s == "" {
		return s
	}
	return a.String(append(a.Append(len(s)), s...))
}

// Reserve makes room for n bytes of strings in the current block, taking
// a block of its own size when they do not fit. An arena reset after each
// batch of rows reserves the most a batch has needed, so that a whole
// batch fits in the one block a Reset keeps, and reading batch after batch
// into it allocates nothing.
func (a *Arena) Reserve(n int) {
	if a != nil && cap(a.block)-len(a.block) < n {
		a.grow(n)
	}
}

// Reset makes the arena's current block free again for new strings. Every
// string the arena returned since it last allocated a block becomes
// invalid: call it only when none of them is still in use (after a row,
// for an arena of passing strings).
func (a *Arena) Reset() {
	a.block = a.block[:0]
}

// grow starts a new block with room for at least n bytes. The old block is
// left to the collector, which frees it once no string refers to it.
func (a *Arena) grow(n int) {
	size := max(a.next, minBlock)
	a.next = min(2*size, maxBlock)
	a.block = make([]byte, 0, max(size, n))
}

// Join returns the elements joined by sep, held in the arena (an element
// itself when there is one, "" when there are none).
func (a *Arena) Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		n += len(e)
	}
	b := a.Append(n)
	for i, e := range elems {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, e...)
	}
	return a.String(b)
}

// Slab is a block of bytes of a size fixed when it is made, whose strings
// are placed at offsets the caller chooses: for strings made in one order
// and laid out in another (matching copies the records' forms into the
// order it compares them in while reading the records in file order).
type Slab struct{ b []byte }

// NewSlab returns a slab of n bytes.
func NewSlab(n int) *Slab { return &Slab{b: make([]byte, n)} }

// Put copies v into the slab at off and returns a string of those bytes.
// Each Put must have bytes of its own ([off, off+len(v)) within the slab,
// apart from every other Put's): the slab never writes a byte twice, so a
// string it returned never changes. Puts of separate ranges may run on
// separate goroutines.
func (s *Slab) Put(off int, v string) string {
	if v == "" {
		return ""
	}
	b := s.b[off : off+len(v) : off+len(v)]
	copy(b, v)
	return unsafe.String(&b[0], len(b))
}
