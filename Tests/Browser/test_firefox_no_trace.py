"""What a visit leaves in a fresh, persistent (not private) Firefox ESR
profile: a reader opens five pages, ticks two reflection questions, plays a
clip, leaves through the quick exit, and Firefox quits as it would when she
closes it. Then the profile's files are read.

For the site's origin there must be no cookie, no HTTP cache entry, no
local or session storage, IndexedDB or service worker, no favicon, no form
history, no tick-box state in the session restore files, no history title
but the site name, and no URL anywhere in history with a topic word of any
language. What Firefox writes of its own accord (history, session restore,
HSTS) names only the origin and neutral paths; the test lists it on stderr
for the README's safety page. The visit and the checks the Chromium test
makes alike are no_trace_checks'.
"""

import sys
import unittest

import firefox
import firefox_traces
import harness
from no_trace_checks import HOST, PAGES_VISITED, NoTraceChecks

# Whether Firefox holds the site as HSTS, asked before it quits.
HSTS_SCRIPT = """
const service = Cc["@mozilla.org/ssservice;1"].getService(Ci.nsISiteSecurityService);
return service.isSecureURI(Services.io.newURI(arguments[0]), {});
"""


class FirefoxNoTraceTests(NoTraceChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "firefox-trace")
        cls.browser = cls.enterClassContext(firefox.Firefox(
            work / "firefox", cls.site.ca_file, cls.site.proxy_port,
            {"media.cubeb.force_mock_context": True}))
        cls.visit()
        cls.hsts = cls.browser.execute_in_chrome(HSTS_SCRIPT, cls.site.origin + "/")
        cls.quit_answer = cls.browser.quit()
        cls.exit_code = cls.browser.process.returncode
        cls.traces = firefox_traces.ProfileTraces(cls.browser.profile, HOST)
        cls.addClassCleanup(cls.traces.close)
        cls.report()

    @classmethod
    def read_running_session(cls):
        """Has Firefox write its session backup (as it does on its own
        within 15 s of a change) with all its tabs have collected since the
        ticks, and reads it while Firefox still runs: the file a controller
        could copy from a running phone."""
        cls.session_written = cls.browser.write_session_backup()
        running = firefox_traces.ProfileTraces(cls.browser.profile, HOST)
        try:
            cls.running_urls = running.session_urls()
            cls.running_form_data = running.session_form_data()
        finally:
            running.close()

    @classmethod
    def report(cls):
        """Lists on stderr what the profile keeps that names the origin."""
        traces = cls.traces
        lines = ["", "Firefox profile after the visit, files naming " + HOST + ":"]
        for name in traces.files_naming_host():
            lines.append("  " + name)
            if name.endswith(".sqlite"):
                for table, rows in traces.rows_naming_host(name).items():
                    lines.append(f"    {table}: {rows}")
        lines.append(f"HSTS for the origin held during the visit: {cls.hsts}")
        lines.append("history of the site and the exit page (url, title):")
        lines += [f"  {url} {title!r}" for url, title in traces.history()
                  if url.startswith((cls.site.origin, cls.site.exit_url))]
        for name, urls in traces.session_urls().items():
            lines.append(f"session restore {name}: {urls}")
        # Firefox's TMPDIR lies inside its HOME.
        home = firefox_traces.ProfileTraces(cls.browser.home, HOST)
        cls.outside_profile = home.files_naming_host()
        home.close()
        lines.append(f"outside the profile (HOME, TMPDIR): {cls.outside_profile}")
        print("\n".join(lines), file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Firefox")

    def check_exit_visits(self, count):
        self.assertGreater(count, 0)

    def test_firefox_quit_cleanly(self):
        self.assertEqual(self.quit_answer, {"cause": "shutdown", "forced": False,
                                            "in_app": True})
        self.assertEqual(self.exit_code, 0)
        self.assertEqual(self.browser.leftovers(), [])
        self.assertEqual(self.browser.killed, [])

    def test_no_http_cache_entry(self):
        self.assertEqual(self.traces.cache_entries(), [])

    def test_no_storage_indexeddb_or_service_worker(self):
        self.assertEqual(self.traces.storage_folders(), [])
        self.assertEqual(self.traces.legacy_local_storage(), [])
        self.assertEqual(self.traces.service_workers(), [])

    def test_no_form_history(self):
        self.assertEqual(self.traces.form_history(), [])

    def test_session_restore_keeps_the_pages_but_no_tick(self):
        kept = self.traces.session_urls()
        self.assertIn("sessionstore.jsonlz4", kept)
        self.assertIn(self.visited[-1], kept["sessionstore.jsonlz4"])
        self.assertEqual(self.traces.session_form_data(), [])

    def test_session_backup_written_while_the_boxes_are_ticked_has_no_tick(self):
        self.assertTrue(self.session_written)
        self.assertIn(self.visited[-1], self.running_urls.get("recovery.jsonlz4", []))
        self.assertEqual(self.running_form_data, [])

    def test_no_history_url_has_a_topic_word(self):
        words = self.topic_words()
        ours = [url for url, _ in self.traces.history() if url.startswith(self.site.origin)]
        self.assertEqual(len(ours), PAGES_VISITED)
        found = {url: word for url in ours for word in words if word in url.lower()}
        self.assertEqual(found, {})
