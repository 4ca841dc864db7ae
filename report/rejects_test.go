package report

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRejectsWriter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rejects", "payroll.rejects.csv")
	rw, err := NewRejectsWriter(path, []string{"Emp No", "Surname", "DOB"})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Abort()
	steps := []struct {
		line          int
		field, reason string
		raw           []string
	}{
		{118, "dob", "not a date", []string{"000123", "SMITH", "31/02/1960"}},
		{119, "", "wrong number of fields", []string{"1"}},
		{120, "", "wrong number of fields", []string{"2", "=EVIL()", "x", "extra"}},
	}
	for _, s := range steps {
		if err := rw.Reject(s.line, s.field, s.reason, s.raw); err != nil {
			t.Fatal(err)
		}
	}
	if rw.Count() != 3 {
		t.Errorf("Count = %d", rw.Count())
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the file is in place before Commit")
	}
	if err := rw.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := rw.Reject(1, "", "", nil); !errors.Is(err, ErrRejectsClosed) {
		t.Errorf("Reject after Commit: %v", err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"line,field,reason,Emp No,Surname,DOB",
		"118,dob,not a date,000123,SMITH,31/02/1960",
		"119,,wrong number of fields,1,,",
		"120,,wrong number of fields,2,'=EVIL(),x,extra",
	}
	for i, w := range want {
		if got := strings.Join(rows[i], ","); got != w {
			t.Errorf("row %d = %s, want %s", i, got, w)
		}
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

func TestRejectsWriterEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	rw, err := NewRejectsWriter(path, []string{"ref"})
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Commit(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "line,field,reason,ref\n" {
		t.Errorf("empty rejects file = %q, want the header only", b)
	}
}

func TestRejectsWriterAbort(t *testing.T) {
	dir := t.TempDir()
	rw, err := NewRejectsWriter(filepath.Join(dir, "r.csv"), []string{"ref"})
	if err != nil {
		t.Fatal(err)
	}
	rw.Reject(2, "ref", "missing", []string{""})
	rw.Abort()
	rw.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Abort left %d files", len(entries))
	}
	if err := rw.Commit(); !errors.Is(err, ErrRejectsClosed) {
		t.Errorf("Commit after Abort: %v", err)
	}
}
