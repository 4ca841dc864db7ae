package atomic

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// FileMode is the permission of every file nfi writes: owner read and write only.
const FileMode os.FileMode = 0o600

// DirMode is the permission of every directory nfi creates: owner only.
const DirMode os.FileMode = 0o700

// File is an output being written. Write to it, then call Commit to put it in
// place, or Abort to throw it away. Abort after Commit does nothing, so
// `defer f.Abort()` is the usual pattern.
type File struct {
	tmp  *os.File
	path string
	done bool
}

// Create starts writing path atomically, creating its directory (0700) if needed.
func Create(path string) (*File, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return nil, fmt.Errorf("%s: cannot create directory: %w", dir, errors.Unwrap(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create: %w", path, err)
	}
	if err := tmp.Chmod(FileMode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("%s: cannot set permissions: %w", path, err)
	}
	return &File{tmp: tmp, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Name is the final path the file will have after Commit.
func (f *File) Name() string { return f.path }

// Commit syncs the temporary file and renames it over the destination.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	if err := f.tmp.Sync(); err != nil {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: cannot sync: %w", f.path, err)
	}
	if err := f.tmp.Close(); err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: cannot close: %w", f.path, err)
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: cannot rename into place: %w", f.path, err)
	}
	return nil
}

// Abort removes the temporary file, leaving the destination untouched.
// It is safe to call after Commit and more than once.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// WriteFile writes the output of write to path atomically: write is given the
// temporary file; if it returns an error the destination is left as it was.
func WriteFile(path string, write func(w io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}
