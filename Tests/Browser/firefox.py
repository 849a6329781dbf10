"""One headless Firefox ESR with a test profile, driven through Marionette.

Firefox starts in a process group of its own, with HOME and the XDG folders
inside its work folder, so that whatever it writes outside the profile is
found there too; its stdout and stderr go to a file there. It is stopped by
its PID; content processes are its children and end with it, and any that
outlive it are ended by their PIDs.

The pages' console messages (CSP violations, script errors) are read from
Firefox's console service in the browser's own (chrome) context, which
Marionette opens only with --remote-allow-system-access. The preference
devtools.console.stdout.content prints only what page scripts log, and no
page script runs here.

Firefox puts no failed request in that service (a page answered 404 leaves
nothing there), so an observer of its HTTP channels, registered in the
chrome context right after start, records every answer of status 400 or
more and every request that ended in an error. Each chrome-context script
runs in a sandbox of its own, whose globals are gone by the next one; the
browser window is the same object in every one, so the records are kept
there.
"""

import os
import pathlib

import browser_process
import firefox_profile
import marionette

BINARY = "/usr/lib/firefox-esr/firefox-esr"
QUIT_LIMIT = 30
# Records ["network", status or error name, URL] in the browser window's
# FAILED_REQUESTS. NS_BINDING_ABORTED is Firefox cancelling a load it no
# longer needs (a clip's data once buffered, a page left for the next one),
# not a load that failed.
FAILED_REQUESTS = "auswegFailedRequests"
OBSERVER_SCRIPT = """
const records = window[arguments[0]] = [];
const observer = {
  observe(subject, topic) {
    const channel = subject.QueryInterface(Ci.nsIHttpChannel);
    if (topic === "http-on-stop-request") {
      if (!Components.isSuccessCode(channel.status)
          && channel.status !== Cr.NS_BINDING_ABORTED) {
        records.push(["network", ChromeUtils.getXPCOMErrorName(channel.status),
                      channel.URI.spec]);
      }
    } else if (channel.responseStatus >= 400) {
      records.push(["network", String(channel.responseStatus), channel.URI.spec]);
    }
  },
};
for (const topic of ["http-on-examine-response", "http-on-examine-cached-response",
                     "http-on-examine-merged-response", "http-on-stop-request"]) {
  Services.obs.addObserver(observer, topic);
}
"""
# Has every tab hand the session store what it has collected (form data,
# scroll positions), which it otherwise does on timers of its own, then
# writes the session backup at once, as Firefox does on its own after a
# change, at most every 15 s; resolves once the file is written.
SESSION_WRITE_SCRIPT = """
const {TabStateFlusher} = ChromeUtils.importESModule(
  "resource:///modules/sessionstore/TabStateFlusher.sys.mjs");
const {SessionSaver} = ChromeUtils.importESModule(
  "resource:///modules/sessionstore/SessionSaver.sys.mjs");
return TabStateFlusher.flushWindow(window).then(() => SessionSaver.run());
"""
RECOVERY_FILE = "sessionstore-backups/recovery.jsonlz4"
CONSOLE_SCRIPT = """
const messages = Services.console.getMessageArray()
  .filter(m => m instanceof Ci.nsIScriptError)
  .filter(m => /^https?:/.test(m.sourceName) || m.category.startsWith("CSP"))
  .map(m => [m.category, m.errorMessage, m.sourceName]);
Services.console.reset();
return messages.concat(window[arguments[0]].splice(0));
"""


class Firefox(browser_process.BrowserProcess):
    """A context manager: `with Firefox(folder, ca_file, proxy_port) as
    browser:` gives a running Firefox with a WebDriver session in
    `browser.session`.

    `folder` must not exist; the profile is `folder/profile`. `preferences`
    adds or overrides profile preferences.

    The page steps (open, find_all, displayed, ...) are those of
    chromium.Chromium, for checks written once for both browsers.
    Marionette runs scripts in a sandbox of its own, which
    javascript.enabled = false does not stop; the page's own scripts stay
    off.
    """

    SPACE = " "

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

    def start(self):
        port = browser_process.free_port()
        self.folder.mkdir(parents=True)
        firefox_profile.create(self.profile, port, self.proxy_port, self.ca_file,
                               self.preferences)
        self.home.mkdir()
        # PulseAudio's client makes its folders under these, which would
        # otherwise outlive the test in /tmp.
        (self.home / "run").mkdir(mode=0o700)
        (self.home / "tmp").mkdir()
        environment = browser_process.home_environment(
            self.home, self.home / "tmp", XDG_RUNTIME_DIR=str(self.home / "run"),
            MOZ_CRASHREPORTER_DISABLE="1", MOZ_HEADLESS="1",
            MOZ_DISABLE_NONLOCAL_CONNECTIONS="1")
        self.process = browser_process.launch(
            [BINARY, "--marionette", "--remote-allow-system-access", "--headless",
             "--no-remote", "--profile", str(self.profile)], self.output_file, environment)
        try:
            self.client = marionette.Client(port)
            self.session = marionette.Session(self.client)
            self.execute_in_chrome(OBSERVER_SCRIPT, FAILED_REQUESTS)
        except BaseException:
            self.stop()
            raise

    def console_messages(self):
        """[category, message, source] of every console message from a web
        page (its source is an http(s) URL, or it is a CSP report) since the
        last call, then ["network", status or error name, URL] of every
        request that failed since then. Firefox keeps only the last 250
        console messages, so call this often."""
        return self.execute_in_chrome(CONSOLE_SCRIPT, FAILED_REQUESTS)

    def write_session_backup(self):
        """Makes Firefox write its session backup now, with all that its
        tabs have shown so far, and returns whether the backup file was
        written by this call."""
        recovery = self.profile / RECOVERY_FILE
        before = recovery.stat().st_mtime_ns if recovery.exists() else -1
        self.execute_in_chrome(SESSION_WRITE_SCRIPT)
        return recovery.exists() and recovery.stat().st_mtime_ns > before

    def execute_in_chrome(self, script, *arguments):
        """Runs a script in the browser's own context, with its privileges."""
        self.session.set_context("chrome")
        try:
            return self.session.execute(script, *arguments)
        finally:
            self.session.set_context("content")

    def run_script(self, script, *arguments):
        return self.session.execute(script, *arguments)

    def window_size(self):
        window = self.session.window_rect()
        return window["width"], window["height"]

    def resize_window(self, width, height):
        self.session.set_window_rect(width, height)

    def open(self, url):
        self.session.navigate(url)

    def current_url(self):
        return self.session.url()

    def find_all(self, selector):
        return self.session.find_all(selector)

    def press_tab(self):
        self.session.press(marionette.TAB)

    def focused_href(self):
        return self.session.active_element().attribute("href")

    @staticmethod
    def displayed(element):
        return element.displayed()

    @staticmethod
    def selected(element):
        return element.selected()

    @staticmethod
    def rect(element):
        return element.rect()

    @staticmethod
    def property(element, name):
        return element.property(name)

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
        browser_process.end(self.process)
        self.end_leftovers()

    def leftovers(self):
        """PIDs still in Firefox's process group (its content processes)."""
        if self.process is None:
            return []
        group = self.process.pid
        return browser_process.pids_where(lambda pid: os.getpgid(pid) == group)
