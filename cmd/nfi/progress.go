package main

import (
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/nfi-engine/nfi/cmd/nfi/pipeline"
)

// newProgress picks how progress is shown: bars when stderr is a terminal,
// one plain log line per finished step otherwise (no carriage-return floods
// in CI logs).
func newProgress(stderr io.Writer) pipeline.Progress {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{out: f}
	}
	return &lineProgress{log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // the stage's own duration is what matters
			}
			return a
		},
	}))}
}

// lineProgress logs one line per finished step.
type lineProgress struct {
	log   *slog.Logger
	start time.Time
}

func (p *lineProgress) Start(string, int64) { p.start = time.Now() }
func (p *lineProgress) Add(int64)           {}
func (p *lineProgress) Done(summary string) {
	p.log.Info(summary, "seconds", strconv.FormatFloat(time.Since(p.start).Seconds(), 'f', 3, 64))
}

// barProgress draws a bar per step on a terminal.
type barProgress struct {
	out *os.File
	p   *mpb.Progress
	bar *mpb.Bar
}

func (p *barProgress) Start(step string, total int64) {
	p.p = mpb.New(mpb.WithOutput(p.out), mpb.WithWidth(40))
	p.bar = p.p.AddBar(total,
		mpb.PrependDecorators(decor.Name(step, decor.WCSyncSpaceR), decor.CountersNoUnit("%d / %d")),
		mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO)),
	)
}

func (p *barProgress) Add(n int64) {
	if p.bar != nil {
		p.bar.IncrInt64(n)
	}
}

func (p *barProgress) Done(summary string) {
	if p.bar != nil {
		p.bar.SetTotal(-1, true)
		p.p.Wait()
		p.bar, p.p = nil, nil
	}
	io.WriteString(p.out, summary+"\n")
}
