package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/nfi-engine/nfi/fixtures"
	"github.com/nfi-engine/nfi/match"
)

// TestModelReuseAndPins runs the fixtures job, then again with the trained
// models given back (model:): without pins the matches are the same bytes;
// with one value pinned, that value stays while the rest trains.
func TestModelReuseAndPins(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and matches a fictional council")
	}
	m := generate(t, fixtures.Options{Seed: 2, People: 3000})
	first := filepath.Join(m.Dir, "first")
	if code, _, stderr := nfi(t, "run", "-q", "--out", first, m.Job); code != exitOK && code != exitRejected {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	job, err := os.ReadFile(m.Job)
	if err != nil {
		t.Fatal(err)
	}
	withModel := filepath.Join(m.Dir, "with-model.yaml")
	os.WriteFile(withModel, append(job, []byte("\nmodel: first/model\n")...), 0o600)
	second := filepath.Join(m.Dir, "second")
	if code, _, stderr := nfi(t, "run", "-q", "--out", second, withModel); code != exitOK && code != exitRejected {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(filepath.Join(first, "matches.csv"))
	b, _ := os.ReadFile(filepath.Join(second, "matches.csv"))
	if string(a) != string(b) {
		t.Errorf("a run given its own trained models reports other matches")
	}

	// Pin m of ni_number.exact in one report's model and train the rest.
	path := filepath.Join(first, "model", "payroll_to_pensions.json")
	var model match.Model
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &model); err != nil {
		t.Fatal(err)
	}
	pinned := false
	for ci := range model.Comparisons {
		for li := range model.Comparisons[ci].Levels {
			l := &model.Comparisons[ci].Levels[li]
			if model.Comparisons[ci].Name == "ni_number" && l.Name == "exact" {
				l.M, l.PinM, pinned = 0.5, true, true
			}
		}
	}
	if !pinned {
		t.Fatal("no ni_number.exact level in the model")
	}
	out, _ := json.Marshal(&model)
	os.WriteFile(path, out, 0o600)
	third := filepath.Join(m.Dir, "third")
	if code, _, stderr := nfi(t, "run", "-q", "--out", third, withModel); code != exitOK && code != exitRejected {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ = os.ReadFile(filepath.Join(third, "model", "payroll_to_pensions.json"))
	var got match.Model
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if !got.Trained {
		t.Errorf("a model with a pin was not trained")
	}
	for _, c := range got.Comparisons {
		for _, l := range c.Levels {
			if c.Name == "ni_number" && l.Name == "exact" && (l.M != 0.5 || !l.PinM) {
				t.Errorf("pinned m = %v (pin %v), want 0.5 kept", l.M, l.PinM)
			}
		}
	}
}
