"""One headless Firefox ESR with a test profile, driven through Marionette.

Firefox starts in a process group of its own, with HOME and the XDG folders
inside its work folder, so that whatever it writes outside the profile is
found there too; its stdout and stderr go to a file there. It is stopped by
its PID; content processes are its children and end with it, and any that
outlive it are ended by their PIDs.

The pages' console messages (CSP violations, failed loads) are read from
Firefox's console service in the browser's own (chrome) context, which
Marionette opens only with --remote-allow-system-access. The preference
devtools.console.stdout.content prints only what page scripts log, and no
page script runs here.
"""

import os
import pathlib
import signal
import socket
import subprocess
import time

import firefox_profile
import marionette

BINARY = "/usr/lib/firefox-esr/firefox-esr"
QUIT_LIMIT = 30
STOP_LIMIT = 10
# Firefox's window is taller than the page by its toolbars; SetWindowRect
# sizes the window, so the page's size is reached in a few corrections.
VIEWPORT_ATTEMPTS = 4
# Marionette runs scripts in a sandbox of its own, which javascript.enabled
# = false does not stop; the page's own scripts stay off.
VIEWPORT_SCRIPT = "return [window.innerWidth, window.innerHeight];"
CONSOLE_SCRIPT = """
const messages = Services.console.getMessageArray()
  .filter(m => m instanceof Ci.nsIScriptError)
  .filter(m => /^https?:/.test(m.sourceName) || m.category.startsWith("CSP"))
  .map(m => [m.category, m.errorMessage, m.sourceName]);
Services.console.reset();
return messages;
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Firefox:
    """A context manager: `with Firefox(folder, ca_file, proxy_port) as
    browser:` gives a running Firefox with a WebDriver session in
    `browser.session`.

    `folder` must not exist; the profile is `folder/profile`. `preferences`
    adds or overrides profile preferences.
    """

    def __init__(self, folder, ca_file, proxy_port, preferences=None):
        self.folder = pathlib.Path(folder)
        self.ca_file = ca_file
        self.proxy_port = proxy_port
        self.preferences = preferences or {}
        self.profile = self.folder / "profile"
        self.home = self.folder / "home"
        self.output_file = self.folder / "output.txt"
        self.process = None
        self.client = None
        self.session = None
        # Content processes that outlived Firefox and had to be killed.
        self.killed = []

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exception):
        self.stop()

    def start(self):
        port = free_port()
        self.folder.mkdir(parents=True)
        firefox_profile.create(self.profile, port, self.proxy_port, self.ca_file,
                               self.preferences)
        self.home.mkdir()
        # PulseAudio's client makes its folders under these, which would
        # otherwise outlive the test in /tmp.
        (self.home / "run").mkdir(mode=0o700)
        (self.home / "tmp").mkdir()
        environment = dict(os.environ, HOME=str(self.home),
                           XDG_CACHE_HOME=str(self.home / ".cache"),
                           XDG_CONFIG_HOME=str(self.home / ".config"),
                           XDG_DATA_HOME=str(self.home / ".local/share"),
                           XDG_RUNTIME_DIR=str(self.home / "run"),
                           TMPDIR=str(self.home / "tmp"),
                           MOZ_CRASHREPORTER_DISABLE="1", MOZ_HEADLESS="1",
                           MOZ_DISABLE_NONLOCAL_CONNECTIONS="1")
        with open(self.output_file, "wb") as output:
            self.process = subprocess.Popen(
                [BINARY, "--marionette", "--remote-allow-system-access", "--headless",
                 "--no-remote", "--profile", str(self.profile)],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                env=environment, start_new_session=True)
        try:
            self.client = marionette.Client(port)
            self.session = marionette.Session(self.client)
        except BaseException:
            self.stop()
            raise

    def output(self):
        """What Firefox has printed so far: its own warnings, for a failing
        test's message."""
        return self.output_file.read_text(errors="replace")

    def console_messages(self):
        """[category, message, source] of every console message from a web
        page (its source is an http(s) URL, or it is a CSP report) since the
        last call. Firefox keeps only the last 250 messages, so call this
        often."""
        return self.execute_in_chrome(CONSOLE_SCRIPT)

    def execute_in_chrome(self, script, *arguments):
        """Runs a script in the browser's own context, with its privileges."""
        self.session.set_context("chrome")
        try:
            return self.session.execute(script, *arguments)
        finally:
            self.session.set_context("content")

    def set_viewport(self, width, height):
        """Sizes the window so that the current page's viewport (innerWidth x
        innerHeight) is `width` x `height` CSS pixels, and returns the size
        reached."""
        reached = None
        for _ in range(VIEWPORT_ATTEMPTS):
            reached = tuple(self.session.execute(VIEWPORT_SCRIPT))
            if reached == (width, height):
                break
            window = self.session.window_rect()
            self.session.set_window_rect(window["width"] + width - reached[0],
                                         window["height"] + height - reached[1])
        return reached

    def quit(self):
        """Quits through Marionette as a user would, so that Firefox writes its
        profile out, and waits for the process to end. Returns Marionette's
        answer ({"cause", "forced", "in_app"}); the exit code is then in
        `process.returncode`."""
        answer = self.session.quit()
        self.client.close()
        self.client = None
        self.process.wait(timeout=QUIT_LIMIT)
        self.end_leftovers()
        return answer

    def stop(self):
        """Ends Firefox by its PID, whatever state it is in."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.process is None or self.process.poll() is not None:
            self.end_leftovers()
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_LIMIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_LIMIT)
        self.end_leftovers()

    def leftovers(self):
        """PIDs still in Firefox's process group (its content processes)."""
        if self.process is None:
            return []
        group = self.process.pid
        found = []
        for entry in pathlib.Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if os.getpgid(int(entry.name)) == group:
                    found.append(int(entry.name))
            except ProcessLookupError:
                continue
        return found

    def end_leftovers(self):
        """Content processes end when their parent does; this waits for that
        and kills, by PID, any that do not (listed in `killed`)."""
        deadline = time.monotonic() + STOP_LIMIT
        while self.leftovers() and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in self.leftovers():
            try:
                os.kill(pid, signal.SIGKILL)
                self.killed.append(pid)
            except ProcessLookupError:
                continue
