#!/usr/bin/env python3
"""Control-plane benchmark: how long `POST /_fake/reset` takes to restore the scenario after 10,000 writes.

Serves the default scenario with the release `mindsphere-fake`, then per round makes 10,000 writes over one
keep-alive connection (time-series PUTs of one record each to the seed's `real_log` aspect, plus every 100th write
an asset created with `POST /assets`), then times `POST /_fake/reset` on the client (HTTP round trip included) and
checks the written data is gone. Reports the median and the worst of the rounds.

    bench/control.py                          # build, run, print a Markdown table
    bench/control.py --binary PATH --no-build # use a given release binary
    bench/control.py --update BENCHMARKS.md   # also replace the "control plane" section of BENCHMARKS.md
"""
import argparse
import base64
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as gateway  # noqa: E402  (shared helpers of the gateway benchmark)

MACHINE = "60bf86d1d051416f853b1e22f3714b8c"
ROOT_ASSET = "343a6a61f5ef48c899b13f9c1be45b07"


def request(connection, method, path, headers=None, body=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read()


def token(connection):
    key = "Basic " + base64.b64encode(f"{gateway.CLIENT_ID}:{gateway.SECRET}".encode()).decode()
    status, body = request(connection, "POST", "/api/technicaltokenmanager/v3/oauth/token",
                           {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, gateway.TOKEN_BODY)
    assert status == 200, body
    return json.loads(body)["access_token"]


def write(connection, bearer, count, round_index):
    headers = {"Authorization": "Bearer " + bearer, "Content-Type": "application/json"}
    start = 1_676_858_400_000  # 2023-02-20T02:00:00Z
    for index in range(count):
        if index % 100 == 99:
            body = json.dumps({"name": f"bench-{round_index}-{index}", "typeId": "core.basicarea", "parentId": ROOT_ASSET})
            status, text = request(connection, "POST", "/api/assetmanagement/v3/assets", headers, body)
            assert status == 201, text
            continue
        millis = start + index
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis // 1000)) + f".{millis % 1000:03d}Z"
        body = json.dumps([{"_time": stamp, "activity_type": "started", "machine_id": "m1", "part_id": str(index),
                            "queue": "q1", "timestamp": stamp}])
        status, text = request(connection, "PUT", f"/api/iottimeseries/v3/timeseries/{MACHINE}/real_log", headers, body)
        assert status < 300, text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", help="a release mindsphere-fake to use instead of building one")
    parser.add_argument("--update", metavar="FILE", help="replace the control-plane section of FILE with the results")
    args = parser.parse_args()

    if args.binary is None and not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "mindsphere-fake"], cwd=gateway.ROOT, check=True)
    binary = args.binary or os.path.join(gateway.ROOT, ".build", "release", "mindsphere-fake")
    fake, base = gateway.start([binary, "serve", "--quiet", "--port", "0"], r"listening on (http://\S+)")
    try:
        host, port = base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port))
        resets = []
        for round_index in range(args.rounds):
            bearer = token(connection)
            write(connection, bearer, args.writes, round_index)
            auth = {"Authorization": "Bearer " + bearer}
            status, listed = request(connection, "GET", "/api/assetmanagement/v3/assets?size=1", auth)
            assert status == 200 and json.loads(listed)["page"]["totalElements"] > 4, listed
            began = time.perf_counter()
            status, body = request(connection, "POST", "/_fake/reset")
            resets.append((time.perf_counter() - began) * 1000)
            assert status == 200, body
            status, listed = request(connection, "GET", "/api/assetmanagement/v3/assets?size=1", auth)
            assert json.loads(listed)["page"]["totalElements"] == 4, "reset left assets behind"
            status, series = request(connection, "GET", f"/api/iottimeseries/v3/timeseries/{MACHINE}/real_log"
                                     "?from=2023-02-20T00:00:00.000Z&to=2023-02-21T00:00:00.000Z", auth)
            assert status == 200 and json.loads(series) == [], "reset left time series behind"
        connection.close()
    finally:
        fake.terminate()
        fake.wait()

    commit = gateway.sh("git", "-C", gateway.ROOT, "rev-parse", "--short", "HEAD").strip()
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; commit {commit}; "
        f"default scenario; {args.writes:,} writes per round ({args.writes // 100:,} asset creations, the rest "
        f"one-record time-series PUTs), {args.rounds} rounds; time measured on the client, HTTP round trip included.",
        "",
        "| case | median ms | worst ms | target |",
        "|---|---:|---:|---|",
        f"| POST /_fake/reset after {args.writes:,} writes | {statistics.median(resets):.2f} | {max(resets):.2f} | < 50 ms |",
    ]
    report = "\n".join(lines)
    print(report)
    if args.update:
        gateway.update_section(args.update, "control", "Control plane", report)


if __name__ == "__main__":
    main()
