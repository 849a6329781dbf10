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
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import browser_process
import chromium_profile

# The binary itself, not Debian's /usr/bin/chromium, whose wrapper adds
# Debian's Google API keys and switches of its own from /etc/chromium.d.
BINARY = "/usr/lib/chromium/chromium"
DRIVER = "/usr/bin/chromedriver"
START_LIMIT = 30
QUIT_LIMIT = 30
POLL = 0.05
PAGE_LOAD_LIMIT = 30


class Chromium(browser_process.BrowserProcess):
    """A context manager: `with Chromium(folder, ca_file, proxy_port) as
    browser:` gives a running Chromium with a Selenium WebDriver in
    `browser.driver`.

    `folder` must not exist; the profile (Chromium's user data folder) is
    `folder/profile`. `javascript` lets page scripts run; by default a
    content setting blocks them for every site.

    The page steps (open, find_all, displayed, ...) are those of
    firefox.Firefox, for checks written once for both browsers.
    """

    SPACE = Keys.SPACE

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

    def start(self):
        self.folder.mkdir(parents=True)
        self.home.mkdir()
        self.temporary.mkdir()
        chromium_profile.create(self.profile, self.home, self.ca_file, self.javascript)
        chromium_profile.write_model_settings(self.model_settings)
        switches = chromium_profile.switches(self.profile, self.proxy_port, self.model_settings)
        environment = browser_process.home_environment(self.home, self.temporary)
        self.process = browser_process.launch([BINARY, *switches], self.output_file,
                                              environment)
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

    def console_messages(self):
        """[level, source, message] of every console entry since the last
        call: CSP violations, failed loads, and anything a page logs."""
        return [[entry["level"], entry.get("source", ""), entry["message"]]
                for entry in self.driver.get_log("browser")]

    def run_script(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def window_size(self):
        window = self.driver.get_window_size()
        return window["width"], window["height"]

    def resize_window(self, width, height):
        self.driver.set_window_size(width, height)

    def open(self, url):
        self.driver.get(url)

    def current_url(self):
        return self.driver.current_url

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def press_tab(self):
        ActionChains(self.driver).send_keys(Keys.TAB).perform()

    def focused_href(self):
        return self.driver.switch_to.active_element.get_attribute("href")

    @staticmethod
    def displayed(element):
        return element.is_displayed()

    @staticmethod
    def selected(element):
        return element.is_selected()

    @staticmethod
    def rect(element):
        return element.rect

    @staticmethod
    def property(element, name):
        return element.get_property(name)

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
        browser_process.end(getattr(self.service, "process", None))
        self.service = None

    def stop(self):
        """Ends chromedriver and Chromium by their PIDs, whatever state they
        are in."""
        self.stop_driver()
        browser_process.end(self.process)
        self.end_leftovers()

    def leftovers(self):
        """PIDs still running for this Chromium: those in its session (its
        zygotes, renderers, GPU and network processes), and its crash
        handlers, which start sessions of their own but name the work
        folder on their command line."""
        if self.process is None:
            return []
        marker = str(self.folder).encode()
        return browser_process.pids_where(
            lambda pid: (os.getsid(pid) == self.process.pid
                         or marker in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()))
