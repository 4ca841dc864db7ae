package job

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// jobDir makes a directory holding the data files the test jobs name.
func jobDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"extracts/payroll.csv", "extracts/pensions.csv", "a.csv", "b.csv", "fw.txt", "book.xlsx"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("h\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

const fullJob = `exercise: NFI 2026-27
body: Example Borough Council
output: results/
datasets:
  - name: payroll
    kind: payroll
    path: extracts/payroll.csv
    format: delimited
    delimiter: "\t"
    encoding: windows-1252
    date_format: dd/mm/yyyy
    null_dates: ["01/01/1900", 31/12/9999]
    money_unit: pounds
    key: 0123
    columns:
      surname: Last Name
      date_of_birth: 01/02/2000
  - name: fw
    kind: pensions
    path: fw.txt
    format: fixed-width
    layout:
      - {name: ref, start: 1, length: 8}
      - name: surname
        start: 9
        length: 20
    key: ref
  - name: book
    kind: creditors
    path: book.xlsx
    format: xlsx
    sheet: Sheet1
    key: Ref
reports: [payroll_to_pensions, deceased_to_pensions]
custom_reports:
  - id: dup_payroll
    left: payroll
    right: payroll
    threshold: 0.95
    title: "Duplicate employees"
threshold: 0.9
max_reject_rate: 0
seed: -7
`

func TestParseFull(t *testing.T) {
	dir := jobDir(t)
	j, err := Parse(filepath.Join(dir, "job.yaml"), []byte(fullJob))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if j.Path != filepath.Join(dir, "job.yaml") || j.Output != filepath.Join(dir, "results") {
		t.Errorf("Path %q Output %q", j.Path, j.Output)
	}
	if j.Exercise != "NFI 2026-27" || j.Body != "Example Borough Council" {
		t.Errorf("Exercise %q Body %q", j.Exercise, j.Body)
	}
	if j.Threshold != 0.9 || j.MaxRejectRate != 0 || j.Seed != -7 {
		t.Errorf("Threshold %v MaxRejectRate %v Seed %v", j.Threshold, j.MaxRejectRate, j.Seed)
	}
	if !j.ReportsGiven || strings.Join(j.Reports, ",") != "payroll_to_pensions,deceased_to_pensions" || j.ReportLines[1] != 34 {
		t.Errorf("Reports %q lines %v", j.Reports, j.ReportLines)
	}
	if j.Lines["threshold"] != 41 || j.Lines["datasets"] != 4 {
		t.Errorf("Lines %v", j.Lines)
	}
	if len(j.Datasets) != 3 {
		t.Fatalf("%d datasets", len(j.Datasets))
	}
	p := j.Datasets[0]
	want := Dataset{Name: "payroll", Kind: "payroll", Path: filepath.Join(dir, "extracts/payroll.csv"),
		Format: FormatDelimited, Delimiter: "\t", Encoding: "windows-1252", DateFormat: "dd/mm/yyyy",
		MoneyUnit: MoneyPounds, Key: "0123", Line: 5, KeyLine: 14, KindLine: 6}
	if p.Name != want.Name || p.Kind != want.Kind || p.Path != want.Path || p.Format != want.Format ||
		p.Delimiter != want.Delimiter || p.Encoding != want.Encoding || p.DateFormat != want.DateFormat ||
		p.MoneyUnit != want.MoneyUnit || p.Key != want.Key || p.Line != want.Line || p.KeyLine != want.KeyLine ||
		p.KindLine != want.KindLine || p.Sheet != "" || p.Layout != nil {
		t.Errorf("payroll =\n%+v\nwant\n%+v", p, want)
	}
	if strings.Join(p.NullDates, "|") != "01/01/1900|31/12/9999" {
		t.Errorf("NullDates %q", p.NullDates)
	}
	if p.Columns["surname"] != "Last Name" || p.Columns["date_of_birth"] != "01/02/2000" || len(p.Columns) != 2 {
		t.Errorf("Columns %q", p.Columns)
	}
	if p.ColumnLines["surname"] != 16 || p.ColumnLines["date_of_birth"] != 17 {
		t.Errorf("ColumnLines %v", p.ColumnLines)
	}
	if p.Lines["encoding"] != 10 {
		t.Errorf("Lines %v", p.Lines)
	}
	fw, ok := j.Dataset("fw")
	if !ok || fw.Line != 18 || len(fw.Layout) != 2 ||
		fw.Layout[0] != (Column{Name: "ref", Start: 1, Length: 8, Line: 23}) ||
		fw.Layout[1] != (Column{Name: "surname", Start: 9, Length: 20, Line: 24}) {
		t.Errorf("fw = %+v", fw)
	}
	if b, ok := j.Dataset("book"); !ok || b.Sheet != "Sheet1" || b.Format != FormatXLSX {
		t.Errorf("book = %+v", b)
	}
	if _, ok := j.Dataset("nope"); ok {
		t.Error("Dataset(nope) found")
	}
	if len(j.CustomReports) != 1 || j.CustomReports[0] != (CustomReport{ID: "dup_payroll", Left: "payroll", Right: "payroll", Title: "Duplicate employees", Threshold: 0.95, Line: 36}) {
		t.Errorf("CustomReports %+v", j.CustomReports)
	}
}

func TestParseDefaults(t *testing.T) {
	dir := jobDir(t)
	j, err := Parse(filepath.Join(dir, "job.yaml"), []byte("datasets:\n  - {name: a, kind: k, path: a.csv, key: id}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if j.Output != filepath.Join(dir, "out") || j.MaxRejectRate != DefaultMaxRejectRate || j.Seed != DefaultSeed ||
		j.Threshold != 0 || j.ReportsGiven || j.Reports != nil || j.CustomReports != nil {
		t.Errorf("defaults: %+v", j)
	}
	d := j.Datasets[0]
	if d.Format != "" || d.Delimiter != "" || d.Columns == nil || len(d.Columns) != 0 || d.ColumnLines == nil {
		t.Errorf("dataset defaults: %+v", d)
	}
}

// TestParseFlow is the FEBRL style: one flow mapping per dataset, nested.
func TestParseFlow(t *testing.T) {
	dir := jobDir(t)
	src := "exercise: febrl\n" +
		"datasets:\n" +
		"  - {name: a, kind: person, path: a.csv, key: rec_id, columns: {forenames: given_name, surname: surname}}\n" +
		"  - {name: b, kind: person, path: b.csv, key: rec_id,\n" +
		"     columns: {forenames: given_name,\n" +
		"               surname: surname}}\n" +
		"custom_reports: [{id: febrl_link, left: a, right: b, threshold: 0.5}]\n" +
		"reports: []\n"
	j, err := Parse(filepath.Join(dir, "febrl.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, b := j.Datasets[0], j.Datasets[1]
	if a.Line != 3 || a.ColumnLines["forenames"] != 3 || a.Columns["forenames"] != "given_name" || a.KeyLine != 3 {
		t.Errorf("a = %+v", a)
	}
	if b.Line != 4 || b.ColumnLines["forenames"] != 5 || b.ColumnLines["surname"] != 6 || b.KeyLine != 4 {
		t.Errorf("b = %+v", b)
	}
	if c := j.CustomReports[0]; c.ID != "febrl_link" || c.Line != 7 || c.Threshold != 0.5 {
		t.Errorf("custom = %+v", c)
	}
	if !j.ReportsGiven || j.Reports == nil || len(j.Reports) != 0 {
		t.Errorf("reports: [] gave %#v given=%v", j.Reports, j.ReportsGiven)
	}
}

func TestDelimiters(t *testing.T) {
	dir := jobDir(t)
	for _, tc := range []struct{ in, want string }{
		{`","`, ","}, {`"|"`, "|"}, {"pipe", "|"}, {"tab", "\t"}, {"TAB", "\t"}, {`'\t'`, "\t"}, {`\t`, "\t"},
		{`"\t"`, "\t"}, {"comma", ","}, {"tilde", "~"}, {`";"`, ";"}, {`"~"`, "~"}, {`"¦"`, "¦"}, {`" "`, " "},
	} {
		src := "datasets:\n  - name: a\n    kind: k\n    path: a.csv\n    key: id\n    delimiter: " + tc.in + "\n"
		j, err := Parse(filepath.Join(dir, "job.yaml"), []byte(src))
		if err != nil {
			t.Errorf("delimiter %s: %v", tc.in, err)
			continue
		}
		if got := j.Datasets[0].Delimiter; got != tc.want {
			t.Errorf("delimiter %s = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestErrors: each problem is reported with its sentinel and exact position.
func TestErrors(t *testing.T) {
	const ds = "datasets:\n  - name: a\n    kind: k\n    path: a.csv\n    key: id\n" // lines 1-5
	for _, tc := range []struct {
		name      string
		src       string
		err       error
		line, col int    // col 0: not checked
		msg       string // substring of the message
	}{
		{"empty file", "", ErrRequired, 0, 0, "empty"},
		{"only comments", "# nothing\n\n", ErrRequired, 0, 0, "empty"},
		{"not a mapping", "- a\n- b\n", ErrWrongType, 1, 1, "mapping"},
		{"plain text", "just text\n", ErrWrongType, 1, 1, "mapping"},
		{"syntax error", "exercise: [x\n", ErrSyntax, 1, 11, "]"},
		{"tab indentation", "exercise: x\n\tbody: y\n", ErrSyntax, 2, 1, "tabs"},
		{"duplicate key", "exercise: x\nexercise: y\n", ErrSyntax, 2, 1, "exercise"},
		{"two documents", "exercise: a\n---\nexercise: b\n", ErrSyntax, 3, 0, "more than one"},
		{"alias", "exercise: &e x\nbody: *e\n" + ds, ErrWrongType, 2, 7, "alias"},
		{"unknown top key", "exercise: x\nexcercise: y\n" + ds, ErrUnknownKey, 2, 1, `unknown key "excercise" in the top level of the job file (known: exercise, body, output, datasets,`},
		{"dataset key at top", "format: delimited\n" + ds, ErrUnknownKey, 1, 1, "belongs inside a dataset entry"},
		{"unknown dataset key", ds + "    frmat: x\n", ErrUnknownKey, 6, 5, `unknown key "frmat" in dataset 'a' (known: name, kind, path, format,`},
		{"unknown key in flow dataset", "datasets:\n  - {name: a, kind: k, path: a.csv, key: id, colums: {}}\n", ErrUnknownKey, 2, 46, `did you mean "columns"?`},
		{"unknown key no name", "datasets:\n  - kind: k\n    nme: a\n", ErrUnknownKey, 3, 5, "in dataset 1 "},
		{"unknown layout key", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1, lenght: 2}\n", ErrUnknownKey, 8, 29, "layout column 'r'"},
		{"unknown custom key", ds + "custom_reports:\n  - {id: c, left: a, right: a, treshold: 0.5}\n", ErrUnknownKey, 7, 32, "custom report 'c'"},
		{"no datasets key", "exercise: x\n", ErrRequired, 0, 0, "no datasets"},
		{"empty datasets", "exercise: x\ndatasets: []\n", ErrRequired, 2, 0, "no datasets"},
		{"null datasets", "exercise: x\ndatasets:\n", ErrRequired, 2, 0, "no datasets"},
		{"datasets is a mapping", "datasets:\n  name: a\n", ErrWrongType, 2, 0, "want a list of datasets"},
		{"dataset is text", "datasets:\n  - payroll\n", ErrWrongType, 2, 5, "want a dataset"},
		{"empty dataset entry", "datasets:\n  -\n  - {name: a, kind: k, path: a.csv, key: id}\n", ErrRequired, 2, 4, "empty dataset"},
		{"name missing", "datasets:\n  - kind: k\n    path: a.csv\n    key: id\n", ErrRequired, 2, 5, "dataset 1 has no name"},
		{"kind missing", "datasets:\n  - name: a\n    path: a.csv\n    key: id\n", ErrRequired, 2, 5, "dataset 'a' has no kind"},
		{"path missing", "datasets:\n  - name: a\n    kind: k\n    key: id\n", ErrRequired, 2, 5, "has no path"},
		{"key missing", "datasets:\n  - name: a\n    kind: k\n    path: a.csv\n", ErrRequired, 2, 5, "has no key"},
		{"key empty", ds + "  - name: b\n    kind: k\n    path: a.csv\n    key: ''\n", ErrRequired, 9, 10, "dataset 'b' has no key"},
		{"bad name", "datasets:\n  - name: Pay Roll\n    kind: k\n    path: a.csv\n    key: id\n", ErrInvalidName, 2, 11, "a-z"},
		{"name too long", "datasets:\n  - name: " + strings.Repeat("a", 65) + "\n    kind: k\n    path: a.csv\n    key: id\n", ErrInvalidName, 2, 11, "at most 64"},
		{"duplicate name", ds + "  - {name: a, kind: k, path: b.csv, key: id}\n", ErrDuplicate, 6, 0, "already used at line 2"},
		{"bad format", ds + "    format: csv\n", ErrInvalidValue, 6, 13, "delimited, fixed-width or xlsx"},
		{"fixed-width no layout", ds + "    format: fixed-width\n", ErrLayout, 6, 13, "no layout"},
		{"layout not fixed-width", ds + "    format: delimited\n    layout:\n      - {name: r, start: 1, length: 2}\n", ErrLayout, 7, 0, "only for format: fixed-width"},
		{"layout start 0", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 0, length: 2}\n", ErrLayout, 8, 26, "start"},
		{"layout length 0", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1, length: 0}\n", ErrLayout, 8, 37, "length"},
		{"layout no length", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1}\n", ErrLayout, 8, 10, "no length"},
		{"layout fraction", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1.5, length: 2}\n", ErrWrongType, 8, 26, "start in layout column 'r': want a whole number"},
		{"layout overlap", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1, length: 8}\n      - {name: s, start: 20, length: 2}\n      - {name: t, start: 8, length: 2}\n", ErrLayout, 10, 0, "'t' (characters 8-9) overlaps 'r' (characters 1-8)"},
		{"layout duplicate", ds + "    format: fixed-width\n    layout:\n      - {name: r, start: 1, length: 8}\n      - {name: r, start: 9, length: 2}\n", ErrDuplicate, 9, 0, "already used at line 8"},
		{"delimiter two chars", ds + "    delimiter: ',,'\n", ErrInvalidValue, 6, 16, "one character"},
		{"delimiter empty", ds + "    delimiter: ''\n", ErrInvalidValue, 6, 16, "one character"},
		{"delimiter quote", ds + "    delimiter: '\"'\n", ErrInvalidValue, 6, 16, "one character"},
		{"delimiter on xlsx", ds + "    format: xlsx\n    delimiter: ','\n", ErrInvalidValue, 7, 16, "only for format: delimited"},
		{"sheet on delimited", ds + "    format: delimited\n    sheet: S\n", ErrInvalidValue, 7, 12, "only for format: xlsx"},
		{"bare tilde delimiter", ds + "    delimiter: ~\n", ErrInvalidValue, 6, 16, "write '~' in quotes"},
		{"bad money unit", ds + "    money_unit: euros\n", ErrInvalidValue, 6, 17, "pence or pounds"},
		{"columns a list", ds + "    columns: [a, b]\n", ErrWrongType, 6, 14, "columns in dataset 'a': want a mapping"},
		{"column without header", ds + "    columns:\n      surname:\n", ErrRequired, 7, 7, `"surname" has no header`},
		{"column mapped twice", ds + "    columns: {surname: A, surname: B}\n", ErrSyntax, 6, 0, "surname"},
		{"key is a list", ds + "  - {name: b, kind: k, path: a.csv, key: [a]}\n", ErrWrongType, 6, 42, "key in dataset 'b': want text, found a list"},
		{"missing data file", ds + "  - name: b\n    kind: k\n    path: extracts/nope.csv\n", ErrDataFile, 8, 11, "extracts/nope.csv: no such file"},
		{"data path is a directory", ds + "  - {name: b, kind: k, path: adir, key: id}\n", ErrDataFile, 6, 30, "is a directory"},
		{"threshold 1", ds + "threshold: 1\n", ErrInvalidValue, 6, 12, "threshold"},
		{"threshold 0", ds + "threshold: 0\n", ErrInvalidValue, 6, 12, "threshold"},
		{"threshold negative", ds + "threshold: -0.5\n", ErrInvalidValue, 6, 12, "threshold"},
		{"threshold nan", ds + "threshold: .nan\n", ErrWrongType, 6, 12, "want a number"},
		{"threshold text", ds + "threshold: high\n", ErrWrongType, 6, 12, "threshold: want a number, found text"},
		{"threshold quoted", ds + "threshold: \"0.9\"\n", ErrWrongType, 6, 12, "want a number"},
		{"max reject rate above 1", ds + "max_reject_rate: 5\n", ErrInvalidValue, 6, 18, "max_reject_rate"},
		{"max reject rate negative", ds + "max_reject_rate: -0.1\n", ErrInvalidValue, 6, 18, "max_reject_rate"},
		{"seed fraction", ds + "seed: 1.5\n", ErrWrongType, 6, 7, "seed: want a whole number"},
		{"seed too large", ds + "seed: 18446744073709551615\n", ErrInvalidValue, 6, 7, "too large"},
		{"reports duplicate", ds + "reports: [r1, r2, r1]\n", ErrDuplicate, 6, 19, "already listed"},
		{"reports entry empty", ds + "reports: [r1, '']\n", ErrRequired, 6, 15, "empty report id"},
		{"reports null entry", ds + "reports:\n  - r1\n  -\n", ErrRequired, 8, 5, "empty entry"},
		{"custom unknown dataset", ds + "custom_reports:\n  - id: c\n    left: a\n    right: ghost\n", ErrUnknownDataset, 9, 12, `right of custom report 'c' names dataset "ghost"`},
		{"custom no left", ds + "custom_reports:\n  - id: c\n    right: a\n", ErrRequired, 7, 5, "no left"},
		{"custom no id", ds + "custom_reports:\n  - {left: a, right: a}\n", ErrRequired, 7, 6, "custom report 1 has no id"},
		{"custom bad id", ds + "custom_reports:\n  - {id: my-report, left: a, right: a}\n", ErrInvalidName, 7, 10, "a-z, 0-9 and _"},
		{"custom duplicate id", ds + "custom_reports:\n  - {id: c, left: a, right: a}\n  - {id: c, left: a, right: a}\n", ErrDuplicate, 8, 0, "already used at line 7"},
		{"custom threshold", ds + "custom_reports:\n  - {id: c, left: a, right: a, threshold: 2}\n", ErrInvalidValue, 7, 43, "threshold of custom report 'c'"},
		{"nested too deep", ds + "threshold: " + strings.Repeat("[", 65) + "\n", ErrSyntax, 6, 0, "nested"},
		{"custom reports a mapping", ds + "custom_reports:\n  id: c\n", ErrWrongType, 7, 0, "want a list of custom reports"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := jobDir(t)
			path := filepath.Join(dir, "job.yaml")
			_, err := Parse(path, []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			e := findErr(err, tc.err)
			if e.File != path {
				t.Errorf("File %q", e.File)
			}
			if e.Line != tc.line || tc.col != 0 && e.Column != tc.col {
				t.Errorf("at %d:%d, want %d:%d: %v", e.Line, e.Column, tc.line, tc.col, e)
			}
			if !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("message %q does not contain %q", e.Msg, tc.msg)
			}
			if e.Line > 0 && !strings.Contains(e.Source, "|") {
				t.Errorf("no source line: %q", e.Source)
			}
			if !strings.HasPrefix(err.Error(), path+":") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

// findErr returns the first *Error wrapping sentinel.
func findErr(err error, sentinel error) *Error {
	var list ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if errors.Is(e, sentinel) {
				return e
			}
		}
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{}
}

// TestErrorList: every validation problem comes back at once, in file order.
func TestErrorList(t *testing.T) {
	dir := jobDir(t)
	src := "threshold: 3\n" +
		"datasets:\n" +
		"  - {name: A, kind: k, path: a.csv, key: id}\n" +
		"  - {name: b, kind: k, path: missing.csv, key: id}\n"
	_, err := Parse(filepath.Join(dir, "job.yaml"), []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	for i, want := range []error{ErrInvalidValue, ErrInvalidName, ErrDataFile} {
		if !errors.Is(list[i], want) || list[i].Line != i+1+min(i, 1) {
			t.Errorf("error %d = %v (line %d), want %v", i, list[i], list[i].Line, want)
		}
	}
	if got := strings.Count(err.Error(), "\n"); got != 2 {
		t.Errorf("Error() has %d newlines, want 2", got)
	}
	var first *Error
	if !errors.As(err, &first) || first != list[0] {
		t.Error("errors.As(*Error) does not give the first error")
	}
}

func TestSourceLine(t *testing.T) {
	src := []byte("a: 1\r\n\tb: x\nlast")
	for _, tc := range []struct {
		line, col int
		want      string
	}{
		{1, 4, "    1 | a: 1\n      |    ^"},
		{2, 3, "    2 | \tb: x\n      | \t ^"},
		{3, 0, "    3 | last"},
		{4, 1, ""},
		{0, 1, ""},
	} {
		if got := sourceLine(src, tc.line, tc.col); got != tc.want {
			t.Errorf("sourceLine(%d, %d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := jobDir(t)
	path := filepath.Join(dir, "job.yaml")
	if err := os.WriteFile(path, []byte("\xef\xbb\xbfdatasets:\n  - {name: a, kind: k, path: a.csv, key: id}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	j, err := Load(path)
	if err != nil {
		t.Fatalf("Load with a byte-order mark: %v", err)
	}
	if j.Datasets[0].Line != 2 {
		t.Errorf("Line %d", j.Datasets[0].Line)
	}
	if _, err := Load(filepath.Join(dir, "none.yaml")); !errors.Is(err, ErrJobFile) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing job file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); !errors.Is(err, ErrJobFile) {
		t.Errorf("large job file: %v", err)
	}
	// Relative job path: Path and data paths become absolute.
	t.Chdir(dir)
	j, err = Load("job.yaml")
	if err != nil || j.Path != path || j.Datasets[0].Path != filepath.Join(dir, "a.csv") {
		t.Errorf("relative Load: %v %+v", err, j)
	}
}

func TestErrorf(t *testing.T) {
	dir := jobDir(t)
	j, err := Parse(filepath.Join(dir, "job.yaml"), []byte("datasets:\n  - name: a\n    kind: nosuchkind\n    path: a.csv\n    key: id\n"))
	if err != nil {
		t.Fatal(err)
	}
	sentinel := errors.New("unknown kind")
	e := j.Errorf(j.Datasets[0].KindLine, sentinel, "dataset %q: unknown kind (known: payroll, pensions)", j.Datasets[0].Name)
	if e.Error() != j.Path+`:3: dataset "a": unknown kind (known: payroll, pensions)` || !errors.Is(e, sentinel) {
		t.Errorf("Errorf = %q", e.Error())
	}
	if e.Source != "    3 |     kind: nosuchkind" {
		t.Errorf("Source = %q", e.Source)
	}
}

// TestKnownKeys pins the job file's key names: they are a contract with
// officers' scripts. Adding a key is fine (add it here); renaming is not.
func TestKnownKeys(t *testing.T) {
	for _, tc := range []struct {
		got  []string
		want string
	}{
		{knownKeys(reflectType[jobFields]()), "exercise body output datasets reports custom_reports threshold max_reject_rate seed model as_at train"},
		{knownKeys(reflectType[datasetFields]()), "name kind path format delimiter encoding date_format null_dates money_unit sheet layout key columns"},
		{knownKeys(reflectType[layoutFields]()), "name start length"},
		{knownKeys(reflectType[customFields]()), "id left right threshold title"},
	} {
		if got := strings.Join(tc.got, " "); got != tc.want {
			t.Errorf("keys %q, want %q", got, tc.want)
		}
	}
}

func TestNormDelimiterAndNames(t *testing.T) {
	for _, bad := range []string{"", "ab", "\n", "\r", `"`, "\x00", "\xff", "tabs"} {
		if d, ok := normDelimiter(bad); ok {
			t.Errorf("normDelimiter(%q) = %q, accepted", bad, d)
		}
	}
	for _, tc := range []struct {
		s          string
		dash, want bool
	}{
		{"payroll", true, true}, {"pay-roll_2", true, true}, {"pay-roll", false, false}, {"Payroll", true, false},
		{"", true, false}, {"pay roll", true, false}, {"é", true, false}, {strings.Repeat("a", 64), false, true},
	} {
		if got := validName(tc.s, tc.dash); got != tc.want {
			t.Errorf("validName(%q, %v) = %v", tc.s, tc.dash, got)
		}
	}
	if closest("frmat", knownKeys(reflectType[datasetFields]())) != "format" || closest("zzzzzz", []string{"name"}) != "" {
		t.Error("closest")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(fullJob))
	f.Add([]byte("datasets:\n  - {name: a, kind: person, path: a.csv, key: id, columns: {forenames: given_name}}\n"))
	f.Add([]byte("exercise: [x\n"))
	f.Add([]byte("exercise: &a x\nbody: *a\n"))
	f.Add([]byte("datasets:\n  - name: a\n    format: fixed-width\n    layout:\n      - {name: r, start: 1, length: 8}\n"))
	f.Add([]byte("? [a]\n: b\n"))
	f.Add([]byte("datasets: !!seq\n  - !!map {name: a}\n"))
	f.Add([]byte("---\n---\n"))
	dir := jobDir(f)
	path := filepath.Join(dir, "job.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := Parse(path, data)
		if (j == nil) == (err == nil) {
			t.Fatalf("job %v with error %v", j != nil, err)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not an *Error", err)
			}
			_ = err.Error()
			return
		}
		if len(j.Datasets) == 0 {
			t.Fatal("valid job without datasets")
		}
	})
}

func BenchmarkParse(b *testing.B) {
	dir := jobDir(b)
	path := filepath.Join(dir, "job.yaml")
	data := []byte(fullJob)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(path, data); err != nil {
			b.Fatal(err)
		}
	}
}

func reflectType[T any]() reflect.Type { return reflect.TypeFor[T]() }
