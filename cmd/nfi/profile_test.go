package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfiles runs the small job with both profiling flags and checks the
// profiles are written, owner-only, and that an unwritable profile path
// fails before the job is read.
func TestProfiles(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "small"))
	cpu, mem := filepath.Join(dir, "prof", "cpu.pprof"), filepath.Join(dir, "prof", "mem.pprof")
	code, _, stderr := nfi(t, "run", "-q", "--no-train", "--cpuprofile", cpu, "--memprofile", mem, filepath.Join(dir, "job.yaml"))
	if code != exitRejected {
		t.Fatalf("exit %d, want %d (one ragged row)\nstderr: %s", code, exitRejected, stderr)
	}
	for _, p := range []string{cpu, mem} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", p)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", p, fi.Mode().Perm())
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "prof", ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	tests := []struct {
		name, flag, want string
	}{
		{"cpu", "--cpuprofile", "cpuprofile"},
		{"mem", "--memprofile", "memprofile"},
	}
	for _, tt := range tests {
		t.Run("unwritable "+tt.name, func(t *testing.T) {
			blocker := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(blocker, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			// A path under a regular file cannot be created.
			never := filepath.Join(t.TempDir(), "never")
			code, _, stderr := nfi(t, "run", "-q", "--out", never, tt.flag, filepath.Join(blocker, "p.pprof"), filepath.Join(dir, "job.yaml"))
			if code != exitFailed || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and a message naming %s", code, stderr, exitFailed, tt.want)
			}
			if _, err := os.Stat(never); err == nil {
				t.Error("the job ran despite the bad profile path")
			}
		})
	}
}

// TestRunHelpProfiles checks the help of run and check documents the
// profiling flags.
func TestRunHelpProfiles(t *testing.T) {
	for _, cmd := range []string{"run", "check"} {
		code, stdout, _ := nfi(t, cmd, "--help")
		if code != exitOK {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		for _, want := range []string{"--cpuprofile", "--memprofile", "go tool pprof"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%s --help lacks %q", cmd, want)
			}
		}
	}
}
