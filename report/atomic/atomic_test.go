package atomic

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		write   func(io.Writer) error
		wantErr bool
		want    string
	}{
		{"writes", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, false, "new"},
		{"error keeps old", func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("boom") }, true, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "sub", "out.csv")
			if err := os.MkdirAll(filepath.Dir(path), DirMode); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("old"), FileMode); err != nil {
				t.Fatal(err)
			}
			err := WriteFile(path, tt.write)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("content = %q, want %q", got, tt.want)
			}
			st, _ := os.Stat(path)
			if !tt.wantErr && st.Mode().Perm() != FileMode {
				t.Errorf("mode = %v, want %v", st.Mode().Perm(), FileMode)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("left %d files in the directory, want 1 (no temporaries)", len(entries))
			}
		})
	}
}
