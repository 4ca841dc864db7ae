package job

import (
	"errors"
	"github.com/nfi-engine/nfi/ingest/value"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// The raw shapes of a job file. The yaml tags are the job file format, a
// contract with officers' scripts: never rename one; add new keys instead.

// jobFields is the top level of a job file.
type jobFields struct {
	Exercise      text                     `yaml:"exercise"`
	Body          text                     `yaml:"body"`
	Output        text                     `yaml:"output"`
	Datasets      entryList[datasetFields] `yaml:"datasets"`
	Reports       textList                 `yaml:"reports"`
	CustomReports entryList[customFields]  `yaml:"custom_reports"`
	Threshold     number                   `yaml:"threshold"`
	MaxRejectRate number                   `yaml:"max_reject_rate"`
	Seed          integer                  `yaml:"seed"`
	Model         text                     `yaml:"model"`
	AsAt          text                     `yaml:"as_at"`
	Train         text                     `yaml:"train"`
}

func (jobFields) label() (string, string) { return "the top level of the job file", "" }

// datasetFields is one entry of datasets.
type datasetFields struct {
	Name       text                    `yaml:"name"`
	Kind       text                    `yaml:"kind"`
	Path       text                    `yaml:"path"`
	Format     text                    `yaml:"format"`
	Delimiter  text                    `yaml:"delimiter"`
	Encoding   text                    `yaml:"encoding"`
	DateFormat text                    `yaml:"date_format"`
	NullDates  textList                `yaml:"null_dates"`
	MoneyUnit  text                    `yaml:"money_unit"`
	Sheet      text                    `yaml:"sheet"`
	Layout     entryList[layoutFields] `yaml:"layout"`
	Key        text                    `yaml:"key"`
	Columns    textMap                 `yaml:"columns"`
}

func (datasetFields) label() (string, string) { return "dataset", "name" }

// layoutFields is one entry of a dataset's layout.
type layoutFields struct {
	Name   text    `yaml:"name"`
	Start  integer `yaml:"start"`
	Length integer `yaml:"length"`
}

func (layoutFields) label() (string, string) { return "layout column", "name" }

// customFields is one entry of custom_reports.
type customFields struct {
	ID        text   `yaml:"id"`
	Left      text   `yaml:"left"`
	Right     text   `yaml:"right"`
	Threshold number `yaml:"threshold"`
	Title     text   `yaml:"title"`
}

func (customFields) label() (string, string) { return "custom report", "id" }

// build turns the raw job into a Job, collecting every validation problem.
func build(abs string, e entry[jobFields]) (*Job, ErrorList) {
	raw := e.f
	dir := filepath.Dir(abs)
	j := &Job{
		Path:          abs,
		Exercise:      raw.Exercise.val,
		Body:          raw.Body.val,
		Output:        filepath.Join(dir, DefaultOutput),
		MaxRejectRate: DefaultMaxRejectRate,
		Seed:          DefaultSeed,
		Lines:         e.lines,
	}
	var errs ErrorList
	if raw.Output.set && raw.Output.val != "" {
		j.Output = resolve(dir, raw.Output.val)
	}
	if raw.Threshold.set {
		if t := raw.Threshold.val; !(t > 0 && t < 1) {
			errs = append(errs, errAt(raw.Threshold.p, ErrInvalidValue, "threshold must be above 0 and below 1"))
		}
		j.Threshold = raw.Threshold.val
	}
	if raw.MaxRejectRate.set {
		if r := raw.MaxRejectRate.val; !(r >= 0 && r <= 1) {
			errs = append(errs, errAt(raw.MaxRejectRate.p, ErrInvalidValue, "max_reject_rate must be from 0 to 1 (0.05 means 5%%)"))
		}
		j.MaxRejectRate = raw.MaxRejectRate.val
	}
	if raw.Seed.set {
		j.Seed = raw.Seed.val
	}
	if raw.Model.set && raw.Model.val != "" {
		j.Model = resolve(dir, raw.Model.val)
		if _, err := os.Stat(j.Model); err != nil {
			errs = append(errs, errAt(raw.Model.p, ErrDataFile, "model %q: no such file or folder", raw.Model.val))
		}
	}
	if raw.AsAt.set && raw.AsAt.val != "" {
		if _, err := value.ParseISODate(raw.AsAt.val); err != nil {
			errs = append(errs, errAt(raw.AsAt.p, ErrInvalidValue, "as_at must be a date written yyyy-mm-dd"))
		}
		j.AsAt = raw.AsAt.val
	}
	j.Train = true
	if raw.Train.set {
		switch strings.ToLower(raw.Train.val) {
		case "true", "yes", "on":
		case "false", "no", "off":
			j.Train = false
		default:
			errs = append(errs, errAt(raw.Train.p, ErrInvalidValue, "train must be true or false"))
		}
	}

	if len(raw.Datasets.items) == 0 {
		p := pos{line: e.lines["datasets"]}
		errs = append(errs, errAt(p, ErrRequired, "no datasets: a job needs a datasets: list with at least one entry"))
	}
	names := make(map[string]int, len(raw.Datasets.items))
	for i, d := range raw.Datasets.items {
		ds, derrs := buildDataset(dir, i+1, d)
		errs = append(errs, derrs...)
		if ds.Name != "" {
			if first, dup := names[ds.Name]; dup {
				errs = append(errs, errAt(pos{line: ds.Line}, ErrDuplicate, "dataset name %q already used at line %d", ds.Name, first))
			} else {
				names[ds.Name] = ds.Line
			}
		}
		j.Datasets = append(j.Datasets, ds)
	}

	if raw.Reports.set {
		j.ReportsGiven = true
		j.Reports = make([]string, 0, len(raw.Reports.vals))
		seen := make(map[string]int, len(raw.Reports.vals))
		for i, id := range raw.Reports.vals {
			p := raw.Reports.ps[i]
			switch first, dup := seen[id]; {
			case id == "":
				errs = append(errs, errAt(p, ErrRequired, "empty report id in reports"))
			case dup:
				errs = append(errs, errAt(p, ErrDuplicate, "report %q already listed at line %d", id, first))
			default:
				seen[id] = p.line
			}
			j.Reports = append(j.Reports, id)
			j.ReportLines = append(j.ReportLines, p.line)
		}
	}

	ids := make(map[string]int, len(raw.CustomReports.items))
	for i, c := range raw.CustomReports.items {
		cr, cerrs := buildCustom(i+1, c, names)
		errs = append(errs, cerrs...)
		if cr.ID != "" {
			if first, dup := ids[cr.ID]; dup {
				errs = append(errs, errAt(pos{line: cr.Line}, ErrDuplicate, "custom report id %q already used at line %d", cr.ID, first))
			} else {
				ids[cr.ID] = cr.Line
			}
		}
		j.CustomReports = append(j.CustomReports, cr)
	}
	return j, errs
}

// buildDataset validates one datasets entry.
func buildDataset(dir string, index int, e entry[datasetFields]) (Dataset, ErrorList) {
	f := e.f
	d := Dataset{
		Name:        f.Name.val,
		Kind:        f.Kind.val,
		Format:      f.Format.val,
		Encoding:    f.Encoding.val,
		DateFormat:  f.DateFormat.val,
		MoneyUnit:   f.MoneyUnit.val,
		Sheet:       f.Sheet.val,
		NullDates:   f.NullDates.vals,
		Key:         f.Key.val,
		Columns:     make(map[string]string, len(f.Columns.keys)),
		ColumnLines: make(map[string]int, len(f.Columns.keys)),
		Line:        e.start.line,
		KeyLine:     e.lines["key"],
		KindLine:    e.lines["kind"],
		Lines:       e.lines,
	}
	for _, k := range f.Columns.keys {
		d.Columns[k] = f.Columns.vals[k]
		d.ColumnLines[k] = f.Columns.ps[k].line
	}
	where := "dataset " + itoa(index)
	if d.Name != "" {
		where = "dataset '" + d.Name + "'"
	}
	var errs ErrorList
	start := e.start
	for _, req := range []struct {
		key string
		t   text
	}{{"name", f.Name}, {"kind", f.Kind}, {"path", f.Path}, {"key", f.Key}} {
		if !req.t.set || req.t.val == "" {
			p := start
			if req.t.set {
				p = req.t.p
			}
			errs = append(errs, errAt(p, ErrRequired, "%s has no %s: (required)", where, req.key))
		}
	}
	if d.Name != "" && !validName(d.Name, true) {
		errs = append(errs, errAt(f.Name.p, ErrInvalidName, "dataset name %q: use only a-z, 0-9, _ and - (at most %d)", d.Name, maxNameLen))
	}

	switch d.Format {
	case "", FormatDelimited, FormatFixedWidth, FormatXLSX:
	default:
		errs = append(errs, errAt(f.Format.p, ErrInvalidValue, "format in %s must be %s, %s or %s", where, FormatDelimited, FormatFixedWidth, FormatXLSX))
	}
	if f.Delimiter.set {
		switch delim, ok := normDelimiter(f.Delimiter.val); {
		case d.Format == FormatFixedWidth || d.Format == FormatXLSX:
			errs = append(errs, errAt(f.Delimiter.p, ErrInvalidValue, "delimiter in %s is only for format: %s", where, FormatDelimited))
		case !ok:
			errs = append(errs, errAt(f.Delimiter.p, ErrInvalidValue, "delimiter in %s must be one character, or tab, pipe, comma or tilde; remove it to have it detected", where))
		default:
			d.Delimiter = delim
		}
	}
	if f.Sheet.set && d.Format != "" && d.Format != FormatXLSX {
		errs = append(errs, errAt(f.Sheet.p, ErrInvalidValue, "sheet in %s is only for format: %s", where, FormatXLSX))
	}
	switch d.MoneyUnit {
	case "", MoneyPence, MoneyPounds:
	default:
		errs = append(errs, errAt(f.MoneyUnit.p, ErrInvalidValue, "money_unit in %s must be %s or %s", where, MoneyPence, MoneyPounds))
	}
	for i, nd := range f.NullDates.vals {
		if nd == "" {
			errs = append(errs, errAt(f.NullDates.ps[i], ErrRequired, "empty entry in null_dates of %s", where))
		}
	}
	layout, lerrs := buildLayout(where, d.Format, f.Format.p, e.lines["layout"], f.Layout)
	d.Layout = layout
	errs = append(errs, lerrs...)

	if f.Path.set && f.Path.val != "" {
		d.Path = resolve(dir, f.Path.val)
		if err := checkDataFile(d.Path); err != "" {
			errs = append(errs, errAt(f.Path.p, ErrDataFile, "%s: %s (looked for %s)", f.Path.val, err, d.Path))
		}
	}
	return d, errs
}

// buildLayout validates a dataset's layout against its format.
func buildLayout(where, format string, formatP pos, layoutLine int, l entryList[layoutFields]) ([]Column, ErrorList) {
	var errs ErrorList
	switch {
	case format == FormatFixedWidth && len(l.items) == 0:
		return nil, append(errs, errAt(formatP, ErrLayout, "%s is fixed-width but has no layout: give name, start and length for each column", where))
	case format != FormatFixedWidth && l.set:
		return nil, append(errs, errAt(pos{line: layoutLine}, ErrLayout, "layout in %s is only for format: %s", where, FormatFixedWidth))
	case format != FormatFixedWidth:
		return nil, nil
	}
	cols := make([]Column, 0, len(l.items))
	seen := make(map[string]int, len(l.items))
	for i, e := range l.items {
		f := e.f
		c := Column{Name: f.Name.val, Line: e.start.line}
		colWhere := "layout column " + itoa(i+1) + " of " + where
		if c.Name != "" {
			colWhere = "layout column '" + c.Name + "' of " + where
		}
		ok := true
		if c.Name == "" {
			errs = append(errs, errAt(e.start, ErrLayout, "%s has no name:", colWhere))
			ok = false
		} else if first, dup := seen[c.Name]; dup {
			errs = append(errs, errAt(e.start, ErrDuplicate, "%s: name already used at line %d", colWhere, first))
		} else {
			seen[c.Name] = c.Line
		}
		for _, n := range []struct {
			key string
			v   integer
			dst *int
		}{{"start", f.Start, &c.Start}, {"length", f.Length, &c.Length}} {
			switch {
			case !n.v.set:
				errs = append(errs, errAt(e.start, ErrLayout, "%s has no %s:", colWhere, n.key))
				ok = false
			case n.v.val < 1 || n.v.val > maxLayoutPos:
				errs = append(errs, errAt(n.v.p, ErrLayout, "%s in %s must be from 1 to %d", n.key, colWhere, maxLayoutPos))
				ok = false
			default:
				*n.dst = int(n.v.val)
			}
		}
		if ok {
			cols = append(cols, c)
		}
	}
	// Overlaps: sort a copy by start and compare neighbours.
	byStart := slices.Clone(cols)
	slices.SortStableFunc(byStart, func(a, b Column) int { return a.Start - b.Start })
	for i := 1; i < len(byStart); i++ {
		prev, cur := byStart[i-1], byStart[i]
		if cur.Start < prev.Start+prev.Length {
			errs = append(errs, errAt(pos{line: max(cur.Line, prev.Line)}, ErrLayout,
				"layout of %s: '%s' (characters %d-%d) overlaps '%s' (characters %d-%d)", where,
				cur.Name, cur.Start, cur.Start+cur.Length-1, prev.Name, prev.Start, prev.Start+prev.Length-1))
		}
	}
	return cols, errs
}

// buildCustom validates one custom_reports entry against the dataset names.
func buildCustom(index int, e entry[customFields], datasets map[string]int) (CustomReport, ErrorList) {
	f := e.f
	c := CustomReport{ID: f.ID.val, Left: f.Left.val, Right: f.Right.val, Title: f.Title.val, Line: e.start.line}
	where := "custom report " + itoa(index)
	if c.ID != "" {
		where = "custom report '" + c.ID + "'"
	}
	var errs ErrorList
	if c.ID == "" {
		errs = append(errs, errAt(e.start, ErrRequired, "%s has no id: (required)", where))
	} else if !validName(c.ID, false) {
		errs = append(errs, errAt(f.ID.p, ErrInvalidName, "custom report id %q: use only a-z, 0-9 and _ (at most %d)", c.ID, maxNameLen))
	}
	for _, side := range []struct {
		key string
		t   text
	}{{"left", f.Left}, {"right", f.Right}} {
		switch _, ok := datasets[side.t.val]; {
		case side.t.val == "":
			errs = append(errs, errAt(e.start, ErrRequired, "%s has no %s: (a dataset name)", where, side.key))
		case !ok:
			errs = append(errs, errAt(side.t.p, ErrUnknownDataset, "%s of %s names dataset %q, which is not in datasets", side.key, where, side.t.val))
		}
	}
	if f.Threshold.set {
		if t := f.Threshold.val; !(t > 0 && t < 1) {
			errs = append(errs, errAt(f.Threshold.p, ErrInvalidValue, "threshold of %s must be above 0 and below 1", where))
		}
		c.Threshold = f.Threshold.val
	}
	return c, errs
}

// validName reports whether s is 1 to maxNameLen characters of a-z, 0-9, _
// (and - when dash is true).
func validName(s string, dash bool) bool {
	if s == "" || len(s) > maxNameLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || dash && c == '-') {
			return false
		}
	}
	return true
}

// normDelimiter turns a delimiter as written into the one character it
// means. Any single character encoding/csv accepts as a separator is
// allowed, as are the names tab, pipe, comma, tilde and the escape \t.
func normDelimiter(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "tab", `\t`:
		return "\t", true
	case "pipe":
		return "|", true
	case "comma":
		return ",", true
	case "tilde":
		return "~", true
	}
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) || size == 0 || r == utf8.RuneError || r == 0 || r == '"' || r == '\r' || r == '\n' {
		return "", false
	}
	return s, true
}

// resolve makes p absolute, relative to dir.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// checkDataFile says what is wrong with a data file path, or "" when it is a
// readable-looking regular file. The os error is not passed on.
func checkDataFile(path string) string {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case err != nil:
		return "cannot be checked"
	case st.IsDir():
		return "is a directory, not a file"
	}
	return ""
}
