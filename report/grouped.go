package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report/atomic"
)

// writeGroupedCSV writes a report laid out by left-hand record (see
// match.Report.GroupByLeft): one line per council tax account, its own
// fields, then the other adults registered at the property, each with
// why they count, and the liable person's own register entries when found.
// Accounts come strongest match first.
func writeGroupedCSV(run *Run, i int, dir string) error {
	rr, base := run.Reports[i], ReportFileBases(run)[i]
	path := filepath.Join(reportsDir(dir), base+".csv")
	var fields []shownField
	for _, f := range shownFields(rr) {
		if f.li >= 0 {
			fields = append(fields, f)
		}
	}
	// Matches are sorted strongest first: the first match of an account
	// places it.
	var order []int32
	byLeft := map[int32][]*match.Match{}
	for mi := range rr.Matches {
		m := &rr.Matches[mi]
		if _, ok := byLeft[m.Left]; !ok {
			order = append(order, m.Left)
		}
		byLeft[m.Left] = append(byLeft[m.Left], m)
	}
	return atomic.WriteFile(path, func(w io.Writer) error {
		c := newCSVWriter(w)
		h := []string{"match_ids", "strongest_probability", "band", "recommended"}
		for _, f := range fields {
			h = append(h, f.name)
		}
		h = append(h, "other_adults", "other_adults_detail", "liable_person_register_entries", "condition", "outcome", "amount_recovered", "notes")
		c.row(h)
		for _, l := range order {
			ms := byLeft[l]
			left := &rr.Left.Records[l]
			var ids, details []string
			rec := false
			for _, m := range ms {
				r := &rr.Right.Records[m.Right]
				ids = append(ids, match.MatchID(rr.Report.ID, rr.Left.Name, left.Ref(), rr.Right.Name, r.Ref()))
				details = append(details, adultDetail(rr.Right, int(m.Right)))
				rec = rec || m.Recommended
			}
			sort.Strings(ids)
			c.text(strings.Join(ids, " "))
			c.float(ms[0].Probability, 6)
			c.raw(match.Band(ms[0].Probability))
			c.raw(yesNo(rec))
			for _, f := range fields {
				v := fieldValue(left, f.li, f.lt)
				if v.number {
					c.raw(v.s)
				} else {
					c.text(v.s)
				}
			}
			c.raw(strconv.Itoa(len(ms)))
			c.text(strings.Join(details, "; "))
			var own []string
			for _, r := range rr.SamePerson[l] {
				own = append(own, rr.Right.Records[r].Ref())
			}
			c.text(strings.Join(own, " "))
			c.text(rr.Report.ConditionText)
			c.raw("")
			c.raw("")
			c.raw("")
			c.end()
		}
		if err := c.flush(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}

// adultDetail says who an elector is and why they count as another adult:
// "EA-1 ANNA SMITH (name differs from the liable person; 18 on 2024-05-01)".
func adultDetail(d *ingest.Dataset, i int) string {
	name := strings.TrimSpace(d.Value(i, "forenames") + " " + d.Value(i, "middle_names") + " " + d.Value(i, "surname"))
	why := "name differs from the liable person"
	if at := d.Value(i, "attainment_date"); at != "" {
		why += "; 18 on " + at
	} else {
		why += "; an adult elector (no attainment date)"
	}
	return fmt.Sprintf("%s %s (%s)", d.Records[i].Ref(), strings.Join(strings.Fields(name), " "), why)
}
