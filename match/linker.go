package match

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/arena"
	"github.com/nfi-engine/nfi/ingest/value"
)

// DefaultMaxBlock is the most right-hand records one blocking key may hold
// before the block is skipped as too common to be evidence (a surname
// initial and a popular date). Skipped pairs are counted in Stats, never
// dropped silently; another rule usually still finds the true pairs.
const DefaultMaxBlock = 5000

// maxComparisons is how many comparisons fit a pattern (4 bits each; the
// top bit says the pair shares a household).
const maxComparisons = 15

// householdBit marks a pattern whose pair shares a household.
const householdBit = uint64(1) << 63

// Linker holds one report's prepared data: the comparisons and blocking
// rules that both datasets can feed, each rule's key per record and the
// right-hand index. It is read-only once built, so its methods may run on
// several goroutines at once, each over its own range of left records.
type Linker struct {
	Report      *Report
	Left, Right *ingest.Dataset
	Dedupe      bool // left and right are the same dataset: pairs within it, each once
	Comparisons []*Comparison
	Rules       []*BlockingRule
	MaxBlock    int
	// AsAt is the date the run is as at, for requirements that need one (an
	// attainer turning 18 before it). Zero means no date is needed.
	AsAt       value.Date
	checks     []requirement // the report's requirements
	samePerson *SamePersonRule
	// DuplicateCreditors lists pairs of creditor references found to be one
	// supplier (by the duplicate_creditors report), so that a payment to
	// each counts as paid to one creditor. Keys are ordered pairs, lower
	// first.
	DuplicateCreditors map[[2]string]bool

	lkeys  [][]blockKey  // [rule][left record], while the indexes are built (nil after)
	rkeys  [][]blockKey  // [rule][right record], likewise (the same slices when Dedupe)
	blocks []blocks      // [rule] the right-hand records that share a key, for scoring
	lblock [][]int32     // [rule][left position]: where its block starts in blocks[rule].entries, -1 for none
	tf     []termFreq    // the comparisons adjusted for term frequency
	lfacts []recordFacts // per left position: its household keys and term frequencies
	rfacts []recordFacts // per right record, in rrecs order (the same slice when Dedupe)

	// The records are laid out by postcode for scoring (see layOut): the
	// right-hand ones copied, forms and all, into rrecs, the left-hand
	// ones given an order. Within the linker a record is its position in
	// that layout, and so are the keys, facts and blocks above; rorig
	// and lorig map positions back to the datasets' own, which the
	// exported methods speak of, and lpos maps left records to
	// positions. When Dedupe nothing is laid out: rrecs is the dataset's
	// own records, and the maps are nil.
	rrecs []ingest.Record
	rorig []int32 // right position -> right-hand record
	lorig []int32 // left position -> left-hand record
	lpos  []int32 // left-hand record -> left position
}

// household holds the keys of the property a person lives at: its UPRN
// and its address (postcode with flat, house number or name and street);
// 0 when unknown.
type household struct{ uprn, addr uint64 }

// householdOf returns the keys of the property a person lives at. An
// address without a postcode, or without a house number or name, gives no
// address key.
func householdOf(r *ingest.Record) household {
	var h household
	if r.Person.UPRN() != "" {
		h.uprn = hashKey(r.Person.UPRN())
	}
	a, pc := addressOf(r), postcodeOf(r)
	if pc.Full != "" && (a.Number != "" || a.Name != "") {
		h.addr = hashKey(pc.Full, a.Flat, a.Number, a.Name, a.Street)
	}
	return h
}

// key is the one key used to group a dataset's households: the address,
// else the UPRN.
func (h household) key() uint64 {
	if h.addr != 0 {
		return h.addr
	}
	return h.uprn
}

// same reports whether two records are at one property: the UPRNs decide
// where both have one, else the addresses.
func (h household) same(o household) bool {
	if h.uprn != 0 && o.uprn != 0 {
		return h.uprn == o.uprn
	}
	return h.addr != 0 && h.addr == o.addr
}

// householdKeys fills each record's household keys.
func householdKeys(recs []ingest.Record, facts []recordFacts) {
	for i := range recs {
		facts[i].hh = householdOf(&recs[i])
	}
}

// sameHousehold reports whether a pair's records are at one property.
func (k *Linker) sameHousehold(l, r int32) bool {
	return k.lfacts[l].hh.same(k.rfacts[r].hh)
}

// recordFacts holds what scoring reads of a record besides its normalised
// forms, side by side, so that a pair costs one cache miss a side for them
// rather than one an array: its household keys and how common its values
// are.
type recordFacts struct {
	hh household
	// logTF is, by position in Linker.tf, log2 of the relative frequency
	// of the record's value (-Inf when blank): held as a logarithm so
	// that a pair's adjustment is a subtraction, not a logarithm a pair.
	logTF [maxTF]float64
}

// maxTF is how many comparisons can be adjusted for term frequency (the
// entries of tfComparisons).
const maxTF = 3

// termFreq names one comparison whose exact level is adjusted for term
// frequency: agreeing on a rare surname is stronger evidence than agreeing
// on SMITH. How common each record's value is among all the records of the
// report is in its recordFacts, at position at.
type termFreq struct {
	comp int // position in Linker.Comparisons
	at   int // position in recordFacts.tf
	n    int // records with a value (a comparison none has is dropped)
}

// tfComparisons names the comparisons adjusted for term frequency; the
// value whose frequency counts is the one their exact level compares (see
// exactValue). Only their exact level is adjusted.
func tfComparisons() []string { return []string{"forenames", "surname", "postcode"} }

// Bounds on a term-frequency adjustment, in bits: a value shared by one
// record in a million is not worth more than a strong identifier, and a
// very common one should not cancel an exact agreement outright.
const (
	maxTFAdjust = 8
	minTFAdjust = -4
)

func (k *Linker) planTF() {
	for ci, c := range k.Comparisons {
		if slices.Contains(tfComparisons(), c.Name) && len(k.tf) < maxTF { // (a test keeps tfComparisons within maxTF)
			k.tf = append(k.tf, termFreq{comp: ci, at: len(k.tf)})
		}
	}
}

// countTF fills, for the i-th term-frequency comparison, how common each
// record's value is among all the records of the report. Values are
// counted by their hash, as blocking keys them.
func (k *Linker) countTF(i int) {
	t := &k.tf[i]
	get := exactValue()[k.Comparisons[t.comp].Name]
	counts := map[uint64]float64{}
	n := countValues(counts, k.Left, get)
	if !k.Dedupe {
		n += countValues(counts, k.Right, get)
	}
	t.n = int(n)
	if t.n == 0 {
		return
	}
	for v, c := range counts { // a logarithm a value, not a record
		counts[v] = math.Log2(float64(float32(c) / float32(t.n)))
	}
	freq := func(recs []ingest.Record, facts []recordFacts) {
		for i := range recs {
			facts[i].logTF[t.at] = math.Inf(-1)
			if v := get(&recs[i]); v != 0 {
				facts[i].logTF[t.at] = counts[v]
			}
		}
	}
	freq(k.Left.Records, k.lfacts)
	if !k.Dedupe {
		freq(k.rrecs, k.rfacts)
	}
}

// tfAdjust returns the term-frequency adjustment of comparison t for a
// pair at the exact level: log2(u_exact / frequency of the value), the
// more common of the pair's two values counting. logU is log2(u_exact)
// (see logExactU).
func (k *Linker) tfAdjust(t *termFreq, logU float64, l, r int32) float64 {
	logF := max(k.lfacts[l].logTF[t.at], k.rfacts[r].logTF[t.at])
	if math.IsInf(logF, -1) {
		return 0
	}
	return max(minTFAdjust, min(maxTFAdjust, logU-logF))
}

// logExactU returns, by position in k.tf, log2 of the model's u
// probability for the comparison's exact level, as tfAdjust takes it.
func (k *Linker) logExactU(model *Model) [maxTF]float64 {
	var out [maxTF]float64
	for i, t := range k.tf {
		out[i] = math.Log2(clamp(model.Comparisons[t.comp].Levels[1].U))
	}
	return out
}

// Stats counts what blocking did. Counters are per rule, in Rules order.
type Stats struct {
	Pairs       []int64 `json:"pairs"`        // candidate pairs credited to each rule
	CappedPairs []int64 `json:"capped_pairs"` // pairs not compared because the block was over MaxBlock
	warmed      uint64  // what warm read, kept so that the reads stay
}

// Add adds o's counts to s.
func (s *Stats) Add(o Stats) {
	if s.Pairs == nil {
		s.Pairs = make([]int64, len(o.Pairs))
		s.CappedPairs = make([]int64, len(o.CappedPairs))
	}
	for i := range o.Pairs {
		s.Pairs[i] += o.Pairs[i]
		s.CappedPairs[i] += o.CappedPairs[i]
	}
}

// Total is the number of candidate pairs compared.
func (s *Stats) Total() int64 {
	var t int64
	for _, p := range s.Pairs {
		t += p
	}
	return t
}

// NewLinker prepares a report over two datasets (the same one twice for
// duplicates within it). maxBlock 0 means DefaultMaxBlock. It runs
// PrepareLinker's steps in turn.
func NewLinker(rep *Report, left, right *ingest.Dataset, maxBlock int) *Linker {
	k, phases := PrepareLinker(rep, left, right, maxBlock)
	for _, steps := range phases {
		for _, step := range steps {
			step()
		}
	}
	return k
}

// PrepareLinker returns a report's linker over two datasets and the steps
// that finish it, in four phases: the records' order for scoring, then the
// right-hand records copied in that order (see layOut; both empty within
// one dataset), then every blocking rule's keys (a step a run of records,
// each record visited once for all the rules), the term-frequency tables
// and the household keys, then each rule's index.
// The steps of a phase write separate parts of the linker, so a caller may
// run them at once (the command's pipeline spreads them over its workers);
// a phase must finish before the next starts, and the linker must not be
// used until all have run.
func PrepareLinker(rep *Report, left, right *ingest.Dataset, maxBlock int) (*Linker, [][]func()) {
	if maxBlock <= 0 {
		maxBlock = DefaultMaxBlock
	}
	k := &Linker{Report: rep, Left: left, Right: right, Dedupe: left == right, MaxBlock: maxBlock}
	both := func(fields []string) bool {
		l, r := false, false
		for _, f := range fields {
			l = l || left.Has(f)
			r = r || right.Has(f)
		}
		return l && r
	}
	all := func(fields []string) bool {
		for _, f := range fields {
			if !left.Has(f) || !right.Has(f) {
				return false
			}
		}
		return true
	}
	kind, ok := matchings()[rep.Match]
	if !ok {
		kind = matchings()[MatchPerson]
	}
	for _, c := range kind.comparisons() {
		if both(c.Fields) && len(k.Comparisons) < maxComparisons {
			k.Comparisons = append(k.Comparisons, c)
		}
	}
	for _, b := range kind.rules() {
		if all(b.Fields) {
			k.Rules = append(k.Rules, b)
		}
	}
	k.samePerson = NewSamePersonRule()
	reqs := requirements()
	for _, r := range rep.Requires {
		k.checks = append(k.checks, reqs[r])
	}
	k.lkeys = make([][]blockKey, len(k.Rules))
	k.rkeys = make([][]blockKey, len(k.Rules))
	k.blocks = make([]blocks, len(k.Rules))
	k.lblock = make([][]int32, len(k.Rules))
	// The term-frequency and household steps fill different fields of
	// these, so they may run at once.
	k.lfacts = make([]recordFacts, len(left.Records))
	k.rfacts = k.lfacts
	k.rrecs = right.Records
	var order, copies []func()
	if !k.Dedupe {
		k.rfacts = make([]recordFacts, len(right.Records))
		k.rrecs = make([]ingest.Record, len(right.Records))
		order, copies = k.layOut()
	}
	for ri := range k.Rules {
		k.lkeys[ri] = make([]blockKey, len(left.Records))
		k.rkeys[ri] = k.lkeys[ri]
		if !k.Dedupe {
			k.rkeys[ri] = make([]blockKey, len(right.Records))
		}
	}
	var keySteps []func()
	addKeys := func(recs []ingest.Record, keys [][]blockKey) {
		for lo := 0; lo < len(recs); lo += keyRun {
			hi := min(lo+keyRun, len(recs))
			keySteps = append(keySteps, func() { k.fillKeys(recs, keys, lo, hi) })
		}
	}
	// The left-hand records' keys and facts are worked out in file order,
	// reading the records from one end to the other, and put in scoring
	// order once the indexes are built. The right-hand records are read
	// from rrecs, which the layout phase fills before these run.
	addKeys(left.Records, k.lkeys)
	if !k.Dedupe {
		addKeys(k.rrecs, k.rkeys)
	}
	k.planTF()
	for i := range k.tf {
		keySteps = append(keySteps, func() { k.countTF(i) })
	}
	first := append(keySteps, func() {
		householdKeys(left.Records, k.lfacts)
		if !k.Dedupe {
			householdKeys(k.rrecs, k.rfacts)
		}
	})
	indexes := []func(){func() {
		k.tf = slices.DeleteFunc(k.tf, func(t termFreq) bool { return t.n == 0 })
	}, func() {
		if !k.Dedupe {
			byPosition(k.lfacts, k.lorig)
		}
	}}
	for ri := range k.Rules {
		indexes = append(indexes, func() {
			index := newBlockIndex(k.rkeys[ri])
			k.lblock[ri] = index.positions(k.lkeys[ri], k.lpos)
			k.blocks[ri] = index.byFirstRecord(k.lblock[ri])
			k.lkeys[ri], k.rkeys[ri] = nil, nil // the index and the positions hold them now
		})
	}
	return k, [][]func(){order, copies, first, indexes}
}

// layOut returns the two phases of steps that lay the records out for
// scoring: the records' order (rorig; lorig and lpos), then the
// right-hand records copied, forms and all, into rrecs in that order. Most
// candidate pairs share a postcode or its district (the blocking rules
// key on them), so left records scored in postcode order find their
// candidates side by side in rrecs, and one record's candidates are often
// the last one's: on a million records a side this scored pairs some
// 40% faster than file order, which scatters a postcode's records over
// the whole dataset, and nearly twice as fast at ten million against one.
func (k *Linker) layOut() (order, copies []func()) {
	// The right-hand records are read in file order and each written to
	// its place, its forms at an offset worked out beforehand: reading
	// them in their new order instead jumped about the whole dataset.
	var rpos []int32 // right-hand record -> position
	var at []int     // by position: where its forms go in the slab
	var slab *arena.Slab
	order = []func(){
		func() {
			k.rorig = byPostcode(k.Right.Records)
			rpos = inverse(k.rorig)
			at = make([]int, len(k.rorig)+1)
			for r := range k.Right.Records {
				at[rpos[r]+1] = k.Right.Records[r].FormsLen()
			}
			for p := range k.rorig {
				at[p+1] += at[p]
			}
			slab = arena.NewSlab(at[len(k.rorig)])
		},
		func() {
			k.lorig = byPostcode(k.Left.Records)
			k.lpos = inverse(k.lorig)
		},
	}
	for lo := 0; lo < len(k.rrecs); lo += keyRun {
		hi := min(lo+keyRun, len(k.rrecs))
		copies = append(copies, func() {
			for r := lo; r < hi; r++ {
				p := rpos[r]
				k.rrecs[p] = k.Right.Records[r].WithFormsAt(slab, at[p])
			}
		})
	}
	return order, copies
}

// inverse returns the inverse of a permutation of 0..len(perm)-1.
func inverse(perm []int32) []int32 {
	inv := make([]int32, len(perm))
	for p, r := range perm {
		inv[r] = int32(p)
	}
	return inv
}

// byPostcode returns the positions of recs ordered by postcode district
// and, within it, by postcode (by their hashes: the order of districts is
// arbitrary, but each district's records and each postcode's come
// together), records without a postcode last, in file order otherwise.
func byPostcode(recs []ingest.Record) []int32 {
	es := make([]uint64, len(recs))
	for i := range recs {
		key := uint64(math.MaxUint32)
		if pc := postcodeOf(&recs[i]); pc.Full != "" {
			key = hashKey(postcodeDistrict(pc))>>48<<16 | hashKey(pc.Full)>>48
		}
		es[i] = key<<32 | uint64(i)
	}
	sortByKey(es, nil)
	order := make([]int32, len(es))
	for i, e := range es {
		order[i] = entryRecord(e)
	}
	return order
}

// byPosition puts xs, given by left-hand record, in left position order
// (xs[p] becomes what xs[lorig[p]] was; nothing moves when lorig is nil).
// It works in place, following each cycle of the permutation, so that
// ten million records' facts are not held twice.
func byPosition[T any](xs []T, lorig []int32) {
	if lorig == nil {
		return
	}
	done := make([]uint64, (len(xs)+63)/64)
	for start := range xs {
		if done[start/64]>>(start%64)&1 != 0 {
			continue
		}
		first, p := xs[start], start
		for {
			done[p/64] |= 1 << (p % 64)
			from := int(lorig[p])
			if from == start {
				xs[p] = first
				break
			}
			xs[p] = xs[from]
			p = from
		}
	}
}

// mapped is perm[i], or i when perm is nil: with lorig, the left-hand
// record at a left position (see Linker.origLeft); with lpos, the
// position of a left-hand record.
func mapped(perm []int32, i int) int {
	if perm == nil {
		return i
	}
	return int(perm[i])
}

// origRight is the right-hand record at right position r.
func (k *Linker) origRight(r int32) int32 { return int32(mapped(k.rorig, int(r))) }

// origLeft is the left-hand record at left position l.
func (k *Linker) origLeft(l int32) int32 { return int32(mapped(k.lorig, int(l))) }

// leftAt is the left-hand record at left position l.
func (k *Linker) leftAt(l int32) *ingest.Record {
	return &k.Left.Records[k.origLeft(l)]
}

// keyRun is how many records a step of blocking keys covers.
const keyRun = 1 << 16

// fillKeys computes every rule's key for records [lo, hi) into
// keys[rule].
func (k *Linker) fillKeys(recs []ingest.Record, keys [][]blockKey, lo, hi int) {
	for i := lo; i < hi; i++ {
		r := &recs[i]
		for ri, b := range k.Rules {
			keys[ri][i] = foldKey(b.key(r))
		}
	}
}

// blockKey is a record's key under one blocking rule: its fields' hash
// folded to 32 bits, 0 for none. Two keys that differ can fold to one, so
// a block may hold a stranger or two for a few of the million keys; they
// are compared and scored like any candidate, so nothing is lost but a
// little time, and the keys take half the memory (a 10-million-record run
// holds a key per record per rule).
type blockKey uint32

// foldKey folds a rule's 64-bit hash to a blockKey, keeping 0 for none.
func foldKey(h uint64) blockKey {
	if h == 0 {
		return 0
	}
	k := blockKey(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// blockIndex finds the right-hand records that share a blocking key: an
// entry key<<32 | record for each record with a key, sorted (by key, then
// record), each key's run found by binary search within its bucket. Key
// and record sit side by side, so finding a block costs a cache miss for
// its bucket and one for its entries, where separate arrays of keys and
// records cost one more. It takes 8 bytes a record, where a map of slices
// took some 60. It serves while the linker is prepared: the left-hand
// records' keys are looked up in it once, all together (positions), and
// scoring reads the same blocks rearranged by their first record
// (byFirstRecord), each from where it starts.
type blockIndex struct {
	entries []uint64 // key<<32 | record, sorted
	// starts[b] is where the entries whose keys' top bits are b begin
	// (keys are hashes, so the buckets are even): a search starts within
	// a bucket of a few entries instead of the whole index.
	starts []int32
	shift  uint // key >> shift is its bucket
}

// blockRun is one key's entries in a blockIndex, in record order (shared:
// do not modify). entryRecord gives each entry's record.
type blockRun []uint64

// entryRecord is the record of a blockIndex entry.
func entryRecord(e uint64) int32 { return int32(uint32(e)) }

// entryKey is the key of a blockIndex entry.
func entryKey(e uint64) blockKey { return blockKey(e >> 32) }

// bucketBits is how many of a key's top bits pick its bucket: about one
// bucket for every 8 keys, between 2^4 and 2^20 buckets.
func bucketBits(n int) uint {
	bits := uint(4)
	for bits < 20 && 8<<bits < n {
		bits++
	}
	return bits
}

func newBlockIndex(keys []blockKey) blockIndex {
	n := 0
	for _, key := range keys {
		if key != 0 {
			n++
		}
	}
	es := make([]uint64, 0, n) // sized first: growing it by appends cost as much again in garbage
	for r, key := range keys {
		if key != 0 {
			es = append(es, uint64(key)<<32|uint64(uint32(r)))
		}
	}
	sortByKey(es, nil) // made in record order, so left sorted by key and then record
	b := blockIndex{entries: es}
	bits := bucketBits(len(es))
	b.shift = 32 - bits
	b.starts = make([]int32, 1<<bits+1)
	for _, e := range es {
		b.starts[entryKey(e)>>b.shift+1]++
	}
	for i := 1; i < len(b.starts); i++ {
		b.starts[i] += b.starts[i-1]
	}
	return b
}

// find returns where key's first entry is, or -1 when no entry has it.
func (b *blockIndex) find(key blockKey) int32 {
	if len(b.entries) == 0 || key == 0 {
		return -1
	}
	bucket := key >> b.shift
	first, end := int(b.starts[bucket]), int(b.starts[bucket+1])
	// The first entry of key, if any, is where key<<32 (record 0) would go.
	i, _ := slices.BinarySearch(b.entries[first:end], uint64(key)<<32)
	lo := first + i
	if lo == end || entryKey(b.entries[lo]) != key {
		return -1
	}
	return int32(lo)
}

// byFirstRecord returns the index's blocks for scoring (see blocks), and
// moves each left position's block start in lblock (from positions) to
// where its block is now. The index itself is left as it was.
func (b *blockIndex) byFirstRecord(lblock []int32) blocks {
	// Each block, as its first record<<32 | where it starts now.
	var order []uint64
	for i := 0; i < len(b.entries); i++ {
		if i == 0 || entryKey(b.entries[i]) != entryKey(b.entries[i-1]) {
			order = append(order, uint64(entryRecord(b.entries[i]))<<32|uint64(i))
		}
	}
	sortByKey(order, nil)
	out := blocks{entries: make([]uint64, 0, len(b.entries)), long: map[int32]int32{}}
	moved := make([]int32, len(b.entries)) // by old start: the new one
	for _, o := range order {
		lo := int(uint32(o))
		hi := lo + 1
		for hi < len(b.entries) && entryKey(b.entries[hi]) == entryKey(b.entries[lo]) {
			hi++
		}
		moved[lo] = int32(len(out.entries))
		if hi-lo > stepBlock {
			out.long[int32(len(out.entries))] = int32(hi - lo)
		}
		out.entries = append(out.entries, b.entries[lo:hi]...)
	}
	for p, pos := range lblock {
		if pos >= 0 {
			lblock[p] = moved[pos]
		}
	}
	return out
}

// blocks holds a blocking rule's blocks of right-hand records for
// scoring: each key's entries (key<<32 | record, records ascending)
// together, as in the index, but the blocks in the order of their first
// record rather than of their keys. The right-hand records are laid out
// by postcode (see layOut), so the blocks of one postcode or district lie
// together too, and left records scored in that order read them from the
// cache instead of from all over the index.
type blocks struct {
	entries []uint64
	long    map[int32]int32 // start -> length, for the blocks longer than stepBlock
}

// stepBlock is the longest block whose end at finds by stepping through
// it; longer ones, rare, are looked up in blocks.long.
const stepBlock = 32

// at returns the block that starts at pos.
func (b *blocks) at(pos int32) blockRun {
	lo := int(pos)
	key := entryKey(b.entries[lo])
	hi := lo + 1
	for hi < len(b.entries) && hi-lo <= stepBlock && entryKey(b.entries[hi]) == key {
		hi++
	}
	if hi-lo > stepBlock {
		hi = lo + int(b.long[pos])
	}
	return b.entries[lo:hi]
}

// positions returns, for each left position, where the block of its
// record's key starts in the index (as find), -1 for none; keys are by
// left-hand record, and lpos gives each record's position (nil: its own).
// It joins a left-hand dataset's keys to the right-hand index once, so
// that finding a record's candidates later reads its block straight away
// instead of searching for it. The keys of a large index are looked up in
// key order, so that the search walks the index from one end to the other
// instead of jumping about it; a small one stays in the cache, and is
// searched key by key.
func (b *blockIndex) positions(keys []blockKey, lpos []int32) []int32 {
	pos := make([]int32, len(keys))
	if len(b.entries) <= cachedIndex {
		for l, key := range keys {
			pos[mapped(lpos, l)] = b.find(key)
		}
		return pos
	}
	byKey := make([]uint64, 0, len(keys))
	for l, key := range keys {
		pos[mapped(lpos, l)] = -1
		if key != 0 {
			byKey = append(byKey, uint64(key)<<32|uint64(uint32(l)))
		}
	}
	sortByKey(byKey, nil)
	last, at := blockKey(0), int32(-1)
	for _, e := range byKey {
		if key := entryKey(e); key != last {
			last, at = key, b.find(key)
		}
		pos[mapped(lpos, int(entryRecord(e)))] = at
	}
	return pos
}

// cachedIndex is the most entries an index may have for positions to
// search it key by key: 512 KiB of them, which stay in a core's cache.
const cachedIndex = 1 << 16

// warm reads, for each right record in found (record<<8 | rule), the
// first byte of its normalised forms and its facts, before any is
// compared. Each is a cache miss; read in a loop of their own, the
// processor has several under way at once, where comparing pair after
// pair waited for each in turn.
func (k *Linker) warm(found []uint64) uint64 {
	var sum uint64
	for _, f := range found {
		r := int32(f >> 8)
		rec := &k.rrecs[r]
		sum += uint64(rec.Person.Touch()) + k.rfacts[r].hh.addr
		if rec.Supplier != nil { // on the record's next cache line, read by every comparison of an address
			sum++
		}
	}
	return sum
}

// leftBlock returns the right-hand records that share left record l's
// key under rule ri (none when it has no key, or no right-hand record has
// it).
func (k *Linker) leftBlock(ri, l int) blockRun {
	pos := k.lblock[ri][l]
	if pos < 0 {
		return nil
	}
	return k.blocks[ri].at(pos)
}

// warmAhead is how many left records candidates reads ahead (warmLeft).
const warmAhead = 64

// warmLeft reads, as warm does for right records, the left records whose
// pairs come next (at positions [lo, hi)).
func (k *Linker) warmLeft(lo, hi int) uint64 {
	var sum uint64
	for l := lo; l < hi; l++ {
		sum += uint64(k.leftAt(int32(l)).Person.Touch()) + k.lfacts[l].hh.addr
	}
	return sum
}

// Release drops what only finding, training on and scoring pairs needs
// (the layout, blocks and facts), keeping what reports read of the linker
// (Comparisons, Rules, Dedupe): a run holds every report's results while
// it writes them, and each linker's blocks and copy of the right-hand
// records were as large as the matches. The linker must not find, train
// on or score pairs afterwards.
func (k *Linker) Release() {
	k.rrecs, k.rorig, k.lorig, k.lpos = nil, nil, nil, nil
	k.blocks, k.lblock = nil, nil
	k.lfacts, k.rfacts = nil, nil
}

// PossiblePairs is how many pairs the report could compare: left x right,
// or n(n-1)/2 within one dataset.
func (k *Linker) PossiblePairs() float64 {
	n, m := float64(len(k.Left.Records)), float64(len(k.Right.Records))
	if k.Dedupe {
		return n * (n - 1) / 2
	}
	return n * m
}

// LeftLen is the number of left-hand records, the range workers split.
func (k *Linker) LeftLen() int { return len(k.Left.Records) }

// NewStats returns zeroed counters sized for the linker's rules.
func (k *Linker) NewStats() Stats {
	return Stats{Pairs: make([]int64, len(k.Rules)), CappedPairs: make([]int64, len(k.Rules))}
}

// candidates calls fn for every candidate pair whose left position is in
// [lo, hi) and, given in, whose left-hand record is in the sample in says
// (see LeftSample); each pair once, credited to the first rule that finds
// it, in a fixed order (left, right). fn gets both records as positions.
func (k *Linker) candidates(lo, hi int, in LeftSample, st *Stats, fn func(l, r int32, rule int)) {
	// Each left record's pairs from every rule are gathered as
	// record<<8 | rule and sorted: a pair found by several rules then comes
	// first with the first of them, and the others are skipped, without
	// looking up the right-hand record's key under each earlier rule (a
	// cache miss a rule a pair).
	var found []uint64
	for l := lo; l < hi; l++ {
		if !k.inSample(in, l) {
			continue
		}
		if (l-lo)%warmAhead == 0 {
			st.warmed += k.warmLeft(l, min(l+warmAhead, hi))
		}
		found = found[:0]
		for ri := range k.Rules {
			block := k.leftBlock(ri, l)
			if len(block) > k.MaxBlock {
				st.CappedPairs[ri] += int64(len(block))
				continue
			}
			for _, e := range block {
				r := entryRecord(e)
				if k.Dedupe && int(r) <= l {
					continue
				}
				found = append(found, uint64(uint32(r))<<8|uint64(ri))
			}
		}
		slices.Sort(found)
		st.warmed += k.warm(found)
		last := int32(-1)
		for _, f := range found {
			r, ri := int32(f>>8), int(f&0xFF)
			if r == last {
				continue // an earlier rule found it
			}
			last = r
			st.Pairs[ri]++
			fn(int32(l), r, ri)
		}
	}
}

// sameCreditor reports whether two creditor references are one creditor,
// or two records of one supplier.
func (k *Linker) sameCreditor(a, b string) bool {
	if a == b {
		return a != ""
	}
	if b < a {
		a, b = b, a
	}
	return k.DuplicateCreditors[[2]string{a, b}]
}

// holds reports whether a pair (r in rrecs) meets the report's condition
// and requirements.
func (k *Linker) holds(l, r int32) bool {
	a, b := k.leftAt(l), &k.rrecs[r]
	if !k.Report.Holds(a, b, k.Left, k.Right) {
		return false
	}
	for _, check := range k.checks {
		if !check(k, a, b) {
			return false
		}
	}
	return true
}

// SamePersonAt lists the right-hand records at the left record's property
// that are the same person as it (see SamePerson): for the single person
// discount report, the liable person's own register entries. Sorted, each
// once.
func (k *Linker) SamePersonAt(l int32) []int32 {
	a := &k.Left.Records[l]
	l = int32(mapped(k.lpos, int(l)))
	seen := map[int32]bool{}
	var out []int32
	for ri := range k.Rules {
		block := k.leftBlock(ri, int(l))
		if len(block) > k.MaxBlock {
			continue
		}
		for _, e := range block {
			r := entryRecord(e)
			b := &k.rrecs[r]
			if !seen[r] && householdOf(a).same(householdOf(b)) && k.samePerson.Same(a, b) {
				seen[r] = true
				out = append(out, k.origRight(r))
			}
		}
	}
	slices.Sort(out)
	return out
}

// Candidates calls fn for every candidate pair with its left record at
// positions [lo, hi) of the scoring order (as Score), each once, with the
// rule it is credited to: what blocking lets through, for measuring
// blocking recall. fn gets the records' positions in their datasets.
func (k *Linker) Candidates(lo, hi int, st *Stats, fn func(l, r int32, rule int)) {
	k.candidates(lo, hi, nil, st, func(l, r int32, rule int) { fn(k.origLeft(l), k.origRight(r), rule) })
}

// compare fills levels (len(k.Comparisons)) for a pair (r in rrecs).
func (k *Linker) compare(l, r int32, levels []uint8) {
	k.compareRecords(k.leftAt(l), &k.rrecs[r], levels)
}

// compareRecords fills levels (len(k.Comparisons)) for two records.
func (k *Linker) compareRecords(a, b *ingest.Record, levels []uint8) {
	for ci, c := range k.Comparisons {
		levels[ci] = c.level(a, b)
	}
}

// bound lets Score stop comparing a pair as soon as the comparisons left
// cannot lift its weight to the threshold, however well they agree: most
// candidate pairs are strangers, told apart by the first few comparisons.
// It is an upper bound, so no pair that could match is dropped.
type bound struct {
	on   bool       // false: compare every pair in full (no finite threshold, or a model Score cannot bound)
	need float64    // the weight the threshold asks for, less a margin for rounding
	base [2]float64 // [household]: the prior's weight, with the household's when it applies
	// order is the comparisons in the order they are tried: cheapest
	// first (Comparison.Cost), then as listed.
	order []int
	// rest[hh][i] is the most comparisons order[i:] can add together.
	rest [2][]float64
	// tfMost is, by comparison, the largest term-frequency adjustment (0
	// when none): at most maxTFAdjust, and at most what the left record's
	// own value allows once forLeft has set it.
	tfMost []float64
	// exact and other are, by comparison, the weight of the exact level
	// and the most any other level adds, outside a household.
	exact, other []float64
	model        *Model
}

func (k *Linker) newBound(model *Model, threshold float64) *bound {
	b := &bound{}
	if model.HouseholdOnce || threshold <= 0 || threshold >= 1 || len(model.Comparisons) != len(k.Comparisons) {
		return b
	}
	b.on = true
	b.need = math.Log2(threshold/(1-threshold)) - 1e-6
	b.base[0] = model.PriorWeight()
	b.base[1] = model.PriorWeight() + model.HouseholdWeight
	b.tfMost = make([]float64, len(k.Comparisons))
	for i := range k.tf {
		b.tfMost[k.tf[i].comp] = maxTFAdjust
	}
	n := len(k.Comparisons)
	b.order = make([]int, n)
	for i := range b.order {
		b.order[i] = i
	}
	slices.SortStableFunc(b.order, func(x, y int) int { return cmp.Compare(k.Comparisons[x].Cost, k.Comparisons[y].Cost) })
	b.exact, b.other = make([]float64, n), make([]float64, n)
	for ci, c := range model.Comparisons {
		b.other[ci] = math.Inf(-1)
		for l := range c.Levels {
			if l == 1 {
				b.exact[ci] = c.Levels[l].Weight
			} else {
				b.other[ci] = max(b.other[ci], b.contribution(model, false, ci, uint8(l)))
			}
		}
	}
	for hh := range 2 {
		b.rest[hh] = make([]float64, n+1)
		for i := n - 1; i >= 0; i-- {
			ci := b.order[i]
			most := math.Inf(-1)
			for l := range model.Comparisons[ci].Levels {
				most = max(most, b.contribution(model, hh == 1, ci, uint8(l)))
			}
			b.rest[hh][i] = b.rest[hh][i+1] + most
		}
	}
	b.model = model
	return b
}

// forLeft tightens the bound for the pairs of left record l: a pair's
// term-frequency adjustment is at most what the left record's own value
// allows (the more common of the pair's two values counts; see tfAdjust),
// so a pair agreeing on a common name cannot be lifted as far as one
// agreeing on a rare name, and is told apart sooner. logU is as
// logExactU gives it.
func (b *bound) forLeft(k *Linker, l int32, logU *[maxTF]float64) {
	if !b.on || len(k.tf) == 0 {
		return
	}
	for i := range k.tf {
		t := &k.tf[i]
		b.tfMost[t.comp] = maxTFAdjust
		if f := k.lfacts[l].logTF[t.at]; !math.IsInf(f, -1) {
			b.tfMost[t.comp] = max(minTFAdjust, min(maxTFAdjust, logU[i]-f))
		}
	}
	for i := len(b.order) - 1; i >= 0; i-- {
		ci := b.order[i]
		b.rest[0][i] = b.rest[0][i+1] + max(b.other[ci], b.exact[ci]+b.tfMost[ci])
	}
}

// contribution is the most a comparison at level l adds to a pair's
// weight (see Model.Weight), term-frequency adjustment included.
func (b *bound) contribution(model *Model, household bool, ci int, l uint8) float64 {
	c := &model.Comparisons[ci]
	lv := &c.Levels[l]
	switch {
	case !household:
		if l == 1 {
			return lv.Weight + b.tfMost[ci]
		}
		return lv.Weight
	case !c.Household:
		return lv.WeightHousehold
	}
	return 0
}

// compareUpTo fills levels for a pair, as compare does, unless the bound
// shows part way that the pair cannot reach the threshold: then it
// returns false and levels are partly filled.
func (k *Linker) compareUpTo(l, r int32, levels []uint8, b *bound, household bool) bool {
	if !b.on {
		k.compare(l, r, levels)
		return true
	}
	hh := 0
	if household {
		hh = 1
	}
	a, c := k.leftAt(l), &k.rrecs[r]
	w := b.base[hh]
	for i, ci := range b.order {
		if w+b.rest[hh][i] < b.need {
			return false
		}
		lv := k.Comparisons[ci].level(a, c)
		levels[ci] = lv
		w += b.contribution(b.model, household, ci, lv)
	}
	return w >= b.need
}

// Levels returns the comparison levels of one pair, for explanations.
func (k *Linker) Levels(l, r int32) []uint8 {
	out := make([]uint8, len(k.Comparisons))
	k.compareRecords(&k.Left.Records[l], &k.Right.Records[r], out)
	return out
}

// pattern packs a pair's levels, and whether it shares a household, into
// one number: training needs only how many pairs share each pattern.
func (k *Linker) pattern(l, r int32, levels []uint8) uint64 {
	var p uint64
	for i, lv := range levels {
		p |= uint64(lv&0xF) << (4 * uint(i))
	}
	if k.sameHousehold(l, r) {
		p |= householdBit
	}
	return p
}

// LeftSample says which left-hand records (by position in their dataset)
// are in a sample: training counts the pairs of a sample of the left
// records, taken in file order, while the linker goes through them in its
// scoring order. nil means every record.
type LeftSample func(l int32) bool

// inSample reports whether the record at left position l is in the
// sample in (every record when in is nil).
func (k *Linker) inSample(in LeftSample, l int) bool {
	return in == nil || in(k.origLeft(int32(l)))
}

// CountPatterns adds to counts, for every candidate pair with its left
// record at positions [lo, hi) of the scoring order and in the sample,
// the pair's comparison pattern: training needs only how many pairs share
// each pattern, not the pairs, so the counts over all positions are the
// same however the records are laid out.
func (k *Linker) CountPatterns(lo, hi int, in LeftSample, counts map[uint64]int64, st *Stats) {
	levels := make([]uint8, len(k.Comparisons))
	k.candidates(lo, hi, in, st, func(l, r int32, _ int) {
		k.compare(l, r, levels)
		counts[k.pattern(l, r, levels)]++
	})
}

// TrainingRules returns the positions in Rules of the rules whose pairs
// train m (those with Fixes), and for each the comparisons it fixes.
func (k *Linker) TrainingRules() (rules []int, fixed [][]bool) {
	for ri, b := range k.Rules {
		if len(b.Fixes) == 0 {
			continue
		}
		f := make([]bool, len(k.Comparisons))
		for ci, c := range k.Comparisons {
			for _, name := range b.Fixes {
				if c.Name == name {
					f[ci] = true
				}
			}
		}
		rules = append(rules, ri)
		fixed = append(fixed, f)
	}
	return rules, fixed
}

// CountSessionPatterns adds, for each training rule (in TrainingRules
// order), the patterns of every pair with its left record at positions
// [lo, hi) and in the sample (as CountPatterns) that shares the rule's
// key, whichever rule it is credited to.
func (k *Linker) CountSessionPatterns(lo, hi int, in LeftSample, rules []int, counts []map[uint64]int64) {
	levels := make([]uint8, len(k.Comparisons))
	for si, ri := range rules {
		for l := lo; l < hi; l++ {
			if !k.inSample(in, l) {
				continue
			}
			block := k.leftBlock(ri, l)
			if len(block) > k.MaxBlock {
				continue
			}
			for _, e := range block {
				r := entryRecord(e)
				if k.Dedupe && int(r) <= l {
					continue
				}
				k.compare(int32(l), r, levels)
				counts[si][k.pattern(int32(l), r, levels)]++
			}
		}
	}
}

// Match is one scored pair at or above the report's threshold whose
// condition holds.
type Match struct {
	Left, Right int32   // record positions in the left and right datasets
	Levels      []uint8 // level per comparison, in Linker.Comparisons order
	// Household says the two records are at one property, which changes
	// how the comparisons are weighed (see Model.Weight).
	Household bool
	// Adjust holds, by comparison, the term-frequency adjustment added to
	// the level's weight (nil when there is none).
	Adjust      []float64
	Weight      float64
	Probability float64
	Rule        uint8 // the blocking rule that found it
	// Recommended marks the strongest matches of a report, the ones an
	// investigator should look at first (see Recommend).
	Recommended bool
}

// RecommendedShare is the share of a report's matches flagged as
// recommended: the national exercise's recommended filter releases about
// 15% of matches as the ones to look at first.
const RecommendedShare = 0.15

// Recommend flags the strongest share of matches (sorted strongest first)
// as recommended: the first ceil(share x n), and any tied with the last of
// them, so that equal matches are treated alike.
func Recommend(ms []Match, share float64) {
	n := int(math.Ceil(share * float64(len(ms))))
	for i := range ms {
		ms[i].Recommended = i < n || (n > 0 && ms[i].Probability == ms[n-1].Probability && ms[i].Weight == ms[n-1].Weight)
	}
}

// Score compares every candidate pair whose left record is at positions
// [lo, hi) of the scoring order (the left records by postcode; see
// layOut) and returns those at or above threshold whose condition holds,
// in that order. Scoring [0, LeftLen()) in parts, in any way, scores
// every left record once. It allocates only for the matches it returns.
func (k *Linker) Score(lo, hi int, model *Model, threshold float64, st *Stats) []Match {
	var out []Match
	levels := make([]uint8, len(k.Comparisons))
	b := k.newBound(model, threshold)
	prior := model.PriorWeight()
	logU := k.logExactU(model)
	// A match's levels and adjustments are carved from blocks of many,
	// not allocated one by one.
	var lvSlab []uint8
	var adjSlab []float64
	last := int32(-1)
	k.candidates(lo, hi, nil, st, func(l, r int32, rule int) {
		if l != last {
			b.forLeft(k, l, &logU)
			last = l
		}
		hh := k.sameHousehold(l, r)
		if !k.compareUpTo(l, r, levels, b, hh) {
			return // it cannot reach the threshold, whatever the rest say
		}
		w := model.weightFrom(prior, levels, hh)
		var adj [maxComparisons]float64
		adjusted := false
		for i := range k.tf {
			t := &k.tf[i]
			// Within a household a shared surname or postcode is expected:
			// its rarity is no extra evidence.
			if !hh && levels[t.comp] == 1 {
				a := k.tfAdjust(t, logU[i], l, r)
				adj[t.comp] = a
				w += a
				adjusted = true
			}
		}
		if b.on && w < b.need {
			return // below the threshold: no need to work out by how much
		}
		p := Probability(w)
		if p < threshold {
			return
		}
		if !k.holds(l, r) {
			return
		}
		m := Match{Left: k.origLeft(l), Right: k.origRight(r), Levels: carve(&lvSlab, levels), Household: hh, Weight: w, Probability: p, Rule: uint8(rule)}
		if adjusted {
			m.Adjust = carve(&adjSlab, adj[:len(levels)])
		}
		out = append(out, m)
	})
	return out
}

// carve returns a copy of xs taken from the free end of *slab, which it
// replaces with a new block when xs does not fit: the copies of a chunk's
// matches share a few blocks instead of an allocation each. Blocks start
// at room for 16 copies and double up to carveBlock values, so a chunk of
// few matches wastes little. The copy's capacity is its length, so
// appending to it cannot reach the next.
func carve[T any](slab *[]T, xs []T) []T {
	if cap(*slab)-len(*slab) < len(xs) {
		*slab = make([]T, 0, max(16*len(xs), min(2*cap(*slab), carveBlock)))
	}
	n := len(*slab)
	*slab = append(*slab, xs...)
	return (*slab)[n : n+len(xs) : n+len(xs)]
}

// carveBlock is the most values a block of carve holds.
const carveBlock = 4096

// levelCounts returns a zero count for each level of each comparison.
func (k *Linker) levelCounts() [][]int64 {
	counts := make([][]int64, len(k.Comparisons))
	for ci, c := range k.Comparisons {
		counts[ci] = make([]int64, len(c.Levels))
	}
	return counts
}

// SampleU compares n pairs drawn at random (seeded) and counts, per
// comparison, how many land in each level. Almost every random pair is two
// different people, so these counts estimate the u probabilities.
func (k *Linker) SampleU(seed int64, n int) [][]int64 {
	counts := k.levelCounts()
	nl, nr := len(k.Left.Records), len(k.Right.Records)
	if nl == 0 || nr == 0 || (k.Dedupe && nl < 2) {
		return counts
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6e6669)) // "nfi"
	levels := make([]uint8, len(k.Comparisons))
	for i := 0; i < n; i++ {
		l, r := int32(rng.IntN(nl)), int32(rng.IntN(nr))
		if k.Dedupe && l == r {
			continue
		}
		k.compareRecords(&k.Left.Records[l], &k.Right.Records[r], levels)
		for ci, lv := range levels {
			counts[ci][lv]++
		}
	}
	return counts
}

// SampleHousehold compares pairs of different records of one dataset that
// share a household and counts, per comparison, how many land in each
// level: how relatives and flatmates compare. Pairs that SamePerson takes
// for one person (a duplicate within the dataset, which a report within
// one dataset is looking for) are left out. It pairs up at
// most maxGroup records of each household and at most n pairs from each
// dataset, in record order, from the report's datasets and any others
// given (every person dataset of the job, say: the more households, the
// better the estimate; a comparison counts only pairs where both records
// have its values).
func (k *Linker) SampleHousehold(others []*ingest.Dataset, n, maxGroup int) HouseholdSample {
	steps, result := k.SampleHouseholdSteps(others, n, maxGroup)
	for _, step := range steps {
		step()
	}
	return result()
}

// SampleHouseholdSteps is SampleHousehold as independent steps, one a
// dataset, which a caller may run at once, and the function that adds
// their figures up once all have run.
func (k *Linker) SampleHouseholdSteps(others []*ingest.Dataset, n, maxGroup int) (steps []func(), result func() HouseholdSample) {
	seen := map[*ingest.Dataset]bool{}
	if k.Dedupe {
		// The report looks for duplicates within this dataset: its pairs at
		// one property are those duplicates as much as relatives.
		seen[k.Left] = true
	}
	var parts []*HouseholdSample
	for _, d := range append([]*ingest.Dataset{k.Left, k.Right}, others...) {
		if seen[d] || d.Kind.Entity != ingest.PersonEntity {
			continue
		}
		seen[d] = true
		part := &HouseholdSample{}
		parts = append(parts, part)
		steps = append(steps, func() { *part = k.sampleHouseholdOf(d, n, maxGroup) })
	}
	return steps, func() HouseholdSample {
		hs := HouseholdSample{Counts: k.levelCounts()}
		for _, p := range parts {
			hs.Pairs += p.Pairs
			hs.Possible += p.Possible
			for ci := range p.Counts {
				for lv, c := range p.Counts[ci] {
					hs.Counts[ci][lv] += c
				}
			}
		}
		return hs
	}
}

// householdGroups returns the dataset's records grouped by the property
// they are at, each group its first maxGroup records in file order, the
// groups in the order their first record comes. Sorting the records by
// property takes a fraction of the time and memory a map of groups took on
// a ten-million-record register.
func householdGroups(d *ingest.Dataset, maxGroup int) [][]int32 {
	type member struct {
		key uint64
		at  int32
	}
	ms := make([]member, 0, len(d.Records))
	for i := range d.Records {
		if key := householdOf(&d.Records[i]).key(); key != 0 {
			ms = append(ms, member{key, int32(i)})
		}
	}
	slices.SortFunc(ms, func(a, b member) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.at, b.at)
	})
	ids := make([]int32, len(ms))
	for i, m := range ms {
		ids[i] = m.at
	}
	// Where each group's run starts in ids (plus one; 0 for none), by its
	// first record, so that the groups come out in file order without
	// sorting them.
	startOf := make([]int32, len(d.Records))
	runs := 0
	for i := 0; i < len(ms); {
		startOf[ms[i].at] = int32(i) + 1
		runs++
		j := i + 1
		for j < len(ms) && ms[j].key == ms[i].key {
			j++
		}
		i = j
	}
	groups := make([][]int32, 0, runs)
	for _, s := range startOf {
		if s == 0 {
			continue
		}
		i := int(s - 1)
		j := i + 1
		for j < len(ms) && j-i < maxGroup && ms[j].key == ms[i].key {
			j++
		}
		groups = append(groups, ids[i:j:j])
	}
	return groups
}

// sampleHouseholdOf is SampleHousehold's figures for one dataset.
func (k *Linker) sampleHouseholdOf(d *ingest.Dataset, n, maxGroup int) HouseholdSample {
	hs := HouseholdSample{Counts: k.levelCounts()}
	counts := hs.Counts
	hs.Possible = float64(len(d.Records)) * float64(len(d.Records)-1) / 2
	groups := householdGroups(d, maxGroup)
	for _, g := range groups {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				if !k.samePerson.Same(&d.Records[g[i]], &d.Records[g[j]]) {
					hs.Pairs++
				}
			}
		}
	}
	taken := 0
	for _, g := range groups {
		for i := 0; i < len(g) && taken < n; i++ {
			for j := i + 1; j < len(g) && taken < n; j++ {
				a, b := &d.Records[g[i]], &d.Records[g[j]]
				if k.samePerson.Same(a, b) {
					continue // a duplicate within the dataset, not a relative
				}
				for ci, c := range k.Comparisons {
					if lv := c.level(a, b); lv != 0 {
						counts[ci][lv]++
					}
				}
				taken++
			}
		}
	}
	return hs
}

// HouseholdSample is what SampleHousehold found: per comparison, the
// levels of pairs of people who share a property, and how many such pairs
// there are out of all the pairs within the datasets.
type HouseholdSample struct {
	Counts   [][]int64
	Pairs    float64 // pairs of records of one dataset at one property
	Possible float64 // pairs of records of one dataset
}

// exactValue names, for comparisons whose level 1 means "the two values
// are equal", the value compared, as a key: equal values give equal keys
// (a hash, or the date itself), and 0 is the comparison's null.
func exactValue() map[string]func(r *ingest.Record) uint64 {
	return map[string]func(r *ingest.Record) uint64{
		"forenames": func(r *ingest.Record) uint64 { return hashKey(r.Person.Forename()) },
		"surname":   func(r *ingest.Record) uint64 { return hashKey(r.Person.Surname()) },
		"dob":       func(r *ingest.Record) uint64 { return dateKey(r.Person.DOB) },
		"ni_number": func(r *ingest.Record) uint64 { return hashKey(r.Person.NI()) },
		"other_id":  func(r *ingest.Record) uint64 { return hashKey(r.Person.OtherID()) },
		"postcode":  func(r *ingest.Record) uint64 { return hashKey(postcodeOf(r).Full) },
		"town":      func(r *ingest.Record) uint64 { return hashKey(r.Person.Town()) },
		"uprn":      func(r *ingest.Record) uint64 { return hashKey(r.Person.UPRN()) },
		"bank": func(r *ingest.Record) uint64 {
			s, a := bankOf(r)
			if a == "" {
				return 0
			}
			return hashKey(s, a)
		},
	}
}

// dateKey is a date as an exactValue key (0 for none), and keyDate its
// inverse.
func dateKey(d value.Date) uint64 {
	if d.IsZero() {
		return 0
	}
	return uint64(uint32(d)) + 1
}

func keyDate(k uint64) value.Date { return value.Date(int32(uint32(k - 1))) }

// ComputedU computes, without sampling, the u of the levels that say two
// values are equal (each comparison's exact level) or are one value's
// known variant (a date of birth with day and month swapped): the chance
// that two records drawn at random, both with a value, land there, from the
// values' shares on each side. It returns, by comparison and level, that u,
// or -1 where a level is not computed. A sample sees a level as rare as one
// pair in a hundred thousand only a few times, so its estimate would move
// with the seed; these do not.
func (k *Linker) ComputedU() [][]float64 {
	steps, out := k.ComputedUSteps()
	for _, step := range steps {
		step()
	}
	return out
}

// ComputedUSteps is ComputedU as independent steps, one a comparison,
// which a caller may run at once; out is filled once all have run.
func (k *Linker) ComputedUSteps() (steps []func(), out [][]float64) {
	getters := exactValue()
	out = make([][]float64, len(k.Comparisons))
	for ci, c := range k.Comparisons {
		out[ci] = make([]float64, len(c.Levels))
		for li := range out[ci] {
			out[ci][li] = -1
		}
		get, ok := getters[c.Name]
		if !ok || c.Levels[1].Name != "exact" && c.Levels[1].Name != "unit" {
			continue
		}
		steps = append(steps, func() { k.computeU(c, get, out[ci]) })
	}
	return steps, out
}

// computeU fills out (by level) with the computed u of comparison c, whose
// compared value get gives.
func (k *Linker) computeU(c *Comparison, get func(*ingest.Record) uint64, out []float64) {
	lc, ln := valueCounts(k.Left, get)
	rc, rn := lc, ln
	if !k.Dedupe {
		rc, rn = valueCounts(k.Right, get)
	}
	pairs := ln * rn
	if k.Dedupe {
		pairs = ln * (ln - 1)
	}
	if pairs <= 0 {
		return
	}
	var same float64
	for v, n := range lc {
		same += n * rc[v]
		if k.Dedupe {
			same -= n // a record is not paired with itself
		}
	}
	// Smoothed like the sample, towards the default: a dataset of a
	// handful of records says little about how often values repeat.
	out[1] = (same + uPseudoPairs*c.Levels[1].U) / (pairs + uPseudoPairs)
	if c.Name != "dob" {
		return
	}
	for li, l := range c.Levels {
		if l.Name != "day-month-swapped" {
			continue
		}
		var swapped float64
		for v, n := range lc {
			if s, ok := keyDate(v).SwappedDayMonth(); ok {
				swapped += n * rc[dateKey(s)]
			}
		}
		out[li] = (swapped + uPseudoPairs*l.U) / (pairs + uPseudoPairs)
	}
}

// valueCounts counts the records of d by value key (blank left out).
func valueCounts(d *ingest.Dataset, get func(*ingest.Record) uint64) (map[uint64]float64, float64) {
	m := map[uint64]float64{}
	return m, countValues(m, d, get)
}

// countValues adds to m how many records of d have each value key (blank
// left out) and returns how many have one.
func countValues(m map[uint64]float64, d *ingest.Dataset, get func(*ingest.Record) uint64) float64 {
	var n float64
	for i := range d.Records {
		if v := get(&d.Records[i]); v != 0 {
			m[v]++
			n++
		}
	}
	return n
}

// MatchID is a match's stable identifier: the same report and record keys
// give the same id in every run, so outcomes recorded against it carry over.
func MatchID(report, leftDataset, leftKey, rightDataset, rightKey string) string {
	var buf [256]byte
	b := buf[:0]
	for _, s := range [...]string{report, leftDataset, leftKey, rightDataset, rightKey} {
		b = append(b, s...)
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	var id [16]byte
	hex.Encode(id[:], sum[:8])
	return string(id[:])
}
