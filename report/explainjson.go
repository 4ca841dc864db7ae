package report

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// appendExplanation appends ex as one JSON line, the same bytes as
// encoding/json's Encoder with HTML escaping off (a test keeps them equal),
// without reflection: a large run writes hundreds of thousands of them.
func appendExplanation(b []byte, ex *Explanation) []byte {
	b = append(b, `{"match_id":`...)
	b = appendJSONString(b, ex.MatchID)
	b = append(b, `,"report":`...)
	b = appendJSONString(b, ex.Report)
	b = append(b, `,"left_key":`...)
	b = appendJSONString(b, ex.LeftKey)
	b = append(b, `,"right_key":`...)
	b = appendJSONString(b, ex.RightKey)
	b = append(b, `,"prior_weight":`...)
	b = appendJSONFloat(b, ex.PriorWeight)
	if ex.Household {
		b = append(b, `,"same_household":true`...)
	}
	b = append(b, `,"steps":`...)
	if ex.Steps == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range ex.Steps {
			if i > 0 {
				b = append(b, ',')
			}
			st := &ex.Steps[i]
			b = append(b, `{"comparison":`...)
			b = appendJSONString(b, st.Comparison)
			b = append(b, `,"level":`...)
			b = appendJSONString(b, st.Level)
			b = append(b, `,"m":`...)
			b = appendJSONFloat(b, st.M)
			b = append(b, `,"u":`...)
			b = appendJSONFloat(b, st.U)
			b = append(b, `,"weight":`...)
			b = appendJSONFloat(b, st.Weight)
			if st.TFAdjust != 0 {
				b = append(b, `,"tf_adjustment":`...)
				b = appendJSONFloat(b, st.TFAdjust)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"total_weight":`...)
	b = appendJSONFloat(b, ex.TotalWeight)
	b = append(b, `,"probability":`...)
	b = appendJSONFloat(b, ex.Probability)
	return append(b, "}\n"...)
}

// appendJSONString appends s quoted as encoding/json does (HTML escaping
// off): plain printable ASCII directly, anything else through
// encoding/json itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
