package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strconv"

	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report/atomic"
)

// HTMLLimit is how many matches a report page shows: enough to read
// through, small enough for any browser. The CSV and workbook hold all.
const HTMLLimit = 2000

// WriteReportHTML writes dir/reports/<base>.html for the report at
// position i of run.Reports: one self-contained page (no scripts, no
// external files) with the report's title and the statement, then each
// match as a card with the two records side by side and each
// comparison's level marked as agreeing or differing. Only the first
// HTMLLimit matches are shown; the page then points at the CSV.
func WriteReportHTML(run *Run, i int, dir string) error {
	rr, base := run.Reports[i], ReportFileBases(run)[i]
	t := newReportTable(rr, base)
	page := htmlPage{
		Title: rr.Report.Title, ID: rr.Report.ID, Description: rr.Report.Description,
		Condition: rr.Report.ConditionText, Exercise: run.Exercise, Body: run.Body,
		Left: rr.Left.Name, Right: rr.Right.Name, Statement: Statement(),
		Total: len(rr.Matches), CSV: base + ".csv", XLSX: base + ".xlsx",
	}
	for _, b := range Bands() {
		page.Bands = append(page.Bands, htmlBand{Name: b})
	}
	for _, m := range rr.Matches {
		page.Bands[bandIndex(match.Band(m.Probability))].Count++
	}
	err := t.each(HTMLLimit, func(i int, r *tableRow) error {
		c := htmlCard{N: i + 1, ID: r.id, Probability: strconv.FormatFloat(r.m.Probability, 'f', 6, 64),
			Band: match.Band(r.m.Probability), LeftKey: r.lkey, RightKey: r.rkey}
		for fi, f := range t.fields {
			l, rv := r.vals[2*fi].s, r.vals[2*fi+1].s
			if l == "" && rv == "" {
				continue
			}
			c.Fields = append(c.Fields, htmlField{Name: f.name, Left: l, Right: rv})
		}
		for ci, l := range r.m.Levels {
			h := htmlReason{Comparison: t.names.comps[ci], Level: t.names.levels[ci][l]}
			switch {
			case l == 0:
				h.Mark, h.Class = "not compared (blank)", "null"
			case t.names.agree[ci][l]:
				h.Mark, h.Class = "agrees", "agree"
			default:
				h.Mark, h.Class = "differs", "differ"
			}
			c.Reasons = append(c.Reasons, h)
		}
		page.Cards = append(page.Cards, c)
		return nil
	})
	path := filepath.Join(reportsDir(dir), base+".html")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	page.Shown = len(page.Cards)
	page.Capped = page.Total > page.Shown
	return atomic.WriteFile(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := pageTemplate().Execute(bw, &page); err != nil {
			return err
		}
		return bw.Flush()
	})
}

type htmlPage struct {
	Title, ID, Description, Condition, Exercise, Body, Left, Right, Statement string
	Total, Shown                                                              int
	Capped                                                                    bool
	CSV, XLSX                                                                 string
	Bands                                                                     []htmlBand
	Cards                                                                     []htmlCard
}

type htmlBand struct {
	Name  string
	Count int
}

type htmlCard struct {
	N                     int
	ID, Probability, Band string
	LeftKey, RightKey     string
	Fields                []htmlField
	Reasons               []htmlReason
}

type htmlField struct{ Name, Left, Right string }

type htmlReason struct{ Comparison, Level, Mark, Class string }

// pageTemplate parses the page template; it is a constant, so a parse
// failure is a programming error caught by the tests.
func pageTemplate() *template.Template {
	return template.Must(template.New("page").Parse(pageHTML))
}

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}
.statement{border-left:.4rem solid #1d70b8;background:#f0f4f8;padding:.6rem 1rem;margin:1rem 0}
.note{border-left:.4rem solid #b58105;background:#fff7e0;padding:.6rem 1rem}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.about dt{font-weight:bold}
dl.about dd{margin:0}
.card{border:1px solid #b1b4b6;border-radius:.3rem;margin:1rem 0;padding:.6rem 1rem;break-inside:avoid}
.card h2{font-size:1.05rem;margin:.2rem 0 .5rem}
.band{display:inline-block;padding:0 .4rem;border-radius:.2rem;font-size:.85rem;background:#eee}
.band-high{background:#d4351c;color:#fff}.band-medium{background:#f47738;color:#000}.band-low{background:#ddd}
table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{text-align:left;padding:.15rem .5rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
th{font-weight:600}
td.field{color:#505a5f;width:12rem}
.agree{color:#00703c}.differ{color:#942514}.null{color:#6f777b}
.mark{font-weight:600}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="statement">{{.Statement}}</p>
<dl class="about">
<dt>Report id</dt><dd>{{.ID}}</dd>
<dt>Compares</dt><dd>{{.Description}}</dd>
<dt>Datasets</dt><dd>{{.Left}} (left) and {{.Right}} (right)</dd>
{{if .Condition}}<dt>Condition</dt><dd>{{.Condition}}</dd>
{{end}}<dt>Exercise</dt><dd>{{.Exercise}}</dd>
<dt>Body</dt><dd>{{.Body}}</dd>
<dt>Matches</dt><dd>{{.Total}} ({{range $i, $b := .Bands}}{{if $i}}, {{end}}{{$b.Name}} {{$b.Count}}{{end}})</dd>
<dt>Files</dt><dd>{{.CSV}}, {{.XLSX}}</dd>
</dl>
{{if .Capped}}<p class="note">This page shows the first {{.Shown}} of {{.Total}} matches, strongest first. All of them are in {{.CSV}} and {{.XLSX}}.</p>
{{end}}{{if not .Total}}<p>There are no matches in this report.</p>
{{end}}{{range .Cards}}<section class="card" id="m-{{.ID}}">
<h2>{{.N}}. Match {{.ID}} <span class="band band-{{.Band}}">{{.Band}}</span> probability {{.Probability}}</h2>
<table>
<thead><tr><th>field</th><th>left: {{.LeftKey}}</th><th>right: {{.RightKey}}</th></tr></thead>
<tbody>
{{range .Fields}}<tr><td class="field">{{.Name}}</td><td>{{.Left}}</td><td>{{.Right}}</td></tr>
{{end}}</tbody>
</table>
<table>
<thead><tr><th>comparison</th><th>level</th><th>result</th></tr></thead>
<tbody>
{{range .Reasons}}<tr class="{{.Class}}"><td>{{.Comparison}}</td><td>{{.Level}}</td><td class="mark">{{if eq .Class "agree"}}&#10003; {{else if eq .Class "differ"}}&#10007; {{end}}{{.Mark}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}<p class="statement">{{.Statement}}</p>
</body>
</html>
`
