"""The assertions of the onion end-to-end test, and its report."""

import os
import re
import time

import network
import torrc
from ausweg import check_config
from fetch import FetchFailed, fetch
from process import wait_until

LANGUAGES = ["de", "en"]
PAGES = ["", "1", "2", "3", "4", "5", "6"]
REFLECTION_PAGE = "1"
# The page that shows the onion address as text.
SAFETY_PAGE = "4"
# Set as PublicURL of the onion-only server: no onion answer may name it.
CLEARNET_NAME = "clearnet-name.example"
REACHABLE_TIMEOUT = 90
PRODUCTION_DIRECTORY = "/var/lib/tor/ausweg/"
PRODUCTION_SOCKET = "/run/ausweg/onion.sock"
# A well-formed v3 address (the Tor Project's) for the Onionbalance check.
EXAMPLE_ONION = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"


class Report:
    """Collects failures, and prints one line per step with its time."""

    def __init__(self, started):
        self.started = started
        self.failures = []

    def step(self, what):
        print(f"tor test: {what} after {time.monotonic() - self.started:.1f} s", flush=True)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)

    def fail(self, message):
        self.failures.append(message)
        print(f"tor test: FAILED: {message}", flush=True)

    def show_logs(self, net, servers):
        """The last lines of every log, for a failure in CI."""
        for node in net.nodes():
            tail = node.log().splitlines()[-8:]
            print(f"--- {node.name} notice.log\n" + "\n".join(tail), flush=True)
        for server in servers:
            print(f"--- {server.process.log_path}\n" + server.process.output(), flush=True)

    def finish(self):
        if self.failures:
            print(f"tor test: {len(self.failures)} check(s) failed", flush=True)
            return 1
        print("tor test: all checks passed", flush=True)
        return 0


def production_torrc(root, directory, report):
    """tor --verify-config on tor/torrc with its paths moved into the test
    folder and the network off: as shipped, with the single onion option
    switched on, and as an Onionbalance backend (tor/onionbalance/)."""
    with open(os.path.join(root, "tor", "torrc"), encoding="utf-8") as file:
        shipped = file.read()
    report.expect(PRODUCTION_DIRECTORY in shipped and PRODUCTION_SOCKET in shipped,
                  "tor/torrc no longer names the paths this test moves")
    folder = os.path.join(directory, "production")
    os.makedirs(folder, mode=0o700)
    single_onion = re.sub(r"^#(HiddenService\w+ 1)$", r"\1", shipped, flags=re.M)
    report.expect(single_onion.count("\nHiddenServiceSingleHopMode 1") == 1,
                  "tor/torrc lacks the commented single onion option")
    backend = shipped.replace(
        f"unix:{PRODUCTION_SOCKET}\n",
        f"unix:{PRODUCTION_SOCKET}\nHiddenServiceOnionbalanceInstance 1\n")
    report.expect(backend != shipped, "tor/torrc: no HiddenServicePort line for Onionbalance")
    balanced = os.path.join(folder, "onionbalance", "service")
    os.makedirs(balanced, mode=0o700)
    with open(os.path.join(root, "tor", "onionbalance", "ob_config"), encoding="utf-8") as file:
        ob_config = file.read().replace("FRONTEND-ADDRESS.onion", EXAMPLE_ONION)
    with open(os.path.join(balanced, "ob_config"), "w", encoding="utf-8") as file:
        file.write(ob_config)
    placeholder = (f"DirAuthority placeholder orport=1 no-v2 v3ident={'0' * 40} "
                   f"127.0.0.1:2 {'0' * 40}")
    for name, text in (("plain", shipped), ("single-onion", single_onion),
                       ("onionbalance", backend)):
        moved = text.replace(PRODUCTION_DIRECTORY, f"{folder}/{name}/service/").replace(
            PRODUCTION_SOCKET, f"{folder}/onion.sock")
        path = torrc.write_torrc(os.path.join(folder, name + "-torrc"), moved.splitlines() + [
            f"DataDirectory {folder}/data", "DisableNetwork 1", "TestingTorNetwork 1",
            "UseDefaultFallbackDirs 0", placeholder])
        network.verify(path)
    report.step("tor/torrc verified")


def single_hop_refused(binary, settings, service, report):
    """check-config passes with the service's torrc, and refuses the same
    torrc with single-hop mode while the site is onion only."""
    status, output = check_config(binary, settings)
    report.expect(status == 0, f"check-config of the onion-only settings: {output}")
    with open(service.torrc, encoding="utf-8") as file:
        lines = file.read().splitlines()
    single_hop = torrc.write_torrc(
        service.torrc + "-single-hop",
        lines + ["HiddenServiceNonAnonymousMode 1", "HiddenServiceSingleHopMode 1"])
    status, output = check_config(binary, {**settings, "TorConfigFile": single_hop})
    report.expect(status == 2 and "reveals the server's location" in output,
                  f"check-config accepted single hop in onion-only mode: {status} {output}")


def wait_reachable(hostname, socks_port):
    """The first fetch may find a descriptor not yet on every HSDir."""
    def attempt():
        try:
            return fetch(f"http://{hostname}/", socks_port, timeout=20)
        except FetchFailed:
            return None
    wait_until("the onion service through tor", REACHABLE_TIMEOUT, attempt, interval=1)


def every_page_over_onion(hostname, socks_port, report):
    for code in LANGUAGES:
        for segment in PAGES:
            url = f"http://{hostname}/{code}/{segment}"
            response = fetch(url, socks_port)
            report.expect(response.status == 200, f"{url}: status {response.status}")
            for absent in ("Strict-Transport-Security", "Onion-Location", "Date", "Server"):
                report.expect(not response.values(absent), f"{url}: sends {absent}")
            report.expect(response.field("Content-Language") == code, f"{url}: language")
            report.expect(f'<html lang="{code}"' in response.text, f"{url}: page body")
            everything = str(response.fields) + response.text
            report.expect(CLEARNET_NAME not in everything, f"{url}: names the clearnet host")
            if segment == REFLECTION_PAGE:
                report.expect('<ol class="questions"' in response.text
                              and 'type="checkbox"' in response.text
                              and '<section class="closing"' in response.text,
                              f"{url}: reflection questions missing")
            if segment == SAFETY_PAGE:
                report.expect(f'<p class="ltr onion">{hostname}</p>' in response.text,
                              f"{url}: onion address not shown")
    zipped = fetch(f"http://{hostname}/en/1", socks_port, headers=["Accept-Encoding: gzip"])
    report.expect(zipped.field("Content-Encoding") == "gzip", "gzip over the onion")
    missing = fetch(f"http://{hostname}/de/none?x=1", socks_port)
    report.expect(missing.status == 404 and not missing.values("Onion-Location"),
                  "404 over the onion")


def audio_over_onion(hostname, socks_port, report):
    """The first clip a page offers, whole and as byte ranges through tor:
    206 with exactly the asked bytes, 416 past the end."""
    page = fetch(f"http://{hostname}/de/", socks_port)
    sources = re.findall(r'<source src="(/a/[^"]+)"', page.text)
    report.expect(bool(sources), "the home page offers no audio clip")
    if not sources:
        return
    url = f"http://{hostname}{sources[0]}"
    whole = fetch(url, socks_port)
    report.expect(whole.status == 200 and len(whole.body) > 1000,
                  f"{url}: status {whole.status}, {len(whole.body)} bytes")
    size = len(whole.body)
    for asked, first, last in (("0-99", 0, 99), (f"{size - 50}-", size - 50, size - 1)):
        part = fetch(url, socks_port, headers=[f"Range: bytes={asked}"])
        report.expect(part.status == 206, f"{url} bytes={asked}: status {part.status}")
        report.expect(part.field("Content-Range") == f"bytes {first}-{last}/{size}",
                      f"{url} bytes={asked}: Content-Range {part.field('Content-Range')}")
        report.expect(part.body == whole.body[first:last + 1],
                      f"{url} bytes={asked}: not the asked bytes")
    beyond = fetch(url, socks_port, headers=[f"Range: bytes={size}-"])
    report.expect(beyond.status == 416 and beyond.field("Content-Range") == f"bytes */{size}",
                  f"{url} past the end: status {beyond.status}")


def onion_location(hostname, socks_port, listeners, report):
    """HTTPS names the onion twin of the same path and query, once; port 80
    never does; and the named URL answers through tor with the same page."""
    target = "/de/1?from=card"
    clearnet = fetch(f"https://{listeners['https']}{target}", insecure=True)
    locations = clearnet.values("Onion-Location")
    report.expect(locations == [f"http://{hostname}{target}"], f"Onion-Location: {locations}")
    report.expect(bool(clearnet.values("Strict-Transport-Security")), "HTTPS without HSTS")
    redirect = fetch(f"http://{listeners['http redirect']}{target}")
    report.expect(redirect.status == 301 and not redirect.values("Onion-Location"),
                  "port 80 must redirect without Onion-Location")
    if locations:
        twin = fetch(locations[0], socks_port)
        report.expect(twin.status == 200 and twin.body == clearnet.body,
                      "the Onion-Location URL does not serve the same page")


def no_inet_socket(pid, report):
    """The onion-only server holds no TCP or UDP socket at all: it listens
    on none and has connected nowhere."""
    inodes = set()
    for descriptor in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{descriptor}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        with open(f"/proc/net/{table}", encoding="ascii") as file:
            for line in file.read().splitlines()[1:]:
                fields = line.split()
                if fields[9] in inodes:
                    found.append(f"{table} {fields[1]} state {fields[3]}")
    report.expect(bool(inodes), "found no socket of the onion-only server at all")
    report.expect(not found, f"onion-only server holds internet sockets: {found}")


def written_torrcs(net, report):
    """Every torrc this test wrote starts only a private network."""
    paths = net.written_torrcs()
    report.expect(len(paths) >= 10, f"expected every node's torrc, found {len(paths)}")
    for path in paths:
        with open(path, encoding="utf-8") as file:
            found = torrc.problems(file.read())
        report.expect(not found, f"{path}: {found}")


def processes(net, servers):
    nodes = [node.process for node in net.nodes() if node.process]
    return nodes + [server.process for server in servers]
