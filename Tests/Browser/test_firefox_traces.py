"""The Firefox profile reader of the no-trace test finds what it looks for,
so that an empty answer there means an empty store, not a reader that sees
nothing.

Each store is made here by hand with one trace of the host and one of
another host. Then a real Firefox, with JavaScript on, visits a page of
each host that leaves every trace the site itself must not: a cookie,
cached responses, an icon, localStorage, IndexedDB, a service worker, a
submitted text field and a ticked box (without autocomplete=off). The page
and its server are the Chromium test's.
"""

import json
import pathlib
import tempfile
import unittest

import lz4.block

import firefox
import firefox_traces
import harness
from profile_stores import write_table
from test_chromium_traces import BOX, TYPED, start_trace_servers

HOST = "ausweg.test"
OTHER = "exit.test"
TICKED = {"url": f"https://{HOST}/de/1", "id": {"q-promise": True}}
PAGE_LIMIT = 20


def write_mozlz4(path, value):
    data = json.dumps(value).encode()
    path.write_bytes(firefox_traces.MOZLZ4_MAGIC + lz4.block.compress(data))


class ProfileTracesTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        profile = pathlib.Path(cls.enterClassContext(
            tempfile.TemporaryDirectory(prefix="ausweg-traces-test-")))
        session = {"windows": [{"tabs": [{"entries": [{"url": f"https://{OTHER}/"}],
                                          "formdata": {"url": f"https://{OTHER}/",
                                                       "id": {"q": True}}}],
                                "_closedTabs": [{"state": {
                                    "entries": [{"url": TICKED["url"]}],
                                    "formdata": TICKED}}]}]}
        write_mozlz4(profile / "sessionstore.jsonlz4", session)
        (profile / "sessionstore-backups").mkdir()
        write_mozlz4(profile / "sessionstore-backups/recovery.jsonlz4", {"windows": []})
        write_table(profile / "cookies.sqlite", "CREATE TABLE moz_cookies (host, name)",
                    [(f".{HOST}", "session"), (OTHER, "other")])
        write_table(profile / "places.sqlite", "CREATE TABLE moz_places (url, title)",
                    [(f"https://{HOST}/de/", "Info"), (f"https://{OTHER}/", "Weather")])
        write_table(profile / "formhistory.sqlite",
                    "CREATE TABLE moz_formhistory (fieldname, value)", [("q", "x")])
        (profile / f"storage/default/https+++{HOST}/ls").mkdir(parents=True)
        (profile / f"storage/default/https+++{OTHER}/ls").mkdir(parents=True)
        (profile / "cache2/entries").mkdir(parents=True)
        (profile / "cache2/entries/A1").write_bytes(b"body\0a,:https://" + HOST.encode())
        (profile / "cache2/entries/B2").write_bytes(b"body\0a,:https://" + OTHER.encode())
        (profile / "utf16.bin").write_bytes(HOST.encode("utf-16-le"))
        cls.traces = firefox_traces.ProfileTraces(profile, HOST)
        cls.addClassCleanup(cls.traces.close)

    def test_mozlz4_reads_back_what_was_written(self):
        self.assertEqual(json.loads(firefox_traces.read_mozlz4(
            self.traces.folder / "sessionstore-backups/recovery.jsonlz4")), {"windows": []})

    def test_finds_form_data_of_the_host_in_a_closed_tab(self):
        self.assertEqual(self.traces.session_form_data(), [("sessionstore.jsonlz4", TICKED)])

    def test_lists_session_urls_of_the_host_by_file(self):
        self.assertEqual(self.traces.session_urls(),
                         {"sessionstore.jsonlz4": [TICKED["url"]], "recovery.jsonlz4": []})

    def test_finds_cookies_of_the_host_only(self):
        self.assertEqual(self.traces.cookies(), [(f".{HOST}", "session")])

    def test_finds_storage_folders_and_cache_entries_of_the_host_only(self):
        self.assertEqual(self.traces.storage_folders(), [f"storage/default/https+++{HOST}"])
        self.assertEqual(self.traces.cache_entries(), ["A1"])

    def test_lists_rows_naming_the_host_by_table(self):
        self.assertEqual(self.traces.rows_naming_host("places.sqlite"),
                         {"moz_places": [(f"https://{HOST}/de/", "Info")]})

    def test_reads_history_and_form_history(self):
        self.assertEqual(self.traces.history(), [(f"https://{HOST}/de/", "Info"),
                                                 (f"https://{OTHER}/", "Weather")])
        self.assertEqual(self.traces.form_history(), [("q", "x")])

    def test_missing_stores_are_empty(self):
        self.assertEqual(self.traces.favicons(), [])
        self.assertEqual(self.traces.legacy_local_storage(), [])
        self.assertEqual(self.traces.service_workers(), [])

    def test_raw_scan_finds_the_host_in_any_encoding_and_inside_mozlz4(self):
        self.assertEqual(self.traces.files_naming_host(), [
            "cache2/entries/A1", "cookies.sqlite", "places.sqlite", "sessionstore.jsonlz4",
            "utf16.bin"])


class FirefoxVisitTests(unittest.TestCase):
    """One Firefox visits the trace page of each host in turn: ticks the
    box, types into the field and sends the form. The session backup is
    written and read once while Firefox runs, after the tick, and the
    profile after Firefox quit."""

    @classmethod
    def setUpClass(cls):
        site, work = harness.serve_for_class(cls, "firefox-visit")
        cls.proxy = start_trace_servers(cls, site)
        cls.browser = cls.enterClassContext(firefox.Firefox(
            work / "firefox", site.ca_file, cls.proxy.server_address[1],
            {"javascript.enabled": True}))
        cls.running, cls.written = {}, {}
        for host in (HOST, OTHER):
            cls.visit(host)
        cls.quit_answer = cls.browser.quit()
        cls.traces = firefox_traces.ProfileTraces(cls.browser.profile, HOST)
        cls.addClassCleanup(cls.traces.close)
        cls.other = firefox_traces.ProfileTraces(cls.browser.profile, OTHER)
        cls.addClassCleanup(cls.other.close)

    @classmethod
    def visit(cls, host):
        session = cls.browser.session
        session.navigate(f"https://{host}/trace")
        harness.wait_for(session.title, PAGE_LIMIT, lambda title: title == "Ready")
        session.find(f"#{BOX}").click()
        # As in the no-trace test, which must see a tick if Firefox kept one.
        cls.written[host] = cls.browser.write_session_backup()
        running = firefox_traces.ProfileTraces(cls.browser.profile, host)
        try:
            cls.running[host] = running.session_form_data()
        finally:
            running.close()
        session.find("#alias").send_keys(TYPED[host])
        session.find("#send").click()
        harness.wait_for(session.title, PAGE_LIMIT, lambda title: title == "Done")

    @classmethod
    def tearDownClass(cls):
        if cls.proxy.foreign:
            raise AssertionError(f"Firefox asked for more than the pages: {cls.proxy.foreign}")

    def test_firefox_quit_cleanly(self):
        self.assertEqual(self.quit_answer, {"cause": "shutdown", "forced": False,
                                            "in_app": True})
        self.assertEqual(self.browser.process.returncode, 0)

    def test_finds_the_cookie_of_the_host_only(self):
        self.assertEqual(self.traces.cookies(), [(HOST, "trace")])

    def test_finds_cache_entries_of_each_host_apart(self):
        ours, theirs = self.traces.cache_entries(), self.other.cache_entries()
        entries = self.browser.profile / "cache2/entries"
        self.assertTrue(any(f":https://{HOST}/trace".encode() in (entries / name).read_bytes()
                            for name in ours), ours)
        self.assertGreater(len(theirs), 0)
        self.assertEqual(set(ours) & set(theirs), set())

    def test_finds_local_storage_and_indexeddb_in_the_host_s_folder_only(self):
        folder = f"storage/default/https+++{HOST}"
        self.assertEqual(self.traces.storage_folders(), [folder])
        self.assertEqual(self.traces.query(f"{folder}/ls/data.sqlite", "SELECT key FROM data"),
                         [("trace-local",)])
        self.assertEqual(len(list((self.browser.profile / folder / "idb").glob("*.sqlite"))), 1)

    def test_finds_the_service_worker_of_the_host_only(self):
        self.assertEqual(self.traces.service_workers(),
                         [f"https://{HOST}/", f"https://{HOST}/sw.js"])

    def test_finds_the_icon_of_the_host_only(self):
        self.assertEqual(set(self.traces.favicons()), {f"https://{HOST}/trace",
                                                       f"https://{HOST}/icon.png"})

    def test_finds_both_form_history_entries(self):
        self.assertEqual(sorted(self.traces.form_history()),
                         sorted(("alias", typed) for typed in TYPED.values()))

    def test_finds_the_tick_in_the_backup_written_while_the_page_was_open(self):
        self.assertEqual(self.written, {HOST: True, OTHER: True})
        self.assertEqual(self.running, {
            host: [("recovery.jsonlz4", {"url": f"https://{host}/trace", "id": {BOX: True}})]
            for host in (HOST, OTHER)})
