#!/usr/bin/env python3
"""IoT Time Series benchmark: ingest rate over HTTP, range GET latency and memory per record on a large series.

1. Builds the release `mindsphere-fake` and `mindsphere-fake-bench`.
2. Starts `mindsphere-fake serve --port 0`, takes a token, creates the seed's `acceleration` aspect type
   (x, y, z DOUBLE), an asset type and assets through the Asset Management API, then drives
   `PUT /api/iottimeseries/v3/timeseries/{asset}/acceleration` with 100-record bodies using wrk (put.lua),
   one asset per wrk thread.
   Then PUTs 100,000 records into one more asset and times TS Bulk reads of all of them over HTTP
   (`GET /api/iottsbulk/v3/timeseries/...`, following `nextRecord`).
3. Runs `mindsphere-fake-bench`: 10 million records into one series in process, resident bytes per record,
   then p50/p99 of 2000-record range GETs at random offsets and 100,000-record bulk reads.
4. Runs `mindsphere-fake-bench plant scenarios/plant.yaml`: the plant scenario's generated 1-second series, each
   written 20 times into series of its own, and the resident bytes per stored record.

    bench/timeseries/run.py                          # print a Markdown section
    bench/timeseries/run.py --update BENCHMARKS.md   # also replace the "IoT Time Series" section of BENCHMARKS.md
"""
import argparse
import base64
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SECTION = "## IoT Time Series"
CLIENT_ID = "iiotuxpc-testdm-v1.0.0"
SECRET = "fake-secret-for-local-use"
TOKEN_BODY = json.dumps({"grant_type": "client_credentials", "appName": "testdm", "appVersion": "v1.0.0",
                         "hostTenant": "iiotuxpc", "userTenant": "iiotuxpc"})
TARGETS = {"throughput": 1_000_000, "putP99": 5.0, "p99": 5.0, "bytes": 34, "plantBytes": 12}
WRK_THREADS = 2
BULK_RECORDS = 100_000
BULK_START_MS = 1_600_000_000_000


def http(method, url, headers=None, body=None):
    request = urllib.request.Request(url, data=body.encode() if body else None, method=method, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.status, response.read().decode()


def build(scratch):
    for product in ("mindsphere-fake", "mindsphere-fake-bench"):
        print(f"building {product} (release) ...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", scratch, "--product", product],
                       cwd=ROOT, check=True)


def prepare_assets(base, token, count):
    """Creates the aspect type, the asset type and `count` assets of it; returns their ids."""
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    am = base + "/api/assetmanagement/v3"
    variables = [{"name": n, "dataType": "DOUBLE", "unit": "m/s^2", "searchable": False, "qualityCode": False}
                 for n in ("x", "y", "z")]
    http("PUT", am + "/aspecttypes/iiotuxpc.benchacceleration", auth, json.dumps(
        {"name": "benchacceleration", "category": "dynamic", "scope": "private", "variables": variables}))
    http("PUT", am + "/assettypes/iiotuxpc.benchmachine", auth, json.dumps(
        {"name": "benchmachine", "parentTypeId": "core.basicasset", "instantiable": True, "variables": [],
         "aspects": [{"name": "acceleration", "aspectTypeId": "iiotuxpc.benchacceleration"}]}))
    ids = [create_asset(base, token, f"benchmachine{index}") for index in range(count)]
    return ids


def create_asset(base, token, name):
    """Creates an asset of the benchmark's asset type under the root asset; returns its id."""
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    am = base + "/api/assetmanagement/v3"
    _, root = http("GET", am + "/assets/root", auth)
    _, asset = http("POST", am + "/assets", auth, json.dumps(
        {"name": name, "typeId": "iiotuxpc.benchmachine", "parentId": json.loads(root)["assetId"]}))
    return json.loads(asset)["assetId"]


def iso(milliseconds):
    seconds, millis = divmod(milliseconds, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


def bulk_read(base, token, asset, reads):
    """PUTs BULK_RECORDS records one second apart, then times `reads` bulk reads of all of them, each following
    nextRecord to the end; returns records/s over all reads, the median read time and the answers per read."""
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    series = f"{base}/api/iottimeseries/v3/timeseries/{asset}/acceleration"
    for start in range(0, BULK_RECORDS, 5000):
        records = [{"_time": iso(BULK_START_MS + index * 1000), "x": index * 0.001, "y": 1.5, "z": -2.25}
                   for index in range(start, min(start + 5000, BULK_RECORDS))]
        http("PUT", series, auth, json.dumps(records))
    first = (f"{base}/api/iottsbulk/v3/timeseries/{asset}/acceleration?from={iso(BULK_START_MS - 1)}"
             f"&to={iso(BULK_START_MS + (BULK_RECORDS - 1) * 1000)}")
    durations, pages = [], 0
    for _ in range(reads):
        url, read, pages = first, 0, 0
        began = time.perf_counter()
        while url:
            request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request) as response:
                body = response.read()
            # The records are counted and nextRecord found without parsing the whole body in Python.
            read += body.count(b'"_time"')
            tail = re.search(rb'"nextRecord":"([^"]+)"\}$', body[-4096:])
            url = tail.group(1).decode() if tail else None
            pages += 1
        durations.append(time.perf_counter() - began)
        if read != BULK_RECORDS:
            raise SystemExit(f"bulk read returned {read} records")
    durations.sort()
    return {"recordsPerSecond": BULK_RECORDS * reads / sum(durations),
            "medianMilliseconds": durations[len(durations) // 2] * 1000, "pages": pages, "reads": reads}


def ingest(binary, seconds, connections):
    server = subprocess.Popen([binary, "serve", "--quiet", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            raise SystemExit(f"server did not start: {line!r}")
        base = match.group(1)
        key = "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
        _, body = http("POST", base + "/api/technicaltokenmanager/v3/oauth/token",
                       {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, TOKEN_BODY)
        token = json.loads(body)["access_token"]
        assets = prepare_assets(base, token, WRK_THREADS)
        paths = ",".join(f"/api/iottimeseries/v3/timeseries/{asset}/acceleration" for asset in assets)
        env = dict(os.environ, TS_PATHS=paths, TS_TOKEN=token)
        # CPU time of the server (from /proc) and of wrk (the only child waited for meanwhile) over the run: on a
        # machine they share, the load generator's own work per PUT decides how much is left for the server.
        server_before, children_before = cpu_seconds(server.pid), children_cpu_seconds()
        output = subprocess.run(["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency",
                                 "-s", os.path.join(HERE, "put.lua"), base], env=env, check=True,
                                capture_output=True, text=True).stdout
        server_seconds = cpu_seconds(server.pid) - server_before
        wrk_seconds = children_cpu_seconds() - children_before
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        duration = float(re.search(r"requests in ([\d.]+)s", output).group(1))
        failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        failed = int(failed.group(1)) if failed else 0
        latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
        bulk = bulk_read(base, token, create_asset(base, token, "benchbulk"), reads=5)
        return {"requests": requests, "failed": failed, "seconds": duration,
                "serverMicrosecondsPerPut": server_seconds * 1e6 / max(1, requests),
                "wrkMicrosecondsPerPut": wrk_seconds * 1e6 / max(1, requests),
                "recordsPerSecond": (requests - failed) * 100 / duration,
                "p50": latency.get("50", "?"), "p99": latency.get("99", "?"), "bulk": bulk}
    finally:
        server.terminate()
        server.wait()


def cpu_seconds(pid):
    """User and system CPU time of process `pid` so far, in seconds."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    """User and system CPU time of the waited-for child processes so far, in seconds."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def in_process(binary, records, gets):
    output = subprocess.run([binary, str(records), str(gets)], check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def plant(binary):
    output = subprocess.run([binary, "plant", os.path.join(ROOT, "scenarios", "plant.yaml")], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def milliseconds(latency):
    """wrk's latency text (`812.00us`, `5.81ms`, `1.02s`) in milliseconds; None when it has no such form."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", latency)
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)] if match else None


def section(ingested, memory, generated, args):
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    cores = os.cpu_count()
    ok = lambda good: "meets" if good else "misses"
    return f"""{SECTION}

Reproduce: `bench/timeseries/run.py --update BENCHMARKS.md` (needs wrk; builds the release binaries).
Machine: {cores} cores ({cpu}); wrk and the server share them. Load average when the report was written: {load}
(other work on the machine lowers every figure).

| Measure | Result | Target |
| --- | --- | --- |
| Ingest over HTTP, 100-record PUTs of 3 doubles (wrk -t2 -c{args.connections}, {args.seconds} s) | {ingested['recordsPerSecond']:,.0f} records/s ({ingested['requests']:,} PUTs, {ingested['failed']} failed; PUT p50 {ingested['p50']}, p99 {ingested['p99']}) | >= 1,000,000 records/s with PUT p99 < 5 ms ({ok(ingested['recordsPerSecond'] >= TARGETS['throughput'] and (milliseconds(ingested['p99']) or 1e9) < TARGETS['putP99'])}) |
| 2000-record range GET from a {memory['records']:,}-record series, in process ({memory['getCount']} GETs) | p50 {memory['getP50Milliseconds']} ms, p99 {memory['getP99Milliseconds']} ms | p99 < 5 ms ({ok(memory['getP99Milliseconds'] < TARGETS['p99'])}) |
| CPU per PUT in the ingest run above: server (all threads), wrk (load generator) | server {ingested['serverMicrosecondsPerPut']:.1f} µs, wrk {ingested['wrkMicrosecondsPerPut']:.1f} µs | (diagnostic) |
| Ingest in process, PUT handler only (body scan, checks, store; one thread) | {memory['inProcessPutRecordsPerSecond']:,} records/s (per PUT: p50 {memory['inProcessPutP50Microseconds']} µs, p99 {memory['inProcessPutP99Microseconds']} µs, max {memory['inProcessPutMaxMicroseconds']} µs) | (diagnostic) |
| TS Bulk read of {BULK_RECORDS:,} records over HTTP, following nextRecord ({ingested['bulk']['reads']} reads; {ingested['bulk']['pages']} answer(s) each) | {ingested['bulk']['recordsPerSecond']:,.0f} records/s (median read {ingested['bulk']['medianMilliseconds']:.1f} ms) | (diagnostic) |
| TS Bulk read of 100,000 records in process, handler only ({memory['bulkReadPages']} answer(s) each) | {memory['bulkReadRecordsPerSecond']:,} records/s (median read {memory['bulkReadMedianMilliseconds']} ms) | (diagnostic) |
| Resident memory per stored 3-double record | {memory['residentBytesPerRecord']} bytes | <= 34 bytes ({ok(memory['residentBytesPerRecord'] <= TARGETS['bytes'])}) |
| Resident memory per stored record of the plant scenario's generated 1-second series ({generated['plantSeries']} series x {generated['plantCopies']} copies, {generated['plantRecords']:,} records; {generated['plantVariables']}) | {generated['plantResidentBytesPerRecord']} bytes | <= {TARGETS['plantBytes']} bytes ({ok(generated['plantResidentBytesPerRecord'] <= TARGETS['plantBytes'])}) |

Each wrk thread is one device: it PUTs to the `acceleration` series of its own asset, each PUT 100 new records
inside the device's next second; a thread's connections deliver its PUTs slightly out of order, as a device writing
over several connections does. wrk builds each body by joining the template's pieces with the PUT's timestamp (put.lua
checks once that this gives the substituted template byte for byte). A PUT of plain records (flat objects, no
escapes, valid values) is read straight from the body bytes into the typed columns; any other body takes the
general JSON path, with the same answers.
Storage: per series a small open chunk (plain arrays) that takes appends and keeps the newest 1024 records (a late
batch merges there), and immutable sealed chunks of 1024 records, each column in the smaller of its plain and packed forms (delta-of-delta `_time`, Gorilla XOR or
scaled-decimal doubles, zigzag varint integers, dictionary strings, bit-packed booleans and presence); range
lookups are binary searches over the chunks, then in one; readers decode after releasing the series lock. Loading
the {memory['records']:,} records in process took {memory['loadSeconds']} s.
"""


def update(path, text):
    existing = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    pattern = re.compile(re.escape(SECTION) + r"\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(existing):
        updated = pattern.sub(lambda _: text + "\n", existing)
    else:
        updated = existing.rstrip() + "\n\n" + text
    with open(path, "w") as handle:
        handle.write(updated.rstrip() + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", metavar="BENCHMARKS.md", help="replace the IoT Time Series section of this file")
    parser.add_argument("--seconds", type=int, default=15, help="wrk duration of the ingest run")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections of the ingest run")
    parser.add_argument("--records", type=int, default=10_000_000, help="records in the in-process series")
    parser.add_argument("--gets", type=int, default=2000, help="range GETs to time in process")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build"), help="SwiftPM scratch path")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    args = parser.parse_args()
    if not args.no_build:
        build(args.scratch)
    release = os.path.join(args.scratch, "release")
    ingested = ingest(os.path.join(release, "mindsphere-fake"), args.seconds, args.connections)
    memory = in_process(os.path.join(release, "mindsphere-fake-bench"), args.records, args.gets)
    generated = plant(os.path.join(release, "mindsphere-fake-bench"))
    text = section(ingested, memory, generated, args)
    print(text)
    if args.update:
        update(args.update, text)


if __name__ == "__main__":
    main()
