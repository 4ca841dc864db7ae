package match

// sortByKey sorts blockIndex entries (key<<32 | record) by key, keeping
// entries of one key in the order given: when they come in record order,
// as the index builds them, the result is sorted by key and then record,
// as slices.Sort would leave it. It is a least-significant-digit radix
// sort over the key's four bytes, linear in the entries where a
// comparison sort takes n log n: blocking sorts a million entries a rule,
// several times a report. buf is scratch of at least len(es) (nil: one is
// made); the sorted entries are left in es.
func sortByKey(es, buf []uint64) {
	if len(es) < 2 {
		return
	}
	if len(buf) < len(es) {
		buf = make([]uint64, len(es))
	}
	src, dst := es, buf[:len(es)]
	for shift := uint(32); shift < 64; shift += 8 {
		var count [256]int
		for _, e := range src {
			count[e>>shift&0xFF]++
		}
		if count[src[0]>>shift&0xFF] == len(src) {
			continue // every entry has this byte: the pass would change nothing
		}
		at := 0
		for d, c := range count {
			count[d] = at
			at += c
		}
		for _, e := range src {
			d := e >> shift & 0xFF
			dst[count[d]] = e
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &es[0] {
		copy(es, src)
	}
}
