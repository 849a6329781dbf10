"""What a Firefox profile keeps about one host, read from its files after
Firefox has quit: the stores a controller holding the phone could open.

SQLite files are read from copies (profile_stores). Session restore files
are mozlz4: the magic "mozLz40\\0", then an LZ4 block whose first four
bytes give its decompressed size, little-endian.
"""

import json
import pathlib

import lz4.block

import profile_stores

MOZLZ4_MAGIC = b"mozLz40\0"


def read_mozlz4(path):
    """The decompressed bytes of a mozlz4 file."""
    data = pathlib.Path(path).read_bytes()
    if not data.startswith(MOZLZ4_MAGIC):
        raise ValueError(f"{path} is not a mozlz4 file")
    return lz4.block.decompress(data[len(MOZLZ4_MAGIC):])


class ProfileTraces(profile_stores.ProfileStores):
    """The traces of `host` (e.g. "ausweg.test") in the profile folder
    `folder`, store by store."""

    def cookies(self):
        """(host, name) of every cookie for the host or its subdomains."""
        rows = self.query("cookies.sqlite", "SELECT host, name FROM moz_cookies")
        return [row for row in rows if row[0].lstrip(".").endswith(self.host)]

    def cache_entries(self):
        """HTTP cache entry files whose key names the host."""
        entries = self.folder / "cache2/entries"
        if not entries.is_dir():
            return []
        needle = self.host.encode()
        return sorted(entry.name for entry in entries.iterdir()
                      if needle in entry.read_bytes())

    def storage_folders(self):
        """Per-origin folders of the quota manager (localStorage, IndexedDB,
        Cache API, service worker scripts) for the host."""
        storage = self.folder / "storage"
        if not storage.is_dir():
            return []
        return sorted(str(folder.relative_to(self.folder)) for folder in storage.glob("*/*")
                      if folder.is_dir() and self.host in folder.name)

    def legacy_local_storage(self):
        """Rows of the old localStorage database, whose origin key holds the
        host reversed ("tset.gewsua.:https:443")."""
        reversed_host = self.host[::-1]
        rows = self.query("webappsstore.sqlite", "SELECT originKey, key FROM webappsstore2")
        return [row for row in rows if reversed_host in row[0]]

    def service_workers(self):
        registrations = self.folder / "serviceworker.txt"
        if not registrations.exists():
            return []
        return [line for line in registrations.read_text().splitlines()
                if self.host in line]

    def favicons(self):
        """Pages of the host with an icon, and icons from the host."""
        pages = self.query("favicons.sqlite", "SELECT page_url FROM moz_pages_w_icons")
        icons = self.query("favicons.sqlite", "SELECT icon_url FROM moz_icons")
        return [row[0] for row in pages + icons if self.mentions(row[0])]

    def form_history(self):
        """Every saved form entry: Firefox visited nothing else, so any is ours."""
        return self.query("formhistory.sqlite", "SELECT fieldname, value FROM moz_formhistory")

    def history(self):
        """(url, title) of every history entry, any host: the exit page is
        there too, and no URL may carry a topic word."""
        return self.query("places.sqlite", "SELECT url, title FROM moz_places")

    def session_files(self):
        """The session restore files: the one written at quit and the
        backups Firefox rotates while running."""
        files = [self.folder / "sessionstore.jsonlz4"]
        backups = self.folder / "sessionstore-backups"
        if backups.is_dir():
            files += sorted(backups.iterdir())
        return [file for file in files if file.exists()]

    def session_form_data(self):
        """(file, formdata) for every tab or history entry of the host that
        carries form data, in every session restore file."""
        found = []
        for file in self.session_files():
            state = json.loads(read_mozlz4(file))
            for form in self.form_data_in(state):
                found.append((file.name, form))
        return found

    def form_data_in(self, node):
        """Form data anywhere in a session state (windows, closed windows,
        tabs, closed tabs, entries, child frames) whose URL names the host."""
        if isinstance(node, list):
            return [form for item in node for form in self.form_data_in(item)]
        if not isinstance(node, dict):
            return []
        found = []
        for key, value in node.items():
            if key == "formdata" and self.mentions(json.dumps(value)):
                found.append(value)
            else:
                found += self.form_data_in(value)
        return found

    def session_urls(self):
        """Every URL of the host in the session restore files, by file."""
        urls = {}
        for file in self.session_files():
            state = read_mozlz4(file).decode()
            urls[file.name] = sorted(set(self.urls_in(json.loads(state))))
        return urls

    def urls_in(self, node):
        if isinstance(node, list):
            return [url for item in node for url in self.urls_in(item)]
        if not isinstance(node, dict):
            return []
        found = []
        for key, value in node.items():
            if key == "url" and isinstance(value, str) and self.mentions(value):
                found.append(value)
            else:
                found += self.urls_in(value)
        return found

    def files_naming_host(self):
        """Every file of the profile whose bytes name the host, in UTF-8 or
        UTF-16, or reversed as Firefox keys some stores; mozlz4 files are
        read decompressed. Rows deleted from an SQLite file can linger in its
        free pages, so this finds more than the queries above."""
        needles = [self.host.encode(), self.host.encode("utf-16-le"),
                   self.host[::-1].encode()]
        found = []
        for file in sorted(self.folder.rglob("*")):
            if not file.is_file() or file.is_symlink():
                continue
            data = file.read_bytes()
            if data.startswith(MOZLZ4_MAGIC):
                data = read_mozlz4(file)
            if any(needle in data for needle in needles):
                found.append(str(file.relative_to(self.folder)))
        return found
