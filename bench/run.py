"""ausweg against nginx on the same page, over TLS on loopback.

Both servers are started fresh for every round, pinned to one CPU while the
load generator runs on the other, interleaved (A B, B A, ...), and stopped
by PID. The figures to judge by are each server's own CPU time (utime +
stime from /proc) per request and per new connection: on a shared machine
they stay within a few percent while requests per second swing by 20 %.

usage: python3 bench/run.py [--rounds 3] [--duration 8] [--workers 1,2]
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import measure
import probe
import report
import servers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Hop-by-hop fields say how the connection goes on, not what was served.
HOP_BY_HOP = {"connection", "keep-alive"}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--idle", type=int, default=1000, help="idle TLS connections")
    parser.add_argument("--server-cpu", default="1")
    parser.add_argument("--load-cpu", default="0")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/ausweg"))
    parser.add_argument("--only", choices=["ausweg", "nginx"], help="measure one server")
    return parser.parse_args()


def say(text):
    print(text, file=sys.stderr, flush=True)


def make_certificate(tmp):
    """One ECDSA P-256 certificate for both servers, as ausweg makes its own."""
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost"],
        check=True, capture_output=True)
    os.chmod(key, 0o644)
    return cert, key


def extract_page(ausweg):
    """The page and its exact header fields, as ausweg serves them."""
    ausweg.start(1, "0")
    try:
        status, fields, body = probe.fetch(ausweg.port, servers.PAGE)
    finally:
        ausweg.stop()
    if not status.startswith("HTTP/1.1 200"):
        raise RuntimeError(f"ausweg answered {status}")
    return status, fields, body


def field_set(fields):
    """The end-to-end fields; Padding by name only, its length is checked
    through the whole response's."""
    return sorted((n.lower(), "" if n.lower() == "padding" else v)
                  for n, v in fields if n.lower() not in HOP_BY_HOP)


def response_size(status, fields, body):
    return (len(status) + 2 + sum(len(n) + len(v) + 4 for n, v in fields) + 2
            + len(body))


def check_identical(ausweg, nginx):
    """Both must send the same status, body and fields, and as many bytes
    (ausweg pads every page to one size), before any figure counts."""
    answers = {}
    for server in (ausweg, nginx):
        server.start(1, "0")
        try:
            answers[server.name] = probe.fetch(server.port, servers.PAGE)
        finally:
            server.stop()
    (status_a, fields_a, body_a), (status_n, fields_n, body_n) = answers.values()
    if status_a != status_n or body_a != body_n:
        raise RuntimeError(f"answers differ: {status_a!r} vs {status_n!r}, bodies "
                           f"{len(body_a)} vs {len(body_n)} bytes")
    if field_set(fields_a) != field_set(fields_n):
        only_a = set(field_set(fields_a)) - set(field_set(fields_n))
        only_n = set(field_set(fields_n)) - set(field_set(fields_a))
        raise RuntimeError(f"header fields differ: ausweg only {only_a}, nginx only {only_n}")
    size_a = response_size(status_a, fields_a, body_a)
    size_n = response_size(status_n, fields_n, body_n)
    if size_a != size_n:
        raise RuntimeError(f"response sizes differ: ausweg {size_a}, nginx {size_n} bytes")
    say(f"check: identical status, {len(body_a)}-byte body and {len(fields_a)} fields, "
        f"{size_a} bytes each")


def libssl_floor(tmp, cert, key, request_size, response_size, cpu):
    """Medians of three runs of tls_floor.c: the server's libssl cost alone."""
    binary = os.path.join(tmp, "tls_floor")
    subprocess.run(
        ["gcc", "-O2", "-o", binary, os.path.join(HERE, "tls_floor.c"), "-lssl", "-lcrypto"],
        check=True)
    runs = []
    for _ in range(3):
        output = subprocess.run(
            ["taskset", "-c", cpu, binary, cert, key, str(request_size),
             str(response_size), "1000", "40000"],
            check=True, capture_output=True, text=True, timeout=120).stdout
        runs.append(dict((k, float(v)) for k, v in (f.split("=") for f in output.split())))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def idle_memory(server, count, cpu):
    """RSS and PSS of the server while count TLS connections sit idle."""
    command = ["taskset", "-c", cpu, sys.executable, os.path.join(HERE, "idle_clients.py"),
               str(server.port), str(count), "60"]
    opener = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    servers.STARTED.append(opener)
    try:
        line = opener.stdout.readline().split()
        if len(line) != 2 or int(line[1]) != count:
            raise RuntimeError(f"idle clients opened {line}")
        # Let both sides settle after the last handshake.
        time.sleep(1)
        pids = server.pids()
        return measure.memory_kib(pids, "VmRSS"), measure.pss_kib(pids)
    finally:
        opener.stdin.close()
        servers.stop(opener)
        servers.STARTED.remove(opener)


def measure_round(server, workers, args):
    server.start(workers, args.server_cpu)
    try:
        pids = server.pids()
        measure.wrk(server.port, servers.PAGE, 1, args.connections, args.load_cpu, False)
        row = {"startup_ms": server.startup * 1000}
        for mode, closing in (("keep", False), ("new", True)):
            user, system = measure.cpu_seconds(pids)
            result = measure.wrk(server.port, servers.PAGE, args.duration, args.connections,
                                 args.load_cpu, closing)
            user_after, system_after = measure.cpu_seconds(pids)
            user, system = user_after - user, system_after - system
            row[f"{mode}_cpu_us"] = (user + system) / result["requests"] * 1e6
            row[f"{mode}_sys_us"] = system / result["requests"] * 1e6
            for key in ("rps", "p50", "p99"):
                row[f"{mode}_{key}"] = result[key]
        row["hwm_kib"] = measure.memory_kib(pids, "VmHWM")
        row["idle_rss_kib"], row["idle_pss_kib"] = idle_memory(server, args.idle, args.load_cpu)
        return row
    finally:
        server.stop()


def main():
    args = arguments()
    tmp = tempfile.mkdtemp(prefix="ausweg-bench-")
    # nginx's workers run as nobody and must read the page.
    os.chmod(tmp, 0o755)
    try:
        cert, key = make_certificate(tmp)
        ausweg = servers.Ausweg(args.binary, os.path.join(ROOT, "content"), tmp, cert, key)
        status, fields, body = extract_page(ausweg)
        nginx = servers.Nginx(tmp, cert, key, fields, body, gzip.decompress(body))
        check_identical(ausweg, nginx)
        head = status + "\r\n" + "".join(f"{n}: {v}\r\n" for n, v in fields) + "\r\n"
        request = probe.REQUEST.format(path=servers.PAGE, extra="")
        floor = libssl_floor(tmp, cert, key, len(request), len(head) + len(body),
                             args.server_cpu)
        say(f"libssl floor: {floor}")
        results = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            for round_number in range(args.rounds):
                order = [ausweg, nginx] if round_number % 2 == 0 else [nginx, ausweg]
                for server in order:
                    if args.only and server.name != args.only:
                        continue
                    row = measure_round(server, workers, args)
                    results.setdefault((workers, server.name), []).append(row)
                    say(f"{workers}w round {round_number + 1} {server.name}: "
                        + " ".join(f"{k}={v:.1f}" for k, v in row.items()))
        table = report.render(
            results, floor, machine(), command_line(), len(head) + len(body), args.idle)
        print(table)
        save(table, results, floor)
    finally:
        servers.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


def machine():
    with open("/proc/cpuinfo") as info:
        model = next(line.split(":", 1)[1].strip() for line in info
                     if line.startswith("model name"))
    ssl_version = subprocess.run(["openssl", "version"], capture_output=True,
                                 text=True).stdout.split()[1]
    nginx_version = subprocess.run(["nginx", "-v"], capture_output=True,
                                   text=True).stderr.strip().split("/")[-1]
    return (f"{os.cpu_count()} cores, {model}, Linux {platform.release()}, "
            f"OpenSSL {ssl_version}, nginx {nginx_version}")


def command_line():
    return "make bench" if os.environ.get("MAKELEVEL") else "python3 " + " ".join(sys.argv)


def save(table, results, floor):
    folder = os.path.join(HERE, "results")
    os.makedirs(folder, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    with open(os.path.join(folder, f"{stamp}.md"), "w") as out:
        out.write(table + "\n")
    with open(os.path.join(folder, f"{stamp}.json"), "w") as out:
        raw = {f"{w} {name}": rows for (w, name), rows in results.items()}
        json.dump({"floor": floor, "rounds": raw}, out, indent=1)


if __name__ == "__main__":
    main()
