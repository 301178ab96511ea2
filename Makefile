# The README's commands. `make run` builds and serves the default scenario; `make test` runs every test, then a
# short run of each fuzz target (scripts/fuzz.sh --smoke).
.PHONY: run test bench build

build:
	./scripts/setup.sh
	swift build -c release

run: build
	.build/release/mindsphere-fake serve

test:
	./scripts/setup.sh
	swift test
	./scripts/fuzz.sh --smoke

bench:
	./scripts/setup.sh --bench
	./bench/run.py --update BENCHMARKS.md
