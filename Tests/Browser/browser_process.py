"""What the test browsers (chromium.Chromium, firefox.Firefox) do alike
with their processes and windows: start in a session of their own with
HOME, the XDG folders and TMPDIR inside the test's work folder, end by
PID, trust the test CA in one NSS database, and size the window to a
viewport.

A browser class derives from BrowserProcess and supplies start(), stop(),
leftovers() (PIDs of its helper processes), `output_file`, `killed` and,
for set_viewport(), run_script(), window_size() and resize_window().
"""

import os
import pathlib
import signal
import socket
import subprocess
import time

STOP_LIMIT = 10
POLL = 0.05
CERTUTIL_LIMIT = 30
CA_NICKNAME = "ausweg-test-ca"
# A headless browser's window is larger than its page by toolbars it may
# not even draw, by an amount it does not tell: the page's size is reached
# in a few corrections of the window's.
VIEWPORT_ATTEMPTS = 4
VIEWPORT_SCRIPT = "return [window.innerWidth, window.innerHeight];"


def free_port():
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def home_environment(home, temporary, **extra):
    """This process's environment with HOME, TMPDIR and the XDG folders
    inside the work folder, so that whatever a browser writes outside its
    profile is found there; `extra` adds variables."""
    return dict(os.environ, HOME=str(home), TMPDIR=str(temporary),
                XDG_CACHE_HOME=str(home / ".cache"),
                XDG_CONFIG_HOME=str(home / ".config"),
                XDG_DATA_HOME=str(home / ".local/share"), **extra)


def launch(command, output_file, environment):
    """Starts `command` in a session of its own, its stdout and stderr
    going to `output_file`."""
    with open(output_file, "wb") as output:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output,
                                stderr=subprocess.STDOUT, env=environment,
                                start_new_session=True)


def end(process):
    """Terminates `process` by its PID if it runs, and kills it if it does
    not end within STOP_LIMIT."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_LIMIT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_LIMIT)


def pids_where(test):
    """PIDs of the running processes, other than this one, for which
    `test(pid)` holds; processes that end while looked at are skipped."""
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if not has_ended(entry) and test(int(entry.name)):
                found.append(int(entry.name))
        except (ProcessLookupError, FileNotFoundError):
            continue
    return found


def has_ended(entry):
    """Whether the process of /proc entry `entry` has ended and waits only
    to be reaped. In `make test-browser`'s PID namespace the test runner is
    the namespace's first process, so the browsers' orphaned helpers become
    its children and stay as zombies until the namespace ends."""
    status = (entry / "stat").read_text()
    return status[status.rindex(")") + 2] in "ZX"


def trust_ca(database, ca_file):
    """Makes the NSS database in the folder `database` and adds the test
    CA to it as a CA for web sites (trust "C,,")."""
    commands = [["certutil", "-N", "-d", f"sql:{database}", "--empty-password"],
                ["certutil", "-A", "-d", f"sql:{database}", "-t", "C,,", "-n", CA_NICKNAME,
                 "-i", str(ca_file)]]
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=CERTUTIL_LIMIT)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")


class BrowserProcess:
    """A context manager: the browser runs from `with` to the block's end."""

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exception):
        self.stop()

    def output(self):
        """What the browser has printed so far, for a failing test's
        message."""
        return self.output_file.read_text(errors="replace")

    def set_viewport(self, width, height):
        """Sizes the window so that the current page's viewport (innerWidth x
        innerHeight) is `width` x `height` CSS pixels, and returns the size
        reached."""
        reached = None
        for _ in range(VIEWPORT_ATTEMPTS):
            reached = tuple(self.run_script(VIEWPORT_SCRIPT))
            if reached == (width, height):
                break
            window_width, window_height = self.window_size()
            self.resize_window(window_width + width - reached[0],
                               window_height + height - reached[1])
        return reached

    def end_leftovers(self):
        """Helper processes end when the browser does; this waits for that
        and kills, by PID, any that do not (listed in `killed`)."""
        deadline = time.monotonic() + STOP_LIMIT
        while self.leftovers() and time.monotonic() < deadline:
            time.sleep(POLL)
        for pid in self.leftovers():
            try:
                os.kill(pid, signal.SIGKILL)
                self.killed.append(pid)
            except ProcessLookupError:
                continue
