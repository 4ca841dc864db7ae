package pipeline

// Progress receives the pipeline's progress. The command implements it
// with terminal bars, plain log lines or nothing; the pipeline calls it from
// one goroutine at a time. Messages never hold personal data: names of
// datasets, reports and stages, and counts.
type Progress interface {
	// Start begins a long step; total is the expected count of items, or 0
	// when unknown.
	Start(step string, total int64)
	// Add reports n more items done in the current step.
	Add(n int64)
	// Done ends the current step with a one-line summary.
	Done(summary string)
}

// quiet is the Progress used when none is given.
type quiet struct{}

func (quiet) Start(string, int64) {}
func (quiet) Add(int64)           {}
func (quiet) Done(string)         {}
