package match

import (
	"math"
	"sort"
)

// TrainOptions control unsupervised training. The zero value uses the
// documented defaults.
type TrainOptions struct {
	Seed          int64 // seeds the u sample; the same seed gives the same model
	USample       int   // random pairs drawn for u; 0 = DefaultUSample
	MaxIterations int   // EM iterations at most; 0 = 200
	Tolerance     float64
}

// DefaultUSample is how many random pairs estimate u: enough to see levels
// as rare as one pair in a hundred thousand a few times.
const DefaultUSample = 400_000

// Train estimates the model's u probabilities from uCounts (see SampleU)
// and its m probabilities and prior by expectation-maximisation over the
// candidate pairs' pattern counts (see CountPatterns), starting from base
// (defaults, or a model file with pinned values). Missing values (the null
// level) neither agree nor disagree and play no part. It returns a new
// model; base is not changed.
func Train(base *Model, patterns map[uint64]int64, uCounts [][]int64, opts TrainOptions) *Model {
	m := clone(base)
	m.Trained, m.Seed = true, opts.Seed
	iters := opts.MaxIterations
	if iters <= 0 {
		iters = 200
	}
	tol := opts.Tolerance
	if tol <= 0 {
		tol = 1e-7
	}
	// u from the random sample, smoothed so that a level never seen is rare
	// rather than impossible.
	for ci := range m.Comparisons {
		levels := m.Comparisons[ci].Levels
		var total float64
		for li := 1; li < len(levels); li++ {
			total += float64(uCounts[ci][li])
			m.USample += int(uCounts[ci][li])
		}
		for li := 1; li < len(levels); li++ {
			if levels[li].PinU || total == 0 {
				continue
			}
			levels[li].U = (float64(uCounts[ci][li]) + 0.5) / (total + 0.5*float64(len(levels)-1))
		}
	}
	if len(m.Comparisons) > 0 {
		m.USample /= len(m.Comparisons)
	}

	// The patterns in a fixed order, so sums (and so the model) are the
	// same bytes on every run.
	type pat struct {
		levels []uint8
		n      float64
	}
	keys := make([]uint64, 0, len(patterns))
	for p := range patterns {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	pats := make([]pat, len(keys))
	var total float64
	for i, p := range keys {
		lv := make([]uint8, len(m.Comparisons))
		for ci := range lv {
			lv[ci] = uint8(p>>(4*uint(ci))) & 0xF
		}
		pats[i] = pat{lv, float64(patterns[p])}
		total += float64(patterns[p])
		m.CandidatePairs += patterns[p]
	}
	if total == 0 {
		m.refresh()
		return m
	}
	mnum := make([][]float64, len(m.Comparisons))
	for ci := range mnum {
		mnum[ci] = make([]float64, len(m.Comparisons[ci].Levels))
	}
	prior := m.Prior
	if prior <= 0 || prior >= 1 {
		prior = DefaultPrior
	}
	for it := 1; it <= iters; it++ {
		m.refresh()
		for ci := range mnum {
			clear(mnum[ci])
		}
		lw := math.Log2(prior / (1 - prior))
		var matched float64
		for _, p := range pats {
			w := lw
			for ci, l := range p.levels {
				w += m.Comparisons[ci].Levels[l].Weight
			}
			post := Probability(w) * p.n
			matched += post
			for ci, l := range p.levels {
				mnum[ci][l] += post
			}
		}
		change := 0.0
		newPrior := matched / total
		change = math.Max(change, math.Abs(newPrior-prior))
		prior = newPrior
		for ci := range m.Comparisons {
			levels := m.Comparisons[ci].Levels
			var free, pinned float64
			for li := 1; li < len(levels); li++ {
				if levels[li].PinM {
					pinned += levels[li].M
				} else {
					free += mnum[ci][li]
				}
			}
			if free == 0 {
				continue
			}
			for li := 1; li < len(levels); li++ {
				if levels[li].PinM {
					continue
				}
				nm := mnum[ci][li] / free * (1 - pinned)
				change = math.Max(change, math.Abs(nm-levels[li].M))
				levels[li].M = nm
			}
		}
		m.Iterations = it
		if change < tol {
			m.Converged = true
			break
		}
	}
	m.Prior = prior
	m.refresh()
	return m
}

func clone(m *Model) *Model {
	c := *m
	c.Comparisons = make([]ModelComparison, len(m.Comparisons))
	for i, mc := range m.Comparisons {
		c.Comparisons[i] = ModelComparison{Name: mc.Name, Levels: append([]ModelLevel(nil), mc.Levels...)}
	}
	return &c
}
