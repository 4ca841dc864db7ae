package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/cmd/nfi/pipeline"
	"github.com/nfi-engine/nfi/ingest/job"
	"github.com/nfi-engine/nfi/ingest/source"
	"github.com/nfi-engine/nfi/match/eval"
	"github.com/nfi-engine/nfi/report/atomic"
)

// evalOptions are the flags of `nfi eval`.
type evalOptions struct {
	output   string
	truth    string
	data     []string
	key      string
	entity   string
	entityRE string
	report   string
	job      string
	json     bool
}

func newEvalCmd(stdout, _ io.Writer) *cobra.Command {
	opts := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval (--truth FILE | --data FILE [--data FILE] --key COL --entity COL|--entity-re RE --report ID) OUTPUT",
		Short: "Score a run's matches against labelled pairs or entity ids: precision, recall, F1 per report",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.output = args[0]
			return runEval(opts, stdout)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.truth, "truth", "", "labelled pairs (the fixtures' truth.csv)")
	f.StringArrayVar(&opts.data, "data", nil, "a dataset file whose rows carry entity ids (once for duplicates within it, twice for a linkage)")
	f.StringVar(&opts.key, "key", "", "with --data: the column holding the record key")
	f.StringVar(&opts.entity, "entity", "", "with --data: the column holding the entity id")
	f.StringVar(&opts.entityRE, "entity-re", "", "with --data: a regular expression whose first group, applied to the key, is the entity id")
	f.StringVar(&opts.report, "report", "", "with --data: the report to score")
	f.BoolVar(&opts.json, "json", false, "print the figures as JSON (one object per report) instead of a table")
	f.StringVar(&opts.job, "job", "", "the run's job file: re-read its data to measure blocking recall (the share of true pairs blocking lets through)")
	return cmd
}

// matchRow is the part of matches.csv that eval reads.
type matchRow struct {
	Report      string `csv:"report"`
	LeftDataset string `csv:"left_dataset"`
	LeftKey     string `csv:"left_key"`
	RightKey    string `csv:"right_key"`
	RightData   string `csv:"right_dataset"`
	Probability string `csv:"match_probability"`
}

// truthRow is one line of a fixtures truth.csv.
type truthRow struct {
	Report       string `csv:"report"`
	LeftDataset  string `csv:"left_dataset"`
	LeftKey      string `csv:"left_key"`
	RightDataset string `csv:"right_dataset"`
	RightKey     string `csv:"right_key"`
	Expect       string `csv:"expect"`
}

var errEvalInput = errors.New("cannot score")

// evalResult is one report's figures and curve.
type evalResult struct {
	eval.Result
	Curve []eval.Point
	Best  eval.Point
}

func runEval(opts *evalOptions, stdout io.Writer) error {
	results, err := scoreRun(opts)
	if err != nil {
		return err
	}
	for _, r := range results {
		if err := writeCurve(filepath.Join(opts.output, "eval", r.Report+"_pr_curve.csv"), r.Curve); err != nil {
			return err
		}
	}
	if opts.json {
		type row struct {
			eval.Result
			BestF1Threshold float64 `json:"best_f1_threshold"`
		}
		var rows []row
		for _, r := range results {
			rows = append(rows, row{r.Result, r.Best.Threshold})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "report\ttrue pairs\treported\ttrue positives\tprecision\trecall\tF1\tlook-alikes reported\tbest-F1 threshold\tcandidate pairs\tblocking recall\t")
	for _, r := range results {
		cand, br := "-", "-"
		if opts.job != "" {
			cand, br = fmt.Sprint(r.Candidates), fmt.Sprintf("%.4f", r.BlockingRecall)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d\t%.4f\t%s\t%s\t\n", r.Report, r.TruePairs, r.Predicted, r.TP, r.Precision, r.Recall, r.F1, r.LookAlikes, r.Best.Threshold, cand, br)
	}
	return tw.Flush()
}

// scoreRun scores a run's matches.csv against the truth the options name,
// per report, in report order.
func scoreRun(opts *evalOptions) ([]evalResult, error) {
	var rows []matchRow
	if err := readCSV(filepath.Join(opts.output, "matches.csv"), &rows); err != nil {
		return nil, err
	}
	truth := map[string]map[eval.Pair]bool{}
	look := map[string]map[eval.Pair]bool{}
	reportIDs := map[string]bool{} // the reports the truth covers
	switch {
	case opts.truth != "" && len(opts.data) == 0:
		var ts []truthRow
		if err := readCSV(opts.truth, &ts); err != nil {
			return nil, err
		}
		for _, t := range ts {
			reportIDs[t.Report] = true
			set := truth
			if t.Expect == "lookalike" {
				set = look
			} else if t.Expect != "match" {
				continue
			}
			if set[t.Report] == nil {
				set[t.Report] = map[eval.Pair]bool{}
			}
			set[t.Report][eval.NewPair(t.LeftKey, t.RightKey)] = true
		}
	case opts.truth == "" && len(opts.data) > 0 && len(opts.data) <= 2:
		if opts.key == "" || opts.report == "" || (opts.entity == "") == (opts.entityRE == "") {
			return nil, usageError{fmt.Errorf("--data needs --key, --report and one of --entity or --entity-re")}
		}
		var re *regexp.Regexp
		if opts.entityRE != "" {
			var err error
			if re, err = regexp.Compile(opts.entityRE); err != nil || re.NumSubexp() < 1 {
				return nil, usageError{fmt.Errorf("--entity-re must be a regular expression with a group")}
			}
		}
		var sides []map[string]string
		for _, path := range opts.data {
			m, err := entities(path, opts.key, opts.entity, re)
			if err != nil {
				return nil, err
			}
			sides = append(sides, m)
		}
		in := len(sides) == 1
		if in {
			sides = append(sides, sides[0])
		}
		reportIDs[opts.report] = true
		truth[opts.report] = eval.EntityPairs(sides[0], sides[1], in)
	default:
		return nil, usageError{fmt.Errorf("give either --truth FILE or --data FILE (once or twice)")}
	}

	pred := map[string][]eval.Scored{}
	for _, r := range rows {
		if _, ok := truth[r.Report]; !ok {
			if _, ok := look[r.Report]; !ok {
				continue
			}
		}
		p, _ := strconv.ParseFloat(r.Probability, 64)
		pred[r.Report] = append(pred[r.Report], eval.Scored{Pair: eval.NewPair(r.LeftKey, r.RightKey), Probability: p})
	}
	var ids []string
	for id := range reportIDs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var cands map[string][][2]string
	if opts.job != "" {
		j, err := job.Load(opts.job)
		if err != nil {
			return nil, err
		}
		scratch, err := os.MkdirTemp("", "nfi-eval-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(scratch)
		if cands, err = pipeline.CandidatePairs(context.Background(), j, pipeline.Options{Output: scratch}); err != nil {
			return nil, err
		}
	}
	var out []evalResult
	for _, id := range ids {
		curve := eval.Curve(pred[id], truth[id])
		r := evalResult{Result: eval.Evaluate(id, pred[id], truth[id], look[id]), Curve: curve, Best: eval.BestF1(curve)}
		if cands != nil {
			ps := make([]eval.Pair, len(cands[id]))
			for i, c := range cands[id] {
				ps[i] = eval.NewPair(c[0], c[1])
			}
			r.AddBlocking(ps, truth[id])
		}
		out = append(out, r)
	}
	return out, nil
}

func writeCurve(path string, curve []eval.Point) error {
	return atomic.WriteFile(path, func(w io.Writer) error {
		fmt.Fprintln(w, "threshold,precision,recall,f1")
		for _, p := range curve {
			fmt.Fprintf(w, "%.6f,%.6f,%.6f,%.6f\n", p.Threshold, p.Precision, p.Recall, p.F1)
		}
		return nil
	})
}

// readCSV binds a fixed-shape CSV file (string fields only).
func readCSV(path string, out any) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	if err := gocsv.Unmarshal(f, out); err != nil {
		return fmt.Errorf("%s: not a readable CSV file of the expected columns: %w", path, errEvalInput)
	}
	return nil
}

// entities reads record key -> entity id from a data file.
func entities(path, key, entity string, re *regexp.Regexp) (map[string]string, error) {
	rd, err := source.Open(path, source.Options{})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	col := func(name string) int {
		for i, h := range rd.Header() {
			if strings.TrimSpace(h) == name {
				return i
			}
		}
		return -1
	}
	ki, ei := col(key), -1
	if ki < 0 {
		return nil, fmt.Errorf("%s: no column %q: %w", filepath.Base(path), key, errEvalInput)
	}
	if entity != "" {
		if ei = col(entity); ei < 0 {
			return nil, fmt.Errorf("%s: no column %q: %w", filepath.Base(path), entity, errEvalInput)
		}
	}
	out := map[string]string{}
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if row.Err != nil || ki >= len(row.Fields) {
			continue
		}
		k := strings.TrimSpace(row.Fields[ki])
		e := k
		if ei >= 0 && ei < len(row.Fields) {
			e = strings.TrimSpace(row.Fields[ei])
		} else if re != nil {
			if m := re.FindStringSubmatch(k); m != nil {
				e = m[1]
			}
		}
		out[k] = e
	}
}
