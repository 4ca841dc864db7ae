package value

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func mustDate(t testing.TB, y, m, d int) Date {
	t.Helper()
	date, ok := NewDate(y, m, d)
	if !ok {
		t.Fatalf("NewDate(%d, %d, %d) not valid", y, m, d)
	}
	return date
}

func TestNewDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		ok      bool
	}{
		{2026, 1, 31, true},
		{2024, 2, 29, true},  // leap
		{2023, 2, 29, false}, // not leap
		{2000, 2, 29, true},  // divisible by 400
		{1900, 2, 29, false}, // divisible by 100
		{2001, 4, 31, false},
		{2001, 4, 30, true},
		{2001, 0, 1, false},
		{2001, 13, 1, false},
		{2001, 1, 0, false},
		{2001, 12, 32, false},
		{0, 1, 1, false},
		{1, 1, 1, true},
		{9999, 12, 31, true},
		{10000, 1, 1, false},
		{-5, 1, 1, false},
	}
	for _, tt := range tests {
		d, ok := NewDate(tt.y, tt.m, tt.d)
		if ok != tt.ok {
			t.Errorf("NewDate(%d, %d, %d) ok = %v, want %v", tt.y, tt.m, tt.d, ok, tt.ok)
			continue
		}
		if !ok {
			if d != 0 {
				t.Errorf("NewDate(%d, %d, %d) = %d, want 0 when not ok", tt.y, tt.m, tt.d, d)
			}
			continue
		}
		if d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.d || !d.Valid() || d.IsZero() {
			t.Errorf("NewDate(%d, %d, %d) = %d: parts %d %d %d", tt.y, tt.m, tt.d, d, d.Year(), d.Month(), d.Day())
		}
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{0, ""},
		{20260131, "2026-01-31"},
		{10101, "0001-01-01"},
		{99991231, "9999-12-31"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("Date(%d).String() = %q, want %q", tt.d, got, tt.want)
		}
		back, err := ParseISODate(tt.want)
		if err != nil || back != tt.d {
			t.Errorf("ParseISODate(%q) = %d, %v, want %d", tt.want, back, err, tt.d)
		}
	}
	// Dates not made by this package never panic.
	for _, d := range []Date{-1, -20260131, 5, 2147483647} {
		_ = d.String()
		_ = d.Days()
		_, _ = d.SwappedDayMonth()
		if d.Valid() {
			t.Errorf("Date(%d).Valid() = true", d)
		}
	}
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  error
	}{
		{"", 0, nil},
		{"2026-01-31", 20260131, nil},
		{"2024-02-29", 20240229, nil},
		{"2023-02-29", 0, ErrImpossibleDate},
		{"2026-13-01", 0, ErrImpossibleDate},
		{"0000-01-01", 0, ErrImpossibleDate},
		{"2026-1-31", 0, ErrNotDate},
		{"2026/01/31", 0, ErrNotDate},
		{"31/01/2026", 0, ErrNotDate},
		{" 2026-01-31", 0, ErrNotDate},
		{"2026-01-3x", 0, ErrNotDate},
		{"+026-01-31", 0, ErrNotDate},
		{"2026-01-31T00:00:00", 0, ErrNotDate},
	}
	for _, tt := range tests {
		got, err := ParseISODate(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("ParseISODate(%q) = %d, %v, want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDateText(t *testing.T) {
	type rec struct {
		DOB  Date `json:"dob"`
		Died Date `json:"died"`
	}
	b, err := json.Marshal(rec{DOB: 19840305})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"dob":"1984-03-05","died":""}` {
		t.Errorf("json = %s", b)
	}
	var r rec
	if err := json.Unmarshal(b, &r); err != nil || r.DOB != 19840305 || r.Died != 0 {
		t.Errorf("round trip = %+v, %v", r, err)
	}
	if err := json.Unmarshal([]byte(`{"dob":"05/03/1984"}`), &r); !errors.Is(err, ErrNotDate) {
		t.Errorf("bad text err = %v, want ErrNotDate", err)
	}
}

func TestDaysAgainstTime(t *testing.T) {
	start := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	// Every 37th day over the whole range, plus the ends.
	for tm := start; tm.Year() <= 9999; tm = tm.AddDate(0, 0, 37) {
		checkDays(t, tm, epoch)
	}
	checkDays(t, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), epoch)
	checkDays(t, time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC), epoch)
	checkDays(t, time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), epoch)
	if _, ok := DateFromDays(-719163); ok {
		t.Error("DateFromDays before year 1 ok")
	}
	if _, ok := DateFromDays(2932897); ok {
		t.Error("DateFromDays after year 9999 ok")
	}
}

func checkDays(t *testing.T, tm, epoch time.Time) {
	t.Helper()
	d := mustDate(t, tm.Year(), int(tm.Month()), tm.Day())
	want := int((tm.Unix() - epoch.Unix()) / 86400)
	if got := d.Days(); got != want {
		t.Fatalf("%v.Days() = %d, want %d", d, got, want)
	}
	if back, ok := DateFromDays(want); !ok || back != d {
		t.Fatalf("DateFromDays(%d) = %v, %v, want %v", want, back, ok, d)
	}
}

func TestSwappedDayMonth(t *testing.T) {
	tests := []struct {
		in   Date
		want Date
		ok   bool
	}{
		{20010305, 20010503, true},
		{20011203, 20010312, true},
		{20010303, 0, false}, // same day and month
		{20010313, 0, false}, // day 13 is no month
		{20240229, 0, false}, // 29 is no month
		{0, 0, false},
		{20010231, 0, false}, // not a valid date to begin with
	}
	for _, tt := range tests {
		got, ok := tt.in.SwappedDayMonth()
		if got != tt.want || ok != tt.ok {
			t.Errorf("%v.SwappedDayMonth() = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDigitsOneOff(t *testing.T) {
	tests := []struct {
		a, b Date
		want bool
	}{
		{19840305, 19840306, true},
		{19840305, 19940305, true},
		{19840305, 19840305, false}, // equal
		{19840305, 19840503, false}, // two digits
		{19840305, 0, false},
		{0, 0, false},
		{10101, 20101, true}, // 00010101 vs 00020101
	}
	for _, tt := range tests {
		if got := DigitsOneOff(tt.a, tt.b); got != tt.want {
			t.Errorf("DigitsOneOff(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := DigitsOneOff(tt.b, tt.a); got != tt.want {
			t.Errorf("DigitsOneOff(%v, %v) = %v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestYearsBetween(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{19840305, 20260305, 42},
		{19840305, 20260304, 41},
		{20260304, 19840305, 41}, // order does not matter
		{19840305, 19840305, 0},
		{20000229, 20010228, 0}, // a leap-day birth turns one on 1 March
		{20000229, 20010301, 1},
		{20000229, 20040229, 4},
		{19600101, 19851231, 25},
		{0, 20260101, 0},
	}
	for _, tt := range tests {
		if got := YearsBetween(tt.a, tt.b); got != tt.want {
			t.Errorf("YearsBetween(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
