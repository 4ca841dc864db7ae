package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/report"
)

// smallOutput runs the small job and returns its output folder and the
// match ids of matches.csv, in order.
func smallOutput(t *testing.T) (string, []string) {
	t.Helper()
	dir := copyDir(t, filepath.Join("testdata", "small"))
	if code, _, stderr := nfi(t, "run", "--no-train", filepath.Join(dir, "job.yaml")); code != exitRejected {
		t.Fatalf("run: exit %d, want %d\nstderr: %s", code, exitRejected, stderr)
	}
	out := filepath.Join(dir, "out")
	f, err := os.Open(filepath.Join(out, "matches.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][1] != "match_id" {
		t.Fatalf("matches.csv: %v, %d rows", err, len(rows))
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[1])
	}
	return out, ids
}

// TestExplainGolden explains the small job's first match against the golden
// file, and checks that every match can be explained.
func TestExplainGolden(t *testing.T) {
	out, ids := smallOutput(t)
	code, stdout, stderr := nfi(t, "explain", out, ids[0])
	if code != exitOK {
		t.Fatalf("exit %d\nstderr: %s", code, stderr)
	}
	for _, want := range []string{
		"payroll_to_pensions: Payroll to pensions", ids[0], "band high", "not evidence of fraud",
		"surname", "| Hartley", "postcode", "SW1A 1AA", "condition: employed on or after",
		"prior", "household", "same-property", "ni_number", "counted in household",
		"total weight 41.048", "probability  1.000000",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the explanation lacks %q:\n%s", want, stdout)
		}
	}
	golden(t, "explain.txt", []byte(stdout))
	for _, id := range ids[1:] {
		if code, _, stderr := nfi(t, "explain", out, id); code != exitOK {
			t.Errorf("match %s: exit %d\nstderr: %s", id, code, stderr)
		}
	}
	// The second match has no NI number on one side.
	if _, stdout, _ := nfi(t, "explain", out, ids[1]); !strings.Contains(stdout, "missing on one side") {
		t.Errorf("a null level is not marked:\n%s", stdout)
	}
}

// TestExplainSharedID finds a match in a report file named
// <id>__<left>__<right>.csv, used when two results share a report id, and
// names the datasets of the right one.
func TestExplainSharedID(t *testing.T) {
	out, ids := smallOutput(t)
	const base = "payroll_to_pensions__payroll2__pensions"
	for _, p := range [][2]string{{"reports", ".csv"}, {"explain", ".jsonl"}} {
		if err := os.Rename(filepath.Join(out, p[0], "payroll_to_pensions"+p[1]), filepath.Join(out, p[0], base+p[1])); err != nil {
			t.Fatal(err)
		}
	}
	var sum report.Summary
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	second := sum.Reports[0]
	second.Left = "payroll2"
	sum.Reports = append(sum.Reports, second)
	b, _ = json.Marshal(&sum)
	os.WriteFile(filepath.Join(out, "summary.json"), b, 0o600)

	code, stdout, stderr := nfi(t, "explain", out, ids[0])
	if code != exitOK || !strings.Contains(stdout, "payroll2 E001") {
		t.Errorf("exit %d, want the match under payroll2\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// TestExplainErrors checks each way explain can fail: the exit code, a
// message saying what and where, and no value from the files.
func TestExplainErrors(t *testing.T) {
	const canary = "CANARY7731"
	write := func(rel, text string) func(*testing.T, string) {
		return func(t *testing.T, out string) {
			if err := os.WriteFile(filepath.Join(out, rel), []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name     string
		setup    func(t *testing.T, out string)
		args     func(out, id string) []string
		wantCode int
		wantErr  []string
	}{
		{name: "no args", args: func(string, string) []string { return nil }, wantCode: exitUsage, wantErr: []string{"accepts 2 arg(s)"}},
		{name: "one arg", args: func(out, _ string) []string { return []string{out} }, wantCode: exitUsage, wantErr: []string{"accepts 2 arg(s)"}},
		{name: "three args", args: func(out, id string) []string { return []string{out, id, id} }, wantCode: exitUsage, wantErr: []string{"accepts 2 arg(s)"}},
		{name: "no such folder", args: func(out, id string) []string { return []string{out + "-missing", id} },
			wantCode: exitFailed, wantErr: []string{"out-missing", "no such folder"}},
		{name: "a file, not a folder", args: func(out, id string) []string { return []string{filepath.Join(out, "README.txt"), id} },
			wantCode: exitFailed, wantErr: []string{"README.txt", "no such folder"}},
		{name: "no summary", setup: func(t *testing.T, out string) { os.Remove(filepath.Join(out, "summary.json")) },
			wantCode: exitFailed, wantErr: []string{"no summary.json"}},
		{name: "summary not json", setup: write("summary.json", "{"+canary),
			wantCode: exitFailed, wantErr: []string{"summary.json", "not the summary"}},
		{name: "unknown match", args: func(out, _ string) []string { return []string{out, "0123456789abcdef"} },
			wantCode: exitFailed, wantErr: []string{"0123456789abcdef", "no such match", "reports/deceased_to_pensions.csv, reports/payroll_to_pensions.csv", "matches.csv"}},
		{name: "no reports", setup: func(t *testing.T, out string) { os.RemoveAll(filepath.Join(out, "reports")) },
			wantCode: exitFailed, wantErr: []string{"no such match", "no reports/*.csv"}},
		{name: "report csv broken before the match", setup: write("reports/deceased_to_pensions.csv", "match_id,band\n\"x"+canary+"\n"),
			wantCode: exitFailed, wantErr: []string{"reports/deceased_to_pensions.csv:2", "not a report file"}},
		{name: "report csv without match_id", setup: write("reports/deceased_to_pensions.csv", canary+",band\n"),
			wantCode: exitFailed, wantErr: []string{"reports/deceased_to_pensions.csv:1", "not match_id"}},
		{name: "malformed jsonl line", setup: write("explain/payroll_to_pensions.jsonl", "{\"match_id\":\""+canary+"\",\"steps\":[{]}\n"),
			wantCode: exitFailed, wantErr: []string{"explain/payroll_to_pensions.jsonl:1", "malformed explanation line"}},
		{name: "jsonl line without match id", setup: write("explain/payroll_to_pensions.jsonl", "{\"report\":\""+canary+"\"}\n"),
			wantCode: exitFailed, wantErr: []string{"explain/payroll_to_pensions.jsonl:1", "malformed"}},
		{name: "jsonl line too long", setup: write("explain/payroll_to_pensions.jsonl", strings.Repeat(canary, maxExplainLine/len(canary)+1)),
			wantCode: exitFailed, wantErr: []string{"explain/payroll_to_pensions.jsonl", "over 1048576 bytes"}},
		{name: "match missing from jsonl", setup: write("explain/payroll_to_pensions.jsonl", ""),
			wantCode: exitFailed, wantErr: []string{"no explanation of the match in explain/payroll_to_pensions.jsonl", "reports/payroll_to_pensions.csv"}},
		{name: "no jsonl", setup: func(t *testing.T, out string) { os.Remove(filepath.Join(out, "explain", "payroll_to_pensions.jsonl")) },
			wantCode: exitFailed, wantErr: []string{"explain/payroll_to_pensions.jsonl", "cannot open"}},
	}
	out, ids := smallOutput(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := filepath.Join(t.TempDir(), "out")
			if err := os.CopyFS(o, os.DirFS(out)); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, o)
			}
			args := []string{o, ids[0]}
			if tt.args != nil {
				args = tt.args(o, ids[0])
			}
			code, stdout, stderr := nfi(t, append([]string{"explain"}, args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.wantCode, stderr)
			}
			if stdout != "" && code != exitOK {
				t.Errorf("printed on failure:\n%s", stdout)
			}
			for _, w := range append(tt.wantErr, "nfi: ") {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, canary) {
				t.Errorf("stderr shows a value from the files:\n%s", stderr)
			}
		})
	}
}

// TestClean checks that values cannot drive the terminal.
func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"O'Brien", "O'Brien"},
		{"Zoë Łukasz", "Zoë Łukasz"},
		{"a\x1b[31mred", "a?[31mred"},
		{"tab\tnew\nline\r", "tab?new?line?"},
		{"abc\u202edcba", "abc?dcba"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"\u0085next", "?next"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := clean(clean(tt.in)); got != clean(tt.in) {
			t.Errorf("clean is not idempotent on %q", tt.in)
		}
	}
}

// FuzzExplainFiles feeds arbitrary report and explanation text through
// the readers and the printer: no panic, no value in an error, nothing
// printed that could drive a terminal.
func FuzzExplainFiles(f *testing.F) {
	f.Add("match_id,band,left_surname,right_surname,condition\nm1,high,Hartley,Hartley,x\n",
		`{"match_id":"m1","report":"r","prior_weight":-13.2,"same_household":true,"steps":[{"comparison":"household","level":"same-property","m":0.8,"u":0.0001,"weight":12.9},{"comparison":"postcode","level":"unit","weight":0},{"comparison":"dob","level":"null"}],"total_weight":-0.3,"probability":0.4}`+"\n")
	f.Add("match_id\n\"m1\n", "{\n")
	f.Add("match_id,left_x\nm1,\x1b[2J\nm1\n", `{"match_id":"m0"}`+"\n"+`{"match_id":"m1","steps":null}`)
	f.Fuzz(func(t *testing.T, csvText, jsonl string) {
		header, row, err := findRow(strings.NewReader(csvText), "r.csv", "m1")
		if err != nil && strings.Contains(err.Error(), "CANARY") {
			t.Fatalf("error shows a value: %v", err)
		}
		ex, err := findExplanation(strings.NewReader(jsonl), "r.jsonl", "m1")
		if err != nil && strings.Contains(err.Error(), "CANARY") {
			t.Fatalf("error shows a value: %v", err)
		}
		if ex == nil {
			ex = &report.Explanation{}
		}
		var b strings.Builder
		if err := writeExplained(&b, &explained{header: header, row: row, ex: *ex}); err != nil {
			t.Fatal(err)
		}
		for _, r := range b.String() {
			if r != '\n' && clean(string(r)) != string(r) {
				t.Fatalf("printed control character %U", r)
			}
		}
	})
}
