"""Writing torrc files for the private test network, and refusing any that
could reach the public Tor network.

Every torrc the tests write goes through `write_torrc`, which checks the
text first: `TestingTorNetwork 1`, no fallback directories, authorities on
127.0.0.1 only, and every listener on 127.0.0.1 (a bare port binds 0.0.0.0)
or a unix socket. Without explicit authorities tor would load the public
ones, so a file that names none is refused as well.
"""

import re

LOOPBACK = "127.0.0.1"

# Options that open a listener; each must be 0, a unix socket or loopback.
LISTENER_OPTIONS = {
    "socksport", "orport", "dirport", "controlport", "transport", "natdport",
    "dnsport", "httptunnelport", "metricsport", "extorport",
}

# Options naming authorities or fallbacks; each must be on 127.0.0.1.
AUTHORITY_OPTIONS = {"dirauthority", "alternatedirauthority", "alternatebridgeauthority"}

# tor's own option that would add the public fallback directories.
FALLBACK_OPTIONS = {"fallbackdir"}

ADDRESS = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d+")


class UnsafeTorrc(Exception):
    """A torrc that might make tor reach outside 127.0.0.1."""


def options(text):
    """(key in lowercase, value) pairs; `#` starts a comment anywhere."""
    pairs = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition(" ")
            pairs.append((key.lower(), value.strip()))
    return pairs


def problems(text):
    """What makes `text` unsafe to start on a machine without internet."""
    found = []
    pairs = options(text)
    if ("testingtornetwork", "1") not in pairs:
        found.append("no TestingTorNetwork 1")
    if ("usedefaultfallbackdirs", "0") not in pairs:
        found.append("no UseDefaultFallbackDirs 0")
    authorities = [value for key, value in pairs if key in AUTHORITY_OPTIONS]
    if not authorities:
        found.append("no DirAuthority: tor would use the public authorities")
    for value in authorities:
        addresses = ADDRESS.findall(value)
        if not addresses or any(address != LOOPBACK for address in addresses):
            found.append(f"authority not on {LOOPBACK}: {value}")
    for key, value in pairs:
        if key in FALLBACK_OPTIONS:
            found.append(f"fallback directory: {value}")
        if key in LISTENER_OPTIONS and not is_local_listener(value):
            found.append(f"{key} not on {LOOPBACK}: {value}")
    return found


def is_local_listener(value):
    target = value.split(" ", 1)[0]
    return target == "0" or target.startswith("unix:") or target.startswith(LOOPBACK + ":")


def write_torrc(path, lines):
    """Writes `lines` to `path` after checking them; raises UnsafeTorrc."""
    text = "\n".join(lines) + "\n"
    found = problems(text)
    if found:
        raise UnsafeTorrc(f"{path}: " + "; ".join(found))
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def common_lines(data_directory, authorities):
    """What every node of the test network shares (TOR-TESTNET-NOTES.md)."""
    return [
        "TestingTorNetwork 1",
        *authorities,
        "UseDefaultFallbackDirs 0",
        f"DataDirectory {data_directory}",
        f"Log notice file {data_directory}/notice.log",
        f"Address {LOOPBACK}",
        "AddressDisableIPv6 1",
        "ClientUseIPv6 0",
        "RunAsDaemon 0",
        # Empty GeoIP files save most of tor's memory; nothing here needs them.
        'GeoIPFile ""',
        'GeoIPv6File ""',
    ]


def relay_lines(or_port):
    """A relay that carries onion-service circuits but exits nowhere."""
    return [
        f"ORPort {LOOPBACK}:{or_port}",
        "SocksPort 0",
        "AssumeReachable 1",
        "ExitRelay 0",
        "ExitPolicy reject *:*",
        "DirReqStatistics 0",
        # Without it caches diff every consensus and CPU climbs steadily.
        "MaxConsensusAgeForDiffs 1 minute",
    ]


def authority_lines(dir_port):
    """Fast voting, so a consensus forms within seconds."""
    return [
        f"DirPort {LOOPBACK}:{dir_port}",
        "AuthoritativeDirectory 1",
        "V3AuthoritativeDirectory 1",
        "ContactInfo ausweg-testnet",
        "TestingV3AuthInitialVotingInterval 5",
        "TestingV3AuthInitialVoteDelay 2",
        "TestingV3AuthInitialDistDelay 2",
        "V3AuthVotingInterval 10",
        "V3AuthVoteDelay 2",
        "V3AuthDistDelay 2",
        "V3AuthNIntervalsValid 2",
        "TestingDirAuthVoteGuard *",
        "TestingDirAuthVoteHSDir *",
        "TestingMinExitFlagThreshold 0",
    ]


def client_lines():
    """For the client and the onion services: no guard reuse stalls, and
    directory information fetched at once."""
    return [
        "UseEntryGuards 0",
        "FetchDirInfoEarly 1",
        "FetchDirInfoExtraEarly 1",
        "PathsNeededToBuildCircuits 0.25",
    ]
