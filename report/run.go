package report

import (
	"time"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/match"
)

// Run is everything one job produced, handed over by the command once
// ingest and matching are done. The report package only renders it.
type Run struct {
	Exercise string // the job's exercise, copied into every output
	Body     string // the job's body (council)
	JobPath  string
	Output   string // the output folder
	Datasets []*DatasetResult
	Reports  []*ReportResult
	Stages   []Stage // timings, in pipeline order
	// Workers is how many workers ran; outputs other than summary.json do
	// not depend on it.
	Workers int
	// Check is true for `nfi check`: datasets only, no reports.
	Check bool
}

// DatasetResult is one dataset after ingest.
type DatasetResult struct {
	Dataset *ingest.Dataset
	Quality ingest.Quality
	// RejectReasons counts rejected rows by field and reason (for the
	// summary), e.g. "dob: not a date" -> 3.
	RejectReasons map[string]int
}

// ReportResult is one report's matches over one pair of datasets.
type ReportResult struct {
	Report      *match.Report
	Left, Right *ingest.Dataset
	Linker      *match.Linker // its Comparisons and Rules name the levels in Matches
	Model       *match.Model
	Threshold   float64
	// Matches are sorted strongest first (probability, then weight, then
	// left key, then right key), so every output lists them in one order.
	Matches []match.Match
	Stats   match.Stats
	// SamePerson lists, for a report laid out by left record (see
	// match.Report.GroupByLeft), the right-hand records that are the left
	// record's own person at its property (the liable person's own register
	// entries), by left record.
	SamePerson map[int32][]int32
	// Stability is set when the run was asked to check it: how far a model
	// trained with another seed differs (nil otherwise).
	Stability *match.Spread
}

// Stage is one timed step of the pipeline: a top-level stage (read, match,
// write) or a part of one (Within names it).
type Stage struct {
	Name string // read, match, write; split, parse, normalise; block, train, compare
	// Within names the top-level stage this one is part of ("" for a
	// top-level stage).
	Within   string
	Duration time.Duration // wall time (for a part run on every worker at once, see Shared)
	Items    int64         // rows or pairs handled, for rates
	// Shared marks a part that every worker runs at once on its own share
	// of the items (parsing, normalising): Duration is then the workers'
	// time added up and divided by their number, the wall time the part
	// would take alone.
	Shared bool
}
