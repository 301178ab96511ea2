#!/usr/bin/env python3
"""Footprint benchmark: what one request through the core costs when it finds the processor's caches cold.

On a machine whose cores the load generator shares, a server's code and data are pushed out of the processor's
caches between requests, so a request pays for every cache line of code and data it touches, not only for its
instructions. Timings of that are noisy; these counts are not. `mindsphere-fake-bench gateway-footprint CASE N`
answers the gateway bench's request N times, writing 2 MiB of other memory before each (more than one core's L2
cache); Valgrind's callgrind simulates the caches (4 KiB L1i, so that every line of code a request runs is fetched
from L2 at least once; 48 KiB L1d; a 1.25 MiB L2 as the last level) and counts inside the request alone:

  - instructions run,
  - lines of code (64 bytes each) brought in from beyond L2,
  - lines of data read and written that came from beyond L2.

Each case runs twice, with 500 and 1500 requests; the difference over 1000 requests leaves out what only the first
requests do (key generation, first renderings, lazy set-up).

    bench/footprint.py                        # build, run, print a Markdown section
    bench/footprint.py --update BENCHMARKS.md # also replace the "footprint" section of BENCHMARKS.md
    bench/footprint.py --baseline OTHER_BENCH_BINARY --baseline-name NAME   # also another build of the bench tool

Needs valgrind (3.19 or later; `scripts/setup.sh --bench` installs it). Valgrind cannot read the debug information of this toolchain's binaries, so it runs
a copy without it (`strip -g`); function names stay.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import run as gateway_bench  # noqa: E402  (update_section)

CASES = ["health", "authenticatedGet"]
SMALL, LARGE = 500, 1500
CACHES = ["--I1=4096,2,64", "--D1=49152,12,64", "--LL=1310720,10,64"]


def counts(binary, case, rounds, directory):
    """callgrind's event totals inside `mindsphere_fake_bench_measured_request` for `rounds` requests of `case`."""
    out = os.path.join(directory, f"callgrind.{case}.{rounds}")
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--cache-sim=yes", *CACHES, "--collect-atstart=no",
         "--toggle-collect=mindsphere_fake_bench_measured_request", f"--callgrind-out-file={out}",
         binary, "gateway-footprint", case, str(rounds)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    events, totals = None, None
    with open(out) as handle:
        for line in handle:
            if line.startswith("events:"):
                events = line.split()[1:]
            elif line.startswith("totals:"):
                totals = [int(value) for value in line.split()[1:]]
    if not events or not totals or totals[0] == 0:
        raise SystemExit(f"callgrind counted nothing for {case} (is the measured function's symbol still there?)")
    return dict(zip(events, totals))


def per_request(binary, case):
    with tempfile.TemporaryDirectory() as directory:
        stripped = os.path.join(directory, "mindsphere-fake-bench")
        shutil.copy(binary, stripped)
        subprocess.run(["strip", "-g", stripped], check=True)
        small = counts(stripped, case, SMALL, directory)
        large = counts(stripped, case, LARGE, directory)
    scale = LARGE - SMALL
    difference = {event: (large[event] - small[event]) / scale for event in large}
    return {
        "instructions": difference["Ir"],
        "code lines": difference["ILmr"],
        "data lines read": difference["DLmr"],
        "data lines written": difference["DLmw"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the binary already built")
    parser.add_argument("--scratch", default=".build-static", metavar="PATH", help="SwiftPM scratch path of the build")
    parser.add_argument("--baseline", metavar="BINARY", help="another mindsphere-fake-bench binary to measure as well")
    parser.add_argument("--baseline-name", default="baseline", metavar="NAME", help="its name in the table (e.g. its commit)")
    parser.add_argument("--update", metavar="FILE", help="replace the footprint section of FILE with the results")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    if not args.no_build:
        print("building release binary ...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "mindsphere-fake-bench",
                        "--scratch-path", args.scratch], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, args.scratch, "release", "mindsphere-fake-bench")
    builds = [("this build", binary)] + ([(args.baseline_name, args.baseline)] if args.baseline else [])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    lines = [
        f"Run: commit `{commit}`, valgrind {subprocess.run(['valgrind', '--version'], capture_output=True, text=True).stdout.strip()}; "
        f"per request, the difference of {LARGE} and {SMALL} requests over {LARGE - SMALL}; "
        "2 MiB written before each request; lines are 64 bytes fetched from beyond a 1.25 MiB L2.",
        "",
        "| case | build | instructions | code lines | data lines read | data lines written |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for case in CASES:
        for label, path in builds:
            print(f"{case}: {label} ...", file=sys.stderr)
            figures = per_request(path, case)
            lines.append(f"| {case} | {label} | {figures['instructions']:,.0f} | {figures['code lines']:,.0f} | "
                         f"{figures['data lines read']:,.0f} | {figures['data lines written']:,.0f} |")
    report = "\n".join(lines)
    print(report)
    if args.update:
        gateway_bench.update_section(args.update, "footprint", "Footprint of one request through the core (cold caches)", report)


if __name__ == "__main__":
    main()
