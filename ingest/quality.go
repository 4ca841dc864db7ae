package ingest

import (
	"math"
	"math/bits"

	"github.com/nfi-engine/nfi/ingest/valuehash"
)

// FieldQuality holds the data-quality figures of one field of a dataset.
type FieldQuality struct {
	Field    string `json:"field"`
	Mapped   bool   `json:"mapped"`
	Column   string `json:"column,omitempty"` // the file's header that supplies it
	Filled   int    `json:"filled"`
	Blank    int    `json:"blank"`
	Invalid  int    `json:"invalid"`
	Distinct int    `json:"distinct"`
	// DistinctEstimated says Distinct is an estimate (within about 1%):
	// past exactDistinct values a field's distinct values are estimated,
	// not held. The reference is always counted exactly.
	DistinctEstimated bool `json:"distinct_estimated,omitempty"`
}

// Quality is the data-quality report of one dataset, computed over its
// accepted rows (rejected rows are counted, and listed in the rejects file).
type Quality struct {
	Dataset       string         `json:"dataset"`
	Kind          string         `json:"kind"`
	Path          string         `json:"path"`
	Read          int            `json:"rows_read"`
	Accepted      int            `json:"rows_accepted"`
	Rejected      int            `json:"rows_rejected"`
	DuplicateKeys int            `json:"duplicate_keys"` // references that appear on more than one row (each counted once)
	Fields        []FieldQuality `json:"fields"`
}

// MeasureQuality counts, per field, how many accepted rows have a value, how
// many are blank or invalid, and how many distinct values there are. Values
// are hashed, never stored, so the report holds no personal data.
func MeasureQuality(d *Dataset, m *Mapping) Quality {
	c := NewQualityCounter(d.Kind, d.Mapped)
	for i := range d.Records {
		c.Add(&d.Records[i])
	}
	return c.Quality(d, m)
}

// QualityCounter gathers a dataset's quality figures record by record, so
// that a loader can count each batch as it lands instead of going over the
// records again at the end.
type QualityCounter struct {
	// seen counts each field's distinct values; nil for a field the file
	// does not supply.
	seen                   []*distinctCounter
	filled, blank, invalid []int
}

// NewQualityCounter starts counting for a dataset of kind whose file
// supplies the fields marked in mapped.
func NewQualityCounter(kind *Kind, mapped []bool) *QualityCounter {
	n := len(kind.Fields)
	c := &QualityCounter{seen: make([]*distinctCounter, n),
		filled: make([]int, n), blank: make([]int, n), invalid: make([]int, n)}
	for fi := range n {
		if fi < len(mapped) && mapped[fi] {
			// The reference is counted exactly, for its duplicates.
			c.seen[fi] = &distinctCounter{exactOnly: fi == 0}
		}
	}
	return c
}

// Add counts one accepted record. It walks the record's packed values in
// one pass, hashing each value of a supplied field once.
func (c *QualityCounter) Add(r *Record) {
	vs := r.values
	n := min(packedLen(vs), len(c.seen))
	if n == 0 {
		return
	}
	texts := 2 + int(vs[0])*int(vs[1])
	start := texts
	for fi := range n {
		end := texts + packedEnd(vs, fi)
		v := vs[start:end]
		start = end
		if c.seen[fi] == nil {
			continue
		}
		if v == "" {
			c.blank[fi]++
			continue
		}
		c.filled[fi]++
		if r.Invalid&(1<<uint(fi)) != 0 {
			c.invalid[fi]++
		}
		c.seen[fi].add(valuehash.String(v))
	}
}

// Quality returns the figures counted, for dataset d (whose Read, Records
// and Rejects give the row counts) as mapped by m (nil: no column names).
func (c *QualityCounter) Quality(d *Dataset, m *Mapping) Quality {
	q := Quality{Dataset: d.Name, Kind: d.Kind.Name, Path: d.Path, Read: d.Read, Accepted: len(d.Records), Rejected: d.Rejects,
		Fields: make([]FieldQuality, len(d.Kind.Fields))}
	for fi, f := range d.Kind.Fields {
		fq := FieldQuality{Field: f.Name, Mapped: c.seen[fi] != nil}
		if m != nil && m.Col[fi] >= 0 {
			fq.Column = m.Header[m.Col[fi]]
		}
		if fq.Mapped {
			fq.Filled, fq.Blank, fq.Invalid = c.filled[fi], c.blank[fi], c.invalid[fi]
			var repeated int
			fq.Distinct, fq.DistinctEstimated, repeated = c.seen[fi].count()
			if fi == 0 {
				q.DuplicateKeys = repeated
			}
		}
		q.Fields[fi] = fq
	}
	return q
}

// hashSet holds distinct 64-bit hashes in one flat table probed linearly,
// each with a flag saying it was added more than once. Counting a million
// references' distinct values this way takes one cache miss a value, where
// a map took several: it was a fifth of the time spent reading. A hash's
// home slot is given by its top bits, so the table is kept in about the
// order of its hashes, and growing it reads the old table and writes the
// new one front to back instead of at random.
type hashSet struct {
	slots []uint64 // 0 = empty; else the hash with bit 0 cleared, bit 0 set once it is added again
	n     int      // distinct hashes held
	shift uint     // 64 less log2(len(slots)): a hash's home slot is h >> shift
}

// minHashSlots is the fewest slots a hashSet has once it holds a hash.
const minHashSlots = 1024

// add adds a hash and says how often it has now been seen: 1, 2, or 3 for
// any more.
func (s *hashSet) add(h uint64) int {
	if 4*(s.n+1) > 3*len(s.slots) {
		s.resize(max(minHashSlots, 2*len(s.slots)))
	}
	h &^= 1
	if h == 0 {
		h = 2 // 0 marks an empty slot
	}
	mask := uint64(len(s.slots) - 1)
	for i := h >> s.shift; ; i = (i + 1) & mask {
		switch v := s.slots[i]; {
		case v == 0:
			s.slots[i] = h
			s.n++
			return 1
		case v&^1 != h:
			continue
		case v&1 == 0:
			s.slots[i] |= 1
			return 2
		default:
			return 3
		}
	}
}

// resize moves the hashes held to a table of size slots, a power of two
// with room for them.
func (s *hashSet) resize(size int) {
	old := s.slots
	s.slots = make([]uint64, size)
	s.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	for _, v := range old {
		if v == 0 {
			continue
		}
		i := v >> s.shift
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = v
	}
}

// reset empties the set and makes room for n hashes without growing.
func (s *hashSet) reset(n int) {
	size := minHashSlots
	for 3*size < 4*(n+1) {
		size *= 2
	}
	if size != len(s.slots) {
		s.slots = nil
		s.resize(size)
	} else {
		clear(s.slots)
	}
	s.n = 0
}

// hashLog keeps every hash it is given, in lists by the hash's low bits,
// and counts them only when asked. A reference is counted exactly (for its
// duplicates) and nearly every one is new, so a table of them took a cache
// miss for each record and grew, moving everything, a dozen times; a list
// is appended to in order, and each list, about a 256th of the hashes, is
// counted in a table that stays in the cache (a table places hashes by
// their top bits, which the lists do not split on). Its memory is 8 to 16
// bytes a hash (the lists grow by doubling), less than the table's 11 to
// 21.
type hashLog struct {
	parts [256][]uint64
}

// add keeps a hash, made the one a hashSet would hold for it (bit 0
// cleared, 0 made 2), so that hashes a hashSet holds as one share a list.
func (l *hashLog) add(h uint64) {
	h &^= 1
	if h == 0 {
		h = 2
	}
	p := &l.parts[h>>1&255]
	*p = append(*p, h)
}

// count returns how many distinct hashes were kept, and how many of them
// were kept more than once, as a hashSet given them all would count them.
func (l *hashLog) count() (distinct, repeated int) {
	var s hashSet
	for _, part := range l.parts {
		if len(part) == 0 {
			continue
		}
		s.reset(len(part))
		for _, h := range part {
			if s.add(h) == 2 {
				repeated++
			}
		}
		distinct += s.n
	}
	return distinct, repeated
}

// exactDistinct is how many distinct values of a field are held exactly
// before the count turns to an estimate. Holding ten million references,
// addresses and UPRNs exactly took a cache miss a value and hundreds of
// megabytes a field, for a figure whose last digits nobody reads; the
// fields an officer reads it for (titles, towns, flags) stay far below.
const exactDistinct = 1 << 16

// distinctCounter counts a field's distinct values (hashed): exactly in a
// hashSet up to exactDistinct of them, then by a HyperLogLog estimate; or,
// when exactOnly (the reference), exactly however many, in a hashLog.
type distinctCounter struct {
	exactOnly bool
	exact     hashSet
	log       hashLog      // the hashes, when exactOnly
	hll       *hyperLogLog // nil while exact
}

// add counts a value's hash.
func (c *distinctCounter) add(h uint64) {
	switch {
	case c.exactOnly:
		c.log.add(h)
	case c.hll != nil:
		c.hll.add(h)
	default:
		c.exact.add(h)
		if c.exact.n > exactDistinct {
			c.hll = newHyperLogLog()
			for _, v := range c.exact.slots {
				if v != 0 {
					c.hll.add(v)
				}
			}
			c.exact = hashSet{}
		}
	}
}

// count returns the distinct values counted, whether that is an estimate,
// and, when exactOnly, how many of the values were counted more than once
// (else 0).
func (c *distinctCounter) count() (distinct int, estimated bool, repeated int) {
	switch {
	case c.exactOnly:
		distinct, repeated = c.log.count()
		return distinct, false, repeated
	case c.hll != nil:
		return c.hll.estimate(), true, 0
	}
	return c.exact.n, false, 0
}

// hyperLogLog estimates how many distinct 64-bit hashes it has been given
// (Flajolet et al. 2007) in 2^14 one-byte registers, within about 1%.
type hyperLogLog struct {
	reg [1 << hllBits]uint8
}

const hllBits = 14

func newHyperLogLog() *hyperLogLog { return &hyperLogLog{} }

func (h *hyperLogLog) add(x uint64) {
	// The hash's bit 0 may be a hashSet's flag: use the top bits for the
	// register and the rest, from bit 1, for the run of zeros.
	i := x >> (64 - hllBits)
	w := x<<hllBits | 1<<(hllBits-1) // the marker bounds the run
	if rho := uint8(bits.LeadingZeros64(w) + 1); rho > h.reg[i] {
		h.reg[i] = rho
	}
}

func (h *hyperLogLog) estimate() int {
	const m = float64(1 << hllBits)
	sum, zeros := 0.0, 0
	for _, r := range h.reg {
		sum += math.Ldexp(1, -int(r))
		if r == 0 {
			zeros++
		}
	}
	e := 0.7213 / (1 + 1.079/m) * m * m / sum
	if e <= 2.5*m && zeros > 0 {
		e = m * math.Log(m/float64(zeros)) // linear counting for small counts
	}
	return int(math.Round(e))
}
