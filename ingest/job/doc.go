// Package job reads the job file an NFI officer writes to describe a
// matching run: which extracts to read, how to read them, and which reports
// to produce.
//
// # The job file
//
// A job file is YAML. Its key names are a contract that officers' scripts
// depend on: they never change, and new ones are only ever added.
//
//	exercise: NFI 2026-27            # free text, copied into every output
//	body: Example Borough Council
//	output: out/                     # default "out"; relative to the job file
//	datasets:
//	  - name: payroll                # unique; a-z 0-9 _ -; used in reports and file names
//	    kind: payroll                # a dataset kind from the catalogue
//	    path: extracts/payroll.csv   # relative to the job file; must exist
//	    format: delimited            # delimited, fixed-width or xlsx
//	    delimiter: ","               # optional (detected): one character, tab, pipe, comma, tilde
//	    encoding: windows-1252       # optional: utf-8 by default
//	    date_format: dd/mm/yyyy      # optional: detected per column
//	    null_dates: ["01/01/1900"]   # optional: dates that mean "no date"
//	    money_unit: pence            # optional: pence (default) or pounds
//	    sheet: Sheet1                # optional, xlsx only
//	    layout:                      # fixed-width only: name, start (1-based), length
//	      - {name: ref, start: 1, length: 8}
//	    key: Employee No             # the header of the column identifying a record
//	    columns:                     # canonical field: this file's header
//	      surname: Last Name
//	reports: [payroll_to_pensions]   # optional; default: every report whose datasets are present
//	custom_reports:                  # optional person matching between two datasets, or within one
//	  - {id: febrl_link, left: a, right: b, threshold: 0.9, title: "..."}
//	threshold: 0.9                   # optional, above 0 and below 1
//	max_reject_rate: 0.05            # optional, 0 to 1: share of rejected rows that fails a dataset
//	model: earlier/out/model/        # optional: trained models to reuse (a folder of <report>.json, or one file)
//	train: true                      # optional: false scores with the default (or given) m and u
//	as_at: 2026-10-01                # optional: the date the exercise is as at (default: the day of the run)
//	seed: 1                          # optional random seed
//
// Block and flow styles may be mixed freely
// (`- {name: a, kind: person, path: a.csv, key: id, columns: {forenames: given_name}}`).
// Values are read as written: an unquoted 0123 stays "0123" (never the
// octal number 83), and a whole number is never silently truncated.
// Anchors are allowed, aliases are not; tabs may not indent (YAML's rule).
//
// # Using it
//
// [Load] reads and validates a job file; [Parse] does the same for text
// already in memory. Both resolve relative paths against the job file's
// directory and check that every data file exists. Kind names, canonical
// field names and catalogue report ids are not known here: the caller checks
// them against its catalogues, using the job file lines this package keeps
// (Dataset.KindLine, Dataset.ColumnLines, Job.ReportLines...) and
// [Job.Errorf] to report a problem in the same form as this package.
//
// # Errors
//
// Every problem is an [*Error] with the job file's name, line and column,
// a message and the offending source line with a caret:
//
//	job.yaml:7:5: unknown key "frmat" in dataset 'payroll' (known: name, kind, ...); did you mean "format"?
//	    7 |     frmat: delimited
//	      |     ^
//
// Validation reports every problem it finds at once, as an [ErrorList] in
// file order; each error wraps one sentinel (ErrUnknownKey, ErrRequired,
// ErrDataFile...) for errors.Is. A job file holds settings, not personal
// data, so messages quote keys, names and paths, but never anything read
// from a data file (this package opens none).
package job
