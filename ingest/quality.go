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
	for fi, f := range d.Kind.Fields {
		fq := FieldQuality{Field: f.Name, Mapped: d.Mapped[fi]}
		if m != nil && m.Col[fi] >= 0 {
			fq.Column = m.Header[m.Col[fi]]
		}
		if !fq.Mapped {
			q.Fields = append(q.Fields, fq)
			continue
		}
		seen := make(map[uint64]uint8)
		dups := 0
		for i := range d.Records {
			r := &d.Records[i]
			v := r.Values[fi]
			if v == "" {
				fq.Blank++
				continue
			}
			fq.Filled++
			if r.Invalid&(1<<uint(fi)) != 0 {
				fq.Invalid++
			}
			h := maphash.String(seed, v)
			if c := seen[h]; c == 1 {
				dups++
			}
			if seen[h] < 2 {
				seen[h]++
			}
		}
		fq.Distinct = len(seen)
		if fi == 0 {
			q.DuplicateKeys = dups
		}
		q.Fields = append(q.Fields, fq)
	}
	return q
}
