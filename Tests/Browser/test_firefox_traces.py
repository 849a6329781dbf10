"""The profile reader of the no-trace test finds what it looks for: each
store is made here by hand with one trace of the host and one of another
host, so that an empty answer in the no-trace test means an empty store,
not a reader that sees nothing."""

import json
import pathlib
import tempfile
import unittest

import lz4.block

import firefox_traces
from profile_stores import write_table

HOST = "ausweg.test"
OTHER = "exit.test"
TICKED = {"url": f"https://{HOST}/de/1", "id": {"q-promise": True}}


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
