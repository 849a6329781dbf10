"""The Chromium profile reader of the no-trace test finds what it looks for,
so that an empty answer there means an empty store, not a reader that sees
nothing.

Stores Python can write (SQLite, JSON, cache entry files) are made here by
hand, each with a trace of the host and one of another host. Session files
and LevelDB logs are made by a real Chromium, with JavaScript on, visiting
a page of each host that leaves every trace the site itself must not: a
cookie, cached responses, an icon, HSTS, local and session storage,
IndexedDB, a service worker, a submitted text field and a ticked box.
"""

import json
import pathlib
import ssl
import struct
import tempfile
import threading
import unittest
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import chromium
import chromium_traces
import harness
from profile_stores import write_table

HOST = "ausweg.test"
OTHER = "exit.test"
# TransportSecurity's name for ausweg.test, as Chromium 156 wrote it.
HOST_HASH_SEEN = "31Fi5mgr31fPY7TljrfNUU1jBmEE8iG1i8DWesazT4Q="
PAGE_LIMIT = 20
SESSION_WRITE_LIMIT = 20
# The tick box is the site's: an id and no name. Blink keeps a control's
# state under its name, so the id never shows; what is typed tells the two
# hosts' form states apart.
BOX = "q-promise"
TYPED = {HOST: "Nadja", OTHER: "Weather"}
LASTING = "max-age=3600"
# Taller than the window, so that it can scroll.
TRACE_PAGE = """<!doctype html><html lang=en><meta charset=utf-8><title>Trace</title>
<style>body {{ min-height: 300vh }}</style>
<link rel=icon href=/icon.png>
<form action=/done><input name=alias id=alias><input type=checkbox id={box}>
<button id=send>Send</button></form>
<script>
localStorage.setItem("trace-local", "1");
sessionStorage.setItem("trace-session", "1");
indexedDB.open("trace-db").onupgradeneeded = e => e.target.result.createObjectStore("s");
navigator.serviceWorker.register("/sw.js").then(() => {{ document.title = "Ready"; }});
</script>"""


def png(side):
    """A valid one-colour PNG: Chromium keeps a favicon only if it decodes."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    rows = b"".join(b"\0" + b"\xb0\x00\x20" * side for _ in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


class TraceHandler(harness.QuietHandler):
    """Serves the trace page, its icon and service worker, and the page the
    form is sent to, the same under both host names."""

    def setup(self):
        self.request.do_handshake()
        super().setup()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/trace":
            page = TRACE_PAGE.format(box=BOX).encode()
            self.lasting(page, "text/html; charset=utf-8",
                         [("Set-Cookie", "trace=1; Secure; Max-Age=3600"),
                          ("Strict-Transport-Security", LASTING)])
        elif path == "/icon.png":
            self.lasting(png(16), "image/png")
        elif path == "/sw.js":
            self.answer(200, b"self.addEventListener('fetch', () => {});", "text/javascript")
        else:
            self.answer(200, b"<!doctype html><title>Done</title><p>Done", "text/html")

    def lasting(self, body, content_type, extra=()):
        """Answers with a body the browser may cache for an hour."""
        self.send_response(200)
        for name, value in [("Content-Type", content_type), ("Cache-Control", LASTING),
                            ("Content-Length", str(len(body))), *extra]:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def write_cache_entry(path, key):
    """A simple-cache entry file: magic, version, key length and hash,
    padding, the key, then (here) a body."""
    header = chromium_traces.SIMPLE_CACHE_MAGIC + struct.pack("<IIII", 5, len(key), 0, 0)
    path.write_bytes(header + key.encode() + b"body")


class HandMadeStoresTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        root = pathlib.Path(cls.enterClassContext(
            tempfile.TemporaryDirectory(prefix="ausweg-chromium-traces-test-")))
        default = root / "Default"
        write_table(default / "Cookies", "CREATE TABLE cookies (host_key, name, "
                    "top_frame_site_key)", [(f".{HOST}", "ours", ""), (OTHER, "theirs", ""),
                                            (OTHER, "partitioned", f"https://{HOST}"),
                                            (f"not{HOST}", "lookalike", "")])
        write_table(default / "History", "CREATE TABLE urls (id, url, title)",
                    [(1, f"https://{HOST}/de/", "Info"), (2, f"https://{OTHER}/", "Weather")])
        write_table(default / "History", "CREATE TABLE visits (id, url)",
                    [(1, 2), (2, 1), (3, 1)])
        write_table(default / "Favicons", "CREATE TABLE icon_mapping (page_url)",
                    [(f"https://{HOST}/de/",), (f"https://{OTHER}/",)])
        write_table(default / "Favicons", "CREATE TABLE favicons (url)",
                    [(f"https://{OTHER}/favicon.ico",)])
        write_table(default / "Web Data", "CREATE TABLE autofill (name, value)",
                    [("alias", "Nadja")])
        write_table(default / "WebStorage/QuotaManager",
                    "CREATE TABLE buckets (storage_key, host, name)",
                    [(f"https://{HOST}/", HOST, "_default"),
                     (f"https://{OTHER}/", OTHER, "_default")])
        write_table(default / "DIPS", "CREATE TABLE bounces (site, interaction)",
                    [(HOST, 1), (OTHER, 2)])
        (default / "TransportSecurity").write_text(json.dumps({"sts": [
            {"host": chromium_traces.host_hash(OTHER), "mode": "force-https"},
            {"host": HOST_HASH_SEEN, "mode": "force-https"}], "version": 2}))
        exceptions = {"site_engagement": {f"https://{HOST}:443,*": {"rawScore": 1.0},
                                          f"https://{OTHER}:443,*": {"rawScore": 2.0}}}
        (default / "Preferences").write_text(json.dumps(
            {"profile": {"content_settings": {"exceptions": exceptions}},
             "visited": [f"https://{OTHER}/", f"https://{HOST}/"]}))
        (default / "Cache/Cache_Data").mkdir(parents=True)
        write_cache_entry(default / "Cache/Cache_Data/00000000000000a1_0",
                          f"1/0/_dk_https://{HOST} https://{HOST} https://{HOST}/de/")
        write_cache_entry(default / "Cache/Cache_Data/00000000000000b2_0",
                          f"1/0/_dk_https://{OTHER} https://{OTHER} https://{OTHER}/")
        (default / "Cache/Cache_Data/00000000000000c3_0").write_bytes(
            b"not a cache entry " + HOST.encode())
        (default / f"IndexedDB/https_{HOST}_0.indexeddb.leveldb").mkdir(parents=True)
        (default / f"IndexedDB/https_{OTHER}_0.indexeddb.leveldb").mkdir(parents=True)
        (default / "Network Persistent State").write_text(json.dumps(
            {"net": {"http_server_properties": {"servers": [
                {"server": f"https://{OTHER}", "supports_spdy": True},
                {"server": f"https://{HOST}", "supports_spdy": True}]}}}))
        (root / "utf16.bin").write_bytes(f"https://{HOST}/de/2\0".encode("utf-16-le"))
        cls.traces = chromium_traces.ProfileTraces(root, HOST)
        cls.addClassCleanup(cls.traces.close)

    def test_hsts_hash_is_the_one_chromium_wrote(self):
        self.assertEqual(chromium_traces.host_hash(HOST), HOST_HASH_SEEN)
        self.assertEqual(self.traces.hsts(), [{"host": HOST_HASH_SEEN, "mode": "force-https"}])

    def test_finds_cookies_set_by_the_host_or_kept_under_it(self):
        self.assertEqual(self.traces.cookies(), [(f".{HOST}", "ours"), (OTHER, "partitioned")])

    def test_reads_history_and_the_host_s_visits(self):
        self.assertEqual(self.traces.history(), [(f"https://{HOST}/de/", "Info"),
                                                 (f"https://{OTHER}/", "Weather")])
        self.assertEqual(self.traces.visits(), [f"https://{HOST}/de/"] * 2)

    def test_finds_favicons_of_the_host_only(self):
        self.assertEqual(self.traces.favicons(), [f"https://{HOST}/de/"])

    def test_reads_every_autofill_entry(self):
        self.assertEqual(self.traces.autofill(), [("alias", "Nadja")])

    def test_finds_buckets_and_indexeddb_folders_of_the_host_only(self):
        self.assertEqual(self.traces.storage_buckets(), [(f"https://{HOST}/", "_default")])
        self.assertEqual(self.traces.indexeddb(), [f"https_{HOST}_0.indexeddb.leveldb"])

    def test_finds_cache_entries_of_the_host_by_their_key(self):
        self.assertEqual(self.traces.cache_entries(), [
            ("Default/Cache/Cache_Data",
             f"1/0/_dk_https://{HOST} https://{HOST} https://{HOST}/de/")])

    def test_finds_preferences_and_bounce_records_naming_the_host(self):
        self.assertEqual(self.traces.preferences(), [
            ("profile.content_settings.exceptions.site_engagement", f"https://{HOST}:443,*"),
            ("visited.1", f"https://{HOST}/")])
        self.assertEqual(self.traces.bounce_tracking(), {"bounces": [(HOST, 1)]})

    def test_finds_the_host_s_server_in_the_network_state(self):
        self.assertEqual(self.traces.network_state(), [
            ("net.http_server_properties.servers.1.server", f"https://{HOST}")])

    def test_finds_urls_of_the_host_in_any_file(self):
        self.assertEqual(self.traces.urls_of_host("utf16.bin"), [f"https://{HOST}/de/2"])
        self.assertIn(f"https://{HOST}/de/", self.traces.urls_of_host("Default/History")[0])

    def test_describes_rows_and_json_naming_the_host(self):
        self.assertEqual(self.traces.describe("Default/DIPS"), [f"bounces: [('{HOST}', 1)]"])
        self.assertEqual(self.traces.describe("Default/TransportSecurity"),
                         [f"HSTS: {{'host': '{HOST_HASH_SEEN}', 'mode': 'force-https'}}"])
        self.assertEqual(self.traces.describe("Default/Preferences"), [
            f"profile.content_settings.exceptions.site_engagement: https://{HOST}:443,*",
            f"visited.1: https://{HOST}/"])

    def test_missing_stores_are_empty(self):
        self.assertEqual(self.traces.local_storage(), [])
        self.assertEqual(self.traces.session_storage(), [])
        self.assertEqual(self.traces.service_workers(), [])
        self.assertEqual(self.traces.session_files(), [])

    def test_raw_scan_finds_the_host_in_any_encoding_and_as_its_hash(self):
        self.assertEqual(self.traces.files_naming_host(), [
            "Default/Cache/Cache_Data/00000000000000a1_0",
            "Default/Cache/Cache_Data/00000000000000c3_0", "Default/Cookies", "Default/DIPS",
            "Default/Favicons", "Default/History", "Default/Network Persistent State",
            "Default/Preferences", "Default/TransportSecurity",
            "Default/WebStorage/QuotaManager", "utf16.bin"])


def start_trace_servers(test_class, site):
    """The trace server under both names, with the site's certificate,
    behind a proxy of its own; both end with `test_class`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(site.certificate_file, site.key_file)
    server = harness.ThreadingServer(TraceHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True,
                                        do_handshake_on_connect=False)
    port = server.server_address[1]
    proxy = harness.Proxy({(HOST, 443): port, (OTHER, 443): port})
    for served in (server, proxy):
        threading.Thread(target=served.serve_forever, daemon=True).start()
        test_class.addClassCleanup(served.server_close)
        test_class.addClassCleanup(served.shutdown)
    return proxy


class ChromiumVisitTests(unittest.TestCase):
    """One Chromium visits the trace page of each host in turn: ticks the
    box, scrolls, types into the field and sends the form. The session files
    are read once while Chromium runs, after the scroll, and again after it
    quit."""

    @classmethod
    def setUpClass(cls):
        site, work = harness.serve_for_class(cls, "chromium-visit")
        cls.proxy = start_trace_servers(cls, site)
        cls.browser = cls.enterClassContext(chromium.Chromium(
            work / "chromium", site.ca_file, cls.proxy.server_address[1], javascript=True))
        cls.running, cls.written = {}, {}
        for host in (HOST, OTHER):
            cls.visit(host)
        cls.exit_code = cls.browser.quit()
        cls.traces = chromium_traces.ProfileTraces(cls.browser.profile, HOST)
        cls.addClassCleanup(cls.traces.close)

    @classmethod
    def visit(cls, host):
        driver = cls.browser.driver
        driver.get(f"https://{host}/trace")
        harness.wait_for(lambda: driver.title == "Ready", PAGE_LIMIT)
        driver.find_element(By.ID, BOX).click()
        # As in the no-trace test: a tick alone sends the page's state to the
        # browser only with its next change, here a scroll; the session files
        # are read once they hold the entry written after it.
        running = chromium_traces.ProfileTraces(cls.browser.profile, host)
        cls.written[host] = running.after_next_session_write(
            f"https://{host}/trace",
            lambda: driver.find_element(By.TAG_NAME, "body").send_keys(Keys.END),
            SESSION_WRITE_LIMIT)
        cls.running[host] = running.session_form_state()
        running.close()
        driver.find_element(By.ID, "alias").send_keys(TYPED[host])
        driver.find_element(By.ID, "send").click()
        harness.wait_for(lambda: driver.title == "Done", PAGE_LIMIT)

    @classmethod
    def tearDownClass(cls):
        if cls.proxy.foreign:
            raise AssertionError(f"Chromium asked for more than the pages: {cls.proxy.foreign}")

    def test_chromium_quit_cleanly(self):
        self.assertEqual(self.exit_code, 0)
        self.assertEqual(self.browser.recorded_exit(), ("Normal", True))

    def test_finds_cookie_cache_icon_and_hsts_of_the_host_only(self):
        self.assertEqual(self.traces.cookies(), [(HOST, "trace")])
        keys = [key for _, key in self.traces.cache_entries()]
        self.assertIn(f"1/0/_dk_https://{HOST} https://{HOST} https://{HOST}/trace", keys)
        self.assertEqual([key for key in keys if OTHER in key], [])
        self.assertEqual(set(self.traces.favicons()), {f"https://{HOST}/trace",
                                                       f"https://{HOST}/icon.png"})
        self.assertEqual([entry["host"] for entry in self.traces.hsts()], [HOST_HASH_SEEN])

    def test_finds_local_and_session_storage_of_the_host_only(self):
        self.assertEqual(self.traces.local_storage(), [
            f"META:https://{HOST}", f"METAACCESS:https://{HOST}",
            f"_https://{HOST}\0\1trace-local"])
        found = self.traces.session_storage()
        self.assertEqual(len(found), 2)
        self.assertRegex(found[0], r"^map-\d+-trace-session$")
        self.assertRegex(found[1], rf"^namespace-[0-9a-f_]+-https://{HOST}/$")

    def test_finds_indexeddb_bucket_and_service_worker_of_the_host_only(self):
        self.assertEqual(self.traces.indexeddb(), [f"https_{HOST}_0.indexeddb.leveldb"])
        self.assertEqual(self.traces.storage_buckets(), [(f"https://{HOST}/", "_default")])
        self.assertIn(f"INITDATA_UNIQUE_ORIGIN:https://{HOST}/", self.traces.service_workers())
        self.assertEqual([key for key in self.traces.service_workers() if OTHER in key], [])

    def test_finds_both_autofill_entries(self):
        self.assertEqual(sorted(self.traces.autofill()),
                         sorted(("alias", typed) for typed in TYPED.values()))

    def test_finds_the_tick_in_the_session_written_while_the_page_was_open(self):
        self.assertEqual(self.written, {HOST: True, OTHER: True})
        for host in (HOST, OTHER):
            urls = {url for _, url, _ in self.running[host]}
            self.assertEqual(urls, {f"https://{host}/trace"})
            self.assertEqual(checkbox_states(self.running[host][-1][2]), ["on"])

    def test_finds_the_tick_and_the_typed_text_of_the_host_in_every_session_file(self):
        found = self.traces.session_form_state()
        self.assertEqual({url for _, url, _ in found}, {f"https://{HOST}/trace"})
        last = {name: state for name, _, state in found}
        self.assertEqual(set(last), set(self.traces.session_files()))
        self.assertTrue(any(name.startswith("Default/Sessions_Encrypted/") for name in last))
        for state in last.values():
            self.assertEqual(checkbox_states(state), ["on"])
            self.assertIn(TYPED[HOST], state)
        self.assertEqual([state for _, _, state in found if TYPED[OTHER] in state], [])

    def test_finds_the_host_in_bounce_records_and_preferences(self):
        self.assertEqual([row[0] for row in self.traces.bounce_tracking()["bounces"]], [HOST])
        self.assertIn(("profile.content_settings.exceptions.site_engagement",
                       f"https://{HOST}:443,*"), self.traces.preferences())


def checkbox_states(state):
    """The saved values of a form state's check boxes: each control is its
    name (absent when empty), its type, a count and that many values."""
    return [state[position + 2] for position, text in enumerate(state)
            if text == "checkbox" and position + 2 < len(state)]
