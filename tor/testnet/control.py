"""A minimal client for tor's control port (control-spec.txt): enough to
authenticate with the cookie, subscribe to events and change one option."""

import socket
import time


class ControlError(Exception):
    pass


class ControlPort:
    def __init__(self, port, cookie_path, timeout):
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buffer = b""
        self.events = []
        with open(cookie_path, "rb") as file:
            self.command("AUTHENTICATE " + file.read().hex())

    def close(self):
        self.connection.close()

    def command(self, line):
        """Sends one command and returns its reply lines; events in between
        are kept for `wait_for_event`."""
        self.connection.sendall(line.encode() + b"\r\n")
        while True:
            reply = self._line()
            if reply.startswith("650"):
                self.events.append(reply)
                continue
            if not reply.startswith("250"):
                raise ControlError(f"{line.split(' ')[0]}: {reply}")
            if reply[3:4] == " ":
                return reply

    def wait_for_event(self, accept, timeout):
        """The first event line for which `accept` returns True."""
        deadline = time.monotonic() + timeout
        while True:
            while self.events:
                event = self.events.pop(0)
                if accept(event):
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no matching control event within {timeout:.0f} s")
            self.connection.settimeout(remaining)
            try:
                self.events.append(self._line())
            except socket.timeout:
                continue

    def _line(self):
        while b"\r\n" not in self.buffer:
            chunk = self.connection.recv(4096)
            if not chunk:
                raise ControlError("tor closed the control connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")
