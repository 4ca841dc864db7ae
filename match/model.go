package match

import (
	"errors"
	"fmt"
	"math"
)

// Model holds the parameters that score one report's pairs. It is plain
// data (names and numbers), written to OUTPUT/model/<report>.json and
// readable back to score a later run with the same parameters.
type Model struct {
	Report      string            `json:"report"`
	Trained     bool              `json:"trained"`
	Seed        int64             `json:"seed,omitempty"`
	Prior       float64           `json:"prior"` // probability that a candidate pair is a match
	Comparisons []ModelComparison `json:"comparisons"`
	// Training figures, for the summary.
	CandidatePairs int64 `json:"candidate_pairs,omitempty"`
	USample        int   `json:"u_sample,omitempty"`
	Iterations     int   `json:"em_iterations,omitempty"`
	Converged      bool  `json:"em_converged,omitempty"`
}

// ModelComparison is one comparison's levels in a model.
type ModelComparison struct {
	Name   string       `json:"name"`
	Levels []ModelLevel `json:"levels"`
}

// ModelLevel is one level's probabilities and the weight they give.
type ModelLevel struct {
	Name   string  `json:"name"`
	M      float64 `json:"m"`
	U      float64 `json:"u"`
	Weight float64 `json:"weight"` // log2(m/u); 0 for the null level
	// PinM and PinU keep the value given in the job's model file while the
	// rest trains.
	PinM bool `json:"pin_m,omitempty"`
	PinU bool `json:"pin_u,omitempty"`
}

// probability floor and ceiling: a level never seen is rare, not impossible.
const (
	minProb = 1e-6
	maxProb = 1 - 1e-6
)

// DefaultPrior is the share of candidate pairs taken to be matches before
// training, or when training is off.
const DefaultPrior = 0.01

// DefaultModel builds a model from the comparisons' default m and u.
func DefaultModel(report string, comps []*Comparison) *Model {
	m := &Model{Report: report, Prior: DefaultPrior}
	for _, c := range comps {
		mc := ModelComparison{Name: c.Name}
		for _, l := range c.Levels {
			mc.Levels = append(mc.Levels, ModelLevel{Name: l.Name, M: l.M, U: l.U})
		}
		m.Comparisons = append(m.Comparisons, mc)
	}
	m.refresh()
	return m
}

// refresh recomputes every level's weight from its m and u.
func (m *Model) refresh() {
	for ci := range m.Comparisons {
		for li := range m.Comparisons[ci].Levels {
			l := &m.Comparisons[ci].Levels[li]
			if li == 0 {
				l.Weight = 0
				continue
			}
			l.Weight = math.Log2(clamp(l.M) / clamp(l.U))
		}
	}
}

func clamp(p float64) float64 { return math.Min(maxProb, math.Max(minProb, p)) }

// PriorWeight is the weight the prior contributes: log2(prior/(1-prior)).
func (m *Model) PriorWeight() float64 {
	p := clamp(m.Prior)
	return math.Log2(p / (1 - p))
}

// Weight is a pair's total match weight from its levels.
func (m *Model) Weight(levels []uint8) float64 {
	w := m.PriorWeight()
	for ci, l := range levels {
		w += m.Comparisons[ci].Levels[l].Weight
	}
	return w
}

// Probability turns a match weight into a match probability.
func Probability(w float64) float64 {
	return 1 / (1 + math.Exp2(-w))
}

// ErrModelMismatch means a model file does not fit the report's comparisons.
var ErrModelMismatch = errors.New("model does not fit the report's comparisons")

// Apply copies the m and u of the given model into m where the comparison
// and level names agree: pinned values stay fixed during training, others
// are used as they are when training is off. It fails when given names a
// comparison or level that m does not have.
func (m *Model) Apply(given *Model, pinAll bool) error {
	for _, gc := range given.Comparisons {
		ci := m.comparison(gc.Name)
		if ci < 0 {
			return fmt.Errorf("comparison %q: %w", gc.Name, ErrModelMismatch)
		}
		for _, gl := range gc.Levels {
			li := -1
			for i, l := range m.Comparisons[ci].Levels {
				if l.Name == gl.Name {
					li = i
				}
			}
			if li < 0 {
				return fmt.Errorf("level %q.%q: %w", gc.Name, gl.Name, ErrModelMismatch)
			}
			l := &m.Comparisons[ci].Levels[li]
			if gl.M > 0 {
				l.M, l.PinM = gl.M, pinAll || gl.PinM
			}
			if gl.U > 0 {
				l.U, l.PinU = gl.U, pinAll || gl.PinU
			}
		}
	}
	if given.Prior > 0 {
		m.Prior = given.Prior
	}
	m.refresh()
	return nil
}

func (m *Model) comparison(name string) int {
	for i, c := range m.Comparisons {
		if c.Name == name {
			return i
		}
	}
	return -1
}
