package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/nfi-engine/nfi/match"
	"io"
	"path/filepath"

	"github.com/nfi-engine/nfi/report/atomic"
)

// ErrEncode means a figure could not be written as JSON (a number that
// JSON cannot hold, such as an infinite weight).
var ErrEncode = errors.New("cannot encode as JSON")

// writeJSON writes v indented to path atomically.
func writeJSON(path string, v any) error {
	return atomic.WriteFile(path, func(w io.Writer) error {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return fmt.Errorf("%s: %w", path, ErrEncode)
		}
		b = append(b, '\n')
		_, err = w.Write(b)
		return err
	})
}

// WriteQuality writes dir/quality/<dataset>.json for every dataset: its
// ingest.Quality, indented. Quality holds counts and field names only.
func WriteQuality(run *Run, dir string) error {
	bases := DatasetFileBases(run)
	for i, d := range run.Datasets {
		if err := writeJSON(filepath.Join(dir, "quality", bases[i]+".json"), d.Quality); err != nil {
			return err
		}
	}
	return nil
}

// WriteModel writes dir/model/<base>.json for the report at position i of
// run.Reports: its match.Model, indented, which a later job can load to
// score with the same parameters.
func WriteModel(run *Run, i int, dir string) error {
	rr := run.Reports[i]
	if rr.Model == nil {
		return nil
	}
	return writeJSON(filepath.Join(dir, "model", ReportFileBases(run)[i]+".json"), rr.Model)
}

// ExplainStep is one comparison's part in a match's weight.
type ExplainStep struct {
	Comparison string  `json:"comparison"`
	Level      string  `json:"level"`
	M          float64 `json:"m"`
	U          float64 `json:"u"`
	Weight     float64 `json:"weight"` // 0 for the null level
	// TFAdjust is the term-frequency adjustment included in Weight for an
	// exact agreement on a value more or less common than usual.
	TFAdjust float64 `json:"tf_adjustment,omitempty"`
}

// Explanation is one line of explain/<report>.jsonl: how a match's weight
// was made up, from the prior through every comparison (null levels
// included) to the total and the probability.
type Explanation struct {
	MatchID     string  `json:"match_id"`
	Report      string  `json:"report"`
	LeftKey     string  `json:"left_key"`
	RightKey    string  `json:"right_key"`
	PriorWeight float64 `json:"prior_weight"`
	// Household says the two records are at one property: the address
	// comparisons then count once, and the others are weighed against
	// relatives and flatmates rather than strangers.
	Household   bool          `json:"same_household,omitempty"`
	Steps       []ExplainStep `json:"steps"`
	TotalWeight float64       `json:"total_weight"`
	Probability float64       `json:"probability"`
}

// WriteExplain writes dir/explain/<base>.jsonl for the report at position
// i of run.Reports: one Explanation per match, in order. The levels are
// read against the report's model, whose comparisons are in the linker's
// order.
func WriteExplain(run *Run, i int, dir string) error {
	rr, base := run.Reports[i], ReportFileBases(run)[i]
	path := filepath.Join(dir, "explain", base+".jsonl")
	return atomic.WriteFile(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		var line []byte
		model := rr.Model
		var prior float64
		if model != nil {
			prior = model.PriorWeight()
		}
		ex := Explanation{Report: rr.Report.ID, PriorWeight: prior}
		for mi := range rr.Matches {
			m := &rr.Matches[mi]
			p, err := orient(rr, m)
			if err == nil && (model == nil || len(m.Levels) != len(model.Comparisons)) {
				err = ErrBadMatch
			}
			if err != nil {
				return fmt.Errorf("%s: match %d: %w", path, mi+1, err)
			}
			ex.MatchID, ex.LeftKey, ex.RightKey = p.id, p.lkey, p.rkey
			ex.TotalWeight, ex.Probability = m.Weight, m.Probability
			ex.Steps = ex.Steps[:0]
			for ci, l := range m.Levels {
				if int(l) >= len(model.Comparisons[ci].Levels) {
					return fmt.Errorf("%s: match %d: %w", path, mi+1, ErrBadMatch)
				}
			}
			off := 0
			if m.Household {
				off = 1 // the household step comes first
			}
			for si, st := range model.Explain(m.Levels, m.Household, m.Adjust) {
				es := ExplainStep{Comparison: st.Comparison, Level: st.Level, M: st.M, U: st.U, Weight: st.Weight}
				if ci := si - off; m.Adjust != nil && ci >= 0 {
					es.TFAdjust = m.Adjust[ci]
				}
				ex.Steps = append(ex.Steps, es)
			}
			ex.Household = m.Household
			line = appendExplanation(line[:0], &ex)
			if _, err := bw.Write(line); err != nil {
				return fmt.Errorf("%s: match %d: %w", path, mi+1, ErrEncode)
			}
		}
		return bw.Flush()
	})
}

// Summary is summary.json: what was read, what was compared and found, and
// how long each stage took. It is the one output that holds timings, so it
// is the one that differs between two runs of the same data.
type Summary struct {
	Exercise string           `json:"exercise"`
	Body     string           `json:"body"`
	Check    bool             `json:"check,omitempty"`
	Workers  int              `json:"workers"`
	Datasets []SummaryDataset `json:"datasets"`
	Reports  []SummaryReport  `json:"reports"`
	Stages   []SummaryStage   `json:"stages"`
}

// SummaryDataset is one dataset's counts. Read = Accepted + Rejected.
type SummaryDataset struct {
	Name          string         `json:"name"`
	Kind          string         `json:"kind"`
	File          string         `json:"file"` // base name of the path, no folders
	Read          int            `json:"read"`
	Accepted      int            `json:"accepted"`
	Rejected      int            `json:"rejected"`
	RejectReasons map[string]int `json:"reject_reasons"`
}

// SummaryReport is one report's counts.
type SummaryReport struct {
	ID           string         `json:"id"`
	Title        string         `json:"title"`
	Left         string         `json:"left"`
	Right        string         `json:"right"`
	Blocking     []SummaryRule  `json:"blocking"` // in the order pairs are credited
	Matches      map[string]int `json:"matches"`  // by band, and "total"
	Threshold    float64        `json:"threshold"`
	ModelTrained bool           `json:"model_trained"`
	// Stability is the spread between models trained with two seeds, when
	// the run was asked to check it.
	Stability *match.Spread `json:"stability,omitempty"`
}

// SummaryRule is one blocking rule's candidate pairs, and the pairs it
// skipped because their block was over the cap.
type SummaryRule struct {
	Rule        string `json:"rule"`
	Pairs       int64  `json:"pairs"`
	CappedPairs int64  `json:"capped_pairs"`
}

// SummaryStage is one timed stage.
type SummaryStage struct {
	Name      string  `json:"name"`
	Within    string  `json:"within,omitempty"` // the top-level stage this one is part of
	Shared    bool    `json:"shared,omitempty"` // seconds are the workers' time added up over their number
	Seconds   float64 `json:"seconds"`
	Items     int64   `json:"items"`
	PerSecond float64 `json:"per_second"`
}

// NewSummary collects the run's figures.
func NewSummary(run *Run) *Summary {
	s := &Summary{Exercise: run.Exercise, Body: run.Body, Check: run.Check, Workers: run.Workers,
		Datasets: []SummaryDataset{}, Reports: []SummaryReport{}, Stages: []SummaryStage{}}
	for _, d := range run.Datasets {
		q := d.Quality
		sd := SummaryDataset{Name: datasetName(d), Kind: q.Kind, File: filepath.Base(q.Path),
			Read: q.Read, Accepted: q.Accepted, Rejected: q.Rejected, RejectReasons: d.RejectReasons}
		if d.Dataset != nil {
			sd.Kind, sd.File = d.Dataset.Kind.Name, filepath.Base(d.Dataset.Path)
		}
		if sd.RejectReasons == nil {
			sd.RejectReasons = map[string]int{}
		}
		s.Datasets = append(s.Datasets, sd)
	}
	for _, rr := range run.Reports {
		c := bandCounts(rr)
		sr := SummaryReport{ID: rr.Report.ID, Title: rr.Report.Title, Left: rr.Left.Name, Right: rr.Right.Name,
			Blocking: ruleFigures(rr), Threshold: rr.Threshold, ModelTrained: rr.Model != nil && rr.Model.Trained,
			Matches: map[string]int{"total": len(rr.Matches)}, Stability: rr.Stability}
		for bi, b := range Bands() {
			sr.Matches[b] = c[bi]
		}
		s.Reports = append(s.Reports, sr)
	}
	for _, st := range run.Stages {
		secs := st.Duration.Seconds()
		ss := SummaryStage{Name: st.Name, Within: st.Within, Shared: st.Shared, Seconds: secs, Items: st.Items}
		if secs > 0 {
			ss.PerSecond = float64(st.Items) / secs
		}
		s.Stages = append(s.Stages, ss)
	}
	return s
}

func ruleFigures(rr *ReportResult) []SummaryRule {
	out := []SummaryRule{}
	for i, name := range ruleNames(rr) {
		r := SummaryRule{Rule: name}
		if i < len(rr.Stats.Pairs) {
			r.Pairs = rr.Stats.Pairs[i]
		}
		if i < len(rr.Stats.CappedPairs) {
			r.CappedPairs = rr.Stats.CappedPairs[i]
		}
		out = append(out, r)
	}
	return out
}

// WriteSummary writes dir/summary.json.
func WriteSummary(run *Run, dir string) error {
	return writeJSON(filepath.Join(dir, "summary.json"), NewSummary(run))
}
