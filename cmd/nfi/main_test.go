package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// nfi runs the command in-process and returns its exit code and output.
func nfi(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// copyDir copies a testdata folder to a temporary one, so runs write their
// outputs outside the source tree.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestGoldenSmallJob runs a small job end to end and compares its outputs
// with the golden files.
func TestGoldenSmallJob(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "small"))
	code, stdout, stderr := nfi(t, "run", "--no-train", filepath.Join(dir, "job.yaml"))
	if code != exitRejected {
		t.Fatalf("exit %d, want %d (one ragged row)\nstderr: %s", code, exitRejected, stderr)
	}
	if !strings.Contains(stdout, "not evidence of") {
		t.Errorf("the printed summary lacks the statement:\n%s", stdout)
	}
	for _, f := range []string{"matches.csv", "reports/payroll_to_pensions.csv", "reports/deceased_to_pensions.csv", "rejects/payroll.csv", "README.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, "out", f))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, strings.ReplaceAll(f, "/", "_"), b)
	}
	// Owner-only permissions on every output.
	filepath.Walk(filepath.Join(dir, "out"), func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v is readable by others", path, info.Mode().Perm())
		}
		return nil
	})
}

// TestBadInput checks that each malformed job or file gives a clear error
// (naming the job line, file, line or field) and the documented exit code,
// never a panic.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		job      string            // job.yaml text; files from testdata/small are beside it
		files    map[string]string // extra or replaced files
		args     []string
		wantCode int
		wantErr  []string // substrings of stderr
	}{
		{name: "unknown key", job: "exercise: x\ndatasets:\n  - name: p\n    kind: payroll\n    path: payroll.csv\n    key: Employee No\n    frmat: delimited\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:7", "frmat"}},
		{name: "missing file", job: "datasets:\n  - name: p\n    kind: payroll\n    path: nothere.csv\n    key: Employee No\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:4", "nothere.csv"}},
		{name: "unknown kind", job: "datasets:\n  - name: p\n    kind: payrol\n    path: payroll.csv\n    key: Employee No\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:3", "payrol", "payroll"}},
		{name: "mapped header missing", job: "datasets:\n  - name: p\n    kind: payroll\n    path: payroll.csv\n    key: Employee No\n    columns:\n      surname: Last Name\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:7", "Last Name", "headers found", "Forename"}},
		{name: "key missing", job: "datasets:\n  - name: p\n    kind: payroll\n    path: payroll.csv\n    key: Staff Id\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:5", "Staff Id", "headers found"}},
		{name: "unknown report", job: "datasets:\n  - name: p\n    kind: payroll\n    path: payroll.csv\n    key: Employee No\nreports: [payroll_to_pension]\n",
			wantCode: exitFailed, wantErr: []string{"job.yaml:6", "payroll_to_pension"}},
		{name: "not utf-8", job: "datasets:\n  - name: p\n    kind: payroll\n    path: cp.csv\n    key: Employee No\n",
			files:    map[string]string{"cp.csv": "Employee No,Forename,Surname\nE1,Ren\xe9e,Smith\n"},
			wantCode: exitFailed, wantErr: []string{"cp.csv:2", "windows-1252"}},
		{name: "too many rejects", job: "datasets:\n  - name: p\n    kind: payroll\n    path: bad.csv\n    key: Employee No\n",
			files:    map[string]string{"bad.csv": "Employee No,Forename,Surname\nE1,A,B\nE2,A\nE3\n,C,D\n"},
			wantCode: exitFailed, wantErr: []string{"3 of 4 rows rejected", "rejects/p.csv"}},
		{name: "custom report on creditors", job: "datasets:\n  - name: c\n    kind: creditors\n    path: cr.csv\n    key: Ref\ncustom_reports:\n  - {id: mine, left: c, right: c}\n",
			files:    map[string]string{"cr.csv": "Ref,Supplier Name\nC1,Acme Ltd\n"},
			wantCode: exitFailed, wantErr: []string{"job.yaml:7", "custom reports match people"}},
		{name: "usage", args: []string{"run"}, wantCode: exitUsage, wantErr: []string{"accepts 1 arg"}},
		{name: "no such command flag", args: []string{"run", "--frobnicate", "x.yaml"}, wantCode: exitUsage, wantErr: []string{"frobnicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("testdata", "small"))
			args := tt.args
			if tt.job != "" {
				os.WriteFile(filepath.Join(dir, "job.yaml"), []byte(tt.job), 0o600)
				args = []string{"run", "-q", filepath.Join(dir, "job.yaml")}
			}
			for name, text := range tt.files {
				os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600)
			}
			code, _, stderr := nfi(t, args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}
