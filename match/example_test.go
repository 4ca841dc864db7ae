package match_test

import (
	"fmt"

	"github.com/nfi-engine/nfi/match"
)

// A match weight of 0 is even odds; each bit doubles them.
func ExampleProbability() {
	for _, w := range []float64{-10, 0, 3.3, 20} {
		fmt.Printf("weight %5.1f -> probability %.4f\n", w, match.Probability(w))
	}
	// Output:
	// weight -10.0 -> probability 0.0010
	// weight   0.0 -> probability 0.5000
	// weight   3.3 -> probability 0.9078
	// weight  20.0 -> probability 1.0000
}

// A match id depends only on the report and the two records' keys, so an
// outcome recorded against it carries over to the next run on the same data.
func ExampleMatchID() {
	fmt.Println(match.MatchID("payroll_to_pensions", "payroll", "E001", "pensions", "P0001"))
	// Output: 2897fd1b2d507ce0
}

// The default model weighs an exact date of birth against strangers as
// log2(m/u).
func ExampleDefaultModel() {
	comps := match.PersonComparisons()
	m := match.DefaultModel("example", comps)
	for _, c := range m.Comparisons {
		if c.Name == "dob" {
			fmt.Printf("%s.%s weight %.1f\n", c.Name, c.Levels[1].Name, c.Levels[1].Weight)
		}
	}
	// Output: dob.exact weight 13.1
}
