"""One headless Chromium with a persistent test profile, driven through
chromedriver and Selenium.

Chromium is started here, not by chromedriver, so that its exit code is
ours to read: quit() closes it as a reader closing its last window would
(DevTools' Browser.close), and a profile is only fully written by a browser
that ends that way. chromedriver then attaches to its DevTools port. Both
start in sessions of their own, with HOME, the XDG folders and TMPDIR
inside the work folder, so that whatever Chromium writes outside its
profile is found there too; Chromium's stdout and stderr and chromedriver's
log go to files there. Both are stopped by their PIDs, and so is any
Chromium helper process that outlives them.

The pages' console (CSP violations, failed loads) is read from
chromedriver's browser log, which collects DevTools' console and log events
whether or not page scripts run. Scripts the tests run (execute_script)
are DevTools evaluations, which the content setting that blocks the
pages' own scripts does not stop.
"""

import json
import os
import pathlib
import signal
import subprocess
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

import chromium_profile

# The binary itself, not Debian's /usr/bin/chromium, whose wrapper adds
# Debian's Google API keys and switches of its own from /etc/chromium.d.
BINARY = "/usr/lib/chromium/chromium"
DRIVER = "/usr/bin/chromedriver"
START_LIMIT = 30
QUIT_LIMIT = 30
STOP_LIMIT = 10
POLL = 0.05
PAGE_LOAD_LIMIT = 30
# Headless Chromium keeps room in its window for the toolbars it does not
# draw, so the page is smaller than the window by an amount it does not
# tell: the size is reached in a few corrections, as in Firefox.
VIEWPORT_ATTEMPTS = 4
VIEWPORT_SCRIPT = "return [window.innerWidth, window.innerHeight];"


class Chromium:
    """A context manager: `with Chromium(folder, ca_file, proxy_port) as
    browser:` gives a running Chromium with a Selenium WebDriver in
    `browser.driver`.

    `folder` must not exist; the profile (Chromium's user data folder) is
    `folder/profile`. `javascript` lets page scripts run; by default a
    content setting blocks them for every site.
    """

    def __init__(self, folder, ca_file, proxy_port, javascript=False):
        self.folder = pathlib.Path(folder)
        self.ca_file = ca_file
        self.proxy_port = proxy_port
        self.javascript = javascript
        self.profile = self.folder / "profile"
        self.home = self.folder / "home"
        self.temporary = self.folder / "tmp"
        self.model_settings = self.folder / "model-settings.json"
        self.output_file = self.folder / "output.txt"
        self.driver_log = self.folder / "chromedriver.txt"
        self.process = None
        self.service = None
        self.driver = None
        # Helper processes that outlived Chromium and had to be killed.
        self.killed = []

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exception):
        self.stop()

    def environment(self):
        return dict(os.environ, HOME=str(self.home), TMPDIR=str(self.temporary),
                    XDG_CACHE_HOME=str(self.home / ".cache"),
                    XDG_CONFIG_HOME=str(self.home / ".config"),
                    XDG_DATA_HOME=str(self.home / ".local/share"))

    def start(self):
        self.folder.mkdir(parents=True)
        self.home.mkdir()
        self.temporary.mkdir()
        chromium_profile.create(self.profile, self.home, self.ca_file, self.javascript)
        chromium_profile.write_model_settings(self.model_settings)
        switches = chromium_profile.switches(self.profile, self.proxy_port, self.model_settings)
        environment = self.environment()
        with open(self.output_file, "wb") as output:
            self.process = subprocess.Popen(
                [BINARY, *switches],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                env=environment, start_new_session=True)
        try:
            port = self.devtools_port()
            options = webdriver.ChromeOptions()
            options.debugger_address = f"127.0.0.1:{port}"
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
            self.service = Service(DRIVER, log_path=str(self.driver_log), env=environment,
                                   popen_kw={"start_new_session": True})
            self.driver = webdriver.Chrome(service=self.service, options=options)
            self.driver.set_page_load_timeout(PAGE_LOAD_LIMIT)
        except BaseException:
            self.stop()
            raise

    def devtools_port(self):
        """The port Chromium chose for DevTools, from the first line of
        DevToolsActivePort, which it writes once it listens."""
        announced = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_LIMIT
        while True:
            if announced.exists():
                lines = announced.read_text().splitlines()
                if len(lines) >= 2:
                    return int(lines[0])
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Chromium did not open DevTools:\n{self.output()}")
            time.sleep(POLL)

    def output(self):
        """What Chromium has printed so far, for a failing test's message."""
        return self.output_file.read_text(errors="replace")

    def console_messages(self):
        """[level, source, message] of every console entry since the last
        call: CSP violations, failed loads, and anything a page logs."""
        return [[entry["level"], entry.get("source", ""), entry["message"]]
                for entry in self.driver.get_log("browser")]

    def set_viewport(self, width, height):
        """Sizes the window so that the current page's viewport (innerWidth x
        innerHeight) is `width` x `height` CSS pixels, and returns the size
        reached."""
        reached = None
        for _ in range(VIEWPORT_ATTEMPTS):
            reached = tuple(self.driver.execute_script(VIEWPORT_SCRIPT))
            if reached == (width, height):
                break
            window = self.driver.get_window_size()
            self.driver.set_window_size(window["width"] + width - reached[0],
                                        window["height"] + height - reached[1])
        return reached

    def quit(self):
        """Closes Chromium as a reader closing its last window would, so
        that it writes its profile out, and waits for it to end; then stops
        chromedriver. Returns Chromium's exit code: 0 after a clean exit."""
        try:
            self.driver.execute_cdp_cmd("Browser.close", {})
        except WebDriverException:
            # The browser may close the connection before it answers.
            pass
        self.process.wait(timeout=QUIT_LIMIT)
        self.stop_driver()
        self.end_leftovers()
        return self.process.returncode

    def recorded_exit(self):
        """How Chromium noted its last exit in the profile: (exit_type in
        Default/Preferences, exited_cleanly in Local State): ("Normal", True)
        only after a clean shutdown. A killed browser leaves what it wrote
        while running: ("Crashed", False), or nothing at all (None, None)
        if it was killed before its first write."""
        preferences = json.loads((self.profile / "Default/Preferences").read_text())
        local_state = json.loads((self.profile / "Local State").read_text())
        stability = local_state.get("user_experience_metrics", {}).get("stability", {})
        return preferences.get("profile", {}).get("exit_type"), stability.get("exited_cleanly")

    def stop_driver(self):
        """Ends the WebDriver session and chromedriver by its PID."""
        if self.driver is not None:
            try:
                self.driver.quit()
            except WebDriverException:
                pass
            self.driver = None
        process = getattr(self.service, "process", None)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_LIMIT)
        self.service = None

    def stop(self):
        """Ends chromedriver and Chromium by their PIDs, whatever state they
        are in."""
        self.stop_driver()
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
        """PIDs still running for this Chromium: those in its session (its
        zygotes, renderers, GPU and network processes), and its crash
        handlers, which start sessions of their own but name the work
        folder on their command line."""
        if self.process is None:
            return []
        marker = str(self.folder).encode()
        found = []
        for entry in pathlib.Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if (os.getsid(int(entry.name)) == self.process.pid
                        or marker in (entry / "cmdline").read_bytes()):
                    found.append(int(entry.name))
            except (ProcessLookupError, FileNotFoundError):
                continue
        return found

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
