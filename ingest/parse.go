package ingest

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nfi-engine/nfi/ingest/arena"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/phonetic"
	"github.com/nfi-engine/nfi/ingest/source"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Reasons a row is rejected or a value flagged; wrapped in a *source.Error
// that names the file, line and field.
var (
	ErrBlankRequired = errors.New("required value is blank")
	ErrInvalid       = errors.New("value is not valid for this field")
	ErrNoName        = errors.New("no name and no identifying number: surname, forenames, NI number and other id are all blank")
	ErrNoValue       = errors.New("none of the identifying fields has a value")
)

// ParseOptions says how to read the values of one dataset. The zero value
// detects date layouts per column and reads money as pence, the NFI layout.
type ParseOptions struct {
	DateFormat string   // the job's date_format; "" or "auto" detects per column
	NullDates  []string // raw values that mean "no date"
	MoneyUnit  string   // "pence" (default) or "pounds"
	Nicknames  *normal.Nicknames
}

// Parser turns the rows of one file into Records. It is safe for concurrent
// use once built: the pipeline parses batches of rows on several workers.
type Parser struct {
	m     *Mapping
	file  string
	dates []*value.DateParser // by field position, nil for non-date fields
	money value.MoneyUnit
	nick  *normal.Nicknames
	fi    personIdx
	si    supplierIdx
	pi    paymentIdx
	oneOf []int
}

// personIdx caches field positions used to build Person.
type personIdx struct {
	title, forenames, middle, surname, sex, dob, ni, otherID, town, postcode, uprn, sort, account int
	address                                                                                       [5]int
}

// supplierIdx caches field positions used to build Supplier.
type supplierIdx struct {
	name, postcode, sort, account, vat, companyNo int
	address                                       [5]int
}

// paymentIdx caches field positions used to build Payment.
type paymentIdx struct {
	creditorRef, paymentRef, invoice, invoiceDate, paymentDate, amount int
}

// Scratch is one worker's memory for parsing rows without allocating. It
// holds two arenas: one that the records' packed strings (and a supplier's
// or payment's normalised strings) are carved from, never reset, so that a
// record's strings live as long as the record and thousands of records
// share each block; and one for the passing strings of the row being
// parsed, with the normalisers' word lists, reused row after row. It also
// remembers the keys of the names it has coded (see metaCache),
// since names repeat from row to row, and hands out the records' Supplier
// and Payment structs from chunks of up to recordChunkMax (see nextOf): a
// record points into its chunk, so a chunk stays in memory while any
// record from it does. Give each goroutine its own; the zero value is
// ready, and a nil *Scratch gives each call one of its own.
type Scratch struct {
	keep  arena.Arena // the records' packed strings
	temp  arena.Arena // the row's passing strings: reset at each row
	norm  normal.Scratch
	meta  metaCache
	lines []string // a row's address lines
	parts []string // a row's surname parts, keyed
	// The current chunks the records' Suppliers and Payments are taken
	// from: filled up to len, never reused.
	suppliers []Supplier
	payments  []Payment
	// A row's canonical values, one after another, and where each ends,
	// built by ParseValues and packed into keep in one copy.
	texts []byte
	ends  []int
}

// recordChunkMax is the most Suppliers or Payments a Scratch allocates at
// once: a chunk of 256 Suppliers is about 70 KiB, one allocation every 256
// creditor rows, and a record that outlives the rest of its chunk keeps at
// most that much memory alive.
const recordChunkMax = 256

// nextOf returns a zeroed T taken from *chunk, a Scratch's current chunk of
// them, starting a new chunk when it is full: twice as large as the last,
// from 8 up to recordChunkMax, so that a Scratch used for one row allocates
// little and one used for a million rows allocates every recordChunkMax.
// A T handed out is never handed out again: the record holds it.
func nextOf[T any](chunk *[]T) *T {
	c := *chunk
	if len(c) == cap(c) {
		c = make([]T, 0, min(max(2*cap(c), 8), recordChunkMax))
	}
	c = c[:len(c)+1]
	*chunk = c
	return &c[len(c)-1]
}

// metaCacheMax is how many names a Scratch's metaCache holds at most. A
// council's extract has a few thousand distinct forenames and surnames, so
// this holds them all with room to spare, at a megabyte or two a worker;
// past it, names not yet held are coded each time, as without a cache, so
// that a file of a million distinct names (which would gain nothing) cannot
// grow it without bound.
const metaCacheMax = 1 << 15

// metaCache maps a name to what the parser derives from the name alone
// (nameKeys): its primary Double Metaphone key, and its nickname groups and
// initials. A name seen on an earlier row then costs one map lookup rather
// than an encoding and a lookup in the nickname index (coding names was a
// tenth of the time spent normalising, and the nickname lookup, with the
// key's, most of the rest of a forename's). The names and the keys are
// copied into its own arena, which is never reset: what it holds never
// points into a row's passing memory, and no record points into it (a
// record's forms are packed copies). The zero value is ready.
type metaCache struct {
	keys map[string]nameKeys
	text arena.Arena
}

// nameKeys is what the parser derives from a name alone: its primary
// Double Metaphone key, and, for a forename, its nickname groups and
// initials (see normal.Nicknames; the groups are the index's own slice).
type nameKeys struct {
	meta     string
	groups   []uint32
	initials string
}

// lookup returns the keys of s, the passing ones held in temp, its
// nickname groups and initials from nick; a name already held is looked
// up, and a new one is remembered while there is room. Every Nicknames
// holds the one table, so a name's groups are the same whichever parser's
// nick found them.
func (c *metaCache) lookup(temp *arena.Arena, nick *normal.Nicknames, s string) nameKeys {
	if s == "" {
		return nameKeys{}
	}
	if k, ok := c.keys[s]; ok {
		return k
	}
	k := nameKeys{meta: metaphone(temp, s)}
	k.groups, k.initials = nick.GroupsAndInitials(s)
	if len(c.keys) < metaCacheMax {
		if c.keys == nil {
			c.keys = make(map[string]nameKeys)
		}
		k.meta = c.text.Copy(k.meta)
		c.keys[c.text.Copy(s)] = k
	}
	return k
}

// futureYears is how far ahead a two-digit year may lie in a date other
// than a date of birth (a badge expiry, a tenancy end).
const futureYears = 30

// NewParser builds the parser for a mapped file. sample holds the first
// rows of the file (as read), used to detect each date column's layout when
// the job does not declare one.
func NewParser(m *Mapping, file string, opts ParseOptions, sample [][]string) (*Parser, error) {
	p := &Parser{m: m, file: file, dates: make([]*value.DateParser, len(m.Kind.Fields)), nick: opts.Nicknames}
	if p.nick == nil {
		p.nick = normal.NewNicknames()
	}
	switch strings.ToLower(opts.MoneyUnit) {
	case "", "pence":
		p.money = value.Pence
	case "pounds":
		p.money = value.Pounds
	default:
		return nil, &source.Error{File: file, Field: "money_unit", Err: ErrInvalid}
	}
	declared := value.DateLayout(0)
	if df := strings.TrimSpace(opts.DateFormat); df != "" && df != "auto" {
		l, err := value.ParseDateLayout(df)
		if err != nil {
			return nil, &source.Error{File: file, Field: "date_format", Err: err}
		}
		declared = l
	}
	for fi, f := range m.Kind.Fields {
		if f.Type != Date || m.Col[fi] < 0 {
			continue
		}
		layout := declared
		if declared == 0 {
			var col []string
			for _, row := range sample {
				if c := m.Col[fi]; c < len(row) {
					if v := strings.TrimSpace(row[c]); v != "" && !isNull(v, opts.NullDates) {
						col = append(col, v)
					}
				}
			}
			if l, ok := value.DetectDateLayout(col); ok {
				layout = l
			} else {
				layout = value.LayoutAuto // any unambiguous day-first date
			}
		}
		pivot := value.DefaultPivotYear
		if f.Name != "dob" {
			// Expiry and end dates may lie ahead: a two-digit year is taken
			// as up to futureYears after the exercise year.
			pivot += futureYears
		}
		p.dates[fi] = &value.DateParser{Layout: layout, NullDates: opts.NullDates, PivotYear: pivot}
	}
	k := m.Kind
	p.fi = personIdx{title: k.Field("title"), forenames: k.Field("forenames"), middle: k.Field("middle_names"),
		surname: k.Field("surname"), sex: k.Field("sex"), dob: k.Field("dob"), ni: k.Field("ni_number"),
		otherID: k.Field("other_id"), town: k.Field("town"), postcode: k.Field("postcode"), uprn: k.Field("uprn"),
		sort: k.Field("sort_code"), account: k.Field("account_number")}
	for i := range p.fi.address {
		p.fi.address[i] = k.Field("address_" + strconv.Itoa(i+1))
	}
	p.si = supplierIdx{name: k.Field("supplier_name"), postcode: p.fi.postcode, sort: p.fi.sort, account: p.fi.account,
		vat: k.Field("vat_number"), companyNo: k.Field("company_number"), address: p.fi.address}
	p.pi = paymentIdx{creditorRef: k.Field("creditor_ref"), paymentRef: k.Field("payment_reference"),
		invoice: k.Field("invoice_number"), invoiceDate: k.Field("invoice_date"), paymentDate: k.Field("payment_date"),
		amount: k.Field("amount")}
	for _, f := range k.NeedsOneOf {
		p.oneOf = append(p.oneOf, k.Field(f))
	}
	return p, nil
}

func isNull(v string, nulls []string) bool {
	for _, n := range nulls {
		if v == n {
			return true
		}
	}
	return false
}

// Parse fills rec from one row: ParseValues, then Normalise. A non-nil
// error means the row cannot be used: it is a *source.Error naming the
// file, line and field, and rec must be discarded. Values that are present
// but invalid are kept and flagged in rec.Invalid, not rejected, unless the
// field is required. The record's strings are held in sc.
func (p *Parser) Parse(sc *Scratch, line int, fields []string, rec *Record) error {
	if sc == nil {
		sc = new(Scratch)
	}
	if err := p.ParseValues(sc, line, fields, rec); err != nil {
		return err
	}
	p.Normalise(sc, rec)
	return nil
}

// ParseValues fills rec's canonical values from one row, checking required
// fields, but not its normalised forms (see Normalise). A non-nil error is
// as Parse's.
//
// Each value's canonical text is appended to one buffer of the Scratch, its
// end noted beside it, and the record's packed values are then the header
// and that buffer, copied into the lasting arena at once: there is no slice
// of strings to clear and fill (with write barriers) and pack a row.
func (p *Parser) ParseValues(sc *Scratch, line int, fields []string, rec *Record) error {
	if sc == nil {
		sc = new(Scratch)
	}
	sc.temp.Reset()
	k := p.m.Kind
	*rec = Record{Line: line}
	texts, ends := sc.texts[:0], sc.ends[:0]
	defer func() { sc.texts, sc.ends = texts, ends }() // keep what they grew to
	for fi := range k.Fields {
		f := &k.Fields[fi]
		col := p.m.Col[fi]
		if col < 0 || col >= len(fields) {
			ends = append(ends, len(texts))
			continue
		}
		raw := fields[col]
		if !untrimmed(raw) {
			raw = strings.TrimSpace(raw)
		}
		start := len(texts)
		var ok bool
		texts, ok = p.value(&sc.temp, texts, fi, f.Type, raw)
		ends = append(ends, len(texts))
		if !ok {
			rec.Invalid |= 1 << uint(fi)
		}
		if f.Required && (len(texts) == start || !ok) {
			reason := ErrBlankRequired
			if raw != "" {
				reason = ErrInvalid
			}
			return &source.Error{File: p.file, Line: line, Field: f.Name, Err: reason}
		}
	}
	if len(p.oneOf) > 0 {
		have := false
		for _, fi := range p.oneOf {
			if fi >= 0 && ends[fi] > textStart(ends, fi) {
				have = true
			}
		}
		if !have {
			reason := ErrNoValue
			if k.Entity == PersonEntity {
				reason = ErrNoName
			}
			return &source.Error{File: p.file, Line: line, Field: strings.Join(k.NeedsOneOf, "/"), Err: reason}
		}
	}
	rec.values = packTexts(&sc.keep, ends, texts)
	return nil
}

// untrimmed reports whether s starts and ends with a printable ASCII byte
// other than the space ('!' to '~'): such a byte is no white space, nor
// part of a longer rune, so strings.TrimSpace(s) is s. Most values are, and
// the parser then spares the call.
func untrimmed(s string) bool {
	return len(s) > 0 && s[0]-'!' <= '~'-'!' && s[len(s)-1]-'!' <= '~'-'!'
}

// textStart is where the i-th text of ends starts: where the one before it
// ends, or 0.
func textStart(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// Normalise builds the normalised forms that matching compares from the
// values ParseValues filled in, held in sc (a supplier's or payment's
// struct too: see Scratch).
func (p *Parser) Normalise(sc *Scratch, rec *Record) {
	if sc == nil {
		sc = new(Scratch)
	}
	switch p.m.Kind.Entity {
	case PersonEntity:
		p.person(sc, rec)
	case SupplierEntity:
		p.supplier(sc, rec)
	case PaymentEntity:
		p.payment(sc, rec)
	}
}

// validAt returns the canonical value of field i when it is present and
// valid, else "" (also when i < 0: the kind has no such field).
func validAt(rec *Record, i int) string {
	if i < 0 || rec.Invalid&(1<<uint(i)) != 0 {
		return ""
	}
	return rec.Value(i)
}

// companyNoLen is the length of a Companies House number: shorter ones
// are padded with zeros after any letter prefix ("1234567" is "01234567",
// "SC12345" is "SC012345").
const companyNoLen = 8

// supplier builds the normalised supplier forms of rec: the passing
// strings in sc, the struct from its chunk and the forms in its lasting
// arena (or within the record's values, which live there too).
func (p *Parser) supplier(sc *Scratch, rec *Record) {
	sc.temp.Reset()
	sc.norm.Reset()
	x, keep := &p.si, &sc.keep
	s := nextOf(&sc.suppliers)
	name := validAt(rec, x.name)
	c := sc.norm.ParseCompany(name)
	s.Company.Name = keepIn(keep, c.Name, name)
	s.Company.Core = keepIn(keep, c.Core, s.Company.Name)
	s.Company.TradingAs = keepIn(keep, c.TradingAs, name)
	if pc := rec.Value(x.postcode); pc != "" {
		// The canonical postcode, in normal form when valid: parsing it
		// again splits it within the record's values.
		s.Postcode = value.ParsePostcode(pc)
	}
	lines := sc.lines[:0]
	for _, ai := range x.address {
		if a := validAt(rec, ai); a != "" {
			lines = append(lines, a)
		}
	}
	sc.lines = lines
	if len(lines) > 0 {
		a := sc.norm.ParseAddress(lines)
		s.Address = normal.Address{Flat: keep.Copy(a.Flat), Number: keep.Copy(a.Number), Name: keep.Copy(a.Name),
			Street: keep.Copy(a.Street), Locality: keep.Copy(a.Locality)}
	}
	s.SortCode, s.Account = validAt(rec, x.sort), validAt(rec, x.account)
	vat := validAt(rec, x.vat)
	s.VAT = keepIn(keep, strings.TrimPrefix(upper(&sc.temp, withoutSpaces(&sc.temp, vat)), "GB"), vat)
	cn := validAt(rec, x.companyNo)
	switch n := upper(&sc.temp, withoutSpaces(&sc.temp, cn)); {
	case len(n) >= companyNoLen:
		s.CompanyNo = keepIn(keep, n, cn)
	case n != "":
		// Zeros go after a letter prefix: Companies House writes SC012345,
		// which extracts give as SC12345 as often as 01234567 as 1234567.
		prefix := 0
		for prefix < 2 && prefix < len(n) && n[prefix] >= 'A' && n[prefix] <= 'Z' {
			prefix++
		}
		b := append(keep.Append(companyNoLen), n[:prefix]...)
		for range companyNoLen - len(n) {
			b = append(b, '0')
		}
		s.CompanyNo = keep.String(append(b, n[prefix:]...))
	}
	rec.Supplier = s
}

// payment builds the normalised payment forms of rec: the struct from
// sc's chunk, the invoice number's forms in its lasting arena (or within
// the record's values).
func (p *Parser) payment(sc *Scratch, rec *Record) {
	sc.temp.Reset()
	sc.norm.Reset()
	x, keep := &p.pi, &sc.keep
	pm := nextOf(&sc.payments)
	pm.CreditorRef, pm.PaymentRef = validAt(rec, x.creditorRef), validAt(rec, x.paymentRef)
	inv := validAt(rec, x.invoice)
	alnum, digits := sc.norm.InvoiceNumber(inv)
	pm.Invoice = keepIn(keep, alnum, inv)
	pm.InvoiceDigits = keepIn(keep, digits, pm.Invoice)
	for _, fi := range [...]int{x.invoiceDate, x.paymentDate} {
		if d, err := value.ParseISODate(validAt(rec, fi)); err == nil && !d.IsZero() {
			pm.Date = d
			break
		}
	}
	if a := validAt(rec, x.amount); a != "" {
		if v, err := strconv.ParseInt(a, 10, 64); err == nil {
			pm.Amount, pm.HasAmount = v, true
		}
	}
	rec.Payment = pm
}

// keepIn returns s held as long as keep's strings: the same text within in
// when in, a lasting string, holds it ("INV00123" within the value
// "INV00123", a name's core within the name), else a copy in keep. It
// spares the lasting arena a copy of what a record already holds.
func keepIn(keep *arena.Arena, s, in string) string {
	if k := strings.Index(in, s); k >= 0 {
		return in[k : k+len(s)]
	}
	return keep.Copy(s)
}

// withoutSpaces returns s without its spaces, held in a when it changes.
func withoutSpaces(a *arena.Arena, s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		return s
	}
	b := a.Append(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	return a.String(b)
}

// value appends the canonical text of one raw value to dst and says
// whether it is valid; blank is valid (and appends nothing). temp holds
// any passing text it needs.
func (p *Parser) value(temp *arena.Arena, dst []byte, fi int, t Type, raw string) ([]byte, bool) {
	if raw == "" {
		return dst, true
	}
	switch t {
	case Date:
		d, err := p.dates[fi].Parse(raw)
		if err != nil {
			return append(dst, raw...), false
		}
		return d.AppendISO(dst), true
	case Money:
		pence, ok, err := value.ParseMoney(raw, p.money)
		if err != nil {
			return append(dst, raw...), false
		}
		if !ok {
			return dst, true
		}
		return strconv.AppendInt(dst, pence, 10), true
	case NINumber:
		return value.AppendNI(dst, raw)
	case Postcode:
		return value.AppendPostcode(dst, raw)
	case SortCode:
		return value.AppendSortCode(dst, raw)
	case Account:
		return value.AppendAccount(dst, raw)
	case Flag:
		switch upper(temp, raw) {
		case "Y", "YES", "TRUE", "T", "1":
			return append(dst, 'Y'), true
		case "N", "NO", "FALSE", "F", "0":
			return append(dst, 'N'), true
		}
		return append(dst, raw...), false
	case UPRN:
		for i := 0; i < len(raw); i++ {
			if raw[i] < '0' || raw[i] > '9' {
				return append(dst, raw...), false
			}
		}
		// Without its leading zeros: strings.TrimLeft(raw, "0") built its
		// set of bytes at every call.
		for len(raw) > 0 && raw[0] == '0' {
			raw = raw[1:]
		}
		return append(dst, raw...), true
	case Text, NameText:
		return appendCollapsed(dst, raw), true
	}
	return append(dst, raw...), true
}

// appendCollapsed appends s to dst with runs of white space turned into
// one space.
func appendCollapsed(dst []byte, s string) []byte {
	if !hasRunOfSpace(s) {
		return append(dst, s...) // the usual case: nothing to collapse
	}
	start := len(dst)
	for _, w := range strings.Fields(s) {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// hasRunOfSpace reports whether s holds white space other than single
// spaces: a tab, a line break, or two spaces running. Every other byte
// is passed over with one test.
func hasRunOfSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' && (c == '\t' || c == '\n' || c == '\r' || c == ' ' && i > 0 && s[i-1] == ' ') {
			return true
		}
	}
	return false
}

// person builds the normalised person forms of rec, the passing strings
// in sc and the packed forms in its lasting arena.
func (p *Parser) person(sc *Scratch, rec *Record) {
	sc.temp.Reset()
	sc.norm.Reset()
	x := &p.fi
	at := func(i int) string { return rec.Value(i) }
	n := sc.norm.ParseName(at(x.title), at(x.forenames), at(x.middle), at(x.surname))
	var ps PersonForms
	if len(n.Forenames) > 0 {
		ps.Forename = n.Forenames[0]
		if len(n.Forenames) > 1 {
			ps.Middle = sc.temp.Join(n.Forenames[1:], " ")
		}
	}
	ps.Surname = sc.norm.SurnameKey(n.Surname)
	if len(n.SurnameParts) > 1 {
		sc.parts = sc.parts[:0]
		for _, part := range n.SurnameParts {
			sc.parts = append(sc.parts, sc.norm.SurnameKey(part))
		}
		ps.SurnameParts = sc.parts
	}
	ps.SurnameMeta = sc.meta.lookup(&sc.temp, p.nick, ps.Surname).meta
	fk := sc.meta.lookup(&sc.temp, p.nick, ps.Forename)
	ps.ForenameMeta, ps.NickGroups, ps.Initials = fk.meta, fk.groups, fk.initials
	if dob := validAt(rec, x.dob); dob != "" {
		ps.DOB, _ = value.ParseISODate(dob)
	}
	if s := at(x.sex); s != "" {
		switch s[0] {
		case 'M', 'm':
			ps.Sex = 'M'
		case 'F', 'f', 'W', 'w':
			ps.Sex = 'F'
		}
	}
	if x.ni >= 0 && at(x.ni) != "" {
		ps.NI, ps.NIValid = at(x.ni), rec.Invalid&(1<<uint(x.ni)) == 0
	}
	if pc := at(x.postcode); pc != "" {
		ps.Postcode = value.ParsePostcode(pc)
	}
	lines := sc.lines[:0]
	for _, ai := range x.address {
		if a := at(ai); a != "" {
			lines = append(lines, a)
		}
	}
	sc.lines = lines
	if t := at(x.town); t != "" {
		ps.Town = sc.norm.Fold(t)
	}
	if len(lines) > 0 {
		ps.Address = sc.norm.ParseAddress(lines)
	}
	ps.UPRN = at(x.uprn)
	ps.SortCode, ps.Account = validAt(rec, x.sort), validAt(rec, x.account)
	ps.OtherID = upper(&sc.temp, at(x.otherID))
	rec.Person = newPerson(&sc.keep, &sc.temp, &ps)
}

// metaphone returns the primary Double Metaphone key of s, held in a.
func metaphone(a *arena.Arena, s string) string {
	b, n := phonetic.AppendDoubleMetaphone(a.Append(8), s)
	return a.String(b)[:n]
}

// upper returns strings.ToUpper(s), held in a when it changes: it
// allocates only when a rune's upper case is longer than the rune (ɐ Ɐ).
func upper(a *arena.Arena, s string) string {
	i := 0
	for i < len(s) && (s[i] < 'a' || s[i] > 'z') && s[i] < 0x80 {
		i++
	}
	if i == len(s) {
		return s
	}
	if !isASCII(s[i:]) {
		// As strings.ToUpper: each rune upper-cased, invalid UTF-8 made
		// U+FFFD.
		b := append(a.Append(len(s)+utf8.UTFMax), s[:i]...)
		for _, r := range s[i:] {
			b = utf8.AppendRune(b, unicode.ToUpper(r))
		}
		return a.String(b)
	}
	b := append(a.Append(len(s)), s...)
	for j := i; j < len(b); j++ {
		if 'a' <= b[j] && b[j] <= 'z' {
			b[j] -= 'a' - 'A'
		}
	}
	return a.String(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
