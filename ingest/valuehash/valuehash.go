// Package valuehash is the one fixed 64-bit hash nfi keys and counts values
// by: the distinct values of a dataset's quality figures, the blocking keys
// that pair records, the household and term-frequency keys of matching.
//
// It is xxHash64 (seed 0) for a value under 32 bytes, as nearly every value
// in a council extract is; a longer value goes on 8 bytes at a time in
// xxHash64's one-lane steps, where xxHash64 keeps four lanes, which mixes
// as well and is simpler. It has no random seed (hash/maphash draws one at
// each start), so that keys and estimated counts are the same on every run
// of the same files, and it is a few nanoseconds a value where the
// byte-at-a-time FNV it replaced took one a byte. It is not a defence
// against values chosen to collide: the values are the council's own, and a
// collision only costs a stranger compared or a count off by one.
package valuehash

import "math/bits"

// The primes of xxHash64.
const (
	prime1 uint64 = 11400714785074694791
	prime2 uint64 = 14029467366897019727
	prime3 uint64 = 1609587929392839161
	prime4 uint64 = 9650029242287828579
	prime5 uint64 = 2870177450012600261
)

// String hashes a value.
func String(s string) uint64 {
	h := prime5 + uint64(len(s))
	for ; len(s) >= 8; s = s[8:] {
		k := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = step(h, k)
	}
	if len(s) >= 4 {
		k := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
		h ^= k * prime1
		h = bits.RotateLeft64(h, 23)*prime2 + prime3
		s = s[4:]
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i]) * prime5
		h = bits.RotateLeft64(h, 11) * prime1
	}
	return avalanche(h)
}

// Mix folds v (another value's hash, or a number) into the hash h of the
// values before it: a key of several parts is String of the first, mixed
// with each of the others in turn. The order of the parts counts.
func Mix(h, v uint64) uint64 {
	return avalanche(step(h, v))
}

// step is xxHash64's step for 8 bytes.
func step(h, k uint64) uint64 {
	h ^= bits.RotateLeft64(k*prime2, 31) * prime1
	return bits.RotateLeft64(h, 27)*prime1 + prime4
}

// avalanche is xxHash64's final mixing.
func avalanche(h uint64) uint64 {
	h ^= h >> 33
	h *= prime2
	h ^= h >> 29
	h *= prime3
	h ^= h >> 32
	return h
}
