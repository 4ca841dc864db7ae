package pipeline

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// ordered runs work on up to workers goroutines over the items that
// produce sends, and hands the results to emit in the order the items were
// produced. At most 2*workers items are in flight, so memory stays bounded
// whatever the input size. The first error (from produce, work or emit) or
// the context's cancellation stops everything and is returned.
func ordered[T, R any](ctx context.Context, workers int, produce func(ctx context.Context, send func(T) error) error, work func(T) (R, error), emit func(R) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		seq  int
		item T
	}
	type result struct {
		seq int
		res R
	}
	g, ctx := errgroup.WithContext(ctx)
	inflight := make(chan struct{}, 2*workers)
	jobs := make(chan job, workers)
	results := make(chan result, workers)

	g.Go(func() error {
		defer close(jobs)
		seq := 0
		return produce(ctx, func(item T) error {
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, item}:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			return nil
		})
	})
	wg, wctx := errgroup.WithContext(ctx)
	for w := 0; w < workers; w++ {
		wg.Go(func() error {
			for j := range jobs {
				r, err := work(j.item)
				if err != nil {
					return err
				}
				select {
				case results <- result{j.seq, r}:
				case <-wctx.Done():
					return wctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		err := wg.Wait()
		close(results)
		return err
	})
	g.Go(func() error {
		pending := make(map[int]R)
		next := 0
		for r := range results {
			pending[r.seq] = r.res
			for {
				res, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-inflight
				if err := emit(res); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return g.Wait()
}

// each runs independent steps on up to workers goroutines and returns when
// all have run, or when the context is cancelled.
func each(ctx context.Context, workers int, steps ...func()) error {
	return ordered(ctx, workers, func(ctx context.Context, send func(func()) error) error {
		for _, step := range steps {
			if err := send(step); err != nil {
				return err
			}
		}
		return nil
	}, func(step func()) (struct{}, error) {
		step()
		return struct{}{}, nil
	}, func(struct{}) error { return nil })
}
