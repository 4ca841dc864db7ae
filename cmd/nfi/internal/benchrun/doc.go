// Command benchrun times nfi end to end on generated councils and prints one
// table: `make bench` and `make bench-large` run it. It is internal because
// it is a developer's tool, not a user command.
//
//	go run ./cmd/nfi/internal/benchrun -nfi bin/nfi -cache build/bench-data -sizes 100k,1m
//
// It builds nothing: -nfi names a built nfi binary. For each size it
// generates a fictional council with the fixtures package into the cache
// folder (once: a marker file records the options, and generation is never
// timed), writes a job that runs one person-matching report over it, runs
// `nfi run -q --out DIR JOB` as a child process, and reads the child's peak
// resident memory from its rusage and the rows, pairs, matches and stage
// timings from DIR/summary.json.
//
// # What is matched
//
// The benchmark links the generated electoral register (left) with the
// council tax accounts (right) of the same council in a custom person
// report. Both are the big lists of a council, one row per adult and one
// per property, so both sides grow with the size; the two share people
// (the liable person is usually on the register at that address) with
// damage on either side (initials for forenames, abbreviated streets,
// postcodes without a space), and neither carries many dates of birth, so
// the name and address blocking rules do the work, as they do in a real
// council tax single-person-discount exercise. Payroll and pensions would
// be only a few percent of the people each.
//
// # Sizes
//
// A size is the number of electors wanted, with k and m suffixes ("100k",
// "1m"); the generator is asked for PeoplePerElector times as many
// residents, which gives about that many electors and about 0.78 council
// tax accounts per elector. "N:M" also cuts the council tax extract to its
// first M accounts: -large is "10m:1m", ten million electors against one
// million council tax accounts, which needs about 17 million residents and
// 3 GB of generated files.
//
// # The table
//
// One row per size: the records on each side, rows read, wall time of the
// whole command, rows per second of the read stage, candidate pairs
// compared and pairs per second of the match stage, peak resident memory
// (MiB), that memory divided by the rows read, and the matches reported.
package main
