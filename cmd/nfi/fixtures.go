package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/nfi-engine/nfi/fixtures"
)

// fixturesOptions are the flags of `nfi fixtures`.
type fixturesOptions struct {
	out    string
	seed   int64
	people int
}

func newFixturesCmd(stdout, _ io.Writer) *cobra.Command {
	opts := &fixturesOptions{}
	cmd := &cobra.Command{
		Use:   "fixtures --out DIR",
		Short: "Generate a fictional council's extracts, a job file and the ground truth",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.out == "" {
				return usageError{fmt.Errorf("--out is required")}
			}
			m, err := fixtures.Generate(cmd.Context(), fixtures.Options{Seed: opts.seed, People: opts.people, Dir: opts.out})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "fixtures written to %s (seed %d): job file %s, ground truth %s\n",
				opts.out, opts.seed, filepath.Base(m.Job), filepath.Base(m.Truth))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "folder to write the fixtures to")
	f.Int64Var(&opts.seed, "seed", 1, "random seed: the same seed gives the same files")
	f.IntVar(&opts.people, "people", 0, "residents of the fictional council (0 = the generator's default)")
	return cmd
}
