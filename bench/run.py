#!/usr/bin/env python3
"""Gateway benchmark: the release `mindsphere-fake` against a plain C libmicrohttpd server, in one run, on loopback.

Starts both servers, drives each with wrk (keep-alive, `-t2 -c32`), and reports throughput and p50/p99 latency of
each case as a ratio to the C baseline measured in the same run (the machine is noisy: compare ratios, not absolutes).
The cases run in several interleaved rounds (C baseline, then each fake GET case, again and again; then C baseline and
the token POST, again and again); each figure is the median over the rounds, and a case's ratio is the median of its
per-round ratios to the C baseline run just before it. The C server also answers the fake's authenticated GET request
as sent (path and bearer header): the fake's ratio to that run is the cost of its own work alone. A third C server
answers that request with as much memory per connection as the fake gives libmicrohttpd (16 KiB against its default
of 32 KiB, which libmicrohttpd clears after every request), so the report shows what the smaller pool is worth to a
server without the fake's own work. Both servers run
the same number of workers (--server-threads, the fake's default of 2 unless given); when that differs from the
number of processors, a second C server with one worker per processor joins, and the report quotes the fake against
the faster C configuration of each round as well. Last, the report quotes
`mindsphere-fake-bench gateway`, the core's CPU time per request in process.

Each case also shows the serving process's processor time per answered request, in user space and in the kernel
(from /proc, over the measured wrk run): on a machine whose cores wrk shares, a server's own work also costs kernel
time (waking wrk, being preempted), which the ratio carries as well.

With --profile (needs perf), one more wrk run of each GET case under `perf record` splits that time into the kernel,
libc, libmicrohttpd and the server's own code, and for the fake the part in `FakeGateway.handle` (the core).

With --calibrate, C servers that spin 1, 2 and 4 µs before each answer (cserver's BUSY_NS) join the rounds: their
ratios show what a server's own work per request costs in throughput on this machine, where wrk shares the cores.

    bench/run.py                     # build, run, print a Markdown table
    bench/run.py --update BENCHMARKS.md   # also replace the "gateway" section of BENCHMARKS.md
    bench/run.py --scratch .build-other   # build and run the binary of another SwiftPM scratch path
"""
import argparse
import base64
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench")
CLIENT_ID = "iiotuxpc-testdm-v1.0.0"
SECRET = "fake-secret-for-local-use"
# The memory the fake gives each libmicrohttpd connection (`ServerConfiguration.connectionMemoryBytes` by default).
FAKE_CONNECTION_MEMORY = 16 * 1024
TOKEN_BODY = json.dumps({"grant_type": "client_credentials", "appName": "testdm", "appVersion": "v1.0.0",
                         "hostTenant": "iiotuxpc", "userTenant": "iiotuxpc"})


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kwargs).stdout


def build(args):
    if not args.no_build:
        print("building release binary ...", file=sys.stderr)
        for product in ("mindsphere-fake", "mindsphere-fake-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product, "--scratch-path", args.scratch],
                           cwd=ROOT, check=True)
    os.makedirs(SCRATCH, exist_ok=True)
    cserver = os.path.join(SCRATCH, "cserver")
    flags = sh("pkg-config", "--cflags", "--libs", "libmicrohttpd").split()
    subprocess.run(["gcc", "-O2", os.path.join(ROOT, "bench", "cserver.c"), "-o", cserver, *flags], check=True)
    binary = os.path.join(ROOT, args.scratch, "release", "mindsphere-fake")
    return binary, cserver


def start(command, pattern):
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(pattern, line)
    if not match:
        process.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return process, match.group(1)


def http(method, url, headers=None, body=None):
    request = urllib.request.Request(url, data=body.encode() if body else None, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def update_section(path, key, title, report):
    """Replaces the `<!-- key:begin -->` ... `<!-- key:end -->` block of a Markdown file, or appends it under `title`."""
    path = path if os.path.isabs(path) else os.path.join(ROOT, path)
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    begin, end = f"<!-- {key}:begin -->", f"<!-- {key}:end -->"
    block = f"{begin}\n{report}\n{end}"
    if begin in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip() + f"\n\n## {title}\n\n{block}\n"
    with open(path, "w") as handle:
        handle.write(text)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pid):
    """The user and system CPU time of process `pid` so far, in clock ticks (all its threads)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]), int(fields[12])


def wrk(url, args, script=None, warm_up=True, server_pid=None):
    command = ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    if script:
        command += ["-s", script]
    if warm_up:
        subprocess.run(command[:3] + ["-d1s"] + command[4:] + [url], check=True, capture_output=True)
    before = cpu_ticks(server_pid) if server_pid else None
    output = sh(*command, url)
    after = cpu_ticks(server_pid) if server_pid else None
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result = {"rps": rate, "p50": percentile("50"), "p99": percentile("99"), "errors": int(non2xx.group(1)) if non2xx else 0}
    if before:
        # The server's processor time per answered request, in user space and in the kernel (wrk's own is not in it).
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        microseconds_per_tick = 1e6 / os.sysconf("SC_CLK_TCK")
        result["user_us"] = (after[0] - before[0]) * microseconds_per_tick / max(requests, 1)
        result["system_us"] = (after[1] - before[1]) * microseconds_per_tick / max(requests, 1)
    return result


def profile(name, url, args, script, server_pid):
    """One more wrk run of a case with `perf record` on its server: the server's processor time per request, split
    into the kernel, libc, libmicrohttpd and the server's own code, and (for the fake) the part spent in
    `FakeGateway.handle` and what it calls. Sampled, so a few percent either way; `None` without perf."""
    if not shutil.which("perf"):
        return None
    data = tempfile.NamedTemporaryFile(suffix=".perf.data", delete=False).name
    recorder = subprocess.Popen(["perf", "record", "-q", "-g", "-F", "2000", "-p", str(server_pid), "-o", data],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    result = wrk(url, args, script, warm_up=False, server_pid=server_pid)
    recorder.send_signal(2)
    recorder.wait(timeout=60)
    per_request = result["user_us"] + result["system_us"]
    def report(*options):
        return subprocess.run(["perf", "report", "-i", data, "--stdio", "-g", "none", *options],
                              capture_output=True, text=True).stdout
    shares = {}
    for line in report("--no-children", "--sort", "dso").splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)", line)
        if match:
            shares[match.group(2)] = shares.get(match.group(2), 0) + float(match.group(1))
    def part(test):
        return sum(share for dso, share in shares.items() if test(dso)) * per_request / 100
    symbols = report("--children", "--sort", "sym")
    if shutil.which("swift"):
        symbols = subprocess.run(["swift", "demangle", "--simplified"], input=symbols, capture_output=True, text=True).stdout
    handle = next((float(line.split("%")[0]) for line in symbols.splitlines() if "FakeGateway.handle(" in line), None)
    os.unlink(data)
    return {
        "name": name, "total": per_request,
        "kernel": part(lambda dso: dso.startswith("[kernel")),
        "libc": part(lambda dso: dso.startswith("libc")),
        "mhd": part(lambda dso: dso.startswith("libmicrohttpd")),
        "own": part(lambda dso: dso in ("mindsphere-fake", "cserver")),
        "handle": handle * per_request / 100 if handle is not None else None,
    }


def lua(method, headers, body=None):
    lines = [f'wrk.method = "{method}"']
    for name, value in headers.items():
        lines.append(f'wrk.headers["{name}"] = "{value}"')
    if body is not None:
        lines.append("wrk.body = " + json.dumps(body))
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    handle.write("\n".join(lines) + "\n")
    handle.close()
    return handle.name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measured wrk run (default 5)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds over all cases (default 5)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=2,
                        help="worker threads of both servers (default 2, the fake's default)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--calibrate", action="store_true",
                        help="add C servers spinning 1, 2 and 4 µs per request to the rounds")
    parser.add_argument("--scratch", metavar="PATH", default=".build",
                        help="SwiftPM scratch path holding the release build (default .build)")
    parser.add_argument("--update", metavar="FILE", help="replace the gateway section of FILE with the results")
    parser.add_argument("--profile", action="store_true",
                        help="after the rounds, profile the GET cases with perf: where each server's time per request goes")
    args = parser.parse_args()

    binary, cserver_binary = build(args)
    cserver, cport = start([cserver_binary, "0", str(args.server_threads)], r"listening on (\d+)")
    processors = os.cpu_count() or 1
    # C with one worker per processor, when that differs from the shared worker count.
    cserver_per_processor, cport_per_processor = (
        start([cserver_binary, "0", str(processors)], r"listening on (\d+)") if processors != args.server_threads
        else (None, None))
    busy = [(microseconds, start([cserver_binary, "0", str(args.server_threads), str(microseconds * 1000)],
                                 r"listening on (\d+)")) for microseconds in ((1, 2, 4) if args.calibrate else ())]
    # C with the connection memory the fake gives libmicrohttpd (twice its 8 KiB head limit), for the same request.
    cserver_small_pool, cport_small_pool = start(
        [cserver_binary, "0", str(args.server_threads), "0", str(FAKE_CONNECTION_MEMORY)], r"listening on (\d+)")
    fake, base = start([binary, "serve", "--quiet", "--port", "0", "--threads", str(args.server_threads)],
                       r"listening on (http://\S+)")
    try:
        key = "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
        status, text = http("POST", base + "/api/technicaltokenmanager/v3/oauth/token",
                            {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, TOKEN_BODY)
        assert status == 200, text
        token = json.loads(text)["access_token"]
        auth = {"Authorization": "Bearer " + token}
        status, text = http("GET", base + "/api/assetmanagement/v3/assets?size=1", auth)
        if status == 200 and json.loads(text).get("_embedded"):
            asset_id = json.loads(text)["_embedded"]["assets"][0]["assetId"]
            get_path = f"/api/assetmanagement/v3/assets/{asset_id}"
        else:
            get_path = "/api/assetmanagement/v3/assets?size=1"
        status, _ = http("GET", base + get_path, auth)
        assert status in (200, 404), status

        shown_path = re.sub('[0-9a-f]{32}', '{id}', get_path)
        cases = [
            ("C baseline: GET fixed JSON body (the same asset bytes)", f"http://127.0.0.1:{cport}/", None, cserver.pid),
        ]
        if cport_per_processor:
            cases.append((f"C baseline with {processors} worker threads (one per processor)",
                          f"http://127.0.0.1:{cport_per_processor}/", None, cserver_per_processor.pid))
        for microseconds, (process, port) in busy:
            cases.append((f"C baseline spinning {microseconds} µs per request", f"http://127.0.0.1:{port}/", None,
                          process.pid))
        cases += [
            ("fake: GET /_fake/health (no token)", base + "/_fake/health", None, fake.pid),
            (f"C baseline with the fake's connection memory ({FAKE_CONNECTION_MEMORY // 1024} KiB), same request as the "
             f"fake's", f"http://127.0.0.1:{cport_small_pool}{get_path}", lua("GET", auth), cserver_small_pool.pid),
            # The C server parses the same request head (path and the 1 KB bearer header) before the same answer:
            # the ratio of the fake to this one is the cost of the fake's own work alone.
            (f"C baseline, same request as the fake's: GET {shown_path} with the bearer header",
             f"http://127.0.0.1:{cport}{get_path}", lua("GET", auth), cserver.pid),
            (f"fake: authenticated GET {shown_path}", base + get_path, lua("GET", auth), fake.pid),
            ("fake: POST .../technicaltokenmanager/v3/oauth/token", base + "/api/technicaltokenmanager/v3/oauth/token",
             lua("POST", {"X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"}, TOKEN_BODY), fake.pid),
        ]
        # Token requests run after the GET rounds, each right after a baseline run of its own: every token issued
        # joins the fake's recent-token cache, and tens of thousands of them would push out the GET's token.
        rounds = [[] for _ in range(args.rounds)]
        baselines = [[] for _ in range(args.rounds)]
        for phase in (cases[:-1], [cases[0], cases[-1]]):
            for round_number in range(args.rounds):
                for index, (name, url, script, pid) in enumerate(phase):
                    print(f"round {round_number + 1}/{args.rounds}: {name}", file=sys.stderr)
                    result = wrk(url, args, script, warm_up=round_number == 0, server_pid=pid)
                    if index == 0:
                        baselines[round_number].append(result)
                    if index > 0 or not rounds[round_number]:
                        rounds[round_number].append(result)
        profiles = []
        if args.profile:
            for name, url, script, pid in cases:
                if name.startswith(("fake: GET", "fake: authenticated GET", "C baseline, same request")):
                    print(f"profile: {name}", file=sys.stderr)
                    profiles.append(profile(name, url, args, script, pid))
        fake_rss = rss_kib(fake.pid)
        core = sh(os.path.join(os.path.dirname(binary), "mindsphere-fake-bench"), "gateway").strip()
    finally:
        for process in (fake, cserver, cserver_per_processor, cserver_small_pool, *(process for _, (process, _) in busy)):
            if process is None:
                continue
            process.terminate()
            process.wait(timeout=10)

    results = []
    for index, (name, _, _, _) in enumerate(cases):
        runs = [measured[index] for measured in rounds]
        phase = 1 if index == len(cases) - 1 else 0
        ratios = [measured[index]["rps"] / baselines[number][phase]["rps"] for number, measured in enumerate(rounds)]
        results.append((name, {
            "rps": statistics.median(run["rps"] for run in runs),
            "ratio": statistics.median(ratios),
            "p50": statistics.median(run["p50"] for run in runs),
            "p99": statistics.median(run["p99"] for run in runs),
            "errors": sum(run["errors"] for run in runs),
            "ratios": ratios,
            "user_us": statistics.median(run["user_us"] for run in runs),
            "system_us": statistics.median(run["system_us"] for run in runs),
        }))
    load = os.getloadavg()
    commit = sh("git", "-C", ROOT, "rev-parse", "--short", "HEAD").strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    lines = [
        f"Run: {time.strftime('%Y-%m-%d')}, commit `{commit}`, {os.cpu_count()} cores ({cpu}), {platform.system()} "
        f"{platform.release()}; wrk `-t{args.wrk_threads} -c{args.connections} -d{args.duration}s`, "
        f"both servers with {args.server_threads} worker threads (epoll); medians of {args.rounds} interleaved rounds; "
        f"load average after the run {load[0]:.2f}. Fake RSS after the run: {fake_rss // 1024} MiB.",
        "",
        "| case | req/s | ratio to C baseline | ratio per round | p50 ms | p99 ms | non-2xx | server CPU µs/request: user + kernel |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in results:
        per_round = " / ".join(f"{ratio:.2f}" for ratio in result["ratios"])
        lines.append(f"| {name} | {result['rps']:,.0f} | {result['ratio']:.2f} | {per_round} | {result['p50']:.2f} | "
                     f"{result['p99']:.2f} | {result['errors']} | {result['user_us']:.1f} + {result['system_us']:.1f} |")
    # The authenticated GET against the C server answering the same request, run just before it in each round.
    names = [name for name, _, _, _ in cases]
    get_index = next(index for index, name in enumerate(names) if name.startswith("fake: authenticated GET"))
    same = [measured[get_index]["rps"] / measured[get_index - 1]["rps"] for measured in rounds]
    lines += [
        "",
        f"Authenticated GET against the C baseline serving the same request: **{statistics.median(same):.2f}** "
        f"(rounds {' / '.join(f'{ratio:.2f}' for ratio in same)}).",
    ]
    # The same, against the C server whose connections get as little memory as the fake's.
    pool_index = next(index for index, name in enumerate(names) if name.startswith("C baseline with the fake's connection"))
    same_pool = [measured[get_index]["rps"] / measured[pool_index]["rps"] for measured in rounds]
    lines += [
        "",
        f"Authenticated GET against the C baseline serving the same request with the fake's connection memory: "
        f"**{statistics.median(same_pool):.2f}** (rounds {' / '.join(f'{ratio:.2f}' for ratio in same_pool)}).",
    ]
    if cport_per_processor:
        # Against the faster of the two C configurations in each round.
        fastest = [measured[get_index]["rps"] / max(measured[0]["rps"], measured[1]["rps"]) for measured in rounds]
        lines += [
            "",
            f"Authenticated GET against the faster C configuration of each round: **{statistics.median(fastest):.2f}** "
            f"(rounds {' / '.join(f'{ratio:.2f}' for ratio in fastest)}).",
        ]
    lines += [
        "",
        "The core alone, in process (`mindsphere-fake-bench gateway`: CPU nanoseconds per `FakeGateway.handle` call, "
        f"one thread and two threads at once): `{core}`",
    ]
    if any(profiles):
        lines += [
            "",
            "Where each server's processor time per request went (`--profile`: one more wrk run per case under "
            "`perf record`, which slows each server by itself; sampled; µs per request):",
            "",
            "| case | total | kernel | libc | libmicrohttpd | server's own code | `FakeGateway.handle` with what it calls |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for entry in filter(None, profiles):
            handle = f"{entry['handle']:.1f}" if entry["handle"] is not None else "-"
            lines.append(f"| {entry['name']} | {entry['total']:.1f} | {entry['kernel']:.1f} | {entry['libc']:.1f} | "
                         f"{entry['mhd']:.1f} | {entry['own']:.1f} | {handle} |")
    report = "\n".join(lines)
    print(report)
    if args.update:
        update_section(args.update, "gateway", "Gateway (token and authenticated GET)", report)


if __name__ == "__main__":
    main()
