package pipeline

import (
	"context"
	"testing"
)

// TestTrainingSample checks that the training sample is every record up
// to maxTrainingChunks chunks and every s-th chunk's records past that,
// that the count it gives is the records it takes, and that leftChunks
// covers every position once.
func TestTrainingSample(t *testing.T) {
	for _, tc := range []struct {
		n, size, chunks int // chunks: how many chunks the sample should take
	}{
		{0, 10, 0},
		{5, 10, 1},
		{200 * 10, 10, 200},
		{201 * 10, 10, 101},    // stride 2: chunks 0, 2, ..., 200
		{200*10 + 3, 10, 101},  // a short last chunk, taken
		{1000*64 + 7, 64, 167}, // stride 6
	} {
		in, sampled := trainingSample(tc.n, tc.size)
		taken, chunks := 0, map[int]bool{}
		for l := 0; l < tc.n; l++ {
			if in == nil || in(int32(l)) {
				taken++
				chunks[l/tc.size] = true
			}
		}
		if taken != sampled || len(chunks) != tc.chunks {
			t.Errorf("n %d, size %d: %d records in %d chunks taken, said %d; want %d chunks", tc.n, tc.size, taken, len(chunks), sampled, tc.chunks)
		}
		covered := 0
		err := leftChunks(tc.n, tc.size)(context.Background(), func(c [2]int) error {
			if c[0] != covered || c[1] <= c[0] || c[1]-c[0] > tc.size {
				t.Errorf("n %d: chunk %v after %d", tc.n, c, covered)
			}
			covered = c[1]
			return nil
		})
		if err != nil || covered != tc.n {
			t.Errorf("n %d: leftChunks covered %d (%v)", tc.n, covered, err)
		}
	}
}
