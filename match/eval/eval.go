// Package eval measures a run's matches against known truth: labelled
// pairs (the fixtures' truth.csv) or entity ids (FEBRL's rec_id), giving
// precision, recall and F1 per report, and the precision-recall curve over
// thresholds.
//
// Pairs are unordered.
package eval

import (
	"math"
	"sort"
)

// Pair is one pair of record keys of a report, unordered: Left <= Right,
// whichever dataset each key is from, so that a report over two kinds of
// pairs of datasets (shared_bank_accounts: payroll with payroll, pensions
// with payroll) is scored alike.
type Pair struct{ Left, Right string }

// NewPair builds a pair, its keys in order.
func NewPair(a, b string) Pair {
	if b < a {
		a, b = b, a
	}
	return Pair{a, b}
}

// Scored is a reported pair with its match probability.
type Scored struct {
	Pair
	Probability float64
}

// Result holds the figures of one report.
type Result struct {
	Report     string  `json:"report"`
	TruePairs  int     `json:"true_pairs"`
	Predicted  int     `json:"predicted"`
	TP         int     `json:"true_positives"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
	LookAlikes int     `json:"lookalikes_reported"` // pairs labelled as look-alikes that were reported
	// Blocking figures, when the candidate pairs are known: how many pairs
	// blocking let through, and the share of true pairs among them (the
	// ceiling on recall).
	Candidates     int     `json:"candidate_pairs,omitempty"`
	BlockingRecall float64 `json:"blocking_recall,omitempty"`
}

// AddBlocking fills r's blocking figures from the candidate pairs.
func (r *Result) AddBlocking(candidates []Pair, truth map[Pair]bool) {
	seen := make(map[Pair]bool, len(candidates))
	found := 0
	for _, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		if truth[c] {
			found++
		}
	}
	r.Candidates = len(seen)
	if len(truth) > 0 {
		r.BlockingRecall = float64(found) / float64(len(truth))
	}
}

// Point is one threshold of the precision-recall curve.
type Point struct {
	Threshold, Precision, Recall, F1 float64
}

// Evaluate scores predicted pairs against the true ones; lookalikes (may be
// nil) are pairs that must not be reported.
func Evaluate(report string, pred []Scored, truth, lookalikes map[Pair]bool) Result {
	r := Result{Report: report, TruePairs: len(truth)}
	seen := make(map[Pair]bool, len(pred))
	for _, p := range pred {
		if seen[p.Pair] {
			continue
		}
		seen[p.Pair] = true
		r.Predicted++
		if truth[p.Pair] {
			r.TP++
		}
		if lookalikes[p.Pair] {
			r.LookAlikes++
		}
	}
	r.Precision, r.Recall, r.F1 = prf(r.TP, r.Predicted, r.TruePairs)
	return r
}

func prf(tp, pred, truth int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if truth > 0 {
		r = float64(tp) / float64(truth)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Curve is the precision-recall curve: one point per distinct probability
// among the predictions, from the highest threshold down.
func Curve(pred []Scored, truth map[Pair]bool) []Point {
	ps := append([]Scored(nil), pred...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Probability > ps[j].Probability })
	var out []Point
	tp, n := 0, 0
	for i, p := range ps {
		n++
		if truth[p.Pair] {
			tp++
		}
		if i+1 < len(ps) && ps[i+1].Probability == p.Probability {
			continue
		}
		pr, rc, f := prf(tp, n, len(truth))
		out = append(out, Point{Threshold: p.Probability, Precision: pr, Recall: rc, F1: f})
	}
	return out
}

// BestF1 returns the point of the curve with the highest F1 (the highest
// threshold among ties).
func BestF1(curve []Point) Point {
	best := Point{F1: math.Inf(-1)}
	for _, p := range curve {
		if p.F1 > best.F1 {
			best = p
		}
	}
	return best
}

// EntityPairs builds the true pairs from entity ids: left and right map
// record keys to entity ids. With within set (one dataset), every two
// records of one entity are a pair; otherwise every left and right record
// of one entity.
func EntityPairs(left, right map[string]string, within bool) map[Pair]bool {
	out := map[Pair]bool{}
	byEnt := map[string][]string{}
	for k, e := range right {
		byEnt[e] = append(byEnt[e], k)
	}
	if within {
		for _, ks := range byEnt {
			sort.Strings(ks)
			for i := range ks {
				for j := i + 1; j < len(ks); j++ {
					out[Pair{ks[i], ks[j]}] = true
				}
			}
		}
		return out
	}
	for k, e := range left {
		for _, k2 := range byEnt[e] {
			out[NewPair(k, k2)] = true
		}
	}
	return out
}
