package match

import (
	"math"
	"sort"
)

// TrainOptions control unsupervised training. The zero value uses the
// documented defaults.
type TrainOptions struct {
	Seed          int64   // seeds the u sample; the same seed gives the same model
	MaxIterations int     // EM iterations at most per session; 0 = 200
	Tolerance     float64 // EM stops when no probability moves more than this; 0 = 1e-7
	// MinSessionPairs is the fewest pairs a training session needs to be
	// used; 0 = 20.
	MinSessionPairs int64
}

// DefaultUSample is how many random pairs estimate u: enough to see levels
// as rare as one pair in a hundred thousand a few times.
const DefaultUSample = 400_000

// mPseudoPairs is how many pairs' worth of weight the default m of each
// level carries in EM: it steadies m when a report has few matches and
// fades as matches grow.
const mPseudoPairs = 2.0

// MaxHouseholdGroup is how many records of one household SampleHousehold
// pairs up: more at one key is a hostel or a block with no flat numbers.
const MaxHouseholdGroup = 12

// uPseudoPairs is how many pairs' worth of weight the default u of each
// comparison carries against the random sample.
const uPseudoPairs = 100.0

// Session is the pattern counts of one training rule's pairs: every pair
// that shares the rule's key (not only those credited to it). Fixed marks,
// by comparison, those the rule chose pairs for agreeing on.
type Session struct {
	Rule     string
	Fixed    []bool
	Patterns map[uint64]int64
}

// Train estimates a report's model, starting from base (the defaults, or a
// model file's values with pins), without labels:
//
//   - u from uCounts, the levels of a seeded random sample of pairs (see
//     SampleU), smoothed, except the levels whose u is computed from the
//     values' frequencies (computedU, see Linker.ComputedU; -1 where a
//     level is not computed), the sampled levels sharing what is left; u within a household from hhCounts, the levels of
//     pairs of people who share a household (see SampleHousehold), smoothed
//     towards u;
//   - m by expectation-maximisation, once per training session (a blocking
//     rule on personal identifiers, see [BlockingRule.Fixes]), each
//     session estimating the comparisons it did not block on; a
//     comparison's m is the mean over the sessions that estimated it;
//   - the prior (the probability that two random records match) by EM
//     over all candidate pairs with m and u held: the expected matches
//     among the candidates over possiblePairs, every pair the two datasets
//     could form (pairs blocking did not pick are taken not to match).
//
// Household comparisons (see [Comparison.Household]) have their m
// estimated like the others, but do not take part in deciding which pairs
// of a session match: among pairs that share a name or a date of birth,
// agreeing on the address marks relatives as often as the same person.
//
// Missing values (the null level) neither agree nor disagree and play no
// part. base is not changed. The same inputs give the same model, bit for
// bit: patterns are visited in sorted order.
func Train(base *Model, sessions []Session, all map[uint64]int64, possiblePairs float64, uCounts [][]int64, computedU [][]float64, hh HouseholdSample, opts TrainOptions) *Model {
	m := clone(base)
	m.Trained, m.Seed = true, opts.Seed
	if opts.MaxIterations <= 0 {
		opts.MaxIterations = 200
	}
	if opts.Tolerance <= 0 {
		opts.Tolerance = 1e-7
	}
	if opts.MinSessionPairs <= 0 {
		opts.MinSessionPairs = 20
	}
	m.estimateU(uCounts)
	m.setComputedU(computedU)
	m.estimateHouseholdU(hh.Counts)
	if hh.Possible > 0 {
		m.HouseholdU = (hh.Pairs + 0.5) / (hh.Possible + 1)
	}
	m.refresh()

	nc := len(m.Comparisons)
	sum := make([][]float64, nc) // per comparison, per level: sum of session estimates
	runs := make([]int, nc)
	for ci := range sum {
		sum[ci] = make([]float64, len(m.Comparisons[ci].Levels))
	}
	for _, s := range sessions {
		pats, total := sortedPatterns(s.Patterns, nc)
		if int64(total) < opts.MinSessionPairs {
			continue
		}
		est, iters, conv := emSession(m, pats, s.Fixed, opts)
		m.Iterations += iters
		m.Converged = conv
		m.Sessions = append(m.Sessions, SessionInfo{Rule: s.Rule, Pairs: int64(total), Iterations: iters, Converged: conv})
		for ci := range est {
			if s.Fixed[ci] {
				continue
			}
			runs[ci]++
			for li := range est[ci] {
				sum[ci][li] += est[ci][li]
			}
		}
	}
	for ci := range m.Comparisons {
		if runs[ci] == 0 {
			continue // no session could estimate it: the default stands
		}
		for li := 1; li < len(m.Comparisons[ci].Levels); li++ {
			if l := &m.Comparisons[ci].Levels[li]; !l.PinM {
				l.M = sum[ci][li] / float64(runs[ci])
			}
		}
	}
	m.refresh()

	pats, total := sortedPatterns(all, nc)
	m.CandidatePairs = int64(total)
	if total > 0 && possiblePairs > 0 {
		m.Prior = emPrior(m, pats, possiblePairs, opts)
		m.HouseholdM = householdShare(m, pats)
	}
	m.refresh()
	return m
}

// SessionInfo records one training session in the saved model.
type SessionInfo struct {
	Rule       string `json:"rule"`
	Pairs      int64  `json:"pairs"`
	Iterations int    `json:"em_iterations"`
	Converged  bool   `json:"converged"`
}

// hhPseudoPairs is how many pairs' worth of weight u (among strangers)
// carries when u within a household is estimated from few households.
const hhPseudoPairs = 20.0

// setComputedU puts the computed u of some levels in place and scales
// the comparison's other (sampled) levels to share the rest.
func (m *Model) setComputedU(computed [][]float64) {
	for ci := range m.Comparisons {
		if ci >= len(computed) {
			continue
		}
		levels := m.Comparisons[ci].Levels
		var fixed, rest float64
		for li := 1; li < len(levels); li++ {
			if li < len(computed[ci]) && computed[ci][li] >= 0 && !levels[li].PinU {
				levels[li].U = math.Max(computed[ci][li], minProb)
				fixed += levels[li].U
			} else {
				rest += levels[li].U
			}
		}
		if fixed == 0 || rest <= 0 || fixed >= 1 {
			continue
		}
		for li := 1; li < len(levels); li++ {
			if !(li < len(computed[ci]) && computed[ci][li] >= 0) && !levels[li].PinU {
				levels[li].U *= (1 - fixed) / rest
			}
		}
	}
}

// estimateHouseholdU sets u within a household from the household
// sample's level counts, smoothed towards u among strangers (so call it
// once u is final).
func (m *Model) estimateHouseholdU(hhCounts [][]int64) {
	for ci := range m.Comparisons {
		levels := m.Comparisons[ci].Levels
		var total float64
		for li := 1; li < len(levels); li++ {
			total += float64(hhCounts[ci][li])
		}
		for li := 1; li < len(levels); li++ {
			levels[li].UHousehold = (float64(hhCounts[ci][li]) + hhPseudoPairs*levels[li].U) / (total + hhPseudoPairs)
		}
	}
}

// estimateU sets every unpinned u from the random sample's level counts.
func (m *Model) estimateU(uCounts [][]int64) {
	for ci := range m.Comparisons {
		levels := m.Comparisons[ci].Levels
		var total float64
		for li := 1; li < len(levels); li++ {
			total += float64(uCounts[ci][li])
		}
		if total == 0 {
			continue
		}
		m.USample = max(m.USample, int(total))
		var pseudo float64
		for li := 1; li < len(levels); li++ {
			pseudo += levels[li].U
		}
		for li := 1; li < len(levels); li++ {
			if !levels[li].PinU {
				// The default u as pseudo-counts: a level the sample never
				// saw is rare, not impossible.
				levels[li].U = (float64(uCounts[ci][li]) + uPseudoPairs*levels[li].U/pseudo) / (total + uPseudoPairs)
			}
		}
	}
}

type decoded struct {
	levels    []uint8
	household bool
	n         float64
}

// sortedPatterns decodes pattern counts in a fixed order, so that sums
// (and so the model) are the same bytes on every run.
func sortedPatterns(counts map[uint64]int64, nc int) ([]decoded, float64) {
	keys := make([]uint64, 0, len(counts))
	for p := range counts {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]decoded, len(keys))
	var total float64
	for i, p := range keys {
		lv := make([]uint8, nc)
		for ci := range lv {
			lv[ci] = uint8(p>>(4*uint(ci))) & 0xF
		}
		out[i] = decoded{lv, p&householdBit != 0, float64(counts[p])}
		total += float64(counts[p])
	}
	return out, total
}

// emSession runs EM over one session's patterns, the fixed comparisons
// left out, and returns its m estimate per comparison and level.
func emSession(base *Model, pats []decoded, fixed []bool, opts TrainOptions) ([][]float64, int, bool) {
	nc := len(base.Comparisons)
	mm := make([][]float64, nc)  // the session's m
	lw := make([][]float64, nc)  // log2(m/u)
	lwh := make([][]float64, nc) // log2(m/u within a household)
	num := make([][]float64, nc)
	for ci := range mm {
		n := len(base.Comparisons[ci].Levels)
		mm[ci], lw[ci], lwh[ci], num[ci] = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for li := 1; li < n; li++ {
			mm[ci][li] = base.Comparisons[ci].Levels[li].M
		}
	}
	prior := 0.5 // a session's pairs were chosen for agreeing: start undecided
	iters, converged := 0, false
	for it := 1; it <= opts.MaxIterations; it++ {
		iters = it
		for ci := range mm {
			for li := 1; li < len(mm[ci]); li++ {
				lv := &base.Comparisons[ci].Levels[li]
				lw[ci][li] = levelWeight(mm[ci][li], lv.U, lv.Agree)
				lwh[ci][li] = levelWeight(mm[ci][li], lv.UHousehold, lv.Agree)
			}
			clear(num[ci])
		}
		pw := math.Log2(clamp(prior) / (1 - clamp(prior)))
		var matched, total float64
		for _, p := range pats {
			w := pw
			for ci, l := range p.levels {
				if fixed[ci] || base.Comparisons[ci].Household {
					continue
				}
				if p.household {
					w += lwh[ci][l]
				} else {
					w += lw[ci][l]
				}
			}
			post := Probability(w) * p.n
			matched += post
			total += p.n
			for ci, l := range p.levels {
				num[ci][l] += post
			}
		}
		change := math.Abs(matched/total - prior)
		prior = matched / total
		for ci := range mm {
			if fixed[ci] {
				continue
			}
			levels := base.Comparisons[ci].Levels
			var free, pinned float64
			for li := 1; li < len(levels); li++ {
				if levels[li].PinM {
					pinned += levels[li].M
				} else {
					free += num[ci][li]
				}
			}
			var pseudo float64
			for li := 1; li < len(levels); li++ {
				if !levels[li].PinM {
					pseudo += levels[li].M
				}
			}
			for li := 1; li < len(levels); li++ {
				if levels[li].PinM {
					continue
				}
				// Default m as pseudo-counts, so that a level few matches
				// reach keeps a sensible value.
				nm := (num[ci][li] + mPseudoPairs*levels[li].M) / (free + mPseudoPairs*pseudo) * (1 - pinned)
				if !levels[li].Agree && !base.Comparisons[ci].Household {
					// A disagreement level's default m is the most true
					// matches the catalogue allows it: EM counts some
					// look-alikes (twins, father and son) among the
					// matches, and would otherwise learn their
					// differences as errors in one person's records. A
					// household comparison has no such cap: people move,
					// and some reports (two tenancies) are about moves.
					nm = math.Min(nm, levels[li].MaxM)
				}
				change = math.Max(change, math.Abs(nm-mm[ci][li]))
				mm[ci][li] = nm
			}
		}
		if change < opts.Tolerance {
			converged = true
			break
		}
	}
	return mm, iters, converged
}

// emPrior estimates the probability that two random records match, with m
// and u held: the expected matches among the candidate pairs over all
// possible pairs.
func emPrior(m *Model, pats []decoded, possible float64, opts TrainOptions) float64 {
	base := make([]float64, len(pats))
	for i, p := range pats {
		base[i] = m.Weight(p.levels, p.household) - m.PriorWeight()
	}
	prior := m.Prior
	if prior <= 0 || prior >= 1 {
		prior = DefaultPrior
	}
	for it := 0; it < opts.MaxIterations; it++ {
		pw := math.Log2(clamp(prior) / (1 - clamp(prior)))
		var matched float64
		for i, p := range pats {
			matched += Probability(pw+base[i]) * p.n
		}
		next := math.Min(maxProb, math.Max(minProb/possible, matched/possible))
		if math.Abs(next-prior) <= 1e-6*prior {
			return next
		}
		prior = next
	}
	return prior
}

// householdShare is the expected share of the candidate pairs' matches
// whose two records are at one property, smoothed towards the default.
func householdShare(m *Model, pats []decoded) float64 {
	var matched, together float64
	for _, p := range pats {
		post := Probability(m.Weight(p.levels, p.household)) * p.n
		matched += post
		if p.household {
			together += post
		}
	}
	return (together + mPseudoPairs*DefaultHouseholdM) / (matched + mPseudoPairs)
}

func clone(m *Model) *Model {
	c := *m
	c.Comparisons = make([]ModelComparison, len(m.Comparisons))
	for i, mc := range m.Comparisons {
		c.Comparisons[i] = mc
		c.Comparisons[i].Levels = append([]ModelLevel(nil), mc.Levels...)
	}
	c.Sessions = nil
	return &c
}
