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
	index  map[string]nickEntry // name -> its groups
	groups [][]string           // id -> names, the formal name first
}

// nickEntry is what the index knows of one name.
type nickEntry struct {
	ids      []uint32 // sorted ids of its groups
	initials string   // the letters it and its variants begin with, sorted
}

// NewNicknames builds the index of the nickname table.
func NewNicknames() *Nicknames {
	table := nicknameTable()
	n := &Nicknames{index: make(map[string]nickEntry, 4*len(table)), groups: table}
	for id, g := range table {
		for _, name := range g {
			e := n.index[name]
			if len(e.ids) == 0 || e.ids[len(e.ids)-1] != uint32(id) {
				e.ids = append(e.ids, uint32(id))
				n.index[name] = e
			}
		}
	}
	for name, e := range n.index {
		var seen [26]bool
		seen[name[0]-'A'] = true
		for _, id := range e.ids {
			for _, v := range n.groups[id] {
				seen[v[0]-'A'] = true
			}
		}
		var b []byte
		for i, ok := range seen {
			if ok {
				b = append(b, byte('A'+i))
			}
		}
		// Cap the slice so that an append by a caller cannot write into
		// the index.
		n.index[name] = nickEntry{ids: slices.Clip(e.ids), initials: string(b)}
	}
	return n
}

// lookup returns the index entry of name and the first letter of its key
// (see nicknameKey), 0 when the key is blank, without allocating.
func (n *Nicknames) lookup(name string) (nickEntry, byte) {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 'A' || c > 'Z' {
			var buf [64]byte
			b := appendNicknameKey(buf[:0], name)
			if len(b) == 0 {
				return nickEntry{}, 0
			}
			return n.index[string(b)], b[0]
		}
	}
	if name == "" {
		return nickEntry{}, 0
	}
	return n.index[name], name[0]
}

// Groups returns the sorted ids of the groups that name belongs to, or nil
// when it is in none. Two names are variants when their lists share an id,
// which lets the matcher look each name up once and compare ids. name should
// be a normalised forename (see [ParseName]); other text is folded and
// reduced to its letters first. The returned slice is shared: do not modify
// it.
func (n *Nicknames) Groups(name string) []uint32 {
	e, _ := n.lookup(name)
	return e.ids
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
	return sharesID(n.index[a].ids, n.index[b].ids)
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
	for _, id := range n.index[nicknameKey(name)].ids {
		out = append(out, n.groups[id]...)
	}
	return out
}

// Initials returns the letters that name or any of its variants begins
// with, sorted (for JIM: "J"; for KATE: "CK", from CATHERINE and
// KATHERINE), so that a forename given only as an initial can be compared
// with a nickname: E with LIZ, K with CATHERINE.
// It does not allocate: the index holds the letters of every name in it,
// and a name in none is its own initial.
func (n *Nicknames) Initials(name string) string {
	_, initials := n.GroupsAndInitials(name)
	return initials
}

// GroupsAndInitials returns Groups(name) and Initials(name) from one
// look-up of name, for the parser, which wants both of every forename.
func (n *Nicknames) GroupsAndInitials(name string) ([]uint32, string) {
	e, first := n.lookup(name)
	if e.initials != "" || first == 0 {
		return e.ids, e.initials
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	i := first - 'A'
	return e.ids, alphabet[i : i+1]
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
			return string(appendNicknameKey(nil, name))
		}
	}
	return name
}

// appendNicknameKey appends the letters of name, folded, to dst.
func appendNicknameKey(dst []byte, name string) []byte {
	start := len(dst)
	dst = AppendFold(dst, name)
	n := start
	for _, c := range dst[start:] {
		if c >= 'A' && c <= 'Z' {
			dst[n] = c
			n++
		}
	}
	return dst[:n]
}
