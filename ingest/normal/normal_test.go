package normal

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"SMITH", "SMITH"},
		{"Smith", "SMITH"},
		{"Zoë", "ZOE"},
		{"Łukasz", "LUKASZ"},
		{"Søren", "SOREN"},
		{"Straße", "STRASSE"},
		{"STRAẞE", "STRASSE"},
		{"O’Brien", "O'BRIEN"},
		{"O‘Brien", "O'BRIEN"},
		{"Oʼ Brien", "O' BRIEN"},
		{"“Bob”", "'BOB'"},
		{"Smith–Jones", "SMITH-JONES"},
		{"Smith—Jones", "SMITH-JONES"},
		{"Smith\u2011Jones", "SMITH-JONES"},
		{"Æthelred Œuvre", "AETHELRED OEUVRE"},
		{"Đorđe Þór", "DORDE THOR"},
		{"Aðalsteinn", "ADALSTEINN"},
		{"Kırıkkale", "KIRIKKALE"},
		{"İstanbul", "ISTANBUL"},
		{"François Müller Ñúñez", "FRANCOIS MULLER NUNEZ"},
		{"Dvořák Šťastný", "DVORAK STASTNY"},
		{"ﬁnn", "FINN"},
		{"ＳＭＩＴＨ", "SMITH"},
		{"a\u00a0b\u2009c\u3000d", "A B C D"},
		{"a\tb\r\nc", "A B  C"},
		{"so\u00adft ze\u200bro\ufeff", "SOFT ZERO"},
		{"ctl\x00\x07\x7f", "CTL"},
		{"Дмитрий", ""},
		{"李 Smith", " SMITH"},
		{"bad\xffutf8", "BADUTF8"},
		{"e\u0301", "E"}, // decomposed accent
		{"½", "1/2"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := "MARY-JANE O'BRIEN, 14 HIGH ST"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold of upper-case ASCII allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Fold("Zoë Smith") }); n > 1 {
		t.Errorf("Fold allocates %v times, want at most 1", n)
	}
}

func TestParseName(t *testing.T) {
	long := strings.Repeat("Abcdefghij ", 2000)
	tests := []struct {
		name                            string
		title, forenames, middle, surnm string
		want                            Name
	}{
		{"plain", "Mr", "John", "", "Smith",
			Name{Title: "MR", Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"all blank", "", "", "", "", Name{}},
		{"blank punctuation", " . ", "-", "'", ",", Name{}},
		{"accents", "", "Zoë", "", "Müller",
			Name{Forenames: []string{"ZOE"}, Surname: "MULLER", SurnameParts: []string{"MULLER"}}},
		{"polish", "", "Łukasz", "", "Wałęsa",
			Name{Forenames: []string{"LUKASZ"}, Surname: "WALESA", SurnameParts: []string{"WALESA"}}},
		{"danish", "", "Søren", "", "Kierkegård",
			Name{Forenames: []string{"SOREN"}, Surname: "KIERKEGARD", SurnameParts: []string{"KIERKEGARD"}}},
		{"curly apostrophe", "", "Seán", "", "O’Brien",
			Name{Forenames: []string{"SEAN"}, Surname: "OBRIEN", SurnameParts: []string{"OBRIEN"}}},
		{"spaced O", "", "Sean", "", "O Brien",
			Name{Forenames: []string{"SEAN"}, Surname: "OBRIEN", SurnameParts: []string{"OBRIEN"}}},
		{"Mc", "", "", "", "McDonald", Name{Surname: "MCDONALD", SurnameParts: []string{"MCDONALD"}}},
		{"Mac", "", "", "", "MacDonald", Name{Surname: "MACDONALD", SurnameParts: []string{"MACDONALD"}}},
		{"Mc spaced", "", "", "", "Mc Donald", Name{Surname: "MCDONALD", SurnameParts: []string{"MCDONALD"}}},
		{"Mac spaced", "", "", "", "Mac Donald", Name{Surname: "MACDONALD", SurnameParts: []string{"MACDONALD"}}},
		// D and A join into DA, itself a particle, which takes SILVA too:
		// parsing the parts again gives them back.
		{"particles joining into one", "", "", "", "d a Silva", Name{Surname: "DASILVA", SurnameParts: []string{"DASILVA"}}},
		{"joined particle before a part", "", "", "", "Costa đ A 0", Name{Surname: "COSTADA0", SurnameParts: []string{"COSTA", "DA0"}}},
		{"hyphenated", "", "", "", "Smith-Jones",
			Name{Surname: "SMITHJONES", SurnameParts: []string{"SMITH", "JONES"}}},
		{"double-barrelled spaced", "", "", "", "Bowes Lyon",
			Name{Surname: "BOWESLYON", SurnameParts: []string{"BOWES", "LYON"}}},
		{"particles", "", "", "", "van der Berg",
			Name{Surname: "VANDERBERG", SurnameParts: []string{"VANDERBERG"}}},
		{"particles in a double barrel", "", "", "", "Smith-de la Cruz",
			Name{Surname: "SMITHDELACRUZ", SurnameParts: []string{"SMITH", "DELACRUZ"}}},
		{"particle at the end", "", "", "", "Smith Van",
			Name{Surname: "SMITHVAN", SurnameParts: []string{"SMITH", "VAN"}}},
		{"hyphenated forename", "", "Mary-Jane", "", "Smith",
			Name{Forenames: []string{"MARYJANE"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"apostrophe in forename", "", "D'Arcy", "", "Smith",
			Name{Forenames: []string{"DARCY"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"title in forenames", "", "Mr John", "", "Smith",
			Name{Title: "MR", Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"title twice", "MR.", "Mr. John", "", "Smith",
			Name{Title: "MR", Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"two titles", "Rev", "Dr John", "", "Smith",
			Name{Title: "REV DR", Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"long titles", "Reverend", "Doctor", "", "Smith",
			Name{Title: "REV DR", Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"unknown title kept", "Rt Hon", "", "", "Smith",
			Name{Title: "RT HON", Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"title in middle names", "", "", "Miss Ann", "Smith",
			Name{Title: "MISS", Forenames: []string{"ANN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"initials", "", "J.R.", "", "Smith",
			Name{Forenames: []string{"J", "R"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"middle names", "", "John", "Paul George", "Smith",
			Name{Forenames: []string{"JOHN", "PAUL", "GEORGE"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"surname comma forenames", "", "", "", "SMITH, John Paul",
			Name{Forenames: []string{"JOHN", "PAUL"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"surname comma title", "", "", "", "Smith, Mrs Jane",
			Name{Title: "MRS", Forenames: []string{"JANE"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
		{"comma kept when forenames given", "", "Jane", "", "Smith, Jones",
			Name{Forenames: []string{"JANE"}, Surname: "SMITHJONES", SurnameParts: []string{"SMITH", "JONES"}}},
		{"no guess without comma", "", "", "", "John Smith",
			Name{Surname: "JOHNSMITH", SurnameParts: []string{"JOHN", "SMITH"}}},
		{"suffix in surname", "", "John", "", "Smith Jnr",
			Name{Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}, Suffix: "JR"}},
		{"suffix in forenames", "", "John Senior", "", "Smith",
			Name{Forenames: []string{"JOHN"}, Surname: "SMITH", SurnameParts: []string{"SMITH"}, Suffix: "SR"}},
		{"suffix alone is a name", "", "", "", "Junior",
			Name{Surname: "JUNIOR", SurnameParts: []string{"JUNIOR"}}},
		{"digits kept", "", "J0hn", "", "Sm1th",
			Name{Forenames: []string{"J0HN"}, Surname: "SM1TH", SurnameParts: []string{"SM1TH"}}},
		{"cyrillic is missing", "", "Дмитрий", "", "Smith",
			Name{Surname: "SMITH", SurnameParts: []string{"SMITH"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseName(tt.title, tt.forenames, tt.middle, tt.surnm)
			if !equalName(got, tt.want) {
				t.Errorf("ParseName(%q, %q, %q, %q) =\n %+v, want\n %+v", tt.title, tt.forenames, tt.middle, tt.surnm, got, tt.want)
			}
		})
	}
	t.Run("very long", func(t *testing.T) {
		n := ParseName(long, long, long, long)
		if len(n.Forenames) != 4000 || len(n.SurnameParts) != 2000 {
			t.Errorf("got %d forenames and %d surname parts", len(n.Forenames), len(n.SurnameParts))
		}
	})
}

func equalName(a, b Name) bool {
	return a.Title == b.Title && slices.Equal(a.Forenames, b.Forenames) && a.Surname == b.Surname &&
		slices.Equal(a.SurnameParts, b.SurnameParts) && a.Suffix == b.Suffix
}

// reparse normalises the output of ParseName again.
func reparse(n Name) Name {
	fn, sn := n.Forenames, n.SurnameParts
	if n.Suffix != "" {
		if len(sn) > 0 {
			sn = append(slices.Clip(sn), n.Suffix)
		} else {
			fn = append(slices.Clip(fn), n.Suffix)
		}
	}
	return ParseName(n.Title, strings.Join(fn, " "), "", strings.Join(sn, " "))
}

func TestSurnameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MACDONALD", "MCDONALD"},
		{"MCDONALD", "MCDONALD"},
		{"Mac Donald", "MCDONALD"},
		{"Mc Donald", "MCDONALD"},
		{"MacKenzie", "MCKENZIE"},
		{"MACLEOD", "MCLEOD"},
		{"MACRAE", "MCRAE"},
		{"MACKAY", "MCKAY"},
		{"MACE", "MACE"},
		{"MACK", "MACK"},
		{"MACKS", "MACKS"},
		{"MACEY", "MACEY"},
		{"MACIAS", "MACIAS"},
		{"MACHIN", "MACHIN"},
		{"MACHADO", "MACHADO"},
		{"MACZKA", "MACZKA"},
		{"SMITH", "SMITH"},
		{"", ""},
		{"O’Brien", "OBRIEN"},
	}
	for _, tt := range tests {
		if got := SurnameKey(tt.in); got != tt.want {
			t.Errorf("SurnameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNicknameTable(t *testing.T) {
	table := nicknameTable()
	if len(table) < 100 {
		t.Fatalf("only %d groups", len(table))
	}
	names := map[string]bool{}
	formal := map[string]bool{}
	for i, g := range table {
		if len(g) < 2 {
			t.Errorf("group %d (%v) has no variants", i, g)
		}
		if formal[g[0]] {
			t.Errorf("group %d: formal name %s heads another group too; merge them", i, g[0])
		}
		formal[g[0]] = true
		seen := map[string]bool{}
		for _, n := range g {
			if n == "" || strings.Trim(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				t.Errorf("group %d: %q is not upper-case ASCII letters", i, n)
			}
			if seen[n] {
				t.Errorf("group %d: %s twice", i, n)
			}
			seen[n] = true
			names[n] = true
		}
	}
	if len(names) < 300 {
		t.Errorf("only %d names", len(names))
	}
}

func TestNicknames(t *testing.T) {
	nn := NewNicknames()
	same := [][2]string{
		{"BILL", "WILLIAM"}, {"BILLY", "WILLIAM"}, {"WILL", "WILLIAM"}, {"WILLY", "WILLIAM"}, {"LIAM", "WILLIAM"},
		{"BILL", "LIAM"}, {"BOB", "ROBERT"}, {"ROB", "ROBERT"}, {"ROBBIE", "ROBERT"}, {"BERT", "ROBERT"},
		{"PEGGY", "MARGARET"}, {"MAGGIE", "MARGARET"}, {"MEG", "MARGARET"}, {"MADGE", "MARGARET"},
		{"JIM", "JAMES"}, {"JIMMY", "JAMES"}, {"JAMIE", "JAMES"},
		{"KATE", "KATHERINE"}, {"KATIE", "CATHERINE"}, {"KATHY", "KATHRYN"}, {"CATHY", "KATHERINE"},
		{"KATHERINE", "CATHERINE"}, {"KATHRYN", "CATHERINE"},
		{"LIZ", "ELIZABETH"}, {"BETH", "ELIZABETH"}, {"BETTY", "ELIZABETH"}, {"ELIZA", "ELIZABETH"}, {"ELSIE", "ELIZABETH"},
		{"JACK", "JOHN"}, {"JOHNNY", "JOHN"},
		{"TED", "EDWARD"}, {"NED", "EDWARD"}, {"EDDIE", "EDWARD"}, {"TED", "THEODORE"},
		{"bill", "William"}, {"SMITH", "SMITH"},
	}
	for _, p := range same {
		if !nn.Same(p[0], p[1]) || !nn.Same(p[1], p[0]) {
			t.Errorf("Same(%s, %s) = false, want true", p[0], p[1])
		}
	}
	differ := [][2]string{
		{"BILL", "ROBERT"}, {"EDWARD", "THEODORE"}, {"JOHN", "JAMES"}, {"", ""}, {"", "BILL"}, {"SMITH", "JONES"},
	}
	for _, p := range differ {
		if nn.Same(p[0], p[1]) {
			t.Errorf("Same(%q, %q) = true, want false", p[0], p[1])
		}
	}
	ted := nn.Groups("TED")
	if len(ted) != 2 || !slices.IsSorted(ted) {
		t.Errorf("Groups(TED) = %v, want two sorted ids", ted)
	}
	names := []string{}
	for _, id := range ted {
		names = append(names, nn.GroupName(id))
	}
	if !slices.Equal(names, []string{"EDWARD", "THEODORE"}) {
		t.Errorf("TED's groups are %v", names)
	}
	if g := nn.Groups("ZEBEDEE"); g != nil {
		t.Errorf("Groups(ZEBEDEE) = %v, want nil", g)
	}
	if nn.GroupName(1<<31) != "" {
		t.Error("GroupName of an unknown id is not empty")
	}
	// Every name of the table is found in its own group.
	for id, g := range nicknameTable() {
		for _, n := range g {
			if !slices.Contains(nn.Groups(n), uint32(id)) {
				t.Errorf("%s is not indexed in group %d", n, id)
			}
		}
	}
}

func TestStreetWords(t *testing.T) {
	seen := map[string]string{}
	for _, w := range streetWords() {
		for _, f := range append([]string{w.Std}, w.Variants...) {
			if f == "" || strings.Trim(f, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				t.Errorf("%q is not upper-case ASCII letters", f)
			}
			if other, ok := seen[f]; ok {
				t.Errorf("%s is in %s and %s", f, other, w.Std)
			}
			seen[f] = w.Std
		}
		if got := stdWord(w.Std); got != w.Std {
			t.Errorf("standard form %s is not stable: %s", w.Std, got)
		}
	}
	for _, p := range [][2]string{{"ROAD", "RD"}, {"RD", "RD"}, {"AVENUE", "AVE"}, {"LANE", "LN"}, {"DRIVE", "DR"},
		{"CLOSE", "CL"}, {"CRESCENT", "CRES"}, {"COURT", "CT"}, {"PLACE", "PL"}, {"GARDENS", "GDNS"},
		{"TERRACE", "TER"}, {"SQUARE", "SQ"}, {"GROVE", "GR"}, {"WAY", "WAY"}, {"PARK", "PK"}, {"NORTH", "N"},
		{"STREET", "ST"}, {"SAINT", "ST"}, {"MILL", "MILL"}} {
		if got := stdWord(p[0]); got != p[1] {
			t.Errorf("stdWord(%s) = %s, want %s", p[0], got, p[1])
		}
	}
}

func TestParseAddress(t *testing.T) {
	tests := []struct {
		lines []string
		want  Address
	}{
		{[]string{"Flat 2, 14 High Street"}, Address{Flat: "2", Number: "14", Street: "HIGH ST"}},
		{[]string{"2/14 High St"}, Address{Flat: "2", Number: "14", Street: "HIGH ST"}},
		{[]string{"14a High Street"}, Address{Number: "14A", Street: "HIGH ST"}},
		{[]string{"14 A High Street"}, Address{Number: "14A", Street: "HIGH ST"}},
		{[]string{"12 High Street"}, Address{Number: "12", Street: "HIGH ST"}},
		{[]string{"Flat 2 Rose Court, 14 High St"}, Address{Flat: "2", Number: "14", Name: "ROSE CT", Street: "HIGH ST"}},
		{[]string{"14-16 High St"}, Address{Number: "14-16", Street: "HIGH ST"}},
		{[]string{"14 - 16 High St"}, Address{Number: "14-16", Street: "HIGH ST"}},
		{[]string{"Rose Cottage, Mill Lane"}, Address{Name: "ROSE COTTAGE", Street: "MILL LN"}},
		{[]string{"Rose Cottage", "Mill Lane", "Little Snoring", "Norfolk"},
			Address{Name: "ROSE COTTAGE", Street: "MILL LN", Locality: "LT SNORING NORFOLK"}},
		{[]string{"Flat 2", "14 High Street", "Anytown"}, Address{Flat: "2", Number: "14", Street: "HIGH ST", Locality: "ANYTOWN"}},
		{[]string{"Rose Cottage", "14 Mill Lane"}, Address{Number: "14", Name: "ROSE COTTAGE", Street: "MILL LN"}},
		{[]string{"Flat 2", "Rose Court", "14 High St"}, Address{Flat: "2", Number: "14", Name: "ROSE CT", Street: "HIGH ST"}},
		{[]string{"14", "High Street"}, Address{Number: "14", Street: "HIGH ST"}},
		{[]string{"Apt 4B"}, Address{Flat: "4B"}},
		{[]string{"Apartment 2, 1 North Road"}, Address{Flat: "2", Number: "1", Street: "N RD"}},
		{[]string{"Unit 3, Riverside Industrial Estate"}, Address{Flat: "3", Street: "RIVERSIDE IND EST"}},
		{[]string{"Flat A, 3 Park Avenue"}, Address{Flat: "A", Number: "3", Street: "PK AVE"}},
		{[]string{"Flat No. 7, 3 Park Ave."}, Address{Flat: "7", Number: "3", Street: "PK AVE"}},
		{[]string{"Flat 0/1", "22 Byres Road", "Glasgow"}, Address{Flat: "0/1", Number: "22", Street: "BYRES RD", Locality: "GLASGOW"}},
		{[]string{"Ground Floor Flat", "3 St John’s Road", "Stoke-on-Trent"},
			Address{Flat: "GF", Number: "3", Street: "ST JOHNS RD", Locality: "STOKE ON TRENT"}},
		{[]string{"First Floor Flat 2, 8 Mill Lane"}, Address{Flat: "1F 2", Number: "8", Street: "MILL LN"}},
		{[]string{"Basement Flat, 8 Mill Lane"}, Address{Flat: "B", Number: "8", Street: "MILL LN"}},
		{[]string{"No. 5, Church Lane"}, Address{Number: "5", Street: "CHURCH LN"}},
		{[]string{"The Old Rectory"}, Address{Name: "THE OLD RECTORY"}},
		{[]string{"Flat Above Shop, 2 Main St"}, Address{Number: "2", Name: "FLAT ABOVE SHOP", Street: "MAIN ST"}},
		{[]string{"", "  ", "14 Crescent Gardens", ""}, Address{Number: "14", Street: "CRES GDNS"}},
		{[]string{"14 HIGH ST", "", "ANYTOWN;  COUNTY"}, Address{Number: "14", Street: "HIGH ST", Locality: "ANYTOWN COUNTY"}},
		{nil, Address{}},
		{[]string{"", ",,,", " - / "}, Address{}},
		{[]string{"Straße 5"}, Address{Name: "STRASSE 5"}},
	}
	for _, tt := range tests {
		if got := ParseAddress(tt.lines); got != tt.want {
			t.Errorf("ParseAddress(%q) =\n %+v, want\n %+v", tt.lines, got, tt.want)
		}
	}
	long := ParseAddress([]string{strings.Repeat("Flat 2, 14 High Street, ", 2000)})
	if long.Flat != "2" || long.Number != "14" || long.Street != "HIGH ST" {
		t.Errorf("long address: %+v", long)
	}
}

func TestAddressKey(t *testing.T) {
	a := ParseAddress([]string{"Flat 2, 14 High Street"})
	b := ParseAddress([]string{"2/14 High St"})
	if a.Key() != b.Key() || a.Key() != "2|14||HIGH ST" {
		t.Errorf("keys %q and %q, want both 2|14||HIGH ST", a.Key(), b.Key())
	}
	c := ParseAddress([]string{"12A High Street"})
	d := ParseAddress([]string{"12 High Street"})
	if c.Key() == d.Key() {
		t.Errorf("12A and 12 share key %q", c.Key())
	}
}

// isFolded reports whether s is printable ASCII with no lower-case letter.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if !asciiStable(s[i]) {
			return false
		}
	}
	return true
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Zoë", "Łukasz", "Søren", "Straße", "O’Brien", "ﬁ", "Дмитрий", "\xff", "a\tb", "ǅ", "ﷺ", "ᾈ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !isFolded(got) {
			t.Fatalf("Fold(%q) = %q, not upper-case printable ASCII", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, got, again)
		}
		if isFolded(s) && got != s {
			t.Fatalf("Fold changed folded input %q to %q", s, got)
		}
	})
}

func FuzzParseName(f *testing.F) {
	f.Add("Mr", "John-Paul", "George", "O’Brien-Smith")
	f.Add("", "", "", "SMITH, Mr John")
	f.Add("Rev Dr", "", "Miss", "van der Berg Jnr")
	f.Add("", "JR", "", "II III")
	f.Add("", "\xff", "Дмитрий", ",")
	f.Add("", "", "", "0000 đ A 0") // once parsed to DA and 0, which parse again to DA0
	f.Fuzz(func(t *testing.T, title, forenames, middle, surname string) {
		n := ParseName(title, forenames, middle, surname)
		for _, s := range append(append([]string{n.Title, n.Surname, n.Suffix}, n.Forenames...), n.SurnameParts...) {
			if !isFolded(s) {
				t.Fatalf("field %q is not folded", s)
			}
		}
		for _, s := range append(slices.Clone(n.Forenames), n.SurnameParts...) {
			if s == "" || strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
				t.Fatalf("token %q is not letters and digits", s)
			}
		}
		if n.Surname != strings.Join(n.SurnameParts, "") {
			t.Fatalf("Surname %q is not its parts %q", n.Surname, n.SurnameParts)
		}
		if again := reparse(n); !equalName(again, n) {
			t.Fatalf("not idempotent:\n %+v\n %+v", n, again)
		}
	})
}

func FuzzParseAddress(f *testing.F) {
	f.Add("Flat 2, 14 High Street", "", "Anytown")
	f.Add("2/14 High St", "- 16", "")
	f.Add("Ground Floor Flat", "3 St John’s Road", "Stoke-on-Trent")
	f.Add("Flat No", "/-/", "14 - ")
	f.Add("\xff", "Дом 5", ";;")
	f.Add("-,-", "a'-b", "x;- ;y")
	f.Fuzz(func(t *testing.T, l1, l2, l3 string) {
		checkAddressAgrees(t, []string{l1, l2, l3})
		a := ParseAddress([]string{l1, l2, l3})
		for _, s := range []string{a.Flat, a.Number, a.Name, a.Street, a.Locality} {
			if !isFolded(s) || strings.Contains(s, "|") {
				t.Fatalf("part %q is not folded or holds the key separator", s)
			}
			if s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
				t.Fatalf("part %q has stray spaces", s)
			}
		}
	})
}

func BenchmarkFold(b *testing.B) {
	b.Run("ascii-upper", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Fold("MARY-JANE O'BRIEN")
		}
	})
	b.Run("ascii-mixed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Fold("Mary-Jane O'Brien")
		}
	})
	b.Run("accents", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Fold("Zoë Łukasz Søren Straße")
		}
	})
}

// BenchmarkParseName times the package function (its own Scratch each
// call) and a reused Scratch, as the parser runs it: that allocates nothing.
func BenchmarkParseName(b *testing.B) {
	b.Run("func", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = ParseName("Mr", "John Paul", "", "Smith-Jones")
		}
	})
	b.Run("scratch", func(b *testing.B) {
		var sc Scratch
		b.ReportAllocs()
		for b.Loop() {
			sc.Reset()
			_ = sc.ParseName("Mr", "John Paul", "", "O'Brien-Smith")
		}
	})
}

// BenchmarkParseAddress is BenchmarkParseName's pair for addresses.
func BenchmarkParseAddress(b *testing.B) {
	lines := []string{"Flat 2", "14 High Street", "Anytown", ""}
	b.Run("func", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = ParseAddress(lines)
		}
	})
	b.Run("scratch", func(b *testing.B) {
		var sc Scratch
		b.ReportAllocs()
		for b.Loop() {
			sc.Reset()
			_ = sc.ParseAddress([]string{"Flat 2, St John's Court", "14 - 16 High Street", "Anytown"})
		}
	})
}

// TestScratchAllocs checks that a reused Scratch normalises a name and an
// address without allocating, and gives what the package functions give.
func TestScratchAllocs(t *testing.T) {
	var sc Scratch
	lines := []string{"Flat 2, St John's Court", "14 - 16 High Street", "Anytown"}
	run := func() {
		sc.Reset()
		n := sc.ParseName("Mr", "Mary-Jane Zoë", "", "O'Brien-Smith")
		a := sc.ParseAddress(lines)
		if !reflect.DeepEqual(n, ParseName("Mr", "Mary-Jane Zoë", "", "O'Brien-Smith")) || a != ParseAddress(lines) {
			t.Fatalf("a Scratch gave %+v and %+v, the package functions other forms", n, a)
		}
	}
	run()
	sc.Reset()
	if n := testing.AllocsPerRun(100, func() {
		sc.Reset()
		_ = sc.ParseName("Mr", "Mary-Jane Zoë", "", "O'Brien-Smith")
		_ = sc.ParseAddress(lines)
	}); n != 0 {
		t.Errorf("a reused Scratch allocated %v times, want 0", n)
	}
}

func BenchmarkNicknamesSame(b *testing.B) {
	nn := NewNicknames()
	b.ReportAllocs()
	for b.Loop() {
		_ = nn.Same("BILL", "WILLIAM")
	}
}

func ExampleFold() {
	fmt.Println(Fold("Zoë Łukasz Søren Straße O’Brien"))
	// Output: ZOE LUKASZ SOREN STRASSE O'BRIEN
}

func ExampleParseName() {
	n := ParseName("", "Mr John-Paul", "", "O’Brien-Smith")
	fmt.Println(n.Title, n.Forenames, n.Surname, n.SurnameParts)
	n = ParseName("", "", "", "MacDonald, Mary")
	fmt.Println(n.Forenames, n.Surname, SurnameKey(n.Surname))
	// Output:
	// MR [JOHNPAUL] OBRIENSMITH [OBRIEN SMITH]
	// [MARY] MACDONALD MCDONALD
}

func ExampleNicknames() {
	nn := NewNicknames()
	fmt.Println(nn.Same("BILL", "WILLIAM"), nn.Same("PEGGY", "MARGARET"), nn.Same("BILL", "ROBERT"))
	// Output: true true false
}

func ExampleParseAddress() {
	a := ParseAddress([]string{"Flat 2, 14 High Street", "Anytown"})
	b := ParseAddress([]string{"2/14 High St"})
	fmt.Printf("%+v\n", a)
	fmt.Println(a.Key(), a.Key() == b.Key())
	// Output:
	// {Flat:2 Number:14 Name: Street:HIGH ST Locality:ANYTOWN}
	// 2|14||HIGH ST true
}
