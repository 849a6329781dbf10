"""The medians as a Markdown table, with the ratio ausweg / nginx and the
issue's targets beside them."""

import datetime
import statistics

# (key, label, scale, decimals)
FIGURES = [
    ("keep_cpu_us", "server CPU µs per keep-alive request", 1, 1),
    ("keep_sys_us", "… of which in the kernel", 1, 1),
    ("new_cpu_us", "server CPU µs per new TLS connection", 1, 0),
    ("new_sys_us", "… of which in the kernel", 1, 0),
    ("keep_rps", "keep-alive req/s", 1, 0),
    ("keep_p50", "keep-alive p50 latency, ms", 1, 2),
    ("keep_p99", "keep-alive p99 latency, ms", 1, 2),
    ("new_rps", "new connections/s (wrk-bound)", 1, 0),
    ("new_p50", "new connection p50 latency, ms", 1, 2),
    ("new_p99", "new connection p99 latency, ms", 1, 2),
    ("hwm_kib", "peak RSS under load, MiB", 1 / 1024, 1),
    ("idle_rss_kib", "RSS with {idle} idle TLS connections, MiB", 1 / 1024, 1),
    ("idle_pss_kib", "PSS with {idle} idle TLS connections, MiB", 1 / 1024, 1),
    ("startup_ms", "start-up to first served request, ms", 1, 0),
]

# (key, how ausweg / nginx must compare, bound, words)
TARGETS = [
    ("keep_cpu_us", "ratio<=", 0.5, "CPU per keep-alive request ≤ 0.5× nginx"),
    ("new_cpu_us", "ratio<=", 1.0, "CPU per new connection ≤ 1.0× nginx"),
    ("keep_rps", "ratio>=", 1.0, "keep-alive req/s ≥ nginx"),
    ("keep_p99", "ratio<=", 1.0, "keep-alive p99 ≤ nginx"),
    ("idle_rss_kib", "ratio<=", 1.0, "RSS with idle connections ≤ nginx"),
    ("startup_ms", "value<=", 300, "start-up ≤ 300 ms"),
]


def medians(results):
    return {key: {figure: statistics.median(row[figure] for row in rows)
                  for figure in rows[0]}
            for key, rows in results.items()}


def render(results, floor, machine, command, response_size, idle_count):
    table = medians(results)
    workers = sorted({w for w, _ in table})
    rounds = min(len(rows) for rows in results.values())
    idle = f"{idle_count:,}"
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {machine}; medians of {rounds} "
        f"rounds, fresh processes each, interleaved; server pinned to one core, wrk "
        f"(1 thread, 64 connections) to the other; page /de/1 gzipped, "
        f"{response_size} bytes with its head. Reproduce: `{command}`.",
        "",
        "| figure | " + " | ".join(f"ausweg {w}w | nginx {w}w | ratio {w}w" for w in workers)
        + " |",
        "| --- |" + " ---: |" * (3 * len(workers)),
    ]
    for key, label, scale, decimals in FIGURES:
        cells = []
        for w in workers:
            a, n = table.get((w, "ausweg"), {}).get(key), table.get((w, "nginx"), {}).get(key)
            cells += [cell(a, scale, decimals), cell(n, scale, decimals), ratio(a, n)]
        lines.append(f"| {label.format(idle=idle)} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"libssl alone (memory BIOs, no sockets, server side): "
        f"{floor['response_us']:.1f} µs per request read and {response_size}-byte response "
        f"written, {floor['handshake_us']:.0f} µs per handshake (SSL_new to SSL_free), "
        f"{floor['close_us']:.1f} µs per close_notify.",
    ]
    for w in workers:
        a = table.get((w, "ausweg"))
        if a:
            lines.append(
                f"ausweg {w}w over the floor: {a['keep_cpu_us'] / floor['response_us']:.1f}× "
                f"per keep-alive request, {a['new_cpu_us'] / floor['handshake_us']:.2f}× "
                f"per new connection.")
    lines += ["", "Targets:"] + targets(table, workers)
    return "\n".join(lines)


def targets(table, workers):
    lines = []
    for key, how, bound, words in TARGETS:
        verdicts = []
        for w in workers:
            a, n = table.get((w, "ausweg"), {}).get(key), table.get((w, "nginx"), {}).get(key)
            if a is None or (n is None and how != "value<="):
                continue
            value = a if how == "value<=" else a / n
            met = value >= bound if how == "ratio>=" else value <= bound
            verdicts.append(f"{w}w {value:.2f} {'met' if met else 'MISSED'}")
        lines.append(f"- {words}: " + ", ".join(verdicts))
    return lines


def cell(value, scale, decimals):
    return "–" if value is None else f"{value * scale:,.{decimals}f}"


def ratio(a, n):
    return "–" if a is None or n is None or n == 0 else f"{a / n:.2f}"
