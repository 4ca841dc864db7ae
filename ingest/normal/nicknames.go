package normal

import (
	"slices"
)

// Nicknames knows which British forenames are variants of one another
// (BILL and WILLIAM, PEGGY and MARGARET, KATE and CATHERINE), from the
// table in nickname_table.go. A name can be in several groups: TED is in
// EDWARD's and in THEODORE's.
//
// Build it once with [NewNicknames] and share it: its methods only read, so
// any number of goroutines may call them at once.
type Nicknames struct {
	index  map[string][]uint32 // name -> sorted ids of its groups
	groups [][]string          // id -> names, the formal name first
}

// NewNicknames builds the index of the nickname table.
func NewNicknames() *Nicknames {
	table := nicknameTable()
	n := &Nicknames{index: make(map[string][]uint32, 4*len(table)), groups: table}
	for id, g := range table {
		for _, name := range g {
			ids := n.index[name]
			if len(ids) == 0 || ids[len(ids)-1] != uint32(id) {
				n.index[name] = append(ids, uint32(id))
			}
		}
	}
	// Cap every slice so that an append by a caller cannot write into the
	// index.
	for name, ids := range n.index {
		n.index[name] = slices.Clip(ids)
	}
	return n
}

// Groups returns the sorted ids of the groups that name belongs to, or nil
// when it is in none. Two names are variants when their lists share an id,
// which lets the matcher look each name up once and compare ids. name should
// be a normalised forename (see [ParseName]); other text is folded and
// reduced to its letters first. The returned slice is shared: do not modify
// it.
func (n *Nicknames) Groups(name string) []uint32 {
	return n.index[nicknameKey(name)]
}

// Same reports whether a and b are variants of one name: equal (and not
// blank) or in a common group. Same("BILL", "WILLIAM") and Same("BILL",
// "LIAM") are true; Same("BILL", "ROBERT") is false.
func (n *Nicknames) Same(a, b string) bool {
	a, b = nicknameKey(a), nicknameKey(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	return sharesID(n.index[a], n.index[b])
}

// GroupName returns the formal name of group id (WILLIAM for the group of
// BILL and LIAM), for explaining a match; "" for an unknown id.
func (n *Nicknames) GroupName(id uint32) string {
	if int64(id) >= int64(len(n.groups)) {
		return ""
	}
	return n.groups[id][0]
}

// Variants returns every name in the groups of name (itself included), for
// tests such as "a typo of one of its variants"; nil when it is in none.
func (n *Nicknames) Variants(name string) []string {
	var out []string
	for _, id := range n.index[nicknameKey(name)] {
		out = append(out, n.groups[id]...)
	}
	return out
}

// Initials returns the letters that name or any of its variants begins
// with, sorted (for JIM: "J"; for KATE: "CK", from CATHERINE and
// KATHERINE), so that a forename given only as an initial can be compared
// with a nickname: E with LIZ, K with CATHERINE.
func (n *Nicknames) Initials(name string) string {
	key := nicknameKey(name)
	if key == "" {
		return ""
	}
	var seen [26]bool
	seen[key[0]-'A'] = true
	for _, id := range n.index[key] {
		for _, v := range n.groups[id] {
			seen[v[0]-'A'] = true
		}
	}
	var b [26]byte
	n2 := 0
	for i, ok := range seen {
		if ok {
			b[n2] = byte('A' + i)
			n2++
		}
	}
	if n2 == 1 {
		// The usual case, a name whose variants all share its initial: a
		// letter of the alphabet, without allocating.
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		i := b[0] - 'A'
		return alphabet[i : i+1]
	}
	return string(b[:n2])
}

// sharesID reports whether two sorted id lists have an id in common.
func sharesID(x, y []uint32) bool {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			return true
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// nicknameKey returns name as the index holds it: upper-case letters only.
func nicknameKey(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 'A' || c > 'Z' {
			f := Fold(name)
			b := make([]byte, 0, len(f))
			for j := 0; j < len(f); j++ {
				if c := f[j]; c >= 'A' && c <= 'Z' {
					b = append(b, c)
				}
			}
			return string(b)
		}
	}
	return name
}
