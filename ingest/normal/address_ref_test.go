package normal

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/nfi-engine/nfi/ingest/arena"
)

// refAddressSegments splits address lines into segments of words as
// ParseAddress did before it read each line in one pass: each line folded,
// cut at its commas and semicolons, and each part split into words apart.
// The tests hold addressWords to it; what ParseAddress makes of the
// segments is unchanged.
func refAddressSegments(lines []string) [][]string {
	var sc Scratch
	var all []string
	var segs [][]string
	for _, l := range lines {
		l = sc.Fold(l)
		for len(l) > 0 {
			k := strings.IndexAny(l, ",;")
			seg := l
			if k >= 0 {
				seg, l = l[:k], l[k+1:]
			} else {
				l = ""
			}
			n := len(all)
			if all = refAddressWords(&sc.text, all, seg); len(all) > n {
				segs = append(segs, all[n:len(all):len(all)])
			}
		}
	}
	return segs
}

// checkAddressAgrees fails when addressWords splits the lines into other
// segments than refAddressSegments, or when the street-word index and
// refStreetIndex, the map it replaced, disagree on any of their words.
func checkAddressAgrees(t *testing.T, lines []string) {
	t.Helper()
	var sc Scratch
	var got [][]string
	for _, l := range lines {
		_, got = addressWords(&sc.text, nil, got, sc.Fold(l))
	}
	if want := refAddressSegments(lines); !reflect.DeepEqual(got, want) {
		t.Fatalf("addressWords(%q) = %q, before %q", lines, got, want)
	}
	for _, seg := range got {
		for _, w := range seg {
			e, ref := stdStreetWords.lookup(w), refStreetIndex[w]
			if (e == nil) != (ref == nil) || e != nil && (e.Std != ref.Std || e.Thoroughfare != ref.Thoroughfare) {
				t.Fatalf("word %q: index entry %+v, map's %+v", w, e, ref)
			}
		}
	}
}

// refStreetIndex maps every form of a street word to its table entry.
var refStreetIndex = func() map[string]*streetWord {
	words := streetWords()
	ix := map[string]*streetWord{}
	for i := range words {
		w := &words[i]
		ix[w.Std] = w
		for _, v := range w.Variants {
			ix[v] = w
		}
	}
	return ix
}()

// refAddressWords is addressWords as it was: the words of one segment of
// a folded line, appended to words.
func refAddressWords(a *arena.Arena, words []string, s string) []string {
	start := -1
	var buf []byte
	dirty := false
	emit := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		if dirty {
			w = a.String(buf)
		}
		start, dirty = -1, false
		if isDigit(w[0]) || strings.IndexByte(w, '-') < 0 {
			words = appendAddressWord(words, w)
			return
		}
		for len(w) > 0 {
			k := strings.IndexByte(w, '-')
			if k < 0 {
				words = appendAddressWord(words, w)
				break
			}
			words = appendAddressWord(words, w[:k])
			w = w[k+1:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' && start < 0:
			if (i == 0 || s[i-1] == ' ') && (i+1 == len(s) || s[i+1] == ' ') {
				words = append(words, "-")
			}
		case isAlnum(c) || c == '/' || c == '-':
			if start < 0 {
				start = i
			}
			if dirty {
				buf = append(buf, c)
			}
		case c == '\'':
			if start >= 0 && !dirty {
				dirty = true
				buf = append(a.Append(len(s)-start), s[start:i]...)
			}
		default:
			emit(i)
		}
	}
	emit(len(s))
	return words
}

// TestStreetIndex checks that every form of every street word finds its
// entry and that other words, near misses included, find none.
func TestStreetIndex(t *testing.T) {
	for w, want := range refStreetIndex {
		if got := stdStreetWords.lookup(w); got == nil || got.Std != want.Std || got.Thoroughfare != want.Thoroughfare {
			t.Errorf("lookup(%s) = %+v, want %+v", w, got, want)
		}
		for _, miss := range []string{w + "S", w[:len(w)-1], "X" + w, w[1:], strings.ToLower(w)} {
			if _, ok := refStreetIndex[miss]; !ok && stdStreetWords.lookup(miss) != nil {
				t.Errorf("lookup(%q) found an entry", miss)
			}
		}
	}
	for _, w := range []string{"", "A", "14", "HIGH", "MILL", "KILN", "LONGRIDGE", "COMMON", "2/14", "-"} {
		if e, ok := refStreetIndex[w]; stdStreetWords.lookup(w) != e || ok != (e != nil) {
			t.Errorf("lookup(%q) = %v, want %v", w, stdStreetWords.lookup(w), e)
		}
	}
}

// addressPieces are the bits the agreement test builds address lines
// from: words of every kind the parser tells apart, and the bytes between
// them that it reads.
var addressPieces = []string{
	"Flat", "flat", "FLT", "Apartment", "Apt", "Unit", "Room", "Studio", "Maisonette", "No", "No.", "Number",
	"Ground", "First", "1st", "Top", "Basement", "Lower", "Floor", "Flr", "GFF", "FFF", "SFF", "TFF",
	"2", "14", "14a", "14A", "A", "B", "N", "S", "0/1", "2/14", "/14", "14/", "14-16", "-16", "16-", "3 - 5", "-", "--", "- -",
	"Rose", "Cottage", "Court", "Ct", "High", "Street", "St", "St.", "Saint", "John's", "Queen’s", "O'Neil", "'",
	"Mill", "Lane", "Road", "Rd", "Avenue", "North", "Little", "Industrial", "Estate", "Park", "View", "Way",
	"Stoke-on-Trent", "Anytown", "Straße", "Zoë", "Дом", "x-y-z", "a'b-c", "-a", "a-", "Mews", "Gate", "Hill",
	",", ";", ", ", " , ", ",,", " ", "  ", "\t", "\x01", "\xff", ".", "&", "(", ")",
}

// TestAddressWordsAgree holds addressWords to refAddressSegments over the
// package's test addresses and a hundred thousand lines built at random
// from addressPieces (FuzzParseAddress does too, on the fuzzer's lines).
func TestAddressWordsAgree(t *testing.T) {
	for _, lines := range [][]string{
		{"Flat 2, 14 High Street"}, {"2/14 High St"}, {"14 A High Street"}, {"Flat 2 Rose Court, 14 High St"},
		{"14 - 16 High St"}, {"Rose Cottage", "Mill Lane", "Little Snoring", "Norfolk"}, {"Flat 0/1", "22 Byres Road", "Glasgow"},
		{"Ground Floor Flat", "3 St John’s Road", "Stoke-on-Trent"}, {"First Floor Flat 2, 8 Mill Lane"},
		{"", ",,,", " - / "}, {"Straße 5"}, {"-,-", ",- ,", "; -;-"}, {"a-'b", "'-", "14-'16"}, nil,
	} {
		checkAddressAgrees(t, lines)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		lines := make([]string, 1+rng.IntN(4))
		for i := range lines {
			var b strings.Builder
			for range rng.IntN(8) {
				if b.Len() > 0 && rng.IntN(3) > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(addressPieces[rng.IntN(len(addressPieces))])
			}
			lines[i] = b.String()
		}
		checkAddressAgrees(t, lines)
	}
}
