# The README's commands. `make run` builds and serves the default scenario; `make test` checks the formatting (swift format lint, configured in
# .swift-format) and the core's folder floors (scripts/check-layers.py), runs every test, the
# dashboard's browser tests (scripts/ui-test.sh), then a short run of each fuzz target (scripts/fuzz.sh --smoke).
# `make screenshots` renews the dashboard's pictures in docs/.
.PHONY: run test bench build screenshots format

SWIFT_SOURCES = Sources Tests Fuzz bench Package.swift

# The Swift runtime and Foundation are linked into the binary: a start then loads no Swift libraries (about a
# quarter of the time to the first answer; BENCHMARKS.md, "Start to first answer").
build:
	./scripts/setup.sh
	swift build -c release --static-swift-stdlib

run: build
	.build/release/mindsphere-fake serve

test:
	./scripts/setup.sh --ui
	swift format lint --strict --recursive $(SWIFT_SOURCES)
	./scripts/check-layers.py
	swift test
	./scripts/ui-test.sh
	./scripts/fuzz.sh --smoke

bench:
	./scripts/setup.sh --bench
	./bench/run.py --update BENCHMARKS.md

screenshots:
	./scripts/setup.sh --ui
	./scripts/ui-test.sh --screenshots docs

format:
	swift format format --in-place --recursive $(SWIFT_SOURCES)
