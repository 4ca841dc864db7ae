package ingest

import (
	"hash/maphash"
	"math"
	"math/bits"
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
	seed maphash.Seed
	// seen counts each field's distinct values; nil for a field the file
	// does not supply.
	seen                   []*distinctCounter
	filled, blank, invalid []int
	duplicateKeys          int
}

// NewQualityCounter starts counting for a dataset of kind whose file
// supplies the fields marked in mapped.
func NewQualityCounter(kind *Kind, mapped []bool) *QualityCounter {
	n := len(kind.Fields)
	c := &QualityCounter{seed: maphash.MakeSeed(), seen: make([]*distinctCounter, n),
		filled: make([]int, n), blank: make([]int, n), invalid: make([]int, n)}
	for fi := range n {
		if fi < len(mapped) && mapped[fi] {
			// The reference is counted exactly, for its duplicates.
			c.seen[fi] = &distinctCounter{exactOnly: fi == 0}
		}
	}
	return c
}

// Add counts one accepted record.
func (c *QualityCounter) Add(r *Record) {
	for fi := range min(r.NumValues(), len(c.seen)) {
		if c.seen[fi] == nil {
			continue
		}
		v := r.Value(fi)
		if v == "" {
			c.blank[fi]++
			continue
		}
		c.filled[fi]++
		if r.Invalid&(1<<uint(fi)) != 0 {
			c.invalid[fi]++
		}
		if c.seen[fi].add(maphash.String(c.seed, v)) == 2 && fi == 0 {
			c.duplicateKeys++
		}
	}
}

// Quality returns the figures counted, for dataset d (whose Read, Records
// and Rejects give the row counts) as mapped by m (nil: no column names).
func (c *QualityCounter) Quality(d *Dataset, m *Mapping) Quality {
	q := Quality{Dataset: d.Name, Kind: d.Kind.Name, Path: d.Path, Read: d.Read, Accepted: len(d.Records), Rejected: d.Rejects,
		DuplicateKeys: c.duplicateKeys, Fields: make([]FieldQuality, len(d.Kind.Fields))}
	for fi, f := range d.Kind.Fields {
		fq := FieldQuality{Field: f.Name, Mapped: c.seen[fi] != nil}
		if m != nil && m.Col[fi] >= 0 {
			fq.Column = m.Header[m.Col[fi]]
		}
		if fq.Mapped {
			fq.Filled, fq.Blank, fq.Invalid = c.filled[fi], c.blank[fi], c.invalid[fi]
			fq.Distinct, fq.DistinctEstimated = c.seen[fi].count()
		}
		q.Fields[fi] = fq
	}
	return q
}

// hashSet holds distinct 64-bit hashes in one flat table probed linearly,
// each with a flag saying it was added more than once. Counting a million
// references' distinct values this way takes one cache miss a value, where
// a map took several: it was a fifth of the time spent reading.
type hashSet struct {
	slots []uint64 // 0 = empty; else the hash with bit 0 cleared, bit 0 set once it is added again
	n     int      // distinct hashes held
}

// add adds a hash and says how often it has now been seen: 1, 2, or 3 for
// any more.
func (s *hashSet) add(h uint64) int {
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	h &^= 1
	if h == 0 {
		h = 2 // 0 marks an empty slot
	}
	mask := uint64(len(s.slots) - 1)
	for i := h >> 1 & mask; ; i = (i + 1) & mask {
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

// grow doubles the table (to 1,024 slots at first) and puts every hash
// back.
func (s *hashSet) grow() {
	old := s.slots
	s.slots = make([]uint64, max(1024, 2*len(old)))
	mask := uint64(len(s.slots) - 1)
	for _, v := range old {
		if v == 0 {
			continue
		}
		i := v >> 1 & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = v
	}
}

// exactDistinct is how many distinct values of a field are held exactly
// before the count turns to an estimate. Holding ten million references,
// addresses and UPRNs exactly took a cache miss a value and hundreds of
// megabytes a field, for a figure whose last digits nobody reads; the
// fields an officer reads it for (titles, towns, flags) stay far below.
const exactDistinct = 1 << 16

// distinctCounter counts a field's distinct values (hashed): exactly in a
// hashSet up to exactDistinct of them, then, unless exactOnly, by a
// HyperLogLog estimate.
type distinctCounter struct {
	exactOnly bool
	exact     hashSet
	hll       *hyperLogLog // nil while exact
}

// add counts a value's hash and says, while the count is exact, how often
// it has now been seen (1, 2, or 3 for more); 0 once it is estimated.
func (c *distinctCounter) add(h uint64) int {
	if c.hll != nil {
		c.hll.add(h)
		return 0
	}
	seen := c.exact.add(h)
	if !c.exactOnly && c.exact.n > exactDistinct {
		c.hll = newHyperLogLog()
		for _, v := range c.exact.slots {
			if v != 0 {
				c.hll.add(v)
			}
		}
		c.exact = hashSet{}
	}
	return seen
}

// count returns the distinct values counted and whether it is an estimate.
func (c *distinctCounter) count() (int, bool) {
	if c.hll != nil {
		return c.hll.estimate(), true
	}
	return c.exact.n, false
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
