# The README's commands. `make run` builds and serves the default scenario; `make test` runs every test.
.PHONY: run test bench build

build:
	./scripts/setup.sh
	swift build -c release

run: build
	.build/release/mindsphere-fake serve

test:
	./scripts/setup.sh
	swift test

bench:
	./scripts/setup.sh --bench
	./bench/run.py --update BENCHMARKS.md
