"""Opens COUNT TLS connections, makes one request on each, then holds them
idle: the state of a server that many visitors left open in a browser tab.

usage: idle_clients.py PORT COUNT HOLD_SECONDS
Prints "ready N" once all are open, then sits for at most HOLD_SECONDS (or
until stdin closes) and closes them all. Bounded in time whatever happens.
"""

import resource
import select
import socket
import sys
import time

from probe import REQUEST, client_context, read_response


def main():
    port, count, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    deadline = time.monotonic() + hold
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, count + 64)), hard))
    context = client_context()
    request = REQUEST.format(path="/de/1", extra="").encode()
    held = []
    try:
        for _ in range(count):
            raw = socket.create_connection(("127.0.0.1", port), timeout=5)
            # Without it, Nagle holds the request behind the handshake's last
            # flight until the server's delayed ACK: 40 ms per connection.
            raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = context.wrap_socket(raw, server_hostname="localhost")
            conn.sendall(request)
            read_response(conn)
            held.append(conn)
            if time.monotonic() > deadline:
                break
        print(f"ready {len(held)}", flush=True)
        left = deadline - time.monotonic()
        if left > 0:
            select.select([sys.stdin], [], [], left)
    finally:
        for conn in held:
            conn.close()


if __name__ == "__main__":
    main()
