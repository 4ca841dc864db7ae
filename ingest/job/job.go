package job

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// MaxSize is the largest job file accepted, in bytes. A job file lists a few
// dozen datasets (a few kilobytes); anything near this size is the wrong file.
const MaxSize = 256 << 10

// maxFlowDepth bounds the nesting of [ and { in a job file (a real one needs
// three), because the YAML parser slows down badly on deep nesting.
const maxFlowDepth = 64

// The values the format key accepts.
const (
	FormatDelimited  = "delimited"   // CSV-like text; delimiter optional (detected)
	FormatFixedWidth = "fixed-width" // columns at fixed positions, given by layout
	FormatXLSX       = "xlsx"        // an Excel workbook; sheet optional
)

// The values the money_unit key accepts.
const (
	MoneyPence  = "pence"  // the NFI layout: 123.45 pounds written as 12345 (the default)
	MoneyPounds = "pounds" // amounts written in pounds, with or without decimals
)

// Defaults applied when a key is absent.
const (
	// DefaultMaxRejectRate fails a job when more than 5% of a dataset's rows
	// are rejected: past that the extract is probably misread (wrong
	// delimiter, date format or column mapping), and matching it would
	// produce misleading reports.
	DefaultMaxRejectRate = 0.05
	// DefaultSeed makes sampled steps repeatable from run to run.
	DefaultSeed = 1
	// DefaultOutput is the output directory, beside the job file.
	DefaultOutput = "out"
)

// maxNameLen bounds dataset names and report ids, which become parts of
// output file names.
const maxNameLen = 64

// maxLayoutPos bounds layout start and length: no fixed-width record is a
// mebibyte wide, and the bound keeps start+length from overflowing.
const maxLayoutPos = 1 << 20

// Job is a parsed and validated job file. Paths are absolute; positions
// (Line fields and Lines maps) point into the job file so that later checks
// (kinds, field names, report ids, headers) can name the line to fix.
type Job struct {
	Path     string // absolute path of the job file
	Exercise string // free text copied into every output ("" when absent)
	Body     string // the body (council) running the job ("" when absent)
	Output   string // absolute output directory; default "out" beside the job file

	Datasets []Dataset // at least one, names unique, in file order

	Reports      []string // catalogue report ids as given; nil when the key is absent or empty ("reports:")
	ReportsGiven bool     // the reports key held a list, even an empty one ("reports: []": custom reports only)
	ReportLines  []int    // job file line of each entry of Reports

	CustomReports []CustomReport // in file order; ids unique

	Threshold     float64 // match probability to report at or above; 0 when not set (the engine's default applies)
	MaxRejectRate float64 // share of rejected rows that fails a dataset; DefaultMaxRejectRate when not set
	Seed          int64   // random seed for anything sampled; DefaultSeed when not set

	// Model is the absolute path of a folder of trained models
	// (<report>.json, as a run writes to OUTPUT/model/), or of one model
	// file for a job with one report; "" when not set. A model whose levels
	// carry pin_m or pin_u keeps those values while the rest trains; a
	// model with no pins is used as it is.
	Model string
	// Train is false when the job says `train: false`: reports are scored
	// with the catalogue's default m and u (or the given model's).
	Train bool
	// AsAt is the date the exercise is as at (yyyy-mm-dd), for rules that
	// need one, such as an attainer turning 18 during a discount; "" means
	// the day of the run.
	AsAt string

	// Lines is the job file line of each top-level key present, by key name.
	Lines map[string]int

	src  []byte // the job file's text, for Source in errors made by Errorf
	file string // the job file's path as given, for File in errors made by Errorf
}

// Dataset is one entry of the datasets list: a data file and how to read it.
type Dataset struct {
	Name string // unique within the job; [a-z0-9_-]+; used in reports and output file names
	Kind string // dataset catalogue kind (checked by the caller)
	Path string // absolute path of the data file, which existed when the job was parsed

	// Reading options, as given ("" when absent), except that Delimiter is
	// normalised to the single character ("tab" and `\t` become "\t",
	// "pipe" becomes "|", "comma" ",", "tilde" "~").
	Format, Delimiter, Encoding, DateFormat, MoneyUnit, Sheet string

	NullDates []string // dates that mean "no date" in this file (such as 01/01/1900)
	Layout    []Column // fixed-width columns, in file order; nil for other formats

	Key     string            // header of the column that identifies a record
	Columns map[string]string // canonical field -> this file's header (field names checked by the caller)

	Line        int            // job file line where this dataset entry starts
	KeyLine     int            // job file line of the key entry
	KindLine    int            // job file line of the kind entry
	ColumnLines map[string]int // job file line of each columns entry, by canonical field
	Lines       map[string]int // job file line of every key present in this entry, by key name
}

// Column is one fixed-width column: Length characters from Start (1-based).
type Column struct {
	Name   string
	Start  int // first character, 1-based
	Length int // number of characters, at least 1
	Line   int // job file line of this layout entry
}

// CustomReport asks for person matching between two datasets, or within one
// (Left == Right: duplicates within a dataset).
type CustomReport struct {
	ID        string  // [a-z0-9_]+, unique among custom reports (clashes with catalogue ids checked by the caller)
	Left      string  // dataset name
	Right     string  // dataset name; equal to Left for duplicates within one dataset
	Title     string  // "" when not given
	Threshold float64 // 0 when not given (the job's threshold applies)
	Line      int     // job file line where this entry starts
}

// Dataset returns the dataset with the given name.
func (j *Job) Dataset(name string) (*Dataset, bool) {
	for i := range j.Datasets {
		if j.Datasets[i].Name == name {
			return &j.Datasets[i], true
		}
	}
	return nil, false
}

// Errorf makes an *Error at a job file line, wrapping sentinel, so that
// checks done by the caller (dataset kinds, field names, report ids, column
// headers) read like this package's own, source line included. line 0 means
// the job file as a whole. The message must not hold data values.
func (j *Job) Errorf(line int, sentinel error, format string, args ...any) *Error {
	return &Error{
		File:   j.file,
		Line:   line,
		Msg:    fmt.Sprintf(format, args...),
		Err:    sentinel,
		Source: sourceLine(j.src, line, 0),
	}
}

// Load reads the job file at path and parses it with [Parse]. Relative paths
// inside the job are resolved against the job file's directory.
func Load(path string) (*Job, error) {
	f, err := os.Open(path)
	if err != nil {
		msg := "cannot open the job file"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file"
		}
		return nil, &Error{File: path, Msg: msg, Err: ErrJobFile}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read the job file", Err: ErrJobFile}
	}
	return Parse(path, data)
}

// Parse parses and validates the job file text data, read from path. path
// locates the job (relative paths inside it are resolved against its
// directory, and each dataset's file must exist) and names it in errors.
//
// On failure the error is an *Error, or an ErrorList when there are several
// problems; each wraps one of the package's sentinel errors.
func Parse(path string, data []byte) (*Job, error) {
	if len(data) > MaxSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("job file larger than %d bytes", MaxSize), Err: ErrJobFile}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot resolve the job file's directory", Err: ErrJobFile}
	}
	if line := tooDeep(data); line > 0 {
		return nil, finish(path, data, ErrorList{errAt(pos{line: line}, ErrSyntax, "brackets nested more than %d deep", maxFlowDepth)})
	}
	body, err := parseDocument(data)
	if err != nil {
		return nil, finish(path, data, appendErr(nil, err))
	}
	raw, err := decodeEntry[jobFields](body, 0)
	if err != nil {
		return nil, finish(path, data, appendErr(nil, err))
	}
	j, errs := build(abs, raw)
	if len(errs) > 0 {
		return nil, finish(path, data, errs)
	}
	j.src, j.file = data, path
	return j, nil
}

// parseDocument parses data and returns the body of its only document.
// goccy's parser is third-party code fed untrusted bytes: a panic in it is
// turned into a syntax error rather than taking the process down.
func parseDocument(data []byte) (body ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			body, err = nil, errAt(pos{}, ErrSyntax, "the job file cannot be parsed as YAML")
		}
	}()
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, fromYAML(err, pos{})
	}
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			return nil, errAt(nodePos(doc.Body), ErrSyntax, "more than one YAML document (---) in the job file")
		}
		body = doc.Body
	}
	if body == nil {
		return nil, errAt(pos{}, ErrRequired, "the job file is empty: it needs at least a datasets: list")
	}
	if aliases := ast.Filter(ast.AliasType, body); len(aliases) > 0 {
		return nil, errAt(nodePos(aliases[0]), ErrWrongType, "aliases (*name) are not supported in a job file; write the value out")
	}
	return body, nil
}

// tooDeep returns the line where [ and { nesting passes maxFlowDepth, or 0.
// Brackets inside quotes count too: no real job comes near the limit.
func tooDeep(data []byte) int {
	depth, line := 0, 1
	for _, c := range data {
		switch c {
		case '\n':
			line++
		case '[', '{':
			if depth++; depth > maxFlowDepth {
				return line
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0
}

// finish positions every error in the job file, sorts them into file order
// and returns nil, one *Error or an ErrorList.
func finish(file string, src []byte, errs ErrorList) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	for _, e := range errs {
		e.File = file
		e.Source = sourceLine(src, e.Line, e.Column)
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errs
}
