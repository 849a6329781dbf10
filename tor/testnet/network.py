"""The private Tor network itself: three directory authorities that also
relay, a few more relays, one client with a SocksPort, and onion services.

Shape, options and order follow /work/shared/TOR-TESTNET-NOTES.md: start
authorities and relays, wait until the authorities' consensus lists every
relay as Running, then start the client and wait for its bootstrap, then
publish each onion service with its network held back until we listen for
its upload event.
"""

import concurrent.futures
import os
import re
import socket
import subprocess

import torrc
from control import ControlPort
from process import Process, wait_until

AUTHORITIES = 3
RELAYS = 3
# Generous bounds: on two shared cores under load, key generation and the
# first consensus take several times what they take on an idle machine.
CONSENSUS_TIMEOUT = 150
BOOTSTRAP_TIMEOUT = 60
PUBLISH_TIMEOUT = 60
COMMAND_TIMEOUT = 30
KEY_TIMEOUT = 120

# About a third of tor's memory goes to per-thread malloc arenas it does
# not need on a test network.
TOR_ENVIRONMENT = {**os.environ, "MALLOC_ARENA_MAX": "1"}


def free_ports(count):
    """Ports the kernel had free a moment ago, all different."""
    sockets = []
    try:
        for _ in range(count):
            listener = socket.socket()
            listener.bind(("127.0.0.1", 0))
            sockets.append(listener)
        return [listener.getsockname()[1] for listener in sockets]
    finally:
        for listener in sockets:
            listener.close()


def run(arguments, stdin="", timeout=COMMAND_TIMEOUT):
    """Runs a short tor tool to completion; its output on failure."""
    result = subprocess.run(
        arguments, input=stdin, capture_output=True, text=True, timeout=timeout,
        env=TOR_ENVIRONMENT)
    if result.returncode != 0:
        raise RuntimeError(f"{arguments[0]} failed: {result.stdout}{result.stderr}")
    return result.stdout


def verify(torrc_path):
    """tor --verify-config, which reads the file and connects nowhere."""
    run(["tor", "--verify-config", "-f", torrc_path, "--defaults-torrc", "/dev/null"])


class Node:
    """One tor instance: its folder, torrc and, once started, its process."""

    def __init__(self, name, directory):
        self.name = name
        self.directory = os.path.join(directory, name)
        self.torrc = os.path.join(self.directory, "torrc")
        self.process = None
        os.makedirs(self.directory, mode=0o700)

    def start(self, lines):
        torrc.write_torrc(self.torrc, lines)
        verify(self.torrc)
        self.process = Process(
            ["tor", "-f", self.torrc, "--defaults-torrc", "/dev/null"], self.torrc,
            os.path.join(self.directory, "stdout.log"), TOR_ENVIRONMENT)

    def log(self):
        try:
            with open(os.path.join(self.directory, "notice.log"), encoding="utf-8") as file:
                return file.read()
        except FileNotFoundError:
            return ""

    def stop(self):
        if self.process:
            self.process.stop()


class Authority(Node):
    def __init__(self, name, directory, or_port, dir_port):
        super().__init__(name, directory)
        self.or_port = or_port
        self.dir_port = dir_port
        self.keys = os.path.join(self.directory, "keys")
        os.makedirs(self.keys, mode=0o700)

    def make_keys(self):
        """The v3 authority key and certificate (tor-gencert) and the relay
        identity (tor --list-fingerprint on a throwaway torrc that names a
        placeholder local authority, so the public ones are never loaded)."""
        run([
            "tor-gencert", "--create-identity-key", "-m", "12",
            "-a", f"127.0.0.1:{self.dir_port}", "--passphrase-fd", "0",
            "-i", os.path.join(self.keys, "authority_identity_key"),
            "-s", os.path.join(self.keys, "authority_signing_key"),
            "-c", os.path.join(self.keys, "authority_certificate"),
        ], stdin="\n", timeout=KEY_TIMEOUT)
        with open(os.path.join(self.keys, "authority_certificate"), encoding="ascii") as file:
            self.v3_identity = re.search(r"^fingerprint (\w+)$", file.read(), re.M).group(1)
        placeholder = (
            f"DirAuthority placeholder orport={self.or_port} no-v2 "
            f"v3ident={'0' * 40} 127.0.0.1:{self.dir_port} {'0' * 40}")
        throwaway = torrc.write_torrc(
            os.path.join(self.directory, "fingerprint-torrc"),
            torrc.common_lines(self.directory, [placeholder]) + [
                f"Nickname {self.name}", f"ORPort 127.0.0.1:{self.or_port}", "SocksPort 0"])
        output = run(["tor", "--list-fingerprint", "-f", throwaway, "--defaults-torrc",
                      "/dev/null"], timeout=KEY_TIMEOUT)
        line = [line for line in output.splitlines() if line.startswith(self.name + " ")][-1]
        self.fingerprint = line.split(" ", 1)[1].replace(" ", "")

    def dir_authority_line(self):
        return (
            f"DirAuthority {self.name} orport={self.or_port} no-v2 v3ident={self.v3_identity} "
            f"127.0.0.1:{self.dir_port} {self.fingerprint}")

    def running_relays(self):
        """How many relays the cached consensus lists as Running."""
        path = os.path.join(self.directory, "cached-consensus")
        try:
            with open(path, encoding="utf-8") as file:
                lines = file.read().splitlines()
        except FileNotFoundError:
            return 0
        return sum(1 for line in lines if line.startswith("s ") and "Running" in line.split())


class OnionService(Node):
    """A tor instance publishing one onion service that forwards port 80 to
    `target` (`unix:/path` or `127.0.0.1:port`)."""

    def __init__(self, name, directory, control_port, target):
        super().__init__(name, directory)
        self.control_port = control_port
        self.target = target
        self.service_directory = os.path.join(self.directory, "service")

    def lines(self, authorities, extra=()):
        return torrc.common_lines(self.directory, authorities) + torrc.client_lines() + [
            "SocksPort 0",
            f"ControlPort 127.0.0.1:{self.control_port}",
            "CookieAuthentication 1",
            # Held back until we listen for the upload event (see publish).
            "DisableNetwork 1",
            f"HiddenServiceDir {self.service_directory}",
            f"HiddenServicePort 80 {self.target}",
            "HiddenServicePoWDefensesEnabled 1",
            *extra,
        ]

    def hostname_file(self):
        return os.path.join(self.service_directory, "hostname")

    def wait_for_hostname(self, timeout=COMMAND_TIMEOUT):
        """tor writes the address at start, before it touches the network."""
        def read():
            try:
                with open(self.hostname_file(), encoding="ascii") as file:
                    return file.read().strip()
            except FileNotFoundError:
                return None
        return wait_until(f"{self.name} hostname", timeout, read)

    def publish(self, timeout=PUBLISH_TIMEOUT):
        """Lets tor onto the network and waits until a descriptor upload
        succeeds; subscribing first means the event cannot be missed."""
        control = wait_until(
            f"{self.name} control port", COMMAND_TIMEOUT,
            lambda: self._connect_control(), interval=0.2)
        try:
            control.command("SETEVENTS HS_DESC")
            control.command("SETCONF DisableNetwork=0")
            control.wait_for_event(lambda event: " HS_DESC UPLOADED " in event, timeout)
        finally:
            control.close()

    def _connect_control(self):
        try:
            return ControlPort(
                self.control_port, os.path.join(self.directory, "control_auth_cookie"),
                COMMAND_TIMEOUT)
        except (OSError, FileNotFoundError):
            return None


class Network:
    """The whole private network in `directory`; `stop` ends every process."""

    def __init__(self, directory):
        self.directory = directory
        ports = free_ports(2 * AUTHORITIES + RELAYS + 1)
        self.authorities = [
            Authority(f"auth{index}", directory, ports[2 * index], ports[2 * index + 1])
            for index in range(AUTHORITIES)]
        relay_ports = ports[2 * AUTHORITIES:2 * AUTHORITIES + RELAYS]
        self.relays = [(Node(f"relay{index}", directory), port)
                       for index, port in enumerate(relay_ports)]
        self.socks_port = ports[-1]
        self.client = Node("client", directory)
        self.services = []

    def nodes(self):
        return [*self.authorities, *(node for node, _ in self.relays), self.client,
                *self.services]

    def authority_lines(self):
        return [authority.dir_authority_line() for authority in self.authorities]

    def start(self):
        """Keys, relays and client, until the client has bootstrapped."""
        with concurrent.futures.ThreadPoolExecutor(AUTHORITIES) as pool:
            list(pool.map(Authority.make_keys, self.authorities))
        authorities = self.authority_lines()
        for authority in self.authorities:
            authority.start(
                torrc.common_lines(authority.directory, authorities)
                + [f"Nickname {authority.name}"]
                + torrc.relay_lines(authority.or_port)
                + torrc.authority_lines(authority.dir_port))
        for relay, port in self.relays:
            relay.start(
                torrc.common_lines(relay.directory, authorities)
                + [f"Nickname {relay.name}"] + torrc.relay_lines(port))
        everyone = AUTHORITIES + RELAYS
        wait_until(
            "a consensus with every relay Running", CONSENSUS_TIMEOUT,
            lambda: all(a.running_relays() >= everyone for a in self.authorities), 0.5)
        self.client.start(
            torrc.common_lines(self.client.directory, authorities) + torrc.client_lines()
            + [f"SocksPort 127.0.0.1:{self.socks_port} ExtendedErrors"])
        wait_until(
            "the client's bootstrap", BOOTSTRAP_TIMEOUT,
            lambda: "Bootstrapped 100%" in self.client.log(), 0.2)

    def add_service(self, name, target, extra=()):
        """Starts an onion service's tor with its network held back; call
        `publish` on it once the backend listens."""
        (control_port,) = free_ports(1)
        service = OnionService(name, self.directory, control_port, target)
        self.services.append(service)
        service.start(service.lines(self.authority_lines(), extra))
        return service

    def stop(self):
        """Stops every tor that was started, services and client first."""
        for node in reversed(self.nodes()):
            node.stop()

    def written_torrcs(self):
        paths = []
        for root, _, files in os.walk(self.directory):
            paths += [os.path.join(root, name) for name in files if "torrc" in name]
        return sorted(paths)

    def check_alive(self):
        dead = [node.name for node in self.nodes() if node.process and not node.process.running()]
        if dead:
            raise RuntimeError("tor exited: " + ", ".join(dead))
