package ingest

import "hash/maphash"

// FieldQuality holds the data-quality figures of one field of a dataset.
type FieldQuality struct {
	Field    string `json:"field"`
	Mapped   bool   `json:"mapped"`
	Column   string `json:"column,omitempty"` // the file's header that supplies it
	Filled   int    `json:"filled"`
	Blank    int    `json:"blank"`
	Invalid  int    `json:"invalid"`
	Distinct int    `json:"distinct"`
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
	// seen counts each distinct value's rows, up to 2 (enough to tell a
	// duplicate), by field; nil for a field the file does not supply.
	seen                   []map[uint64]uint8
	filled, blank, invalid []int
	duplicateKeys          int
}

// NewQualityCounter starts counting for a dataset of kind whose file
// supplies the fields marked in mapped.
func NewQualityCounter(kind *Kind, mapped []bool) *QualityCounter {
	n := len(kind.Fields)
	c := &QualityCounter{seed: maphash.MakeSeed(), seen: make([]map[uint64]uint8, n),
		filled: make([]int, n), blank: make([]int, n), invalid: make([]int, n)}
	for fi := range n {
		if fi < len(mapped) && mapped[fi] {
			c.seen[fi] = make(map[uint64]uint8)
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
		h := maphash.String(c.seed, v)
		n := c.seen[fi][h]
		if n == 1 && fi == 0 {
			c.duplicateKeys++
		}
		if n < 2 {
			c.seen[fi][h] = n + 1
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
			fq.Filled, fq.Blank, fq.Invalid, fq.Distinct = c.filled[fi], c.blank[fi], c.invalid[fi], len(c.seen[fi])
		}
		q.Fields[fi] = fq
	}
	return q
}
