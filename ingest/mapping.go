package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Mapping ties the columns of one file's header to a kind's fields.
type Mapping struct {
	Kind   *Kind
	Header []string
	// Col gives, by field position, the header column that supplies the
	// field, or -1 when the file does not supply it.
	Col []int
	// By says how each mapped field was found: "key", "columns", "name" or
	// "synonym" (for the data-quality report).
	By []string
}

// Errors a mapping can return, wrapped in a *MappingError.
var (
	ErrUnknownField    = errors.New("is not a field of this kind")
	ErrHeaderMissing   = errors.New("is not a column of the file")
	ErrRequiredMissing = errors.New("is required but no column supplies it")
	ErrDuplicateColumn = errors.New("is mapped to a column already used by another field")
)

// MappingError is a problem with a dataset's header mapping. Headers and
// field names are not personal data, so they are named.
type MappingError struct {
	Field  string   // the canonical field
	Column string   // the header named in the job file, when there is one
	Found  []string // the headers the file has
	Err    error
}

func (e *MappingError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "field %q", e.Field)
	if e.Column != "" {
		fmt.Fprintf(&b, " (column %q)", e.Column)
	}
	fmt.Fprintf(&b, " %v", e.Err)
	if len(e.Found) > 0 && !errors.Is(e.Err, ErrUnknownField) {
		fmt.Fprintf(&b, "; headers found: %s", strings.Join(quoteAll(e.Found), ", "))
	}
	return b.String()
}

func (e *MappingError) Unwrap() error { return e.Err }

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

// headerKey folds a header for lenient comparison: lower case, dots and
// apostrophes dropped ("N.I. No" is "ni no"), every other run of characters
// other than letters and digits as one space.
func headerKey(h string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if r == '.' || r == '\'' {
			continue
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r > 127 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// NewMapping maps header to kind's fields. key names the column holding the
// record reference; columns gives canonical field -> header for fields whose
// header does not say. Other fields are found by canonical name, then by
// synonym. The first error found is returned as a *MappingError.
func NewMapping(kind *Kind, header []string, key string, columns map[string]string) (*Mapping, error) {
	m := &Mapping{Kind: kind, Header: header, Col: make([]int, len(kind.Fields)), By: make([]string, len(kind.Fields))}
	for i := range m.Col {
		m.Col[i] = -1
	}
	byKey := make(map[string]int, len(header))
	for i, h := range header {
		k := headerKey(h)
		if _, dup := byKey[k]; !dup {
			byKey[k] = i
		}
	}
	used := make(map[int]string)
	assign := func(field int, col int, by string) error {
		if other, ok := used[col]; ok && other != kind.Fields[field].Name {
			return &MappingError{Field: kind.Fields[field].Name, Column: header[col], Found: header, Err: ErrDuplicateColumn}
		}
		used[col] = kind.Fields[field].Name
		m.Col[field], m.By[field] = col, by
		return nil
	}
	// The key column first: it is the reference.
	col, ok := byKey[headerKey(key)]
	if !ok {
		return nil, &MappingError{Field: "ref", Column: key, Found: header, Err: ErrHeaderMissing}
	}
	if err := assign(0, col, "key"); err != nil {
		return nil, err
	}
	// Explicit columns, in a fixed order so the first error is stable.
	names := make([]string, 0, len(columns))
	for f := range columns {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		fi := kind.Field(f)
		if fi < 0 {
			return nil, &MappingError{Field: f, Column: columns[f], Err: ErrUnknownField}
		}
		if fi == 0 {
			continue // ref comes from key:
		}
		col, ok := byKey[headerKey(columns[f])]
		if !ok {
			return nil, &MappingError{Field: f, Column: columns[f], Found: header, Err: ErrHeaderMissing}
		}
		if err := assign(fi, col, "columns"); err != nil {
			return nil, err
		}
	}
	// Canonical names, then synonyms, for what is left; a column already
	// taken is not taken again.
	for pass := 0; pass < 2; pass++ {
		for fi, f := range kind.Fields {
			if m.Col[fi] >= 0 {
				continue
			}
			cands := []string{f.Name}
			by := "name"
			if pass == 1 {
				cands, by = f.Synonyms, "synonym"
			}
			for _, c := range cands {
				if col, ok := byKey[headerKey(c)]; ok {
					if _, taken := used[col]; !taken {
						used[col] = f.Name
						m.Col[fi], m.By[fi] = col, by
						break
					}
				}
			}
		}
	}
	for fi, f := range kind.Fields {
		if f.Required && m.Col[fi] < 0 {
			return nil, &MappingError{Field: f.Name, Found: header, Err: ErrRequiredMissing}
		}
	}
	if len(kind.NeedsOneOf) > 0 {
		found := false
		for _, f := range kind.NeedsOneOf {
			if m.Col[kind.Field(f)] >= 0 {
				found = true
			}
		}
		if !found {
			return nil, &MappingError{Field: strings.Join(kind.NeedsOneOf, " or "), Found: header, Err: ErrRequiredMissing}
		}
	}
	return m, nil
}

// Mapped reports, by field position, whether the file supplies the field.
func (m *Mapping) Mapped() []bool {
	out := make([]bool, len(m.Col))
	for i, c := range m.Col {
		out[i] = c >= 0
	}
	return out
}
