package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/match"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// writeRun writes the test run into a fresh folder and returns it.
func writeRun(t *testing.T, run *Run) string {
	t.Helper()
	run.Output = t.TempDir()
	if err := WriteAll(run); err != nil {
		t.Fatalf("WriteAll: %v", err)
	}
	return run.Output
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update to refresh)\n--- got ---\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	dir := writeRun(t, testRun(t))
	for _, f := range []struct{ file, golden string }{
		{"matches.csv", "matches.csv"},
		{"reports/payroll_to_pensions.csv", "payroll_to_pensions.csv"},
		{"reports/payroll_to_payroll.csv", "payroll_to_payroll.csv"},
		{"reports/payroll_to_pensions.html", "payroll_to_pensions.html"},
		{"explain/payroll_to_pensions.jsonl", "payroll_to_pensions.jsonl"},
		{"README.txt", "README.txt"},
	} {
		got, err := os.ReadFile(filepath.Join(dir, f.file))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, f.golden, got)
	}
	run := testRun(t)
	run.Output = "OUT"
	var b bytes.Buffer
	PrintSummary(&b, run)
	golden(t, "summary.txt", b.Bytes())
}

// TestFilesAndModes checks the set of files, their permissions and that
// everything but summary.json is byte-identical across two runs.
func TestFilesAndModes(t *testing.T) {
	a, b := writeRun(t, testRun(t)), writeRun(t, testRun(t))
	want := []string{"README.txt", "explain/payroll_to_payroll.jsonl", "explain/payroll_to_pensions.jsonl", "matches.csv",
		"model/payroll_to_payroll.json", "model/payroll_to_pensions.json", "quality/payroll_2025.json", "quality/pensions_2025.json",
		"reports/payroll_to_payroll.csv", "reports/payroll_to_payroll.html", "reports/payroll_to_payroll.xlsx",
		"reports/payroll_to_pensions.csv", "reports/payroll_to_pensions.html", "reports/payroll_to_pensions.xlsx", "summary.json"}
	got := listFiles(t, a)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range got {
		st, err := os.Stat(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", f, st.Mode().Perm())
		}
		if f == "summary.json" {
			continue
		}
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs of the same input", f)
		}
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheckRun(t *testing.T) {
	run := testRun(t)
	run.Check = true
	dir := writeRun(t, run)
	got := strings.Join(listFiles(t, dir), " ")
	if want := "README.txt quality/payroll_2025.json quality/pensions_2025.json summary.json"; got != want {
		t.Errorf("check run wrote %s, want %s", got, want)
	}
}

func TestMatchesContract(t *testing.T) {
	run := testRun(t)
	var b bytes.Buffer
	if err := writeMatches(&b, run); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	contract := []string{"report", "match_id", "left_dataset", "left_key", "right_dataset", "right_key",
		"match_probability", "match_weight", "band", "reasons"}
	if got := strings.Join(rows[0][:10], ","); got != strings.Join(contract, ",") {
		t.Fatalf("header %s, want %s", got, strings.Join(contract, ","))
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header + 3", len(rows))
	}
	for _, r := range rows[1:] {
		if r[0] == "payroll_to_payroll" && !(r[3] < r[5]) {
			t.Errorf("within one dataset, left_key %s should sort before right_key %s", r[3], r[5])
		}
		if id := match.MatchID(r[0], r[2], strings.TrimPrefix(r[3], "'"), r[4], strings.TrimPrefix(r[5], "'")); id != r[1] {
			t.Errorf("match_id %s, want %s", r[1], id)
		}
		if len(r[6]) != len("0.000000") || len(strings.SplitN(r[7], ".", 2)[1]) != 3 {
			t.Errorf("probability %s / weight %s not 6 / 3 decimals", r[6], r[7])
		}
	}
	if rows[1][9] != "forenames=exact;surname=exact;dob=exact;ni_number=exact;postcode=unit" {
		t.Errorf("reasons = %s", rows[1][9])
	}
}

func TestReportFileBases(t *testing.T) {
	run := testRun(t)
	pp := run.Reports[1]
	dup := *pp
	odd := *pp
	oddRep := *pp.Report
	oddRep.ID = "../x y"
	odd.Report = &oddRep
	run.Reports = append(run.Reports, &dup, &odd, &dup)
	got := strings.Join(ReportFileBases(run), " ")
	want := "payroll_to_pensions payroll_to_payroll payroll_to_payroll__payroll_2025__payroll_2025 .._x_y payroll_to_payroll__payroll_2025__payroll_2025__2"
	want = strings.Replace(want, ".._x_y", "_.._x_y", 1)
	if got != want {
		t.Errorf("bases:\n%s\nwant\n%s", got, want)
	}
}

func TestBadMatchWritesNothing(t *testing.T) {
	run := testRun(t)
	run.Output = t.TempDir()
	run.Reports[0].Matches[1].Right = 99
	err := WriteAll(run)
	if !errors.Is(err, ErrBadMatch) {
		t.Fatalf("err = %v, want ErrBadMatch", err)
	}
	if _, err := os.Stat(filepath.Join(run.Output, "matches.csv")); !os.IsNotExist(err) {
		t.Errorf("matches.csv exists after a failed write")
	}
	for _, f := range listFiles(t, run.Output) {
		if strings.Contains(f, ".tmp-") {
			t.Errorf("temporary file %s left behind", f)
		}
	}
	run.Reports[0].Matches[1].Right = 1
	run.Reports[0].Matches[1].Levels = append(run.Reports[0].Matches[1].Levels, 0)
	if err := WriteReportCSV(run, 0, run.Output); !errors.Is(err, ErrBadMatch) {
		t.Errorf("levels of the wrong length: err = %v, want ErrBadMatch", err)
	}
}

// TestFailedCommitLeavesNoFile makes the rename fail (a folder is where
// the file should go) and checks that no temporary file is left.
func TestFailedCommitLeavesNoFile(t *testing.T) {
	run := testRun(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "matches.csv", "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteMatches(run, dir); err == nil {
		t.Fatal("WriteMatches over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d entries left, want only the folder", len(entries))
	}
}

func TestNoOutput(t *testing.T) {
	run := testRun(t)
	run.Output = ""
	if err := WriteAll(run); !errors.Is(err, ErrNoOutput) {
		t.Errorf("err = %v, want ErrNoOutput", err)
	}
}

// TestCanary checks that the README, the printed summary, summary.json and
// the quality files hold no record value.
func TestCanary(t *testing.T) {
	run := testRun(t)
	dir := writeRun(t, run)
	var printed bytes.Buffer
	PrintSummary(&printed, run)
	texts := map[string][]byte{"printed summary": printed.Bytes()}
	for _, f := range []string{"README.txt", "summary.json", "quality/payroll_2025.json", "quality/pensions_2025.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = b
	}
	for name, text := range texts {
		// The output folder's path is printed, and a temporary folder's
		// name holds random digits: leave it out.
		text = bytes.ReplaceAll(text, []byte(dir), []byte("OUTPUT"))
		for _, d := range run.Datasets {
			for _, r := range d.Dataset.Records {
				for i := range r.NumValues() {
					v := r.Value(i)
					if len(v) >= 3 && bytes.Contains(text, []byte(v)) {
						t.Errorf("%s shows a record value %q", name, v)
					}
				}
			}
		}
		if bytes.Contains(text, []byte(canary)) {
			t.Errorf("%s shows the canary", name)
		}
	}
}

// TestWording checks the words of every text output: nothing that treats a
// match as a finding, and "fraud" only in the statement and the outcome.
func TestWording(t *testing.T) {
	run := testRun(t)
	dir := writeRun(t, run)
	var printed bytes.Buffer
	PrintSummary(&printed, run)
	texts := map[string]string{"printed summary": printed.String()}
	for _, f := range listFiles(t, dir) {
		if strings.HasSuffix(f, ".xlsx") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, f))
		texts[f] = string(b)
	}
	texts["about"] = joinOutcomes()
	for name, s := range texts {
		low := strings.ToLower(s)
		for _, w := range []string{"fraudster", "fraud detected", "suspect", "guilty", "criminal", "offender"} {
			if strings.Contains(low, w) {
				t.Errorf("%s says %q", name, w)
			}
		}
		flat := strings.Join(strings.Fields(low), " ")
		flat = strings.ReplaceAll(flat, strings.ToLower(Statement()), "")
		flat = strings.ReplaceAll(flat, "closed - fraud", "")
		if strings.Contains(flat, "fraud") {
			t.Errorf("%s uses the word fraud outside the statement", name)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	dir := writeRun(t, testRun(t))
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	d := s.Datasets[0]
	if d.Read != d.Accepted+d.Rejected || d.File != "payroll_2025.csv" || d.RejectReasons["dob: not a date"] != 2 {
		t.Errorf("dataset figures %+v", d)
	}
	r := s.Reports[0]
	if r.Blocking[0].Pairs != 10 || r.Matches["total"] != 2 || r.ModelTrained || !s.Reports[1].ModelTrained {
		t.Errorf("report figures %+v", r)
	}
	if s.Stages[0].PerSecond == 0 || s.Stages[2].PerSecond != 0 {
		t.Errorf("stages %+v", s.Stages)
	}
}

func TestExplain(t *testing.T) {
	run := testRun(t)
	dir := writeRun(t, run)
	b, err := os.ReadFile(filepath.Join(dir, "explain", "payroll_to_pensions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var ex Explanation
	if err := json.Unmarshal([]byte(lines[0]), &ex); err != nil {
		t.Fatal(err)
	}
	rr := run.Reports[0]
	if len(ex.Steps) != len(rr.Linker.Comparisons) {
		t.Fatalf("%d steps, want one per comparison", len(ex.Steps))
	}
	sum := ex.PriorWeight
	for i, st := range ex.Steps {
		if st.Comparison != rr.Linker.Comparisons[i].Name {
			t.Errorf("step %d is %s, want linker order", i, st.Comparison)
		}
		if st.Level == "null" && st.Weight != 0 {
			t.Errorf("null level weighs %v", st.Weight)
		}
		sum += st.Weight
	}
	if d := sum - ex.TotalWeight; d > 1e-9 || d < -1e-9 {
		t.Errorf("steps add to %v, total is %v", sum, ex.TotalWeight)
	}
}

func TestHTMLCap(t *testing.T) {
	run := testRun(t)
	rr := run.Reports[0]
	m := rr.Matches[0]
	for len(rr.Matches) <= HTMLLimit {
		rr.Matches = append(rr.Matches, m)
	}
	dir := t.TempDir()
	if err := WriteReportHTML(run, 0, dir); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "reports", "payroll_to_pensions.html"))
	if n := bytes.Count(b, []byte(`<section class="card"`)); n != HTMLLimit {
		t.Errorf("%d cards, want %d", n, HTMLLimit)
	}
	if !bytes.Contains(b, []byte("first 2000 of 2001 matches")) || !bytes.Contains(b, []byte("payroll_to_pensions.csv")) {
		t.Error("no note pointing at the CSV")
	}
	if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("http://x")) && !bytes.Contains(b, []byte("=HYPERLINK(&#34;http://x&#34;)")) {
		t.Error("page has a script or an unescaped value")
	}
}

func TestPounds(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"1234567", "12345.67", true},
		{"5", "0.05", true},
		{"-5", "-0.05", true},
		{"0", "0.00", true},
		{"100", "1.00", true},
		{"", "", false},
		{"-", "", false},
		{"12,3x", "", false},
		{"1.5", "", false},
	} {
		got, ok := pounds(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("pounds(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
