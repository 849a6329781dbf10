"""What the kernel says a server used, and what wrk says it served."""

import os
import re
import subprocess

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """utime and stime of the processes, all their threads included."""
    user = system = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # Fields 14 and 15 of stat(5), counted after the command name.
        user += int(fields[11])
        system += int(fields[12])
    return user / TICKS, system / TICKS


def memory_kib(pids, field):
    """The sum of a /proc/PID/status field (VmRSS, VmHWM) in KiB."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    total += int(line.split()[1])
    return total


def pss_kib(pids):
    """Proportional set size: shared pages (nginx's master and workers share
    libraries) counted once across the processes."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def milliseconds(text):
    """wrk's latency ("812.00us", "1.20ms", "2.00s", "1.00m") in ms."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, path, seconds, connections, cpu, closing):
    """Runs wrk pinned to cpu; returns requests, req/s, p50 and p99 in ms."""
    command = [
        "taskset", "-c", cpu, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s",
        "--latency", "--timeout", "5s", "-H", "Accept-Encoding: gzip",
    ]
    if closing:
        command += ["-H", "Connection: close"]
    command.append(f"https://127.0.0.1:{port}{path}")
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    try:
        return parse_wrk(output)
    except (AttributeError, ValueError) as error:
        raise RuntimeError(f"cannot read wrk's output ({error}):\n{output!r}") from None


def parse_wrk(output):
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Socket errors: (.*)", output)
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output) or requests == 0:
        raise ValueError("wrk saw failures")
    return {
        "requests": requests,
        "errors": errors.group(1) if errors else "",
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
    }
