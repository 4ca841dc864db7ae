package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/source"
	"github.com/nfi-engine/nfi/ingest/value"
	"github.com/nfi-engine/nfi/match"
	"github.com/nfi-engine/nfi/report"
)

// Options tune a run. The zero value runs everything with one worker per
// core, trains each report's model and reports nothing as progress.
type Options struct {
	Workers  int      // 0 = runtime.GOMAXPROCS(0)
	Check    bool     // validate the job and the data, write the quality report, match nothing
	NoTrain  bool     // score with the default (or given) m and u instead of training
	Output   string   // overrides the job's output folder when set
	Progress Progress // nil = none
	// CheckStability trains every report a second time with the next seed
	// and reports how far the two models (and their matches) differ.
	CheckStability bool
	// ChunkRecords is how many left-hand records a matching work item
	// covers; 0 = 1024.
	ChunkRecords int
	// LoadGCPercent is the collector's target (as GOGC) while delimited
	// and fixed-width datasets are read, put back afterwards; 0 leaves it
	// alone. Reading them makes almost no garbage (batches of rows are read
	// into again), so each collection then only goes over the records read
	// so far, and the fewer of them the better; a higher target costs
	// little memory there. Workbooks are read at the usual target.
	LoadGCPercent int
}

// ErrRejectedRows is returned (wrapped) alongside a complete run when some
// rows were rejected, so the command can exit with its "done, with rejects"
// code.
var ErrRejectedRows = errors.New("some rows were rejected")

// Run carries out a job: every dataset is read and checked, then (unless
// opts.Check) every planned report is matched, and all outputs are
// written. It returns the run and ErrRejectedRows when the job finished but
// rows were rejected.
func Run(ctx context.Context, j *job.Job, opts Options) (*report.Run, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Progress == nil {
		opts.Progress = quiet{}
	}
	if opts.ChunkRecords <= 0 {
		opts.ChunkRecords = 1024
	}
	out := j.Output
	if opts.Output != "" {
		out = opts.Output
	}
	run := &report.Run{Exercise: j.Exercise, Body: j.Body, JobPath: j.Path, Output: out, Workers: opts.Workers, Check: opts.Check}
	// Check the reports before reading anything: a typo in a report id
	// should not cost a long read.
	plan, err := planReports(j)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o700); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}

	nick := normal.NewNicknames()
	byName := map[string]*ingest.Dataset{}
	t0 := time.Now()
	var rows int64
	var lt loadTimes
	if run.Datasets, err = loadDatasets(ctx, j, out, opts, nick, &lt); err != nil {
		return nil, err
	}
	for _, res := range run.Datasets {
		byName[res.Dataset.Name] = res.Dataset
		rows += int64(res.Dataset.Read)
	}
	shared := func(d time.Duration) time.Duration { return d / time.Duration(opts.Workers) }
	run.Stages = append(run.Stages, report.Stage{Name: "read", Duration: time.Since(t0), Items: rows},
		report.Stage{Name: "split", Within: "read", Duration: lt.split, Items: rows},
		report.Stage{Name: "parse", Within: "read", Duration: shared(lt.parse), Items: rows, Shared: true},
		report.Stage{Name: "normalise", Within: "read", Duration: shared(lt.normalise), Items: rows, Shared: true})

	if !opts.Check {
		var datasets []*ingest.Dataset
		for _, d := range run.Datasets {
			datasets = append(datasets, d.Dataset)
		}
		t1 := time.Now()
		var pairs int64
		dupCreditors := map[[2]string]bool{}
		var mt matchTimes
		for _, p := range plan {
			rr, err := linkReport(ctx, j, p, byName[p.left], byName[p.right], datasets, dupCreditors, opts, &mt)
			if err != nil {
				return nil, err
			}
			if p.rep.Match == match.MatchSupplier {
				// Duplicate creditors feed duplicate payments: a payment to
				// each record of one supplier is a payment to one creditor.
				for _, m := range rr.Matches {
					a, b := rr.Left.Records[m.Left].Ref(), rr.Right.Records[m.Right].Ref()
					if b < a {
						a, b = b, a
					}
					dupCreditors[[2]string{a, b}] = true
				}
			}
			run.Reports = append(run.Reports, rr)
			pairs += rr.Stats.Total()
		}
		run.Stages = append(run.Stages, report.Stage{Name: "match", Duration: time.Since(t1), Items: pairs},
			report.Stage{Name: "block", Within: "match", Duration: mt.block, Items: mt.records},
			report.Stage{Name: "train", Within: "match", Duration: mt.train, Items: mt.trained},
			report.Stage{Name: "compare", Within: "match", Duration: mt.compare, Items: pairs})
	}
	t2 := time.Now()
	if err := writeOutputs(ctx, run, opts.Workers); err != nil {
		return nil, err
	}
	run.Stages = append(run.Stages, report.Stage{Name: "write", Duration: time.Since(t2)})
	rejected := 0
	for _, d := range run.Datasets {
		rejected += d.Dataset.Rejects
	}
	if rejected > 0 {
		return run, fmt.Errorf("%d rows rejected: %w", rejected, ErrRejectedRows)
	}
	return run, nil
}

// planned is one report to run over two named datasets.
type planned struct {
	rep         *match.Report
	left, right string
	threshold   float64
}

// planReports decides which reports run over which datasets: the job's
// `reports:` (or every catalogue report whose dataset kinds are present)
// and its custom reports.
func planReports(j *job.Job) ([]planned, error) {
	byKind := map[string][]string{}
	for _, d := range j.Datasets {
		byKind[d.Kind] = append(byKind[d.Kind], d.Name)
	}
	threshold := func(t float64) float64 {
		switch {
		case t > 0:
			return t
		case j.Threshold > 0:
			return j.Threshold
		}
		return match.DefaultThreshold
	}
	var plan []planned
	add := func(rep *match.Report) {
		lefts, rights := byKind[rep.Left], byKind[rep.Right]
		for li, l := range lefts {
			for ri, r := range rights {
				if rep.Left == rep.Right && ri < li {
					continue // the same two datasets once
				}
				t := threshold(rep.Threshold)
				if rep.EvidenceOnly {
					t = 0 // the requirements decide
				}
				plan = append(plan, planned{rep: rep, left: l, right: r, threshold: t})
			}
		}
	}
	if j.ReportsGiven {
		for i, id := range j.Reports {
			reps, ok := match.LookupReport(id)
			if !ok {
				var ids []string
				for _, r := range match.Reports() {
					if len(ids) == 0 || ids[len(ids)-1] != r.ID {
						ids = append(ids, r.ID)
					}
				}
				return nil, j.Errorf(j.ReportLines[i], ErrJob, "unknown report %q (known: %s)", id, strings.Join(ids, ", "))
			}
			n := len(plan)
			for _, rep := range reps {
				add(rep)
			}
			if len(plan) == n {
				return nil, j.Errorf(j.ReportLines[i], ErrJob, "report %q needs a %s and a %s dataset", id, reps[0].Left, reps[0].Right)
			}
		}
	} else {
		for _, rep := range match.Reports() {
			add(rep)
		}
	}
	for _, c := range j.CustomReports {
		if _, clash := match.LookupReport(c.ID); clash {
			return nil, j.Errorf(c.Line, ErrJob, "custom report id %q is a catalogue report id; choose another", c.ID)
		}
		for _, name := range []string{c.Left, c.Right} {
			if d, ok := j.Dataset(name); ok {
				if k, ok := ingest.LookupKind(d.Kind); ok && k.Entity != ingest.PersonEntity {
					return nil, j.Errorf(c.Line, ErrJob, "custom report %q: dataset %q is of kind %s; custom reports match people", c.ID, name, d.Kind)
				}
			}
		}
		rep := match.CustomReport(c.ID, c.Title, c.Left, c.Right)
		plan = append(plan, planned{rep: rep, left: c.Left, right: c.Right, threshold: threshold(c.Threshold)})
	}
	return plan, nil
}

// matchTimes is where the matching spent its time, over every report:
// building the blocking indexes (of records on both sides), training (on
// candidate pairs) and comparing the candidate pairs.
type matchTimes struct {
	block, train, compare time.Duration
	records, trained      int64
}

// linkReport trains and scores one report over two datasets.
func linkReport(ctx context.Context, j *job.Job, p planned, left, right *ingest.Dataset, all []*ingest.Dataset, dupCreditors map[[2]string]bool, opts Options, times *matchTimes) (*report.ReportResult, error) {
	prog := opts.Progress
	name := p.rep.ID
	linker, phases := match.PrepareLinker(p.rep, left, right, 0)
	prog.Start("block "+name, 0)
	t := time.Now()
	for _, steps := range phases {
		if err := each(ctx, opts.Workers, steps...); err != nil {
			return nil, err
		}
	}
	times.block += time.Since(t)
	times.records += int64(len(left.Records))
	if left != right {
		times.records += int64(len(right.Records))
	}
	prog.Done(fmt.Sprintf("blocked %s: %d rules", name, len(linker.Rules)))
	linker.AsAt = asAt(j)
	linker.DuplicateCreditors = dupCreditors
	model := match.DefaultModel(p.rep.ID, linker.Comparisons)
	if p.rep.EvidenceOnly {
		model = match.EvidenceModel(p.rep.ID, linker.Comparisons)
	}
	training := !opts.NoTrain && j.Train && !p.rep.NoTrain
	given, err := loadModel(j, p.rep.ID)
	if err != nil {
		return nil, err
	}
	if given != nil {
		fixed := !given.Pinned()
		if err := model.Apply(given, fixed); err != nil {
			return nil, fmt.Errorf("model for report %q: %w", p.rep.ID, err)
		}
		training = training && !fixed
	}
	chunks := leftChunks(linker.LeftLen(), opts.ChunkRecords)
	var second *match.Model
	if training {
		t := time.Now()
		base := model
		if model, err = train(ctx, j, linker, base, all, j.Seed, opts); err != nil {
			return nil, err
		}
		if opts.CheckStability {
			if second, err = train(ctx, j, linker, base, all, j.Seed+1, opts); err != nil {
				return nil, err
			}
		}
		times.train += time.Since(t)
		times.trained += model.CandidatePairs
	}
	prog.Start("match "+name, int64(linker.LeftLen()))
	rr := &report.ReportResult{Report: p.rep, Left: left, Right: right, Linker: linker, Model: model, Threshold: p.threshold, Stats: linker.NewStats()}
	type scored struct {
		matches []match.Match
		st      match.Stats
		n       int
	}
	t = time.Now()
	var found [][]match.Match // by chunk, joined once at the end: appending chunk after chunk copied the matches over and over
	err = ordered(ctx, opts.Workers, chunks, func(c [2]int) (scored, error) {
		st := linker.NewStats()
		ms := linker.Score(c[0], c[1], model, p.threshold, &st)
		return scored{ms, st, c[1] - c[0]}, nil
	}, func(s scored) error {
		found = append(found, s.matches)
		rr.Stats.Add(s.st)
		prog.Add(int64(s.n))
		return nil
	})
	if err != nil {
		return nil, err
	}
	rr.Matches = slices.Concat(found...)
	times.compare += time.Since(t)
	sortMatches(rr)
	match.Recommend(rr.Matches, match.RecommendedShare)
	if p.rep.GroupByLeft {
		rr.SamePerson = map[int32][]int32{}
		for _, m := range rr.Matches {
			if _, done := rr.SamePerson[m.Left]; !done {
				rr.SamePerson[m.Left] = linker.SamePersonAt(m.Left)
			}
		}
	}
	if second != nil {
		spread := match.SpreadBetween(model, second)
		st := linker.NewStats()
		other := linker.Score(0, linker.LeftLen(), second, p.threshold, &st)
		spread.MatchesOnlyInOne = symmetricDifference(rr.Matches, other)
		rr.Stability = &spread
	}
	linker.Release() // the reports read only its comparisons and rules
	prog.Done(fmt.Sprintf("matched %s (%s x %s): %d candidate pairs, %d matches", name, left.Name, right.Name, rr.Stats.Total(), len(rr.Matches)))
	return rr, nil
}

// loadDatasets reads every dataset of the job in turn, each delimited or
// fixed-width one with the collector's target at opts.LoadGCPercent. Not a
// workbook: its reader makes garbage of its own, cell by cell, which a
// higher target would let pile up.
func loadDatasets(ctx context.Context, j *job.Job, out string, opts Options, nick *normal.Nicknames, lt *loadTimes) ([]*report.DatasetResult, error) {
	var all []*report.DatasetResult
	for i := range j.Datasets {
		d := &j.Datasets[i]
		percent := opts.LoadGCPercent
		if f, err := source.ParseFormat(d.Format); err == nil && f == source.XLSX {
			percent = 0
		}
		var res *report.DatasetResult
		err := withGCPercent(percent, func() (err error) {
			res, err = loadDataset(ctx, j, d, out, opts.Workers, nick, opts.Progress, lt)
			return err
		})
		if err != nil {
			return nil, err
		}
		all = append(all, res)
	}
	return all, nil
}

// withGCPercent runs f with the collector's target at percent, and puts
// the one before back; 0 runs f as things are.
func withGCPercent(percent int, f func() error) error {
	if percent > 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(percent))
	}
	return f()
}

// sortMatches puts matches strongest first, ties broken by the record keys
// (and then by their order found) so that the order never depends on the
// workers. The keys are gathered once beside the figures: reaching each
// record's key through the records at every comparison cost more than the
// sort.
func sortMatches(rr *report.ReportResult) {
	type sortKey struct {
		p, w        float64
		left, right string
		at          int
	}
	ms := rr.Matches
	keys := make([]sortKey, len(ms))
	for i := range ms {
		m := &ms[i]
		keys[i] = sortKey{m.Probability, m.Weight, rr.Left.Records[m.Left].Ref(), rr.Right.Records[m.Right].Ref(), i}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		switch {
		case x.p != y.p:
			return -cmp.Compare(x.p, y.p)
		case x.w != y.w:
			return -cmp.Compare(x.w, y.w)
		case x.left != y.left:
			return strings.Compare(x.left, y.left)
		case x.right != y.right:
			return strings.Compare(x.right, y.right)
		}
		return cmp.Compare(x.at, y.at)
	})
	sorted := make([]match.Match, len(ms))
	for i, k := range keys {
		sorted[i] = ms[k.at]
	}
	rr.Matches = sorted
}

// train counts the comparison patterns of the candidate pairs and of each
// training rule's pairs, chunk by chunk on the workers, samples u, and
// trains the model.
func train(ctx context.Context, j *job.Job, linker *match.Linker, base *match.Model, others []*ingest.Dataset, seed int64, opts Options) (*match.Model, error) {
	prog := opts.Progress
	name := linker.Report.ID
	prog.Start("train "+name, int64(linker.LeftLen()))
	rules, fixed := linker.TrainingRules()
	all := map[uint64]int64{}
	sessions := make([]map[uint64]int64, len(rules))
	for i := range sessions {
		sessions[i] = map[uint64]int64{}
	}
	type counted struct {
		all      map[uint64]int64
		sessions []map[uint64]int64
		n        int
	}
	in, sampled := trainingSample(linker.LeftLen(), opts.ChunkRecords) // the left records whose pairs train
	err := ordered(ctx, opts.Workers, leftChunks(linker.LeftLen(), opts.ChunkRecords), func(c [2]int) (counted, error) {
		out := counted{all: map[uint64]int64{}, sessions: make([]map[uint64]int64, len(rules)), n: c[1] - c[0]}
		for i := range out.sessions {
			out.sessions[i] = map[uint64]int64{}
		}
		st := linker.NewStats()
		linker.CountPatterns(c[0], c[1], in, out.all, &st)
		linker.CountSessionPatterns(c[0], c[1], in, rules, out.sessions)
		return out, nil
	}, func(c counted) error {
		for k, v := range c.all {
			all[k] += v
		}
		for i, s := range c.sessions {
			for k, v := range s {
				sessions[i][k] += v
			}
		}
		prog.Add(int64(c.n))
		return nil
	})
	if err != nil {
		return nil, err
	}
	ss := make([]match.Session, len(rules))
	for i, ri := range rules {
		ss[i] = match.Session{Rule: linker.Rules[ri].Name, Fixed: fixed[i], Patterns: sessions[i]}
	}
	u, err := sampleU(ctx, linker, seed, opts.Workers)
	if err != nil {
		return nil, err
	}
	// Two independent passes over the data, a step a dataset and a step a
	// comparison: pairs at one property, and the values' frequencies.
	hhSteps, hhResult := linker.SampleHouseholdSteps(others, match.DefaultUSample, match.MaxHouseholdGroup)
	uSteps, computed := linker.ComputedUSteps()
	if err := each(ctx, opts.Workers, append(hhSteps, uSteps...)...); err != nil {
		return nil, err
	}
	hhs := hhResult()
	// The prior is the expected matches over the pairs the sampled left
	// records could form.
	possible := linker.PossiblePairs()
	if n := linker.LeftLen(); n > 0 {
		possible *= float64(sampled) / float64(n)
	}
	model := match.Train(base, ss, all, possible, u, computed, hhs, match.TrainOptions{Seed: seed})
	prog.Done(fmt.Sprintf("trained %s: %d candidate pairs, %d training sessions, prior %.4g", name, model.CandidatePairs, len(model.Sessions), model.Prior))
	return model, nil
}

// ErrModelFile means a model file given in the job cannot be used.
var ErrModelFile = errors.New("not a model file nfi wrote")

// loadModel reads the job's model for a report: <model>/<report>.json when
// the job's model: names a folder (nil when the folder has none for this
// report), or the one file it names.
func loadModel(j *job.Job, report string) (*match.Model, error) {
	if j.Model == "" {
		return nil, nil
	}
	path := j.Model
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, report+".json")
		if _, err := os.Stat(path); err != nil {
			return nil, nil
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	var m match.Model
	if err := json.Unmarshal(b, &m); err != nil || len(m.Comparisons) == 0 {
		return nil, fmt.Errorf("model %s: %w", path, ErrModelFile)
	}
	return &m, nil
}

// symmetricDifference counts the pairs in one list of matches but not the
// other.
func symmetricDifference(a, b []match.Match) int {
	in := map[[2]int32]int{}
	for _, m := range a {
		in[[2]int32{m.Left, m.Right}]++
	}
	for _, m := range b {
		in[[2]int32{m.Left, m.Right}]--
	}
	n := 0
	for _, v := range in {
		if v != 0 {
			n++
		}
	}
	return n
}

// CandidatePairs reads a job's datasets and, for each planned report, lists
// the candidate pairs blocking lets through as (left key, right key), by
// report id: for measuring blocking recall against labelled truth. Rejects
// are written under opts.Output (a scratch folder). It matches nothing.
func CandidatePairs(ctx context.Context, j *job.Job, opts Options) (map[string][][2]string, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Progress == nil {
		opts.Progress = quiet{}
	}
	out := opts.Output
	if out == "" {
		out = j.Output
	}
	plan, err := planReports(j)
	if err != nil {
		return nil, err
	}
	byName := map[string]*ingest.Dataset{}
	nick := normal.NewNicknames()
	for i := range j.Datasets {
		d := &j.Datasets[i]
		res, err := loadDataset(ctx, j, d, out, opts.Workers, nick, opts.Progress, &loadTimes{})
		if err != nil {
			return nil, err
		}
		byName[d.Name] = res.Dataset
	}
	pairs := map[string][][2]string{}
	for _, p := range plan {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l, r := byName[p.left], byName[p.right]
		k := match.NewLinker(p.rep, l, r, 0)
		st := k.NewStats()
		k.Candidates(0, k.LeftLen(), &st, func(li, ri int32, _ int) {
			pairs[p.rep.ID] = append(pairs[p.rep.ID], [2]string{l.Records[li].Ref(), r.Records[ri].Ref()})
		})
	}
	return pairs, nil
}

// asAt is the date a run is as at: the job's as_at, else today.
func asAt(j *job.Job) value.Date {
	if j.AsAt != "" {
		if d, err := value.ParseISODate(j.AsAt); err == nil {
			return d
		}
	}
	now := time.Now()
	d, _ := value.NewDate(now.Year(), int(now.Month()), now.Day())
	return d
}

// uParts is how many pieces the u sample is drawn in, each with its own
// seed derived from the job's: a fixed number, so that the sample (and the
// model) does not depend on the number of workers.
const uParts = 8

// sampleU draws the random pairs that estimate u, in uParts pieces on the
// workers, and adds up their counts in piece order.
func sampleU(ctx context.Context, linker *match.Linker, seed int64, workers int) ([][]int64, error) {
	var total [][]int64
	err := ordered(ctx, workers, func(ctx context.Context, send func(int) error) error {
		for i := 0; i < uParts; i++ {
			if err := send(i); err != nil {
				return err
			}
		}
		return nil
	}, func(i int) ([][]int64, error) {
		// No more random pairs than the datasets can form: a tiny dataset
		// would otherwise count its few pairs many times over, and its
		// pseudo-counts (the defaults) should carry the estimate.
		n := int(min(float64(match.DefaultUSample), linker.PossiblePairs()))
		return linker.SampleU(seed*uParts+int64(i), max(n/uParts, 1)), nil
	}, func(c [][]int64) error {
		if total == nil {
			total = c
			return nil
		}
		for ci := range c {
			for li := range c[ci] {
				total[ci][li] += c[ci][li]
			}
		}
		return nil
	})
	return total, err
}

// maxTrainingChunks bounds the left-hand chunks whose pairs train a model:
// past a couple of hundred thousand records, more pairs do not move the
// estimates, and every training pair is compared twice.
const maxTrainingChunks = 200

// leftChunks sends the runs of size left positions that the workers
// score or train on, in order, covering [0, n).
func leftChunks(n, size int) func(context.Context, func([2]int) error) error {
	return func(ctx context.Context, send func([2]int) error) error {
		for lo := 0; lo < n; lo += size {
			if err := send([2]int{lo, min(lo+size, n)}); err != nil {
				return err
			}
		}
		return nil
	}
}

// trainingSample returns the left-hand records whose pairs train a model,
// and how many they are: the records of every chunk of size records in
// file order for a report of up to maxTrainingChunks chunks, else of every
// s-th chunk, evenly spread, the same whatever the number of workers.
func trainingSample(n, size int) (match.LeftSample, int) {
	chunks := (n + size - 1) / size
	stride := max(1, (chunks+maxTrainingChunks-1)/maxTrainingChunks)
	if stride == 1 {
		return nil, n
	}
	sampled := 0
	for c := 0; c < chunks; c += stride {
		sampled += min(size, n-c*size)
	}
	return func(l int32) bool { return int(l)/size%stride == 0 }, sampled
}

// writeOutputs writes every output of the run: the reports' own files on
// the workers (each writes files of its own), the rest before and after.
func writeOutputs(ctx context.Context, run *report.Run, workers int) error {
	if err := report.WriteFirst(run); err != nil {
		return err
	}
	if !run.Check {
		// Jobs are [report, writer]; [-1, 0] is matches.csv, which spans
		// the reports and is written beside their own files.
		writers := report.ReportWriters()
		err := ordered(ctx, workers, func(ctx context.Context, send func([2]int) error) error {
			if err := send([2]int{-1, 0}); err != nil {
				return err
			}
			for i := range run.Reports {
				for w := range writers {
					if err := send([2]int{i, w}); err != nil {
						return err
					}
				}
			}
			return nil
		}, func(job [2]int) (struct{}, error) {
			if job[0] < 0 {
				return struct{}{}, report.WriteMatches(run, run.Output)
			}
			return struct{}{}, report.WriteReportFile(run, job[0], writers[job[1]])
		}, func(struct{}) error { return nil })
		if err != nil {
			return err
		}
	}
	return report.WriteLast(run)
}
