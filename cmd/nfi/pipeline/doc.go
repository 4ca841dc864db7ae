// Package pipeline runs an nfi job: it wires ingest -> match -> report and
// is the one place where nfi runs work concurrently.
//
// Each dataset is read as a stream of row batches; batches are parsed and
// normalised on a bounded pool of workers (golang.org/x/sync/errgroup) and
// put back in file order, so records, rejects and everything after them
// are the same whatever the number of workers. Each report then builds its
// blocking indexes, trains its model (pattern counts over the candidate
// pairs, a seeded random sample for u) and scores its candidate pairs, the
// left-hand records split into chunks across the workers and the results
// put back in chunk order. The first error cancels everything; cancellation
// is checked per batch or chunk, never per pair.
//
// The library packages it calls are plain synchronous functions; progress
// and one-line stage summaries go through the small [Progress] interface
// that the command implements (terminal bars, plain log lines, or nothing).
package pipeline
