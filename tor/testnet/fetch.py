"""HTTP fetches with curl, directly or through the test network's SOCKS
port; the answer split into status, header fields and body."""

import os
import subprocess

FETCH_TIMEOUT = 30

# A proxy from the environment must not carry any request elsewhere.
ENVIRONMENT = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}


class Response:
    def __init__(self, raw):
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split(" ")[1])
        self.fields = []
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.fields.append((name.lower(), value.strip()))
        self.text = self.body.decode("utf-8", "replace")

    def values(self, name):
        return [value for key, value in self.fields if key == name.lower()]

    def field(self, name):
        values = self.values(name)
        return values[0] if values else None


class FetchFailed(Exception):
    def __init__(self, url, status, message):
        super().__init__(f"{url}: curl exit {status}: {message.strip()}")
        self.status = status


def fetch(url, socks_port=None, insecure=False, headers=(), timeout=FETCH_TIMEOUT):
    # --socks5-hostname: tor resolves the name; curl itself never resolves
    # a .onion name (RFC 7686).
    arguments = ["curl", "-sS", "-i", "--max-time", str(timeout)]
    if socks_port:
        arguments += ["--socks5-hostname", f"127.0.0.1:{socks_port}"]
    if insecure:
        arguments.append("-k")
    for header in headers:
        arguments += ["-H", header]
    result = subprocess.run(arguments + [url], capture_output=True, timeout=timeout + 5,
                            env=ENVIRONMENT)
    if result.returncode != 0:
        raise FetchFailed(url, result.returncode, result.stderr.decode("utf-8", "replace"))
    return Response(result.stdout)
