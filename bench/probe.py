"""One HTTPS request over a raw TLS socket, bytes as sent: no client library
decompresses, reorders or drops a header behind our back."""

import socket
import ssl
import time

REQUEST = (
    "GET {path} HTTP/1.1\r\n"
    "Host: localhost\r\n"
    "Accept-Encoding: gzip\r\n"
    "{extra}"
    "\r\n"
)


def client_context():
    """A client that accepts the benchmark's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def read_response(conn):
    """Reads one response; returns (status line, [(name, value)], body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the end of the head")
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    fields = []
    for line in lines[1:]:
        name, value = line.split(":", 1)
        fields.append((name, value.strip()))
    length = int(next(v for n, v in fields if n.lower() == "content-length"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the end of the body")
        body += chunk
    return lines[0], fields, body[:length]


def fetch(port, path, extra="", context=None, timeout=5.0):
    """GET path with Accept-Encoding: gzip; returns what read_response does."""
    context = context or client_context()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as raw:
        with context.wrap_socket(raw, server_hostname="localhost") as conn:
            conn.sendall(REQUEST.format(path=path, extra=extra).encode())
            return read_response(conn)


def wait_until_served(port, path, limit_seconds):
    """Polls until a request is answered; returns seconds waited, or raises."""
    start = time.monotonic()
    context = client_context()
    while True:
        try:
            fetch(port, path, context=context, timeout=1.0)
            return time.monotonic() - start
        except (OSError, ConnectionError, ValueError, StopIteration):
            if time.monotonic() - start > limit_seconds:
                raise
            time.sleep(0.002)
