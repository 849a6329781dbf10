"""What a Chromium profile keeps about one host, read from its files: the
stores a controller holding the phone could open. The folder read is the
user data folder, with the profile in Default/.

SQLite files are read from copies (profile_stores), LevelDB stores from
their logs (leveldb_log), session files with snss. HSTS entries are keyed
by a hash of the host name, the SHA-256 of its DNS wire form, in base64,
so the host is looked for as that hash too.

Chromium writes its session files while it runs, some seconds after a page
tells it of a change; `after_next_session_write` times a read of them to
follow a change the test makes.
"""

import base64
import hashlib
import json
import re
import struct
import time

import leveldb_log
import profile_stores
import snss

SQLITE_MAGIC = b"SQLite format 3\0"
SNSS_MAGIC = snss.MAGIC
# A simple-cache entry file (net/disk_cache/simple): a magic number, the
# format version, the key's length and hash, padding, then the key, which
# names the URL and the site that loaded it.
SIMPLE_CACHE_MAGIC = struct.pack("<Q", 0xFCFB6D1BA7725C30)
SIMPLE_CACHE_KEY_LENGTH = 12
SIMPLE_CACHE_KEY = 24
SIMPLE_CACHE_ENTRY = re.compile(r"^[0-9a-f]{16}_[01s]$")
SESSION_FOLDERS = ("Default/Sessions", "Default/Sessions_Encrypted")
LOCAL_STORAGE = "Default/Local Storage/leveldb"
SESSION_STORAGE = "Default/Session Storage"
SERVICE_WORKER_DATABASE = "Default/Service Worker/Database"
INDEXEDDB = "Default/IndexedDB"
# Chromium writes a changed navigation entry about 2.5 s after the change
# (SessionService's save delay); this much quiet means nothing is pending.
SESSION_QUIET = 4
POLL = 0.2


def host_hash(host):
    """How TransportSecurity names a host: base64 of the SHA-256 of the
    name in DNS wire form (length-prefixed labels, then a zero byte)."""
    wire = b"".join(bytes([len(label)]) + label.encode() for label in host.split("."))
    return base64.b64encode(hashlib.sha256(wire + b"\0").digest()).decode()


class ProfileTraces(profile_stores.ProfileStores):
    """The traces of `host` (e.g. "ausweg.test") in the Chromium user data
    folder `folder`, store by store."""

    def __init__(self, folder, host):
        super().__init__(folder, host)
        self.hashed_host = host_hash(host)

    def cookies(self):
        """(host_key, name) of every cookie set by the host or its
        subdomains, or kept for it as the top-level site (partitioned)."""
        rows = self.query("Default/Cookies",
                          "SELECT host_key, name, top_frame_site_key FROM cookies")
        return [(host, name) for host, name, top in rows
                if self.is_host_or_below(host.lstrip(".")) or self.mentions(top)]

    def is_host_or_below(self, name):
        return name == self.host or name.endswith("." + self.host)

    def history(self):
        """(url, title) of every history entry, any host: the exit page is
        there too, and no URL of the site may carry a topic word."""
        return self.query("Default/History", "SELECT url, title FROM urls")

    def visits(self):
        """The URL of each recorded visit to the host, in visit order."""
        rows = self.query("Default/History", "SELECT urls.url FROM visits "
                          "JOIN urls ON visits.url = urls.id ORDER BY visits.id")
        return [url for (url,) in rows if self.mentions(url)]

    def favicons(self):
        """Pages of the host with an icon, and icons from the host."""
        pages = self.query("Default/Favicons", "SELECT page_url FROM icon_mapping")
        icons = self.query("Default/Favicons", "SELECT url FROM favicons")
        return [url for (url,) in pages + icons if self.mentions(url)]

    def autofill(self):
        """Every saved form entry (name, value): they do not say where they
        were typed, and the test's browser visited nothing else."""
        return self.query("Default/Web Data", "SELECT name, value FROM autofill")

    def cache_entries(self):
        """(folder, key) of every simple-cache entry in the profile whose key
        names the host: the HTTP cache, code cache, service worker script
        cache, Cache API and shared dictionaries all use this format."""
        found = []
        for file in sorted(self.folder.rglob("*")):
            if not SIMPLE_CACHE_ENTRY.match(file.name) or not file.is_file():
                continue
            with open(file, "rb") as entry:
                header = entry.read(SIMPLE_CACHE_KEY)
                if not header.startswith(SIMPLE_CACHE_MAGIC):
                    continue
                length = struct.unpack_from("<I", header, SIMPLE_CACHE_KEY_LENGTH)[0]
                key = entry.read(length).decode("utf-8", "replace")
            if self.mentions(key):
                found.append((str(file.parent.relative_to(self.folder)), key))
        return found

    def leveldb_keys(self, folder):
        """Keys of the LevelDB store `folder` that name the host."""
        keys = [key.decode("latin-1") for key, _ in leveldb_log.records(self.folder / folder)]
        return sorted({key for key in keys if self.mentions(key)})

    def local_storage(self):
        """Local Storage keys of the host: "_<origin>\\0\\1<key>" for each
        item, META: and METAACCESS: for the origin."""
        return self.leveldb_keys(LOCAL_STORAGE)

    def session_storage(self):
        """Session Storage namespaces of the host ("namespace-<id>-<origin>")
        and the items of the maps they point to ("map-<n>-<key>")."""
        records = leveldb_log.records(self.folder / SESSION_STORAGE)
        namespaces = {key.decode("latin-1"): value for key, value in records
                      if key.startswith(b"namespace-") and self.mentions(key.decode("latin-1"))}
        maps = {f"map-{value.decode('latin-1')}-" for value in namespaces.values() if value}
        items = {key.decode("latin-1") for key, _ in records
                 if any(key.decode("latin-1").startswith(map_) for map_ in maps)}
        return sorted(set(namespaces) | items)

    def indexeddb(self):
        """IndexedDB folders of the host ("https_<host>_0.indexeddb.*")."""
        folder = self.folder / INDEXEDDB
        if not folder.is_dir():
            return []
        return sorted(entry.name for entry in folder.iterdir() if self.mentions(entry.name))

    def storage_buckets(self):
        """(storage key, bucket) of the quota manager's buckets for the host:
        every origin that stored anything (IndexedDB, Cache API, file
        system) has one."""
        rows = self.query("Default/WebStorage/QuotaManager",
                          "SELECT storage_key, host, name FROM buckets")
        return [(key, name) for key, host, name in rows if self.is_host_or_below(host)]

    def service_workers(self):
        """Keys of the service worker database naming the host (REG:,
        INITDATA_UNIQUE_ORIGIN:, …)."""
        return self.leveldb_keys(SERVICE_WORKER_DATABASE)

    def hsts(self):
        """The host's entries in TransportSecurity (HSTS)."""
        path = self.folder / "Default/TransportSecurity"
        if not path.exists():
            return []
        state = json.loads(path.read_text())
        return [entry for entry in state.get("sts", []) if entry.get("host") == self.hashed_host]

    def json_naming_host(self, name):
        """(path, key or value) of every JSON key and string value naming the
        host in the JSON file `name`, e.g. the site engagement score's
        ("profile.content_settings.exceptions.site_engagement",
        "https://ausweg.test:443,*") in Default/Preferences."""
        path = self.folder / name
        if not path.exists():
            return []
        return self.json_walk(json.loads(path.read_text()), [])

    def json_walk(self, node, path):
        if isinstance(node, dict):
            items = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            return []
        found = []
        for key, value in items:
            if isinstance(key, str) and self.mentions(key):
                found.append((".".join(path), key))
            elif isinstance(value, str) and self.mentions(value):
                found.append((".".join(path + [str(key)]), value))
            else:
                found += self.json_walk(value, path + [str(key)])
        return found

    def preferences(self):
        """Content settings and other preferences naming the host: site and
        media engagement scores, among others."""
        return self.json_naming_host("Default/Preferences")

    def network_state(self):
        """What the network service remembers of the host's server (HTTP/2
        and QUIC support, round-trip times) in Network Persistent State."""
        return self.json_naming_host("Default/Network Persistent State")

    def bounce_tracking(self):
        """{table: rows} of the bounce tracking store (Default/DIPS) naming
        the host: when she interacted with the site, as a site."""
        return self.rows_naming_host("Default/DIPS")

    def session_files(self):
        """The session restore and recently-closed files, plain and
        encrypted, relative to the user data folder."""
        found = []
        for folder in SESSION_FOLDERS:
            if (self.folder / folder).is_dir():
                found += [str(file.relative_to(self.folder))
                          for file in sorted((self.folder / folder).iterdir())
                          if file.name.startswith(tuple(snss.NAVIGATION_IDS))]
        return found

    def session_navigations(self):
        """(file, navigation) of every navigation entry of the host."""
        return [(name, entry) for name in self.session_files()
                for entry in snss.navigations(self.folder / name) if self.mentions(entry.url)]

    def session_entries(self, url):
        """(file, navigation) of every entry written for `url`: one more
        each time Chromium writes the entry again."""
        return [(name, entry) for name, entry in self.session_navigations() if entry.url == url]

    def after_next_session_write(self, url, action, limit):
        """Runs `action` once the session files hold an entry of `url` and
        have not written it again for SESSION_QUIET seconds, then waits for
        the entry Chromium writes next, so that what is read then is the
        page's state after `action`. False if `limit` seconds pass first."""
        deadline = time.monotonic() + limit
        count, since = len(self.session_entries(url)), time.monotonic()
        while count == 0 or time.monotonic() - since < SESSION_QUIET:
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL)
            now = len(self.session_entries(url))
            if now != count:
                count, since = now, time.monotonic()
        action()
        while len(self.session_entries(url)) <= count:
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL)
        return True

    def session_urls(self):
        """{file: sorted URLs of the host} of every session file."""
        urls = {name: set() for name in self.session_files()}
        for name, entry in self.session_navigations():
            urls[name].add(entry.url)
        return {name: sorted(found) for name, found in urls.items()}

    def session_form_state(self):
        """(file, url, form state) of every navigation entry of the host
        that carries form state: what session restore would type and tick
        again."""
        return [(name, entry.url, entry.form_state()) for name, entry
                in self.session_navigations() if entry.form_state()]

    def readable_bytes(self, file):
        """A file's bytes as a search should see them: session files
        decrypted."""
        data = file.read_bytes()
        if data.startswith(SNSS_MAGIC):
            return snss.plain_bytes(file)
        return data

    def files_naming_host(self):
        """Every file under the folder whose bytes name the host, in UTF-8 or
        UTF-16, or as its HSTS hash; session files are read decrypted.
        Deleted rows and records linger in SQLite free pages and LevelDB
        logs, so this finds more than the stores' own answers."""
        needles = [self.host.encode(), self.host.encode("utf-16-le"),
                   self.hashed_host.encode()]
        found = []
        for file in sorted(self.folder.rglob("*")):
            if not file.is_file() or file.is_symlink():
                continue
            data = self.readable_bytes(file)
            if any(needle in data for needle in needles):
                found.append(str(file.relative_to(self.folder)))
        return found

    def urls_of_host(self, name):
        """Every URL of the host spelled out in the file `name` (UTF-8 or
        UTF-16), for a check that none names a topic."""
        data = self.readable_bytes(self.folder / name)
        texts = [data.decode("latin-1"), data.decode("utf-16-le", "replace"),
                 data[1:].decode("utf-16-le", "replace")]
        pattern = re.compile(r"https?://" + re.escape(self.host) + r"[^\s\"'<>\0,]*")
        return sorted({url for text in texts for url in pattern.findall(text)})

    def describe(self, name):
        """Short lines saying what the file `name` keeps about the host, by
        its format: rows of SQLite tables, keys and strings of JSON files,
        URLs of session files, keys of LevelDB logs."""
        path = self.folder / name
        head = path.read_bytes()[:len(SQLITE_MAGIC)]
        if head.startswith(SQLITE_MAGIC):
            return [f"{table}: {rows}" for table, rows in self.rows_naming_host(name).items()]
        if head.startswith(SNSS_MAGIC):
            return [f"{entry.url} {entry.title!r}" for entry in snss.navigations(path)
                    if self.mentions(entry.url)]
        if name == "Default/TransportSecurity":
            return [f"HSTS: {entry}" for entry in self.hsts()]
        if head.startswith(b"{"):
            return [f"{key}: {value}" for key, value in self.json_naming_host(name)]
        if path.suffix == ".log" and (path.parent / "CURRENT").exists():
            return [repr(key) for key in self.leveldb_keys(str(path.parent.relative_to(
                self.folder)))]
        return self.urls_of_host(name)
