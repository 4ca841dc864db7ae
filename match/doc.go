// Package match finds, scores and explains the pairs of records that an NFI
// report asks about.
//
// It follows the Fellegi-Sunter design that Splink made readable:
//
//   - A [Comparison] is an ordered list of named levels ("surname.exact",
//     "surname.jw92", "dob.day-month-swapped", ...); the first level whose
//     test passes is the pair's level for that field. Level 0 is always the
//     null level: a value missing on either side neither agrees nor
//     disagrees and weighs nothing.
//   - Each level has an m probability (how often true matches land there)
//     and a u probability (how often unrelated pairs do). Its match weight is
//     log2(m/u); a pair's weight is the prior's weight plus its levels'
//     weights, and its match probability is 2^w / (1 + 2^w). The defaults
//     are data in [PersonComparisons]; [Train] estimates them from the run's
//     own data (u from a seeded random sample of pairs, m and the prior by
//     expectation-maximisation over the blocked pairs).
//   - [BlockingRule]s decide which pairs are compared at all: each rule is a
//     key computed per record, and pairs that share a key are candidates.
//     The rules are a union; a pair is credited to the first rule that
//     finds it and compared once.
//   - The report catalogue ([Reports]) says which dataset kinds each report
//     compares, what is matched (a person, a household, a supplier, a
//     payment, a bank account: each a matching with its own comparisons and
//     blocking rules, see matchings), and the conditions that make a pair
//     worth an investigator's time: date clauses (a pension still in payment
//     after the date of death) and named requirements (one property, not the
//     liable person, one invoice; see [Requirement]).
//   - Training guards against look-alikes: address comparisons do not decide
//     which training pairs match; two records at one property count that
//     once and weigh their other fields against u within a household (how
//     relatives compare), and disagreement never weighs for a match.
//
// A [Linker] holds one report's prepared indexes; its methods are plain
// synchronous functions over a range of left-hand records, so the command's
// pipeline can run them on several workers and put the results in one fixed
// order. Nothing here prints, writes files or starts goroutines.
//
// A match is an inconsistency between records for a person to look into,
// never a finding of fraud or error.
package match
