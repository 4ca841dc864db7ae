package match

import (
	"regexp"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest"
)

// TestReportCatalogue checks every entry of the report catalogue against
// the dataset catalogue, the matching catalogue and the requirements.
func TestReportCatalogue(t *testing.T) {
	id := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	reqs := requirements()
	kinds := matchings()
	seen := map[[3]string]bool{}
	for _, r := range Reports() {
		key := [3]string{r.ID, r.Left, r.Right}
		if !id.MatchString(r.ID) || r.Title == "" || r.Description == "" || seen[key] {
			t.Errorf("%s: bad or duplicate id, or no title or description", r.ID)
		}
		seen[key] = true
		lk, lok := ingest.LookupKind(r.Left)
		rk, rok := ingest.LookupKind(r.Right)
		if !lok || !rok {
			t.Errorf("%s: unknown dataset kind %q or %q", r.ID, r.Left, r.Right)
			continue
		}
		if _, ok := kinds[r.Match]; !ok {
			t.Errorf("%s: unknown matching %q", r.ID, r.Match)
		}
		for _, q := range r.Requires {
			if reqs[q] == nil {
				t.Errorf("%s: unknown requirement %q", r.ID, q)
			}
		}
		if (len(r.Condition) > 0 || len(r.Requires) > 0) && r.ConditionText == "" {
			t.Errorf("%s: a condition with no words for it", r.ID)
		}
		for _, c := range r.Condition {
			for _, f := range []FieldRef{c.End, c.Event} {
				if f.Field == "" {
					continue
				}
				k := lk
				if f.Side == RightSide {
					k = rk
				}
				if i := k.Field(f.Field); i < 0 || k.Fields[i].Type != ingest.Date {
					t.Errorf("%s: condition field %q is not a date of %s", r.ID, f.Field, k.Name)
				}
			}
		}
		for _, f := range r.Show {
			if lk.Field(f) < 0 && rk.Field(f) < 0 {
				t.Errorf("%s: shown field %q is in neither kind", r.ID, f)
			}
		}
		for _, w := range []string{"fraud", "suspect", "guilty"} {
			if strings.Contains(strings.ToLower(r.Title+r.Description+r.ConditionText), w) {
				t.Errorf("%s: wording %q: a match is an inconsistency to investigate, not a finding", r.ID, w)
			}
		}
	}
}

// TestBlockingCatalogues checks every blocking rule: unique names, and
// fields of the person kind.
func TestBlockingCatalogues(t *testing.T) {
	person, _ := ingest.LookupKind("person")
	names := map[string]bool{}
	for _, b := range PersonBlockingRules() {
		if names[b.Name] {
			t.Errorf("duplicate rule %q", b.Name)
		}
		names[b.Name] = true
		for _, f := range append(b.Fields, b.Fixes...) {
			if person.Field(f) < 0 && !comparisonNamed(f) {
				t.Errorf("%s: %q is neither a person field nor a comparison", b.Name, f)
			}
		}
	}
}

func comparisonNamed(n string) bool {
	for _, c := range PersonComparisons() {
		if c.Name == n {
			return true
		}
	}
	return false
}

// TestConditions checks the date clauses of the deceased and payroll
// reports on small pairs of records.
func TestConditions(t *testing.T) {
	tests := []struct {
		report      string
		left, right map[string]string
		want        bool
	}{
		{"deceased_to_pensions", map[string]string{"date_of_death": "2024-01-10"}, map[string]string{}, true},
		{"deceased_to_pensions", map[string]string{"date_of_death": "2024-01-10"}, map[string]string{"pension_end": "2024-03-01"}, true},
		{"deceased_to_pensions", map[string]string{"date_of_death": "2024-01-10"}, map[string]string{"pension_end": "2023-12-31"}, false},
		{"deceased_to_blue_badges", map[string]string{"date_of_death": "2024-01-10"}, map[string]string{"expiry_date": "2023-05-01"}, false},
		{"deceased_to_blue_badges", map[string]string{"date_of_death": "2024-01-10"}, map[string]string{"expiry_date": "2026-05-01"}, true},
		{"payroll_to_payroll", map[string]string{}, map[string]string{"leave_date": "2020-01-01"}, false},
		{"payroll_to_payroll", map[string]string{}, map[string]string{}, true},
		{"payroll_to_pensions", map[string]string{"leave_date": "2010-01-01"}, map[string]string{"pension_start": "2015-01-01"}, false},
		{"payroll_to_pensions", map[string]string{"leave_date": "2020-01-01"}, map[string]string{"pension_start": "2015-01-01"}, true},
	}
	for _, tt := range tests {
		reps, _ := LookupReport(tt.report)
		rep := reps[0]
		ld, l := dataset(t, rep.Left, tt.left)
		rd, r := dataset(t, rep.Right, tt.right)
		if got := rep.Holds(l, r, ld, rd); got != tt.want {
			t.Errorf("%s %v %v: holds %v, want %v", tt.report, tt.left, tt.right, got, tt.want)
		}
	}
}

// dataset makes a one-record dataset of a kind with the given canonical
// values (every field mapped).
func dataset(t *testing.T, kind string, vals map[string]string) (*ingest.Dataset, *ingest.Record) {
	t.Helper()
	k, _ := ingest.LookupKind(kind)
	d := &ingest.Dataset{Name: kind, Kind: k, Mapped: make([]bool, len(k.Fields))}
	values := make([]string, len(k.Fields))
	for i := range d.Mapped {
		d.Mapped[i] = true
	}
	values[0] = "R1"
	for f, v := range vals {
		values[k.Field(f)] = v
	}
	var r ingest.Record
	r.SetValues(values)
	d.Records = []ingest.Record{r}
	return d, &d.Records[0]
}
