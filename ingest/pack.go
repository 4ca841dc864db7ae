package ingest

import "github.com/nfi-engine/nfi/ingest/arena"

// Packed strings hold several strings in one: a byte giving how many, a
// byte giving the width of each offset (1 when the texts fit in 255 bytes,
// as most records' do, 2 up to 64 KiB, else 4), the offset where each text
// ends, then the texts one after another. Records keep their values and their normalised forms this way,
// so that the collector has one pointer a record to follow, and the parser
// packs them into an arena (see Scratch), so that a million records are a
// few thousand allocations, not twenty million.

// packStrings packs at most 255 strings into one, held in a (nil: on the
// heap).
func packStrings(a *arena.Arena, vs []string) string {
	if len(vs) > 255 {
		panic("ingest: at most 255 strings pack into one")
	}
	total := 0
	for _, v := range vs {
		total += len(v)
	}
	w := packWidth(total)
	b := a.Append(2 + len(vs)*w + total)[:2+len(vs)*w]
	b[0], b[1] = byte(len(vs)), byte(w)
	end := 0
	for i, v := range vs {
		end += len(v)
		putPackEnd(b[2+i*w:], w, end)
	}
	for _, v := range vs {
		b = append(b, v...)
	}
	return a.String(b)
}

// packTexts packs the texts laid end to end in texts, the i-th ending at
// ends[i], as packStrings packs them, held in a (nil: on the heap). The
// parser builds a row's values this way, so packing them is one copy.
func packTexts(a *arena.Arena, ends []int, texts []byte) string {
	if len(ends) > 255 {
		panic("ingest: at most 255 strings pack into one")
	}
	w := packWidth(len(texts))
	b := a.Append(2 + len(ends)*w + len(texts))[:2+len(ends)*w]
	b[0], b[1] = byte(len(ends)), byte(w)
	for i, end := range ends {
		putPackEnd(b[2+i*w:], w, end)
	}
	b = append(b, texts...)
	return a.String(b)
}

// packWidth is the width of each offset of a packing whose texts total
// total bytes.
func packWidth(total int) int {
	switch {
	case total > 0xFFFF:
		return 4
	case total > 0xFF:
		return 2
	}
	return 1
}

// putPackEnd writes the offset end, w bytes wide, little-endian, at the
// start of b: the packers write the offsets in place, where appending them
// checked the capacity and moved the length at each of a record's forty.
func putPackEnd(b []byte, w, end int) {
	b[0] = byte(end)
	if w == 1 {
		return
	}
	b[1] = byte(end >> 8)
	if w == 4 {
		b[2], b[3] = byte(end>>16), byte(end>>24)
	}
}

// packedLen is how many strings s packs (0 for "").
func packedLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	return int(s[0])
}

// packedAt returns the i-th string s packs ("" when i is out of range).
func packedAt(s string, i int) string {
	if len(s) < 2 || i < 0 || i >= int(s[0]) {
		return ""
	}
	texts := 2 + int(s[0])*int(s[1])
	return s[texts+packedEnd(s, i-1) : texts+packedEnd(s, i)]
}

// packedEnd is where the j-th packed text ends, from the start of the
// texts (0 for j = -1).
func packedEnd(s string, j int) int {
	if j < 0 {
		return 0
	}
	w := int(s[1])
	o := 2 + j*w
	switch w {
	case 1:
		return int(s[o])
	case 2:
		return int(s[o]) | int(s[o+1])<<8
	}
	return int(s[o]) | int(s[o+1])<<8 | int(s[o+2])<<16 | int(s[o+3])<<24
}
