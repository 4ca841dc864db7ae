# nfi: the two commands a new user needs are `make demo` and `make test`.
GO      ?= go
BIN     := bin/nfi
BUILD   := build
SHARED  ?= ../shared
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: all build demo test vet bench bench-large bench-febrl bench-accuracy fuzz clean

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/nfi

# Generate the fictional council's extracts and run the demo job on them.
demo: build
	@rm -rf $(BUILD)/demo
	./$(BIN) fixtures --out $(BUILD)/demo --seed 1
	./$(BIN) run $(BUILD)/demo/job.yaml || test $$? -eq 3
	@echo
	@echo "Reports are in $(BUILD)/demo/out/ (start with $(BUILD)/demo/out/README.txt)."

test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

# FEBRL4 (5,000 x 5,000 linkage) from ../shared/bench/febrl: precision,
# recall, F1 and wall time.
# FEBRL4, FEBRL3 (from ../shared/bench/febrl when present) and the fixtures:
# candidate pairs, blocking recall, precision, recall, F1, wall time, peak memory.
bench-accuracy: build
	$(GO) run ./cmd/nfi/internal/accuracy -nfi $(BIN) -shared $(SHARED) -work $(BUILD)/accuracy

bench-febrl: build
	@test -d $(SHARED)/bench/febrl || { echo "no $(SHARED)/bench/febrl: the FEBRL data is not beside this clone"; exit 1; }
	@rm -rf $(BUILD)/febrl4
	@start=$$(date +%s.%N); ./$(BIN) run -q docs/examples/febrl4.yaml --out $(BUILD)/febrl4 >/dev/null; \
	  end=$$(date +%s.%N); \
	  ./$(BIN) eval --entity-re 'rec-(\d+)' --data $(SHARED)/bench/febrl/dataset4a.csv --data $(SHARED)/bench/febrl/dataset4b.csv --key rec_id --report febrl_link $(BUILD)/febrl4; \
	  echo "wall time: $$(echo "$$end - $$start" | bc -l | cut -c1-5) s"

# Go benchmarks of the hot paths, then nfi end to end on generated councils
# (electoral register x council tax, generated once into $(BENCH_DATA)):
# one table of rows/s, pairs/s, peak memory and bytes per record.
# BENCH_SIZES=100k make bench for a quick one; BENCH_FLAGS=-profile adds
# CPU and heap profiles beside each size's data.
BENCH_DATA  ?= $(BUILD)/bench-data
BENCH_SIZES ?= 100k,1m
BENCH_FLAGS ?=
bench: build
	$(GO) test -run='^$$' -bench=. -benchmem ./...
	$(GO) run ./cmd/nfi/internal/benchrun -nfi $(BIN) -cache $(BENCH_DATA) -sizes $(BENCH_SIZES) $(BENCH_FLAGS)

# 10 million electors x 1 million council tax accounts: about 17 million
# generated residents, 3 GB of extracts, and a machine with memory to match.
bench-large: build
	$(GO) run ./cmd/nfi/internal/benchrun -nfi $(BIN) -cache $(BENCH_DATA) -large $(BENCH_FLAGS)

fuzz:
	@for t in FuzzParseDate FuzzParseMoney FuzzParseNI FuzzParsePostcode; do \
	  $(GO) test ./ingest/value -run='^$$' -fuzz="^$$t$$" -fuzztime=20s || exit 1; done
	$(GO) test ./ingest/source -run='^$$' -fuzz='^FuzzDelimited$$' -fuzztime=20s

clean:
	rm -rf bin $(BUILD)
