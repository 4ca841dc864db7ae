// Package report renders what a job produced: the files an investigator
// opens, the figures that say how the run went, and the explanations behind
// every match.
//
// A job's command hands over a [Run] once ingest and matching are done, and
// [WriteAll] writes, in one fixed order, into the run's output folder:
//
//	matches.csv                every match of every report, one row each (a
//	                           contract: the first ten columns never change)
//	reports/<id>.csv           one report as a plain table for investigators,
//	reports/<id>.xlsx          the same as an Excel workbook (all text, so
//	                           leading zeros survive, with an outcome dropdown),
//	reports/<id>.html          and as a page to read, record beside record
//	quality/<dataset>.json     each dataset's data-quality figures
//	model/<id>.json            the model that scored the report
//	explain/<id>.jsonl         per match, each comparison's level and weight
//	README.txt                 what each report compares and what was found
//	summary.json               counts and timings of the run
//
// A check run (`nfi check`) writes only quality/, README.txt and
// summary.json. When two reports share an id (two payroll datasets), the
// first is written as <id>.* and the others as <id>__<left>__<right>.*.
//
// Every output except summary.json (which holds the timings) is the same,
// byte for byte, each time the same input is run: there are no dates in
// them and everything is listed in the order of the Run.
//
// # Wording
//
// A match is an inconsistency between records for someone to look into,
// never a finding. [Statement] is the one place that says so; README.txt,
// the workbooks, the pages and [PrintSummary] all use it. Outside it, and
// the investigator's outcome option "closed - fraud", no output uses the
// word fraud.
//
// # Personal data
//
// Matches and rejects hold personal data and are written owner-only (0600)
// through [atomic], so a crash never leaves half a file. The README, the
// printed summary, summary.json and quality figures hold names of fields
// and counts only, never a record's values; errors name files and fields,
// never values.
//
// Every CSV cell and workbook cell that begins with = + - @ (or a tab or
// carriage return) is prefixed with a single quote, so that a spreadsheet
// never runs a value as a formula. Numbers nfi formats itself
// (probabilities, weights, amounts) are left as they are. Amounts are
// shown in pounds with two decimals in the report tables.
//
// # Rejects
//
// Ingest streams rejected rows through a [RejectsWriter]: line, field,
// reason and the row's own columns as they were read, so that the data
// owner can find and fix it. The file is always written, with only its
// header when nothing was rejected, so that its absence never has to be
// interpreted.
package report
