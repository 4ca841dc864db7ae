// Package phonetic computes phonetic keys for names: codes that are equal
// when two spellings sound alike, so that SMITH finds SMYTHE and JACKSON finds
// JAXON when records are blocked or compared.
//
// Two keys are provided:
//
//   - [Soundex]: the standard American Soundex of the US National Archives,
//     with the H and W rule (letters with the same code separated only by H
//     or W are coded once). A letter and three digits: ROBERT and RUPERT are
//     both R163, ASHCRAFT is A261, JACKSON is J250. Coarse and cheap; good
//     for blocking.
//   - [DoubleMetaphone]: Lawrence Philips' Double Metaphone (1999), keys of
//     up to four characters. It knows many non-English spellings and returns
//     a second, alternate key when a name has two likely pronunciations
//     (SMITH gives SM0 and XMT, SCHMIDT gives XMT and SMT, so the two meet on
//     XMT). Two names match phonetically when any key of one equals any key
//     of the other.
//
// Both functions expect a name already folded to ASCII (see package
// ingest/normal): ASCII letters of either case are coded, and everything else
// (spaces, punctuation, digits, non-ASCII bytes) is skipped by Soundex and
// treated as a non-letter by Double Metaphone, which does look at spaces (in
// VAN, VON and SAN JOSE) as the original algorithm does. Neither function
// panics on any input, each allocates nothing beyond its result, and both
// return empty keys for input with no letters, so a blank name never matches
// another blank name by key.
//
// Do not use the Soundex of github.com/xrash/smetrics for this: it codes
// JACKSON as J222 and panics on an empty string.
package phonetic
