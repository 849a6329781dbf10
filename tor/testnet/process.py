"""Starting and stopping the processes a test needs, by their PID only.

Each child gets SIGTERM from the kernel if this script dies, even by
SIGKILL (PR_SET_PDEATHSIG), so no tor outlives a crashed test. Stopping
checks /proc/PID/cmdline first, so a PID the kernel gave to someone else is
never signalled.
"""

import ctypes
import os
import signal
import subprocess
import time

STOP_GRACE = 10.0
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(None, use_errno=True)


def _die_with_parent():
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Process:
    """One child process whose command line contains `marker`."""

    def __init__(self, arguments, marker, log_path, environment=None):
        self.marker = marker
        self.log_path = log_path
        with open(log_path, "wb") as log:
            # A new session: Ctrl-C reaches this script, which stops the
            # children in order, rather than every child at once.
            self.popen = subprocess.Popen(
                arguments, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=environment, start_new_session=True, preexec_fn=_die_with_parent)
        self.pid = self.popen.pid

    def running(self):
        return self.popen.poll() is None

    def output(self):
        with open(self.log_path, "rb") as log:
            return log.read().decode("utf-8", "replace")

    def stop(self):
        """SIGTERM, then SIGKILL after STOP_GRACE seconds; returns the status."""
        if not self.running():
            return self.popen.returncode
        if not self._still_ours():
            return None
        os.kill(self.pid, signal.SIGTERM)
        try:
            return self.popen.wait(timeout=STOP_GRACE)
        except subprocess.TimeoutExpired:
            if self._still_ours():
                os.kill(self.pid, signal.SIGKILL)
            return self.popen.wait(timeout=STOP_GRACE)

    def _still_ours(self):
        try:
            with open(f"/proc/{self.pid}/cmdline", "rb") as file:
                arguments = file.read().split(b"\0")
        except OSError:
            return False
        return any(self.marker.encode() in argument for argument in arguments)


def wait_until(what, timeout, check, interval=0.2):
    """Calls `check` until it returns a true value, at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what}: not within {timeout:.0f} s")
        time.sleep(interval)
