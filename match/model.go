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
	Report  string `json:"report"`
	Trained bool   `json:"trained"`
	Seed    int64  `json:"seed,omitempty"`
	// Prior is the probability that two records drawn at random are the
	// same: the estimated matches over all possible pairs, not over the
	// candidate pairs (blocking selects pairs by their values, and the
	// comparisons' weights already count that evidence).
	Prior       float64           `json:"prior"`
	Comparisons []ModelComparison `json:"comparisons"`
	// Training figures, for the summary.
	CandidatePairs int64 `json:"candidate_pairs,omitempty"`
	USample        int   `json:"u_sample,omitempty"`
	Iterations     int   `json:"em_iterations,omitempty"`
	Converged      bool  `json:"em_converged,omitempty"`
	// HouseholdM is the share of matches whose two records are at one
	// property, HouseholdU the share of pairs of different people who are
	// (relatives and flatmates, out of all pairs), and HouseholdWeight
	// log2(HouseholdM/HouseholdU): what sharing a property adds, once, in
	// place of the household comparisons' own weights. In data where few
	// people share an address it is large; in a council's, where families
	// do, it is smaller.
	HouseholdM      float64 `json:"household_m"`
	HouseholdU      float64 `json:"household_u"`
	HouseholdWeight float64 `json:"household_weight"`
	// HouseholdOnce counts the household comparisons once, the highest of
	// their weights, for every pair (reports decided by their requirements,
	// where one account or one property is the link).
	HouseholdOnce bool `json:"household_once,omitempty"`
	// Sessions lists the training sessions (one per training blocking
	// rule with enough pairs).
	Sessions []SessionInfo `json:"sessions,omitempty"`
}

// ModelComparison is one comparison's levels in a model.
type ModelComparison struct {
	Name      string       `json:"name"`
	Household bool         `json:"household,omitempty"` // see Comparison.Household
	Levels    []ModelLevel `json:"levels"`
}

// ModelLevel is one level's probabilities and the weight they give.
type ModelLevel struct {
	Name   string  `json:"name"`
	M      float64 `json:"m"`
	U      float64 `json:"u"`
	Weight float64 `json:"weight"` // log2(m/u), at most 0 for a level that is not agreement; 0 for the null level
	// UHousehold is u among different people of one household (two records
	// of one dataset at one address): how often relatives and flatmates
	// land on the level. It replaces U for a pair that shares a household,
	// because families share surnames, and twins dates of birth.
	UHousehold      float64 `json:"u_household"`
	WeightHousehold float64 `json:"weight_household"` // log2(m/u_household), capped like Weight
	Agree           bool    `json:"agree,omitempty"`  // the level counts as agreement (see Level.Agree)
	// MaxM caps what training may learn for a disagreement level's m (the
	// catalogue's default m) on a comparison of the person, not the
	// household: see Train.
	MaxM float64 `json:"max_m,omitempty"`
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

// Defaults for sharing a property when training is off: most matched
// records give the same address, and about one pair of people in ten
// thousand live together (a town of a few thousand households).
const (
	DefaultHouseholdM = 0.8
	DefaultHouseholdU = 1e-4
)

// DefaultPrior is the probability that two random records are the same
// person, used when training is off: about one in ten thousand pairs, as
// when a few per cent of a few thousand records have a partner.
const DefaultPrior = 1e-4

// DefaultModel builds a model from the comparisons' default m and u.
func DefaultModel(report string, comps []*Comparison) *Model {
	m := &Model{Report: report, Prior: DefaultPrior, HouseholdM: DefaultHouseholdM, HouseholdU: DefaultHouseholdU}
	for _, c := range comps {
		mc := ModelComparison{Name: c.Name, Household: c.Household}
		for _, l := range c.Levels {
			mc.Levels = append(mc.Levels, ModelLevel{Name: l.Name, M: l.M, U: l.U, UHousehold: l.U, Agree: l.Agree, MaxM: maxM(l)})
		}
		m.Comparisons = append(m.Comparisons, mc)
	}
	m.refresh()
	return m
}

// EvidenceModel is the model of a report decided by its requirements (see
// Report.EvidenceOnly): the default m and u, an even prior, and the address
// and bank comparisons counted once.
func EvidenceModel(report string, comps []*Comparison) *Model {
	m := DefaultModel(report, comps)
	m.Prior, m.HouseholdOnce = 0.5, true
	m.refresh()
	return m
}

// refresh recomputes every level's weight from its m and u.
func (m *Model) refresh() {
	m.HouseholdWeight = math.Log2(clamp(m.HouseholdM) / math.Max(m.HouseholdU, 1e-12))
	for ci := range m.Comparisons {
		for li := range m.Comparisons[ci].Levels {
			l := &m.Comparisons[ci].Levels[li]
			if li == 0 {
				l.Weight, l.WeightHousehold = 0, 0
				continue
			}
			l.Weight = levelWeight(l.M, l.U, l.Agree)
			l.WeightHousehold = levelWeight(l.M, l.UHousehold, l.Agree)
			if ex := &m.Comparisons[ci].Levels[1]; li > 1 && l.Agree && ex.Agree {
				// A looser agreement (a typo, a nickname) is never stronger
				// evidence than exact agreement, however rarely unrelated
				// pairs land on it.
				l.Weight = math.Min(l.Weight, ex.Weight)
				l.WeightHousehold = math.Min(l.WeightHousehold, ex.WeightHousehold)
			}
		}
	}
}

// maxM is the ceiling on a level's trained m: its default for a
// disagreement level, none (1) for agreement.
func maxM(l Level) float64 {
	if l.Agree {
		return 1
	}
	return l.M
}

// levelWeight is log2(m/u), except that disagreement is never evidence
// for a match, however rarely unrelated pairs land on the level.
func levelWeight(m, u float64, agree bool) float64 {
	w := math.Log2(clamp(m) / clamp(u))
	if !agree && w > 0 {
		return 0
	}
	return w
}

func clamp(p float64) float64 { return math.Min(maxProb, math.Max(minProb, p)) }

// PriorWeight is the weight the prior contributes: log2(prior/(1-prior)).
func (m *Model) PriorWeight() float64 {
	p := clamp(m.Prior)
	return math.Log2(p / (1 - p))
}

// Weight is a pair's total match weight from its levels. household says
// the two records share a household (see Linker): then the household
// comparisons (postcode, address, town, UPRN, bank), which all measure that
// one fact, give way to HouseholdWeight, and the others are weighed
// against relatives and flatmates (WeightHousehold) rather than against
// strangers.
func (m *Model) Weight(levels []uint8, household bool) float64 {
	return m.weightFrom(m.PriorWeight(), levels, household)
}

// weightFrom is Weight with the prior's weight given, for a caller weighing
// many pairs with one model.
func (m *Model) weightFrom(prior float64, levels []uint8, household bool) float64 {
	w := prior
	if m.HouseholdOnce {
		hh, any := 0.0, false
		for ci, l := range levels {
			c := &m.Comparisons[ci]
			switch {
			case !c.Household:
				w += c.Levels[l].Weight
			case l != 0 && (!any || c.Levels[l].Weight > hh):
				hh, any = c.Levels[l].Weight, true
			}
		}
		return w + hh
	}
	if household {
		w += m.HouseholdWeight
	}
	for ci, l := range levels {
		c := &m.Comparisons[ci]
		lv := &c.Levels[l]
		switch {
		case !household:
			w += lv.Weight
		case !c.Household:
			w += lv.WeightHousehold
		}
	}
	return w
}

// Step is one comparison's part in a pair's weight, for explanations.
type Step struct {
	Comparison string
	Level      string
	M, U       float64 // the u used: among strangers, or within a household
	Weight     float64 // what the step added (0 for a null level, or a household comparison counted in another)
}

// Explain breaks a pair's weight into steps: for a pair at one property a
// first "household" step, then one per comparison in the model's order,
// each including its term-frequency adjustment (adjust, by comparison, may
// be nil). With the prior's weight they add up to the pair's weight.
func (m *Model) Explain(levels []uint8, household bool, adjust []float64) []Step {
	steps := make([]Step, 0, len(levels)+1)
	if m.HouseholdOnce {
		best := -1
		for ci, l := range levels {
			c := &m.Comparisons[ci]
			lv := &c.Levels[l]
			st := Step{Comparison: c.Name, Level: lv.Name, M: lv.M, U: lv.U, Weight: lv.Weight}
			if c.Household {
				if l != 0 && (best < 0 || lv.Weight > steps[best].Weight) {
					best = ci
				}
			}
			steps = append(steps, st)
		}
		for ci := range steps {
			if m.Comparisons[ci].Household && ci != best {
				steps[ci].Weight = 0
			}
			if adjust != nil {
				steps[ci].Weight += adjust[ci]
			}
		}
		return steps
	}
	if household {
		steps = append(steps, Step{Comparison: "household", Level: "same-property", M: m.HouseholdM, U: m.HouseholdU, Weight: m.HouseholdWeight})
	}
	for ci, l := range levels {
		c := &m.Comparisons[ci]
		lv := &c.Levels[l]
		st := Step{Comparison: c.Name, Level: lv.Name, M: lv.M, U: lv.U, Weight: lv.Weight}
		if household {
			if c.Household {
				st.Weight = 0 // counted in the household step
			} else {
				st.U, st.Weight = lv.UHousehold, lv.WeightHousehold
			}
		}
		if adjust != nil {
			st.Weight += adjust[ci]
		}
		steps = append(steps, st)
	}
	return steps
}

// Probability turns a match weight into a match probability.
func Probability(w float64) float64 {
	return 1 / (1 + math.Exp2(-w))
}

// ErrModelMismatch means a model file does not fit the report's comparisons.
var ErrModelMismatch = errors.New("model does not fit the report's comparisons")

// Pinned reports whether any level of the model is pinned (pin_m or
// pin_u): such a model is a starting point for training, not a fixed one.
func (m *Model) Pinned() bool {
	for _, c := range m.Comparisons {
		for _, l := range c.Levels {
			if l.PinM || l.PinU {
				return true
			}
		}
	}
	return false
}

// Apply copies the values of a given model (a model file from the job)
// into m where the comparison and level names agree. With fixed set (the
// model is used as it is, no training) every value is taken, the prior and
// household figures included; otherwise only the pinned values, which
// training then keeps. It fails when given names a comparison or level that
// m does not have.
func (m *Model) Apply(given *Model, fixed bool) error {
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
			if gl.M > 0 && (fixed || gl.PinM) {
				l.M, l.PinM = gl.M, gl.PinM
			}
			if gl.U > 0 && (fixed || gl.PinU) {
				l.U, l.PinU = gl.U, gl.PinU
			}
			if gl.UHousehold > 0 && fixed {
				l.UHousehold = gl.UHousehold
			}
		}
	}
	if fixed {
		if given.Prior > 0 {
			m.Prior = given.Prior
		}
		if given.HouseholdM > 0 && given.HouseholdU > 0 {
			m.HouseholdM, m.HouseholdU = given.HouseholdM, given.HouseholdU
		}
		m.Trained, m.Seed = given.Trained, given.Seed
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

// Spread compares two models of one report trained with different seeds:
// the largest difference between a level's weights, and between the
// priors' weights, in bits. Training is stable when both are small.
type Spread struct {
	Seeds       [2]int64 `json:"seeds"`
	MaxWeight   float64  `json:"max_weight_difference"` // bits, over every level (household weights included)
	Level       string   `json:"level"`                 // where the largest difference is
	PriorWeight float64  `json:"prior_weight_difference"`
	// MatchesOnlyInOne counts the pairs reported with one model but not the
	// other (filled in by the caller, who scores both).
	MatchesOnlyInOne int `json:"matches_only_in_one"`
}

// SpreadBetween measures how far two models of one report differ.
func SpreadBetween(a, b *Model) Spread {
	s := Spread{Seeds: [2]int64{a.Seed, b.Seed}, PriorWeight: math.Abs(a.PriorWeight() - b.PriorWeight())}
	for ci := range a.Comparisons {
		for li := range a.Comparisons[ci].Levels {
			la, lb := &a.Comparisons[ci].Levels[li], &b.Comparisons[ci].Levels[li]
			for _, d := range []float64{math.Abs(la.Weight - lb.Weight), math.Abs(la.WeightHousehold - lb.WeightHousehold)} {
				if d > s.MaxWeight {
					s.MaxWeight, s.Level = d, a.Comparisons[ci].Name+"."+la.Name
				}
			}
		}
	}
	return s
}
