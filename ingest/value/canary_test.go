package value

import (
	"strings"
	"testing"
)

// TestErrorsNeverShowValues plants a marker in bad input and checks that no
// error shows it: errors say what is wrong, never the personal data read.
func TestErrorsNeverShowValues(t *testing.T) {
	const canary = "Zq9canary"
	inputs := []string{canary, "05/03/" + canary, canary + "05/03/1984", "05 " + canary + " 1984",
		"1984-03-" + canary, "£" + canary, "1,234." + canary, "(" + canary + ")", "31/02/1984", "12.3456"}
	for _, in := range inputs {
		for _, l := range DateLayouts() {
			p := DateParser{Layout: l, NullDates: []string{canary}}
			if _, err := p.Parse(in + "x"); err != nil && strings.Contains(err.Error(), canary) {
				t.Errorf("%v date error shows the value: %v", l, err)
			}
		}
		for _, u := range []MoneyUnit{Pence, Pounds} {
			if _, _, err := ParseMoney(in, u); err != nil && strings.Contains(err.Error(), canary) {
				t.Errorf("money error shows the value: %v", err)
			}
		}
		if _, err := ParseISODate(in); err != nil && strings.Contains(err.Error(), canary) {
			t.Errorf("ISO date error shows the value: %v", err)
		}
	}
}
