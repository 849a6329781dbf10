#!/usr/bin/env python3
"""The site as an onion service, proven on a private Tor network on
127.0.0.1; run by `make test`.

It verifies the shipped tor/torrc, builds the network, publishes an onion
service whose HiddenServicePort points at an onion-only ausweg, and fetches
every page of two languages through the client's SocksPort. A second,
clearnet ausweg must name the same onion in Onion-Location. Every tor and
ausweg is stopped by its PID at the end, whatever happened; the exit status
is 0 only when every check passed.
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time

# No __pycache__ folders in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import checks  # noqa: E402
import network  # noqa: E402
from ausweg import Ausweg  # noqa: E402

# The whole test, network included; SIGALRM ends it, tearing down.
BUDGET_SECONDS = 420


class Aborted(Exception):
    pass


def abort(signal_number, _frame):
    raise Aborted(f"stopped by {signal.Signals(signal_number).name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the ausweg binary to test")
    parser.add_argument("--root", required=True, help="the package root")
    options = parser.parse_args()
    for signal_number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM):
        signal.signal(signal_number, abort)
    signal.alarm(BUDGET_SECONDS)
    # Short: a unix socket path must fit in 108 bytes.
    directory = tempfile.mkdtemp(prefix="ausweg-tor-")
    started = time.monotonic()
    net = network.Network(directory)
    servers = []
    report = checks.Report(started)
    try:
        run(options, directory, net, servers, report)
    except Exception as error:  # noqa: BLE001 - every failure must reach teardown
        report.fail(f"{type(error).__name__}: {error}")
        report.show_logs(net, servers)
    finally:
        signal.alarm(0)
        teardown(net, servers, report)
        shutil.rmtree(directory, ignore_errors=True)
    return report.finish()


def run(options, directory, net, servers, report):
    checks.production_torrc(options.root, directory, report)
    net.start()
    report.step("network up, client bootstrapped")
    socket_path = os.path.join(directory, "onion.sock")
    service = net.add_service("service", "unix:" + socket_path)
    hostname = service.wait_for_hostname()
    common = {
        "ContentDir": os.path.join(options.root, "content"), "Workers": "1",
        "AudioDir": os.path.join(options.root, ".build-audio"),
        "OnionHostnameFile": service.hostname_file(),
        "PublicURL": "https://" + checks.CLEARNET_NAME,
    }
    onion_only = {
        **common, "HTTPSPort": "0", "HTTPPort": "0", "OnionSocket": socket_path,
        "TorConfigFile": service.torrc, "StateDir": os.path.join(directory, "state-onion"),
    }
    checks.single_hop_refused(options.binary, onion_only, service, report)
    server = Ausweg(options.binary, "onion-only", directory, onion_only)
    servers.append(server)
    listeners = server.wait_for_listeners(1)
    report.expect(listeners == {"onion": socket_path}, f"onion-only listeners: {listeners}")
    clearnet = Ausweg(options.binary, "clearnet", directory, {
        **common, "HTTPSPort": "127.0.0.1:0", "HTTPPort": "127.0.0.1:0",
        "StateDir": os.path.join(directory, "state-clearnet"),
    })
    servers.append(clearnet)
    clearnet_listeners = clearnet.wait_for_listeners(2)
    service.publish()
    report.step("descriptor uploaded")
    checks.wait_reachable(hostname, net.socks_port)
    report.step("onion reachable")
    checks.every_page_over_onion(hostname, net.socks_port, report)
    checks.onion_location(hostname, net.socks_port, clearnet_listeners, report)
    report.step("pages fetched")
    checks.audio_over_onion(hostname, net.socks_port, report)
    report.step("audio ranges fetched")
    checks.no_inet_socket(server.process.pid, report)
    checks.written_torrcs(net, report)


def teardown(net, servers, report):
    for server in servers:
        server.stop()
    net.stop()
    alive = [process.pid for process in checks.processes(net, servers) if process.running()]
    report.expect(not alive, f"processes still running after teardown: {alive}")
    report.step("torn down")


if __name__ == "__main__":
    sys.exit(main())
