package report

// Statement is the one sentence every output that people read carries:
// README.txt, the About sheet of each workbook, each HTML page and the
// printed summary. It is kept in one place so that no output words a match
// as more than it is.
func Statement() string {
	return "A match is an inconsistency between records for a person to investigate. " +
		"It is not evidence of fraud, error or anything else, and no assumption is made " +
		"about anyone until someone has looked into it."
}

// Outcomes are the values an investigator records against a match, in the
// order the workbook's dropdown offers them. The first is where every match
// starts.
func Outcomes() []string {
	return []string{"not started", "in progress", "closed - no issue", "closed - error", "closed - fraud"}
}

// Bands are the probability bands, strongest first, as [match.Band] names
// them; counts are always listed in this order.
func Bands() []string { return []string{"high", "medium", "low"} }

func bandIndex(b string) int {
	switch b {
	case "high":
		return 0
	case "medium":
		return 1
	}
	return 2
}
