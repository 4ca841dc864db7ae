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
	q := Quality{Dataset: d.Name, Kind: d.Kind.Name, Path: d.Path, Read: d.Read, Accepted: len(d.Records), Rejected: d.Rejects}
	seed := maphash.MakeSeed()
	q.Fields = make([]FieldQuality, len(d.Kind.Fields))
	// seen counts each distinct value's rows, up to 2 (enough to tell a
	// duplicate), by field. One pass over the records, each visited once.
	seen := make([]map[uint64]uint8, len(d.Kind.Fields))
	for fi, f := range d.Kind.Fields {
		q.Fields[fi] = FieldQuality{Field: f.Name, Mapped: d.Mapped[fi]}
		if m != nil && m.Col[fi] >= 0 {
			q.Fields[fi].Column = m.Header[m.Col[fi]]
		}
		if d.Mapped[fi] {
			seen[fi] = make(map[uint64]uint8)
		}
	}
	for i := range d.Records {
		r := &d.Records[i]
		for fi := range min(r.NumValues(), len(seen)) {
			if seen[fi] == nil {
				continue
			}
			v := r.Value(fi)
			fq := &q.Fields[fi]
			if v == "" {
				fq.Blank++
				continue
			}
			fq.Filled++
			if r.Invalid&(1<<uint(fi)) != 0 {
				fq.Invalid++
			}
			h := maphash.String(seed, v)
			c := seen[fi][h]
			if c == 1 && fi == 0 {
				q.DuplicateKeys++
			}
			if c < 2 {
				seen[fi][h] = c + 1
			}
		}
	}
	for fi := range q.Fields {
		q.Fields[fi].Distinct = len(seen[fi])
	}
	return q
}
