#!/usr/bin/env python3
"""Asset Management benchmark: the release `mindsphere-fake` with 10,000 assets, driven by wrk on loopback.

Creates the assets through `POST /assets` (one keep-alive connection), then measures throughput and p50/p99 of
`GET /assets` with a filter over all of them and of `GET /assets/{id}`.

    bench/assets.py                        # build, run, print a Markdown table
    bench/assets.py --update BENCHMARKS.md # also replace the "assets" section of BENCHMARKS.md
"""
import argparse
import http.client
import json
import os
import platform
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as gateway  # noqa: E402  (shared helpers of the gateway benchmark)


def create_assets(base, token, count):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    connection.request("GET", "/api/assetmanagement/v3/assets/root", headers=headers)
    root = json.loads(connection.getresponse().read())["assetId"]
    types = ["core.basicsite", "core.basicarea", "core.basicdevice"]
    ids = []
    for index in range(count):
        body = json.dumps({"name": f"asset-{index:05d}", "typeId": types[index % 3], "parentId": root,
                           "externalId": f"ext-{index % 100}"})
        connection.request("POST", "/api/assetmanagement/v3/assets", body=body, headers=headers)
        response = connection.getresponse()
        text = response.read()
        assert response.status == 201, text
        ids.append(json.loads(text)["assetId"])
    connection.close()
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measured wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=2)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--scratch", default=".build", help="SwiftPM scratch path holding the release build")
    parser.add_argument("--binary", help="a release mindsphere-fake to use instead of building one")
    parser.add_argument("--update", metavar="FILE", help="replace the assets section of FILE with the results")
    args = parser.parse_args()

    binary = args.binary or gateway.build(args)[0]
    fake, base = gateway.start([binary, "serve", "--quiet", "--port", "0", "--threads", str(args.server_threads)],
                               r"listening on (http://\S+)")
    try:
        key = "Basic " + __import__("base64").b64encode(f"{gateway.CLIENT_ID}:{gateway.SECRET}".encode()).decode()
        status, text = gateway.http("POST", base + "/api/technicaltokenmanager/v3/oauth/token",
                                    {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, gateway.TOKEN_BODY)
        assert status == 200, text
        token = json.loads(text)["access_token"]
        started = time.time()
        ids = create_assets(base, token, args.assets)
        creation = time.time() - started
        auth = gateway.lua("GET", {"Authorization": "Bearer " + token})
        filter_text = json.dumps({"and": {"deleted": None, "name": {"startsWith": "asset-09"},
                                          "hasType": "core.basicasset"}}, separators=(",", ":"))
        list_path = "/api/assetmanagement/v3/assets?filter=" + urllib.parse.quote(filter_text, safe="")
        status, text = gateway.http("GET", base + list_path, {"Authorization": "Bearer " + token})
        assert status == 200 and json.loads(text)["page"]["totalElements"] > 0, text[:300]
        cases = [
            (f"GET /assets with an and/startsWith/hasType filter over {args.assets:,} assets", base + list_path),
            ("GET /assets/{id}", base + "/api/assetmanagement/v3/assets/" + ids[len(ids) // 2]),
        ]
        results = []
        for name, url in cases:
            print(f"running: {name}", file=sys.stderr)
            results.append((name, gateway.wrk(url, args, auth)))
        rss = gateway.rss_kib(fake.pid)
    finally:
        fake.terminate()
        fake.wait(timeout=10)

    commit = gateway.sh("git", "-C", gateway.ROOT, "rev-parse", "--short", "HEAD").strip()
    lines = [
        f"Run: {time.strftime('%Y-%m-%d')}, commit `{commit}`, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; wrk `-t{args.wrk_threads} -c{args.connections} -d{args.duration}s`, fake with "
        f"{args.server_threads} worker threads. Creating {args.assets:,} assets over one keep-alive connection took "
        f"{creation:.1f} s; fake RSS afterwards: {rss // 1024} MiB.",
        "",
        "| case | req/s | p50 ms | p99 ms | non-2xx |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, result in results:
        lines.append(f"| {name} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | {result['errors']} |")
    report = "\n".join(lines)
    print(report)
    if args.update:
        gateway.update_section(args.update, "assets", "Asset Management (10,000 assets)", report)


if __name__ == "__main__":
    main()
