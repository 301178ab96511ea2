#!/usr/bin/env python3
"""IoT TS Aggregates benchmark: v4 aggregates over 7 days of 1-second data of a 3-double aspect (604,800 records).

Two queries, each timed in process (`mindsphere-fake-bench aggregates`, the route handler alone) and over HTTP
(`mindsphere-fake serve` on loopback, one keep-alive connection, the client's wall time per request):
hourly over the 7 days (168 intervals) and 2-minute over the first 24 hours (720 intervals).

    bench/aggregates.py                          # build, run, print a Markdown section
    bench/aggregates.py --update BENCHMARKS.md   # also replace the "IoT TS Aggregates" section of BENCHMARKS.md
"""
import argparse
import base64
import http.client
import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTION = "## IoT TS Aggregates"
CLIENT_ID = "iiotuxpc-testdm-v1.0.0"
SECRET = "fake-secret-for-local-use"
TOKEN_BODY = json.dumps({"grant_type": "client_credentials", "appName": "testdm", "appVersion": "v1.0.0",
                         "hostTenant": "iiotuxpc", "userTenant": "iiotuxpc"})
TARGET_P99 = 5.0
START = 1_600_041_600  # 2020-09-14T00:00:00Z; one record per second after it, for 7 days
RECORDS = 7 * 86_400
CASES = [("hourly, 7 days (168 intervals)", "hour", 1, 7 * 86_400, 168),
         ("2-minute, 24 hours (720 intervals)", "minute", 2, 86_400, 720)]


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(seconds))


def build(scratch):
    for product in ("mindsphere-fake", "mindsphere-fake-bench"):
        print(f"building {product} (release) ...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", scratch, "--product", product],
                       cwd=ROOT, check=True)


def request(connection, method, path, headers, body=None):
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def over_http(binary, requests):
    server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        match = re.search(r"listening on http://([^:]+):(\d+)", server.stdout.readline())
        if not match:
            raise SystemExit("server did not start")
        connection = http.client.HTTPConnection(match.group(1), int(match.group(2)))
        key = "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
        _, body = request(connection, "POST", "/api/technicaltokenmanager/v3/oauth/token",
                          {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, TOKEN_BODY)
        auth = {"Authorization": "Bearer " + json.loads(body)["access_token"], "Content-Type": "application/json"}
        am = "/api/assetmanagement/v3"
        variables = [{"name": n, "dataType": "DOUBLE", "unit": "", "searchable": False, "qualityCode": False}
                     for n in ("x", "y", "z")]
        request(connection, "PUT", am + "/aspecttypes/iiotuxpc.benchacceleration", auth, json.dumps(
            {"name": "benchacceleration", "category": "dynamic", "scope": "private", "variables": variables}))
        request(connection, "PUT", am + "/assettypes/iiotuxpc.benchmachine", auth, json.dumps(
            {"name": "benchmachine", "parentTypeId": "core.basicasset", "instantiable": True, "variables": [],
             "aspects": [{"name": "acceleration", "aspectTypeId": "iiotuxpc.benchacceleration"}]}))
        _, root = request(connection, "GET", am + "/assets/root", auth)
        _, asset = request(connection, "POST", am + "/assets", auth, json.dumps(
            {"name": "benchmachine", "typeId": "iiotuxpc.benchmachine", "parentId": json.loads(root)["assetId"],
             "timezone": "UTC"}))
        asset = json.loads(asset)["assetId"]
        series = f"/api/iottimeseries/v3/timeseries/{asset}/acceleration"
        for first in range(0, RECORDS, 10_000):
            records = []
            for index in range(first, min(RECORDS, first + 10_000)):
                value = (index % 1000) * 0.001
                records.append(f'{{"_time":"{iso(START + index + 1)}","x":{value:.3f},"y":{value + 1:.3f},"z":{value + 2:.3f}}}')
            status, _ = request(connection, "PUT", series, auth, "[" + ",".join(records) + "]")
            if status != 204:
                raise SystemExit(f"PUT answered {status}")
        results = {}
        for name, unit, value, seconds, intervals in CASES:
            path = (f"/api/iottsaggregates/v4/aggregates?assetId={asset}&aspectName=acceleration&from={iso(START)}"
                    f"&to={iso(START + seconds)}&intervalUnit={unit}&intervalValue={value}")
            status, body = request(connection, "GET", path, auth)
            items = len(json.loads(body)["aggregates"]) if status == 200 else 0
            if items != intervals:
                raise SystemExit(f"{name}: {items} aggregates, expected {intervals}: {body[:200]!r}")
            latencies = []
            for _ in range(requests):
                began = time.perf_counter()
                request(connection, "GET", path, auth)
                latencies.append((time.perf_counter() - began) * 1000)
            latencies.sort()
            results[name] = (latencies[len(latencies) // 2], latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))])
        return results
    finally:
        server.terminate()
        server.wait()


def in_process(binary, requests):
    output = subprocess.run([binary, "aggregates", str(requests)], check=True, capture_output=True, text=True).stdout
    line = json.loads(output.strip().splitlines()[-1])
    return {CASES[0][0]: (line["hourlyP50Milliseconds"], line["hourlyP99Milliseconds"], line["hourlyCPUP50Milliseconds"]),
            CASES[1][0]: (line["minuteP50Milliseconds"], line["minuteP99Milliseconds"], line["minuteCPUP50Milliseconds"])}


def section(local, remote, requests):
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rows = []
    for name, *_ in CASES:
        (p50, p99, cpu), (hp50, hp99) = local[name], remote[name]
        verdict = lambda p: "meets" if p < TARGET_P99 else "misses"
        rows.append(f"| v4 {name} | p50 {p50:.2f} ms, p99 {p99:.2f} ms ({verdict(p99)}); CPU p50 {cpu:.2f} ms "
                    f"| p50 {hp50:.2f} ms, p99 {hp99:.2f} ms ({verdict(hp99)}) | p99 < 5 ms |")
    table = "\n".join(rows)
    return f"""{SECTION}

Reproduce: `bench/aggregates.py --update BENCHMARKS.md` (builds the release binaries).
Machine: {os.cpu_count()} cores ({cpu}). Load average when the report was written: {load}.

One series of 604,800 records (7 days, one per second, x/y/z DOUBLE); {requests} requests per case after one checked
answer. In process: the v4 route handler alone (wall time, and the thread's CPU time, which other work on the
machine inflates less). Over HTTP: one keep-alive connection from Python on loopback, the
client's wall time per request (client overhead included).

| Query | In process | Over HTTP | Target |
| --- | --- | --- | --- |
{table}

Aggregates are computed at request time from the stored columns: per non-empty interval two binary searches for its
rows; per DOUBLE variable, the interval's whole 256-row blocks come from block summaries kept with the series (built
on first use, dropped by writes to their rows) and only the rows at its edges are scanned; blocks combine by the
pairwise variance update (see docs/aggregates.md).
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
    parser.add_argument("--update", metavar="BENCHMARKS.md", help="replace the IoT TS Aggregates section of this file")
    parser.add_argument("--requests", type=int, default=500, help="requests per case")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build"), help="SwiftPM scratch path")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    args = parser.parse_args()
    if not args.no_build:
        build(args.scratch)
    release = os.path.join(args.scratch, "release")
    local = in_process(os.path.join(release, "mindsphere-fake-bench"), args.requests)
    remote = over_http(os.path.join(release, "mindsphere-fake"), args.requests)
    text = section(local, remote, args.requests)
    print(text)
    if args.update:
        update(args.update, text)


if __name__ == "__main__":
    main()
