package report

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/match"
)

// ErrNoOutput means the Run names no output folder.
var ErrNoOutput = errors.New("no output folder")

// ErrBadMatch means a match refers to a record or level its report does
// not have: the Run was put together wrongly, and nothing is written for
// the report rather than something wrong.
var ErrBadMatch = errors.New("match does not fit its report")

// ReportFileBases returns, by position in run.Reports, the base name (no
// extension) of each report's files under reports/, model/ and explain/:
// the report id for the first report with that id, and
// <id>__<left>__<right> (dataset names) for later ones. Characters other
// than letters, digits, '.', '-' and '_' become '_', and a name already
// taken gets a numbered suffix, so that no report overwrites another.
func ReportFileBases(run *Run) []string {
	out := make([]string, len(run.Reports))
	used := make(map[string]bool, len(run.Reports))
	seenID := make(map[string]bool, len(run.Reports))
	for i, rr := range run.Reports {
		id := rr.Report.ID
		base := safeName(id)
		if seenID[id] {
			base = safeName(id + "__" + rr.Left.Name + "__" + rr.Right.Name)
		}
		seenID[id] = true
		name := base
		for n := 2; used[name]; n++ {
			name = base + "__" + strconv.Itoa(n)
		}
		used[name] = true
		out[i] = name
	}
	return out
}

// safeName keeps a name usable as a file name on every system.
func safeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		ok := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] == '.' {
		return "_" + string(b)
	}
	return string(b)
}

// dedupe reports whether the report pairs records within one dataset.
func dedupe(rr *ReportResult) bool {
	return rr.Left == rr.Right || (rr.Linker != nil && rr.Linker.Dedupe)
}

// pair is one match as written: sides oriented, keys and id computed.
type pair struct {
	l, r       *ingest.Record
	lkey, rkey string
	id         string
}

// orient returns the match's records with, for a report within one
// dataset, the smaller key on the left, so every output names the pair the
// same way.
func orient(rr *ReportResult, m *match.Match) (pair, error) {
	if m.Left < 0 || int(m.Left) >= len(rr.Left.Records) || m.Right < 0 || int(m.Right) >= len(rr.Right.Records) {
		return pair{}, ErrBadMatch
	}
	p := pair{l: &rr.Left.Records[m.Left], r: &rr.Right.Records[m.Right]}
	if p.l.NumValues() == 0 || p.r.NumValues() == 0 {
		return pair{}, ErrBadMatch
	}
	p.lkey, p.rkey = p.l.Ref(), p.r.Ref()
	if dedupe(rr) && p.lkey > p.rkey {
		p.l, p.r = p.r, p.l
		p.lkey, p.rkey = p.rkey, p.lkey
	}
	p.id = match.MatchID(rr.Report.ID, rr.Left.Name, p.lkey, rr.Right.Name, p.rkey)
	return p, nil
}

// levelNames holds, per comparison, its name and its levels' names and
// agreement, from the linker (or, without one, the model).
type levelNames struct {
	comps  []string
	levels [][]string
	agree  [][]bool
}

func namesOf(rr *ReportResult) *levelNames {
	n := &levelNames{}
	switch {
	case rr.Linker != nil:
		for _, c := range rr.Linker.Comparisons {
			n.comps = append(n.comps, c.Name)
			ls := make([]string, len(c.Levels))
			ag := make([]bool, len(c.Levels))
			for i, l := range c.Levels {
				ls[i], ag[i] = l.Name, l.Agree
			}
			n.levels = append(n.levels, ls)
			n.agree = append(n.agree, ag)
		}
	case rr.Model != nil:
		for _, c := range rr.Model.Comparisons {
			n.comps = append(n.comps, c.Name)
			ls := make([]string, len(c.Levels))
			ag := make([]bool, len(c.Levels))
			for i, l := range c.Levels {
				ls[i], ag[i] = l.Name, i > 0 && l.Weight > 0
			}
			n.levels = append(n.levels, ls)
			n.agree = append(n.agree, ag)
		}
	}
	return n
}

// check reports whether the match's levels fit the comparisons.
func (n *levelNames) check(levels []uint8) error {
	if len(levels) != len(n.comps) {
		return ErrBadMatch
	}
	for ci, l := range levels {
		if int(l) >= len(n.levels[ci]) {
			return ErrBadMatch
		}
	}
	return nil
}

// appendReasons appends "surname=exact;dob=day-month-swapped" for every
// comparison whose level is not null. levels must have passed check.
func (n *levelNames) appendReasons(b []byte, levels []uint8) []byte {
	first := true
	for ci, l := range levels {
		if l == 0 {
			continue
		}
		if !first {
			b = append(b, ';')
		}
		first = false
		b = append(b, n.comps[ci]...)
		b = append(b, '=')
		b = append(b, n.levels[ci][l]...)
	}
	return b
}

// reasonCache keeps one reasons string per level pattern: a report's
// matches share few patterns, so most rows cost no allocation.
type reasonCache struct {
	n   *levelNames
	m   map[string]string
	buf []byte
}

func newReasonCache(n *levelNames) *reasonCache {
	return &reasonCache{n: n, m: make(map[string]string)}
}

func (c *reasonCache) get(levels []uint8) string {
	if s, ok := c.m[string(levels)]; ok {
		return s
	}
	c.buf = c.n.appendReasons(c.buf[:0], levels)
	s := string(c.buf)
	c.m[string(levels)] = s
	return s
}

// shownField is one field printed side by side in the report tables.
type shownField struct {
	name     string
	li, ri   int // position in each side's kind, -1 when that side lacks it
	lm, rm   bool
	lt, rt   ingest.Type
	headerLR [2]string
}

// shownFields are match.PersonFields then the report's Show fields, each
// once and only when at least one side's dataset has it.
func shownFields(rr *ReportResult) []shownField {
	var out []shownField
	seen := make(map[string]bool)
	names := append(match.PersonFields(), rr.Report.Show...)
	for _, f := range names {
		if seen[f] {
			continue
		}
		seen[f] = true
		if !rr.Left.Has(f) && !rr.Right.Has(f) {
			continue
		}
		sf := shownField{name: f, li: -1, ri: -1, headerLR: [2]string{"left_" + f, "right_" + f}}
		if rr.Left.Has(f) {
			sf.li = rr.Left.Kind.Field(f)
			sf.lt = rr.Left.Kind.Fields[sf.li].Type
		}
		if rr.Right.Has(f) {
			sf.ri = rr.Right.Kind.Field(f)
			sf.rt = rr.Right.Kind.Fields[sf.ri].Type
		}
		out = append(out, sf)
	}
	return out
}

// cell is a shown value: its text and whether nfi formatted it (an
// amount), so that it is not neutralised.
type cell struct {
	s      string
	number bool
}

func fieldValue(rec *ingest.Record, i int, t ingest.Type) cell {
	if i < 0 || i >= rec.NumValues() {
		return cell{}
	}
	v := rec.Value(i)
	if t == ingest.Money {
		if s, ok := pounds(v); ok {
			return cell{s: s, number: true}
		}
	}
	return cell{s: v}
}

// pounds turns canonical pence ("-12345") into pounds ("-123.45"). Text
// that is not a whole number of pence is left alone.
func pounds(p string) (string, bool) {
	neg := strings.HasPrefix(p, "-")
	d := strings.TrimPrefix(p, "-")
	if d == "" {
		return "", false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return "", false
		}
	}
	for len(d) < 3 {
		d = "0" + d
	}
	s := d[:len(d)-2] + "." + d[len(d)-2:]
	if neg {
		s = "-" + s
	}
	return s, true
}

// reportsDir and friends name the output folders.
func reportsDir(out string) string { return filepath.Join(out, "reports") }
