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
the README's safety page. The visit and the checks the Firefox test makes
alike are no_trace_checks'.
"""

import sys
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import chromium
import chromium_traces
import harness
from no_trace_checks import HOST, NoTraceChecks
# Chromium writes its session files a few seconds after a change; this
# bounds the wait for quiet and for the write that follows the scroll.
SESSION_WRITE_LIMIT = 20
ENGAGEMENT = ("profile.content_settings.exceptions.site_engagement",
              "profile.content_settings.exceptions.media_engagement")


class ChromiumNoTraceTests(NoTraceChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "chromium-trace")
        cls.browser = cls.enterClassContext(chromium.Chromium(
            work / "chromium", cls.site.ca_file, cls.site.proxy_port))
        cls.visit()
        cls.exit_code = cls.browser.quit()
        cls.traces = chromium_traces.ProfileTraces(cls.browser.profile, HOST)
        cls.addClassCleanup(cls.traces.close)
        cls.report()

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
        cls.outside_profile = []
        for folder in (cls.browser.home, cls.browser.temporary):
            reader = chromium_traces.ProfileTraces(folder, HOST)
            cls.outside_profile += [f"{folder.name}/{name}" for name in reader.files_naming_host()]
            reader.close()
        lines.append(f"outside the profile (HOME, TMPDIR): {cls.outside_profile}")
        print("\n".join(lines), file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Chromium")

    def check_exit_visits(self, count):
        self.assertEqual(count, 1)

    def test_chromium_closed_cleanly(self):
        self.assertEqual(self.exit_code, 0)
        self.assertEqual(self.browser.recorded_exit(), ("Normal", True))
        self.assertEqual(self.browser.leftovers(), [])
        self.assertEqual(self.browser.killed, [])

    def test_no_cache_entry(self):
        self.assertEqual(self.traces.cache_entries(), [])

    def test_no_storage_indexeddb_or_service_worker(self):
        self.assertEqual(self.traces.local_storage(), [])
        self.assertEqual(self.traces.session_storage(), [])
        self.assertEqual(self.traces.indexeddb(), [])
        self.assertEqual(self.traces.storage_buckets(), [])
        self.assertEqual(self.traces.service_workers(), [])

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

    def test_no_url_of_the_site_kept_anywhere_has_a_topic_word(self):
        words = self.topic_words()
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
