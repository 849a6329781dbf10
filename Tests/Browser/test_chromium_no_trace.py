"""What a visit leaves in a fresh, persistent (not incognito) Chromium
profile: a reader opens five pages, ticks two reflection questions, plays a
clip, leaves through the quick exit, and Chromium closes as it does when
she closes its last window. Then the profile's files are read.

For the site's origin there must be no cookie, no HTTP cache entry, no
local or session storage, IndexedDB or service worker, no favicon, no
autofill entry, no tick-box state in the session files (neither those
written while the boxes are ticked nor those left at the end), no history
title but the site name, and no URL of the site anywhere in the profile
with a topic word of any language. What Chromium writes of its own accord
(history, session files, site and media engagement, bounce tracking, HSTS)
names only the origin and neutral paths; the test lists it on stderr for
the README's safety page.
"""

import pathlib
import sys
import tempfile
import time
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import chromium
import chromium_traces
import harness
from test_firefox_reflection import reflection_segment

SITE_NAME = "Info"
HOST = "ausweg.test"
PAGES_VISITED = 5
QUESTIONS_TICKED = 2
CLIP_LIMIT = 10
EXIT_LIMIT = 10
# Chromium writes its session files a few seconds after a change; this
# bounds the wait for quiet and for the write that follows the scroll.
SESSION_WRITE_LIMIT = 20
ENGAGEMENT = ("profile.content_settings.exceptions.site_engagement",
              "profile.content_settings.exceptions.media_engagement")


class ChromiumNoTraceTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        work = pathlib.Path(cls.enterClassContext(
            tempfile.TemporaryDirectory(prefix="ausweg-chromium-trace-")))
        root, binary = harness.Site.default()
        cls.site = cls.enterClassContext(harness.Site(root, binary, work / "site"))
        cls.browser = cls.enterClassContext(chromium.Chromium(
            work / "chromium", cls.site.ca_file, cls.site.proxy_port))
        reflection = f"{cls.site.origin}/de/{reflection_segment(root)}"
        others = [url for url in cls.site.page_urls("de") if url != reflection]
        cls.visited = others[:PAGES_VISITED - 1] + [reflection]
        cls.exit_visits_before = cls.site.exit_visits
        cls.visit()
        cls.exit_visits_after = cls.site.exit_visits
        cls.exit_code = cls.browser.quit()
        cls.traces = chromium_traces.ProfileTraces(cls.browser.profile, HOST)
        cls.addClassCleanup(cls.traces.close)
        cls.report()

    @classmethod
    def visit(cls):
        """The reader's visit: pages, two ticks and a clip on the reflection
        page, which she leaves by the quick exit with the boxes still ticked."""
        driver = cls.browser.driver
        for url in cls.visited:
            driver.get(url)
        boxes = driver.find_elements(By.CSS_SELECTOR, ".questions input[type=checkbox]")
        for box in boxes[:QUESTIONS_TICKED]:
            box.click()
        cls.ticked = [box.is_selected() for box in boxes]
        player = driver.find_element(By.CSS_SELECTOR, "main audio")
        # The sticky quick-exit bar covers the player's controls at the top
        # of the page; the keyboard reaches it as a reader's would.
        player.send_keys(" ")
        cls.seconds_played = wait_for(lambda: player.get_property("currentTime") > 0,
                                      CLIP_LIMIT) and player.get_property("currentTime")
        cls.read_running_session()
        driver.find_element(By.CSS_SELECTOR, f'a[href="{cls.site.exit_url}"]').click()
        wait_for(lambda: driver.current_url == cls.site.exit_url, EXIT_LIMIT)
        cls.url_after_exit = driver.current_url

    @classmethod
    def read_running_session(cls):
        """Scrolls to the end of the questions, as she would, and reads the
        session files once Chromium has written the page's entry after
        that, while it still runs: what a controller copying the profile
        off a phone with the page open would find. A tick alone does not
        make Chromium write; the scroll does, with the ticks if it keeps
        them (test_chromium_traces shows it would)."""
        running = chromium_traces.ProfileTraces(cls.browser.profile, HOST)
        body = cls.browser.driver.find_element(By.TAG_NAME, "body")
        try:
            cls.session_written = running.after_next_session_write(
                cls.visited[-1], lambda: body.send_keys(Keys.END), SESSION_WRITE_LIMIT)
            cls.running_urls = running.session_urls()
            cls.running_form_state = running.session_form_state()
        finally:
            running.close()

    @classmethod
    def report(cls):
        """Lists on stderr what the profile and HOME keep that names the
        origin, file by file."""
        traces = cls.traces
        lines = ["", f"Chromium profile after the visit, files naming {HOST}:"]
        for name in traces.files_naming_host():
            lines.append("  " + name)
            lines += ["    " + line for line in traces.describe(name)]
        lines.append(f"visits recorded: {traces.visits()}")
        lines.append(f"server remembered (Network Persistent State): {traces.network_state()}")
        home = chromium_traces.ProfileTraces(cls.browser.home, HOST)
        lines.append(f"outside the profile (HOME): {home.files_naming_host()}")
        home.close()
        print("\n".join(lines), file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        if cls.site.foreign_requests:
            raise AssertionError(f"Chromium asked for more than the site: "
                                 f"{cls.site.foreign_requests}")

    def test_the_visit_happened(self):
        self.assertEqual(self.ticked[:QUESTIONS_TICKED], [True] * QUESTIONS_TICKED)
        self.assertGreater(self.seconds_played, 0)
        self.assertEqual(self.url_after_exit, self.site.exit_url)
        self.assertEqual(self.exit_visits_after, self.exit_visits_before + 1)

    def test_chromium_closed_cleanly(self):
        self.assertEqual(self.exit_code, 0)
        self.assertEqual(self.browser.recorded_exit(), ("Normal", True))
        self.assertEqual(self.browser.leftovers(), [])
        self.assertEqual(self.browser.killed, [])

    def test_no_cookie(self):
        self.assertEqual(self.traces.cookies(), [])

    def test_no_cache_entry(self):
        self.assertEqual(self.traces.cache_entries(), [])

    def test_no_storage_indexeddb_or_service_worker(self):
        self.assertEqual(self.traces.local_storage(), [])
        self.assertEqual(self.traces.session_storage(), [])
        self.assertEqual(self.traces.indexeddb(), [])
        self.assertEqual(self.traces.storage_buckets(), [])
        self.assertEqual(self.traces.service_workers(), [])

    def test_no_favicon(self):
        self.assertEqual(self.traces.favicons(), [])

    def test_no_autofill_entry(self):
        self.assertEqual(self.traces.autofill(), [])

    def test_session_files_keep_the_pages_but_no_tick(self):
        kept = self.traces.session_urls()
        sessions = [name for name in kept if "/Session_" in name]
        self.assertGreater(len(sessions), 0)
        for name in sessions:
            self.assertIn(self.visited[-1], kept[name])
        self.assertEqual(self.traces.session_form_state(), [])

    def test_session_files_written_while_the_boxes_are_ticked_have_no_tick(self):
        self.assertTrue(self.session_written)
        self.assertTrue(any(self.visited[-1] in urls for urls in self.running_urls.values()))
        self.assertEqual(self.running_form_state, [])

    def test_history_titles_are_the_site_name(self):
        ours = {url: title for url, title in self.traces.history()
                if url.startswith(self.site.origin + "/")}
        self.assertEqual(set(ours), set(self.visited))
        self.assertEqual(set(ours.values()), {SITE_NAME})

    def test_no_url_of_the_site_kept_anywhere_has_a_topic_word(self):
        words = [word.lower() for word in self.site.topic_words()]
        self.assertGreater(len(words), 0)
        kept = {url for name in self.traces.files_naming_host()
                for url in self.traces.urls_of_host(name)}
        self.assertTrue(set(self.visited) <= kept)
        found = {url: word for url in kept for word in words
                 if word in urllib.parse.urlsplit(url).path.lower()}
        self.assertEqual(found, {})

    def test_what_chromium_keeps_of_its_own_accord_names_only_the_origin(self):
        engagement = {value for key, value in self.traces.preferences() if key in ENGAGEMENT}
        self.assertEqual(engagement, {f"{self.site.origin}:443,*"})
        bounces = self.traces.bounce_tracking().get("bounces", [])
        self.assertEqual([row[0] for row in bounces], [HOST])


def wait_for(condition, limit):
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True
