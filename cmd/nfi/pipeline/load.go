package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/nfi-engine/nfi/ingest/normal"
	"github.com/nfi-engine/nfi/ingest/source"
	"github.com/nfi-engine/nfi/report"
)

// batchRows is how many rows a worker parses at a time: large enough that
// handing batches around costs nothing, small enough to spread the work.
const batchRows = 4096

// sampleRows is how many leading rows are used to detect date layouts.
const sampleRows = 2000

// ErrTooManyRejects means a dataset rejected more rows than the job allows.
var ErrTooManyRejects = errors.New("too many rows rejected")

// ErrJob marks a problem with the job file itself.
var ErrJob = errors.New("job file")

// sourceOptions turns a job dataset's reading options into the reader's.
func sourceOptions(j *job.Job, d *job.Dataset) (source.Options, error) {
	f, err := source.ParseFormat(d.Format)
	if err != nil {
		return source.Options{}, j.Errorf(d.Lines["format"], ErrJob, "dataset %q: %v", d.Name, err)
	}
	o := source.Options{Format: f, Encoding: d.Encoding, Sheet: d.Sheet}
	if d.Delimiter != "" {
		r, _ := utf8.DecodeRuneInString(d.Delimiter)
		o.Delimiter = r
	}
	for _, c := range d.Layout {
		o.Layout = append(o.Layout, source.Column{Name: c.Name, Start: c.Start, Length: c.Length})
	}
	return o, nil
}

// parsed is one batch after parsing: records in order and the rows that
// were rejected, with their reasons.
type parsed struct {
	records []ingest.Record
	rejects []reject
	inSlab  bool          // records are in the dataset's slab, not slots of their own
	from    *source.Batch // the rows' memory, to read into again once the rejects are written (nil for the sample)
	// How long the worker took to parse the rows' values and to build the
	// records' normalised forms.
	parse, normalise time.Duration
}

// loadTimes is where a dataset's load spent its time: the reader splitting
// the file into rows (one goroutine), and the workers parsing values and
// normalising (added up over the workers).
type loadTimes struct {
	split, parse, normalise time.Duration
}

type reject struct {
	line   int
	field  string
	reason string
	raw    []string
}

// loadDataset reads, maps, parses and normalises one dataset, streaming its
// rejected rows to OUTPUT/rejects/<name>.csv.
func loadDataset(ctx context.Context, j *job.Job, d *job.Dataset, out string, workers int, nick *normal.Nicknames, prog Progress, times *loadTimes) (*report.DatasetResult, error) {
	kind, ok := ingest.LookupKind(d.Kind)
	if !ok {
		return nil, j.Errorf(d.KindLine, ErrJob, "dataset %q: unknown kind %q (known: %s)", d.Name, d.Kind, strings.Join(ingest.KindNames(), ", "))
	}
	opts, err := sourceOptions(j, d)
	if err != nil {
		return nil, err
	}
	rd, err := source.Open(d.Path, opts)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	m, err := ingest.NewMapping(kind, rd.Header(), d.Key, d.Columns)
	if err != nil {
		var me *ingest.MappingError
		line := d.Line
		if errors.As(err, &me) {
			if l, ok := d.ColumnLines[me.Field]; ok {
				line = l
			} else if me.Field == "ref" {
				line = d.KeyLine
			}
		}
		return nil, j.Errorf(line, ErrJob, "dataset %q (%s): %v", d.Name, filepath.Base(d.Path), err)
	}

	// The leading rows detect date layouts, then are parsed like the rest.
	var sample []source.Row
	t0 := time.Now()
	for len(sample) < sampleRows {
		row, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		sample = append(sample, row)
	}
	times.split += time.Since(t0)
	fields := make([][]string, 0, len(sample))
	for _, r := range sample {
		if r.Err == nil {
			fields = append(fields, r.Fields)
		}
	}
	parser, err := ingest.NewParser(m, d.Path, ingest.ParseOptions{DateFormat: d.DateFormat, NullDates: d.NullDates, MoneyUnit: d.MoneyUnit, Nicknames: nick}, fields)
	if err != nil {
		return nil, j.Errorf(d.Line, ErrJob, "dataset %q: %v", d.Name, err)
	}

	rw, err := report.NewRejectsWriter(filepath.Join(out, "rejects", d.Name+".csv"), rd.Header())
	if err != nil {
		return nil, err
	}
	defer rw.Abort()

	ds := &ingest.Dataset{Name: d.Name, Kind: kind, Path: d.Path, Mapped: m.Mapped(), Header: rd.Header()}
	// Records are parsed straight into their place in one slab sized from
	// the file's size and the sample's rows: a Record is large, and copying
	// a million of them once parsed cost more than most of the parsing.
	// Each batch is given the slab's next free slots (a batch past the end,
	// when the estimate was short, gets slots of its own and is appended).
	// The producer owns next; the emitter owns recs, which starts as the
	// slab and is appended to only once every slot has been emitted.
	slab := make([]ingest.Record, expectedRows(d.Path, opts.Format, sample))
	prefault(slab)
	next := 0 // the slab's first slot not yet given to a batch
	recs := slab[:0]
	res := &report.DatasetResult{Dataset: ds, RejectReasons: map[string]int{}}
	// Quality is counted batch by batch as the records land, beside the
	// workers, not in a pass of its own at the end.
	quality := ingest.NewQualityCounter(kind, ds.Mapped)
	prog.Start("read "+d.Name, 0)

	type batch struct {
		rows []source.Row
		dst  []ingest.Record // where to parse the rows: slab slots, or nil
		from *source.Batch   // the rows' memory (nil for the sample)
	}
	slots := func(rows []source.Row) batch {
		b := batch{rows: rows}
		if next+len(rows) <= len(slab) {
			b.dst = slab[next : next+len(rows) : next+len(rows)]
			next += len(rows)
		} else {
			next = len(slab) // later batches append too, keeping the order
		}
		return b
	}
	// Batches of rows go round: the producer reads into a free one (or a
	// new one, until as many are made as can be in flight), and emit gives
	// it back once its rows are parsed and its rejects written, so the
	// rows' memory is allocated once, not for every batch.
	free := make(chan *source.Batch, 2*max(workers, 1)+1)
	produce := func(ctx context.Context, send func(batch) error) error {
		for i := 0; i < len(sample); i += batchRows {
			if err := send(slots(sample[i:min(i+batchRows, len(sample))])); err != nil {
				return err
			}
		}
		for {
			var rb *source.Batch
			select {
			case rb = <-free:
			default:
				rb = new(source.Batch)
			}
			t := time.Now()
			err := rd.ReadBatch(rb, batchRows)
			times.split += time.Since(t)
			if len(rb.Rows) > 0 {
				b := slots(rb.Rows)
				b.from = rb
				if err := send(b); err != nil {
					return err
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	// One Scratch for each worker (ordered runs at least one).
	scratches := make(chan *ingest.Scratch, max(workers, 1))
	for range max(workers, 1) {
		scratches <- new(ingest.Scratch)
	}
	work := func(b batch) (parsed, error) {
		p := parsed{records: b.dst, from: b.from}
		if p.records == nil {
			p.records = make([]ingest.Record, len(b.rows))
		}
		// A worker's batches share the blocks of one Scratch: a block
		// for every few hundred records, and no half-empty block a batch.
		sc := <-scratches
		defer func() { scratches <- sc }()
		n := 0
		t := time.Now()
		for _, row := range b.rows {
			err := row.Err
			if err == nil {
				err = parser.ParseValues(sc, row.Line, row.Fields, &p.records[n])
			}
			if err != nil {
				field, reason := describe(err)
				p.rejects = append(p.rejects, reject{row.Line, field, reason, row.Fields})
				continue
			}
			n++
		}
		clear(p.records[n:]) // a rejected row's partly parsed record
		p.records = p.records[:n]
		t1 := time.Now()
		for i := range p.records {
			parser.Normalise(sc, &p.records[i])
		}
		p.parse, p.normalise = t1.Sub(t), time.Since(t1)
		p.inSlab = b.dst != nil
		return p, nil
	}
	emit := func(p parsed) error {
		if p.inSlab {
			// Close the gap left by earlier batches' rejected rows (none,
			// usually): the slots below this batch's are all emitted, so
			// no worker is writing there.
			n := len(recs)
			recs = recs[:n+len(p.records)]
			copy(recs[n:], p.records)
		} else {
			recs = append(recs, p.records...)
		}
		for _, r := range p.rejects {
			if err := rw.Reject(r.line, r.field, r.reason, r.raw); err != nil {
				return err
			}
			key := r.reason
			if r.field != "" {
				key = r.field + ": " + r.reason
			}
			res.RejectReasons[key]++
		}
		if p.from != nil {
			select {
			case free <- p.from: // its rows are written or parsed: read into it again
			default:
			}
		}
		for i := range p.records {
			quality.Add(&p.records[i])
		}
		times.parse += p.parse
		times.normalise += p.normalise
		ds.Rejects += len(p.rejects)
		ds.Read += len(p.records) + len(p.rejects)
		prog.Add(int64(len(p.records) + len(p.rejects)))
		return nil
	}
	if err := ordered(ctx, workers, produce, work, emit); err != nil {
		return nil, err
	}
	clear(recs[len(recs):cap(recs)]) // slots past the end, and those left by rejected rows
	if cap(recs)-len(recs) > cap(recs)/4 {
		recs = slices.Clone(recs) // the estimate was far out: give the rest back
	}
	ds.Records = recs[:len(recs):len(recs)]
	if err := rw.Commit(); err != nil {
		return nil, err
	}
	res.Quality = quality.Quality(ds, m)
	prog.Done(fmt.Sprintf("read %s: %d rows, %d accepted, %d rejected", d.Name, ds.Read, len(ds.Records), ds.Rejects))
	if ds.Read > 0 && float64(ds.Rejects) > j.MaxRejectRate*float64(ds.Read) {
		return res, fmt.Errorf("dataset %q (%s): %d of %d rows rejected, more than the job's max_reject_rate of %.1f%%; see rejects/%s.csv: %w",
			d.Name, filepath.Base(d.Path), ds.Rejects, ds.Read, 100*j.MaxRejectRate, d.Name, ErrTooManyRejects)
	}
	return res, nil
}

// describe splits a row error into the field at fault and the reason,
// neither of which holds a value.
func describe(err error) (field, reason string) {
	var se *source.Error
	if errors.As(err, &se) {
		return se.Field, errors.Unwrap(se).Error()
	}
	return "", err.Error()
}

// expectedRows estimates a text file's data rows from its size and the
// average length of the sampled rows, with a little to spare; 0 when it
// cannot tell (a workbook, an empty sample).
func expectedRows(path string, f source.Format, sample []source.Row) int {
	st, err := os.Stat(path)
	if err != nil || f == source.XLSX || len(sample) == 0 {
		return len(sample)
	}
	var bytes int
	for _, r := range sample {
		bytes += len(r.Fields) // delimiters and the line end
		for _, v := range r.Fields {
			bytes += len(v)
		}
	}
	n := int(float64(st.Size()) / (float64(bytes) / float64(len(sample))) * 1.05)
	return min(max(n, len(sample)), 50_000_000)
}

// prefault writes to every page of a new slab of records before the
// workers parse into it. A slab holds pointers, so the collector reads it
// while it is still untouched, and the kernel maps each page read to its
// shared zero page; each first write from a worker then faults again, to
// replace it, while the other workers run. On the 2-core benchmark machine
// that cost 0.4-0.5 s of the workers' time for a million records, where
// writing every page first, from one goroutine, takes 50-110 ms.
func prefault(slab []ingest.Record) {
	perPage := max(1, 4096/int(reflect.TypeFor[ingest.Record]().Size()))
	for i := 0; i < len(slab); i += perPage {
		slab[i].Line = 0
	}
}
