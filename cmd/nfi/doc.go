// Command nfi is the National Fraud Initiative data-matching batch engine.
//
// An NFI officer points it at a job file naming the council's extracts:
//
//	nfi run job.yaml            read, check, match and write every report
//	nfi check job.yaml          read and check the data, write the quality report, match nothing
//	nfi fixtures --out DIR      generate a fictional council's extracts with ground truth
//	nfi eval --truth FILE OUT   score a run against labelled pairs or entity ids
//	nfi explain OUT MATCH_ID    show one match: the records side by side and its weight step by step
//	nfi version                 print the version
//
// Exit codes: 0 done; 1 the job failed (the reason on stderr); 2 usage;
// 3 done, but some rows were rejected (see OUTPUT/rejects/).
//
// A match is an inconsistency between records for a person to look into,
// never a finding of fraud or error. Messages name files, lines and fields,
// never a value from the data.
package main
