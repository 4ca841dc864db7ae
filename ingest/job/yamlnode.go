package job

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// This file turns goccy/go-yaml AST nodes into values that remember where
// they were written. Leaf values implement yaml.NodeUnmarshaler, so one
// strict decode into the raw structs below yields both values and positions.
//
// Text is taken from the source token, not from goccy's conversion: goccy
// reads an unquoted 0123 as the octal number 83, and a header or reference
// must never change like that.

// pos is a 1-based position in the job file; zero when unknown.
type pos struct{ line, col int }

func nodePos(n ast.Node) pos {
	if n == nil {
		return pos{}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return pos{}
	}
	return pos{tk.Position.Line, tk.Position.Column}
}

// decodeOptions are the goccy options every decode uses: unknown keys are errors.
func decodeOptions() []yaml.DecodeOption {
	return []yaml.DecodeOption{yaml.Strict(), yaml.DisallowUnknownField()}
}

// unwrap strips anchors and tags; aliases are refused (a job file is small
// enough to write out, and an alias would hide which line a value is on).
func unwrap(n ast.Node) (ast.Node, error) {
	for range 16 {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			return nil, errAt(nodePos(n), ErrWrongType, "aliases (*name) are not supported in a job file; write the value out")
		default:
			return n, nil
		}
	}
	return nil, errAt(nodePos(n), ErrWrongType, "too many anchors or tags on one value")
}

// describe names a node's kind for messages ("found a list").
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping (key: value)"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode, nil:
		return "nothing"
	case *ast.IntegerNode:
		return "a whole number"
	case *ast.FloatNode:
		return "a number with a fraction"
	case *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	default:
		return "text"
	}
}

// scalarText returns the text of a scalar as written; ok is false for null.
func scalarText(n ast.Node) (s string, ok bool, err error) {
	n, err = unwrap(n)
	if err != nil {
		return "", false, err
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", false, nil
	case *ast.StringNode:
		return v.Value, true, nil
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true, nil
		}
		return v.Value.Value, true, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		tk := n.GetToken()
		if tk == nil {
			return "", false, nil
		}
		return tk.Value, true, nil
	default:
		return "", false, errAt(nodePos(n), ErrWrongType, "want text, found %s", describe(n))
	}
}

// text is a scalar read as text, with its position.
type text struct {
	val string
	set bool
	p   pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (t *text) UnmarshalYAML(n ast.Node) error {
	s, ok, err := scalarText(n)
	if err != nil {
		return err
	}
	*t = text{val: s, set: ok, p: nodePos(n)}
	return nil
}

// number is a scalar read as a float64.
type number struct {
	val float64
	set bool
	p   pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (x *number) UnmarshalYAML(n ast.Node) error {
	n, err := unwrap(n)
	if err != nil {
		return err
	}
	p := nodePos(n)
	switch v := n.(type) {
	case nil, *ast.NullNode:
		*x = number{p: p}
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			*x = number{val: float64(i), set: true, p: p}
		case uint64:
			*x = number{val: float64(i), set: true, p: p}
		default:
			return errAt(p, ErrWrongType, "want a number")
		}
	case *ast.FloatNode:
		*x = number{val: v.Value, set: true, p: p}
	default:
		return errAt(p, ErrWrongType, "want a number, found %s", describe(n))
	}
	return nil
}

// integer is a scalar read as an int64; fractions are refused, not truncated.
type integer struct {
	val int64
	set bool
	p   pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (x *integer) UnmarshalYAML(n ast.Node) error {
	n, err := unwrap(n)
	if err != nil {
		return err
	}
	p := nodePos(n)
	switch v := n.(type) {
	case nil, *ast.NullNode:
		*x = integer{p: p}
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			*x = integer{val: i, set: true, p: p}
		case uint64:
			if i > math.MaxInt64 {
				return errAt(p, ErrInvalidValue, "whole number too large")
			}
			*x = integer{val: int64(i), set: true, p: p}
		default:
			return errAt(p, ErrWrongType, "want a whole number")
		}
	default:
		return errAt(p, ErrWrongType, "want a whole number, found %s", describe(n))
	}
	return nil
}

// textList is a list of text values; a single scalar counts as a list of one.
type textList struct {
	vals []string
	ps   []pos
	set  bool
	p    pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (l *textList) UnmarshalYAML(n ast.Node) error {
	n, err := unwrap(n)
	if err != nil {
		return err
	}
	*l = textList{p: nodePos(n)}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return nil
	case *ast.SequenceNode:
		l.set = true
		l.vals = make([]string, 0, len(v.Values))
		for _, item := range v.Values {
			s, ok, err := scalarText(item)
			if err != nil {
				return err
			}
			if !ok {
				return errAt(nodePos(item), ErrRequired, "empty entry in a list")
			}
			l.vals = append(l.vals, s)
			l.ps = append(l.ps, nodePos(item))
		}
		return nil
	default:
		s, ok, err := scalarText(n)
		if err != nil {
			return errAt(nodePos(n), ErrWrongType, "want a list of text, found %s", describe(n))
		}
		l.set = ok
		if ok {
			l.vals, l.ps = []string{s}, []pos{nodePos(n)}
		}
		return nil
	}
}

// pair is one key: value of a mapping, with the key's position.
type pair struct {
	key   string
	keyP  pos
	value ast.Node
}

// pairs lists the entries of a mapping node in file order.
func pairs(n ast.Node) ([]pair, error) {
	var mvs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		mvs = v.Values
	case *ast.MappingValueNode:
		mvs = []*ast.MappingValueNode{v}
	default:
		return nil, errAt(nodePos(n), ErrWrongType, "want a mapping (key: value), found %s", describe(n))
	}
	out := make([]pair, 0, len(mvs))
	for _, mv := range mvs {
		if mv == nil || mv.Key == nil {
			continue
		}
		var key ast.Node = mv.Key
		if k, ok := key.(*ast.MappingKeyNode); ok {
			key = k.Value
		}
		s, ok, err := scalarText(key)
		if err != nil || !ok {
			return nil, errAt(nodePos(mv.Key), ErrWrongType, "a key must be plain text")
		}
		out = append(out, pair{key: s, keyP: nodePos(key), value: mv.Value})
	}
	return out, nil
}

// textMap is a mapping of text to text (the columns: mapping), keeping order
// and the line of each key.
type textMap struct {
	keys []string
	vals map[string]string
	ps   map[string]pos
	set  bool
	p    pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (m *textMap) UnmarshalYAML(n ast.Node) error {
	n, err := unwrap(n)
	if err != nil {
		return err
	}
	*m = textMap{p: nodePos(n)}
	if _, null := n.(*ast.NullNode); null || n == nil {
		return nil
	}
	ps, err := pairs(n)
	if err != nil {
		return err
	}
	m.set = true
	m.vals = make(map[string]string, len(ps))
	m.ps = make(map[string]pos, len(ps))
	for _, kv := range ps {
		if _, dup := m.vals[kv.key]; dup {
			return errAt(kv.keyP, ErrDuplicate, "%q is mapped twice", kv.key)
		}
		s, ok, err := scalarText(kv.value)
		if err != nil {
			return err
		}
		if !ok || s == "" {
			return errAt(kv.keyP, ErrRequired, "%q has no header name", kv.key)
		}
		m.keys = append(m.keys, kv.key)
		m.vals[kv.key] = s
		m.ps[kv.key] = kv.keyP
	}
	return nil
}

// section describes one kind of mapping in a job file, for messages and for
// the check of key names.
type section interface {
	// label says what the mapping is ("dataset") and which key names it
	// ("name"), so messages can say "in dataset 'payroll'".
	label() (what, nameKey string)
}

// entry is one decoded mapping with where it starts and where each key is.
type entry[T section] struct {
	f     T
	start pos
	lines map[string]int
}

// entryList is a list of mappings of one section type.
type entryList[T section] struct {
	items []entry[T]
	set   bool
	p     pos
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (l *entryList[T]) UnmarshalYAML(n ast.Node) error {
	n, err := unwrap(n)
	if err != nil {
		return err
	}
	*l = entryList[T]{p: nodePos(n)}
	var zero T
	what, _ := zero.label()
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return nil
	case *ast.SequenceNode:
		l.set = true
		var errs ErrorList
		for i, item := range v.Values {
			e, err := decodeEntry[T](item, i+1)
			if err != nil {
				errs = appendErr(errs, err)
				continue
			}
			l.items = append(l.items, e)
		}
		if len(errs) > 0 {
			return errs
		}
		return nil
	default:
		return errAt(nodePos(n), ErrWrongType, "want a list of %ss (each beginning \"- \"), found %s", what, describe(n))
	}
}

// decodeEntry checks a mapping's keys against T's and decodes it strictly.
// index (1-based) names the entry in messages when it has no name.
func decodeEntry[T section](n ast.Node, index int) (entry[T], error) {
	var e entry[T]
	n, err := unwrap(n)
	if err != nil {
		return e, err
	}
	what, nameKey := e.f.label()
	known := knownKeys(reflect.TypeFor[T]())
	e.start = nodePos(n)
	if _, null := n.(*ast.NullNode); null || n == nil {
		return e, errAt(e.start, ErrRequired, "empty %s entry", what)
	}
	ps, err := pairs(n)
	if err != nil {
		x := errAt(nodePos(n), ErrWrongType, "want a %s (a mapping of %s), found %s", what, strings.Join(known, ", "), describe(n))
		x.keyed = true
		return e, x
	}
	if len(ps) > 0 {
		e.start = ps[0].keyP
	}
	where := what
	if index > 0 {
		where = whereIs(what, nameKey, ps, index)
	}
	e.lines = make(map[string]int, len(ps))
	var errs ErrorList
	for _, kv := range ps {
		e.lines[kv.key] = kv.keyP.line
		if !contains(known, kv.key) {
			errs = append(errs, unknownKey(kv, where, known))
			continue
		}
		if v, ok := kv.value.(*ast.NullNode); ok && v.GetToken() != nil && v.GetToken().Value == "~" {
			// ~ is YAML for "nothing", but in a job file it is nearly
			// always a tilde delimiter: refuse to guess.
			errs = append(errs, errAt(nodePos(v), ErrInvalidValue,
				"%s in %s: a bare ~ means nothing in YAML; write '~' in quotes for a tilde, or remove the key", kv.key, where))
		}
	}
	if len(errs) > 0 {
		for _, x := range errs {
			x.keyed = true
		}
		return e, errs
	}
	if err := yaml.NodeToValue(n, &e.f, decodeOptions()...); err != nil {
		errs = appendErr(nil, fromYAML(err, e.start))
		for _, x := range errs {
			keyError(x, ps, where, index == 0)
		}
		return e, errs
	}
	return e, nil
}

// keyError prefixes an error's message with the key whose value holds it
// ("seed: want a whole number"), once: the innermost entry names it.
func keyError(e *Error, ps []pair, where string, top bool) {
	if e.keyed || e.Line == 0 {
		return
	}
	key := ""
	for _, kv := range ps {
		if kv.keyP.line < e.Line || kv.keyP.line == e.Line && kv.keyP.col <= e.Column {
			key = kv.key
		}
	}
	if key == "" {
		return
	}
	if top {
		e.Msg = key + ": " + e.Msg
	} else {
		e.Msg = key + " in " + where + ": " + e.Msg
	}
	e.keyed = true
}

// whereIs names an entry for messages: "dataset 'payroll'" or "dataset 2".
func whereIs(what, nameKey string, ps []pair, index int) string {
	for _, kv := range ps {
		if kv.key != nameKey {
			continue
		}
		if s, ok, err := scalarText(kv.value); err == nil && ok && s != "" && len(s) <= 64 {
			return what + " '" + s + "'"
		}
	}
	return what + " " + itoa(index)
}

// unknownKey builds the message for a key the format does not define, with
// a guess at what was meant.
func unknownKey(kv pair, where string, known []string) *Error {
	msg := "unknown key " + quote(kv.key) + " in " + where + " (known: " + strings.Join(known, ", ") + ")"
	if guess := closest(kv.key, known); guess != "" {
		msg += "; did you mean " + quote(guess) + "?"
	} else if hint := misplaced(kv.key); hint != "" {
		msg += "; " + quote(kv.key) + " " + hint + ": check the indentation"
	}
	return errAt(kv.keyP, ErrUnknownKey, "%s", msg)
}

// misplaced says where a key belongs when it is a valid key of another section.
func misplaced(key string) string {
	switch {
	case contains(knownKeys(reflect.TypeFor[jobFields]()), key):
		return "belongs at the top level"
	case contains(knownKeys(reflect.TypeFor[datasetFields]()), key):
		return "belongs inside a dataset entry"
	case contains(knownKeys(reflect.TypeFor[customFields]()), key):
		return "belongs inside a custom_reports entry"
	case contains(knownKeys(reflect.TypeFor[layoutFields]()), key):
		return "belongs inside a layout entry"
	}
	return ""
}

// knownKeys lists the yaml tag names of a struct's fields, in field order.
func knownKeys(t reflect.Type) []string {
	out := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// fromYAML turns a goccy error into an *Error (or passes ours through).
// goccy's messages name Go types, so only its position is kept for type errors.
func fromYAML(err error, fallback pos) error {
	var ours *Error
	var list ErrorList
	switch {
	case errors.As(err, &list):
		return list
	case errors.As(err, &ours):
		return ours
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		p := fallback
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p = pos{tk.Position.Line, tk.Position.Column}
		}
		var ue *yaml.UnknownFieldError
		var se *yaml.SyntaxError
		var de *yaml.DuplicateKeyError
		switch {
		case errors.As(err, &ue):
			return errAt(p, ErrUnknownKey, "unknown key")
		case errors.As(err, &de):
			return errAt(p, ErrDuplicate, "%s", de.GetMessage())
		case errors.As(err, &se):
			return errAt(p, ErrSyntax, "%s", syntaxHint(se.GetMessage()))
		default:
			return errAt(p, ErrWrongType, "wrong type of value")
		}
	}
	return errAt(fallback, ErrSyntax, "cannot read this part of the job file")
}

// syntaxHint adds advice to goccy's syntax messages where we know the cause.
func syntaxHint(msg string) string {
	if strings.Contains(msg, "'\t'") || strings.Contains(msg, "\\t") || strings.Contains(msg, "tab") {
		msg = strings.ReplaceAll(msg, "'\t'", "TAB")
		return msg + " (YAML does not allow tabs for indentation: use spaces)"
	}
	return msg
}

func appendErr(errs ErrorList, err error) ErrorList {
	var list ErrorList
	var one *Error
	switch {
	case errors.As(err, &list):
		return append(errs, list...)
	case errors.As(err, &one):
		return append(errs, one)
	}
	return append(errs, errAt(pos{}, ErrSyntax, "cannot read the job file"))
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }

// closest returns the known key within two edits of key, or "" when none is
// close enough to be a likely typo.
func closest(key string, known []string) string {
	if len(key) > 64 {
		return ""
	}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(key, k); d < bestD && d < len(k) {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short ASCII keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
