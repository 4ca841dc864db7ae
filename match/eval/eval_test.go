package eval

import (
	"math"
	"testing"
)

func TestEvaluate(t *testing.T) {
	truth := map[Pair]bool{NewPair("a1", "b1"): true, NewPair("a2", "b2"): true, NewPair("a3", "b3"): true, NewPair("a4", "b4"): true}
	look := map[Pair]bool{{"a5", "b9"}: true}
	tests := []struct {
		name          string
		pred          []Scored
		wantTP        int
		wantP, wantR  float64
		wantLookAlike int
	}{
		{"none", nil, 0, 0, 0, 0},
		{"all right", []Scored{{Pair{"a1", "b1"}, .99}, {Pair{"a2", "b2"}, .98}, {Pair{"a3", "b3"}, .97}, {Pair{"a4", "b4"}, .96}}, 4, 1, 1, 0},
		{"half, one wrong", []Scored{{Pair{"a1", "b1"}, .99}, {Pair{"a2", "b2"}, .98}, {Pair{"a5", "b9"}, .97}}, 2, 2.0 / 3, .5, 1},
		{"duplicates counted once", []Scored{{Pair{"a1", "b1"}, .99}, {Pair{"a1", "b1"}, .99}}, 1, 1, .25, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate("r", tt.pred, truth, look)
			if r.TP != tt.wantTP || math.Abs(r.Precision-tt.wantP) > 1e-9 || math.Abs(r.Recall-tt.wantR) > 1e-9 || r.LookAlikes != tt.wantLookAlike {
				t.Errorf("got %+v", r)
			}
		})
	}
}

func TestEntityPairs(t *testing.T) {
	a := map[string]string{"rec-1-org": "1", "rec-2-org": "2"}
	b := map[string]string{"rec-1-dup-0": "1", "rec-3-dup-0": "3"}
	got := EntityPairs(a, b, false)
	if len(got) != 1 || !got[NewPair("rec-1-org", "rec-1-dup-0")] {
		t.Errorf("linkage pairs = %v", got)
	}
	one := map[string]string{"x": "1", "y": "1", "z": "1", "w": "2"}
	if got := EntityPairs(one, one, true); len(got) != 3 || !got[Pair{"x", "y"}] || !got[Pair{"x", "z"}] || !got[Pair{"y", "z"}] {
		t.Errorf("dedupe pairs = %v", got)
	}
}

func TestCurve(t *testing.T) {
	truth := map[Pair]bool{{"a", "b"}: true, {"c", "d"}: true}
	pred := []Scored{{Pair{"a", "b"}, .99}, {Pair{"x", "y"}, .95}, {Pair{"c", "d"}, .9}}
	c := Curve(pred, truth)
	if len(c) != 3 || c[0].Precision != 1 || c[0].Recall != .5 || c[2].Recall != 1 {
		t.Fatalf("curve = %+v", c)
	}
	if b := BestF1(c); b.Threshold != .9 {
		t.Errorf("best = %+v", b)
	}
}
