package source

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fixture is the path of a file under testdata.
func fixture(name string) string { return filepath.Join("testdata", name) }

// readAll opens path and reads every row with Next; err is the error from
// Open or the fatal error that ended reading (nil at a clean io.EOF).
func readAll(t testing.TB, path string, opts Options) (header []string, delim rune, rows []Row, err error) {
	t.Helper()
	r, err := Open(path, opts)
	if err != nil {
		return nil, 0, nil, err
	}
	defer r.Close()
	header, delim = r.Header(), r.Delimiter()
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return header, delim, rows, nil
		}
		if err != nil {
			return header, delim, rows, err
		}
		rows = append(rows, row)
	}
}

// lines returns the Line of each row.
func lines(rows []Row) []int {
	out := make([]int, len(rows))
	for i, r := range rows {
		out[i] = r.Line
	}
	return out
}

// good returns the Fields of the rows without errors.
func good(rows []Row) [][]string {
	var out [][]string
	for _, r := range rows {
		if r.Err == nil {
			out = append(out, r.Fields)
		}
	}
	return out
}

// readFile reads a whole file (the tests' own temporary files).
func readFile(path string) ([]byte, error) { return os.ReadFile(path) }
