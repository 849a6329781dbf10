"""What the profile readers (chromium_traces, firefox_traces) do alike: read
a browser's SQLite stores from copies, so that reading them changes
nothing in the profile, even while the browser runs, and find the rows
that name a host. write_table makes such a store for the readers' own
tests.
"""

import pathlib
import shutil
import sqlite3
import tempfile

# A database's journals hold what it has not yet folded into its main file.
SQLITE_COMPANIONS = ("", "-journal", "-wal", "-shm")


def write_table(path, create, rows):
    """Makes the SQLite file `path` (and its folder) with one table, made by
    the statement `create`, holding `rows`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(create)
        placeholders = ", ".join("?" * len(rows[0]))
        table = create.split()[2]
        connection.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)
    connection.close()


class ProfileStores:
    """The stores of the browser folder `folder` as they concern `host` (e.g.
    "ausweg.test"). close() removes the copies."""

    def __init__(self, folder, host):
        self.folder = pathlib.Path(folder)
        self.host = host
        self.scratch = tempfile.TemporaryDirectory(prefix="ausweg-traces-")

    def close(self):
        self.scratch.cleanup()

    def mentions(self, text):
        return text is not None and self.host in str(text)

    def query(self, database, sql):
        """Rows of `sql` on a copy of the SQLite file `database` (relative
        to the folder) and its journals; [] when it does not exist (browsers
        create some stores only when used)."""
        source = self.folder / database
        if not source.exists():
            return []
        copy = pathlib.Path(self.scratch.name) / database.replace("/", "_")
        for suffix in SQLITE_COMPANIONS:
            if source.with_name(source.name + suffix).exists():
                shutil.copyfile(source.with_name(source.name + suffix),
                                copy.with_name(copy.name + suffix))
        connection = sqlite3.connect(copy)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    def rows_naming_host(self, database):
        """{table: rows} of every row of an SQLite file that names the host,
        for the report of what the browser keeps."""
        tables = self.query(database, "SELECT name FROM sqlite_master WHERE type = 'table'")
        found = {}
        for (table,) in tables:
            rows = self.query(database, f'SELECT * FROM "{table}"')
            named = [row for row in rows if self.host in repr(row)]
            if named:
                found[table] = named
        return found
