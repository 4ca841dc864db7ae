package report

import (
	"testing"
	"time"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/match"
)

// canary is planted in a record; no README, summary or error may show it.
const canary = "ZQXCANARY"

// dataset builds an in-memory dataset of kind with the given mapped fields
// and rows (field -> value).
func dataset(t testing.TB, name, kind string, fields []string, rows []map[string]string) *ingest.Dataset {
	t.Helper()
	k, ok := ingest.LookupKind(kind)
	if !ok {
		t.Fatalf("kind %s missing", kind)
	}
	d := &ingest.Dataset{Name: name, Kind: k, Path: "/data/in/" + name + ".csv", Mapped: make([]bool, len(k.Fields)), Header: fields}
	for _, f := range fields {
		i := k.Field(f)
		if i < 0 {
			t.Fatalf("field %s not in %s", f, kind)
		}
		d.Mapped[i] = true
	}
	for n, row := range rows {
		r := ingest.Record{Line: n + 2}
		vals := make([]string, len(k.Fields))
		for f, v := range row {
			i := k.Field(f)
			if i < 0 || !d.Mapped[i] {
				t.Fatalf("field %s not mapped", f)
			}
			vals[i] = v
		}
		r.SetValues(vals)
		d.Records = append(d.Records, r)
	}
	d.Read = len(rows)
	return d
}

// levels gives the level indexes for the named levels (others null).
func levels(t testing.TB, k *match.Linker, named map[string]string) []uint8 {
	t.Helper()
	out := make([]uint8, len(k.Comparisons))
	for name, level := range named {
		found := false
		for ci, c := range k.Comparisons {
			if c.Name != name {
				continue
			}
			for li, l := range c.Levels {
				if l.Name == level {
					out[ci], found = uint8(li), true
				}
			}
		}
		if !found {
			t.Fatalf("no level %s.%s", name, level)
		}
	}
	return out
}

// pin keeps only a fixed set of the linker's comparisons and rules, so that
// the golden files change only when the report package does, not when the
// match catalogue grows.
func pin(k *match.Linker) *match.Linker {
	keepC := map[string]bool{"forenames": true, "surname": true, "dob": true, "ni_number": true, "postcode": true, "address": true}
	keepR := map[string]bool{"ni_number": true, "dob+surname_initial": true, "forename+surname+district": true}
	var cs []*match.Comparison
	for _, c := range k.Comparisons {
		if keepC[c.Name] {
			cs = append(cs, c)
		}
	}
	var rs []*match.BlockingRule
	for _, r := range k.Rules {
		if keepR[r.Name] {
			rs = append(rs, r)
		}
	}
	k.Comparisons, k.Rules = cs, rs
	return k
}

func scored(m *match.Model, l, r int32, lv []uint8, rule uint8) match.Match {
	w := m.Weight(lv, false)
	return match.Match{Left: l, Right: r, Levels: lv, Weight: w, Probability: match.Probability(w), Rule: rule}
}

// testRun is a tiny hand-made run: a payroll and a pensions dataset, the
// payroll_to_pensions report and payroll_to_payroll within the payroll.
func testRun(t testing.TB) *Run {
	t.Helper()
	payFields := []string{"ref", "forenames", "surname", "dob", "ni_number", "address_1", "postcode", "start_date", "leave_date", "gross_pay"}
	pay := dataset(t, "payroll_2025", "payroll", payFields, []map[string]string{
		{"ref": "000123", "forenames": "WILLIAM", "surname": "SMITH", "dob": "1961-03-04", "ni_number": "AB123456C",
			"address_1": "=HYPERLINK(\"http://x\")", "postcode": "AB1 2CD", "start_date": "2019-05-01", "gross_pay": "1234567"},
		{"ref": "E9", "forenames": "JANE", "surname": canary, "dob": "1970-12-01", "ni_number": "CD654321A",
			"address_1": "Flat 2, 10 \"High\" St", "postcode": "ZZ9 9ZZ", "gross_pay": "-5"},
		{"ref": "000124", "forenames": "BILL", "surname": "SMITH", "dob": "1961-04-03",
			"address_1": "+44 Road", "postcode": "AB1 2CE", "gross_pay": "12,3x"},
	})
	penFields := []string{"ref", "forenames", "surname", "dob", "ni_number", "postcode", "pension_start", "pension_amount"}
	pen := dataset(t, "pensions_2025", "pensions", penFields, []map[string]string{
		{"ref": "P-0001", "forenames": "WILLIAM", "surname": "SMITH", "dob": "1961-03-04", "ni_number": "AB123456C",
			"postcode": "AB1 2CD", "pension_start": "2018-01-01", "pension_amount": "987654"},
		{"ref": "@P2", "forenames": "JANE", "surname": canary, "dob": "1970-01-12", "postcode": "ZZ9 9ZZ", "pension_amount": "100"},
	})

	p2ps, _ := match.LookupReport("payroll_to_pensions")
	p2p := p2ps[0]
	k1 := pin(match.NewLinker(p2p, pay, pen, 0))
	m1 := match.DefaultModel(p2p.ID, k1.Comparisons)
	st1 := match.Stats{Pairs: make([]int64, len(k1.Rules)), CappedPairs: make([]int64, len(k1.Rules))}
	for i := range st1.Pairs {
		st1.Pairs[i] = int64(10 * (i + 1))
	}
	st1.CappedPairs[len(st1.CappedPairs)-1] = 7
	rr1 := &ReportResult{Report: p2p, Left: pay, Right: pen, Linker: k1, Model: m1, Threshold: match.DefaultThreshold, Stats: st1,
		Matches: []match.Match{
			scored(m1, 0, 0, levels(t, k1, map[string]string{"forenames": "exact", "surname": "exact", "dob": "exact", "ni_number": "exact", "postcode": "unit"}), 0),
			scored(m1, 1, 1, levels(t, k1, map[string]string{"forenames": "exact", "surname": "exact", "dob": "day-month-swapped", "postcode": "unit"}), 1),
		}}

	pps, _ := match.LookupReport("payroll_to_payroll")
	pp := pps[0]
	k2 := pin(match.NewLinker(pp, pay, pay, 0))
	m2 := match.DefaultModel(pp.ID, k2.Comparisons)
	m2.Trained = true
	rr2 := &ReportResult{Report: pp, Left: pay, Right: pay, Linker: k2, Model: m2, Threshold: 0.5, Stats: match.Stats{Pairs: make([]int64, len(k2.Rules)), CappedPairs: make([]int64, len(k2.Rules))},
		Matches: []match.Match{
			// the larger key on the left: outputs swap it
			scored(m2, 2, 0, levels(t, k2, map[string]string{"forenames": "nickname", "surname": "exact", "dob": "day-month-swapped", "postcode": "sector"}), 0),
		}}

	pay.Read, pay.Rejects = 5, 2
	q1 := ingest.MeasureQuality(pay, nil)
	q2 := ingest.MeasureQuality(pen, nil)
	return &Run{
		Exercise: "NFI 2026/27", Body: "Anytown Council", JobPath: "/data/job.yaml", Output: "OUT",
		Datasets: []*DatasetResult{
			{Dataset: pay, Quality: q1, RejectReasons: map[string]int{"dob: not a date": 2}},
			{Dataset: pen, Quality: q2},
		},
		Reports: []*ReportResult{rr1, rr2},
		Stages: []Stage{
			{Name: "read", Duration: 1500 * time.Millisecond, Items: 5},
			{Name: "match", Duration: 2 * time.Second, Items: 30},
			{Name: "write", Duration: 0},
		},
		Workers: 2,
	}
}
