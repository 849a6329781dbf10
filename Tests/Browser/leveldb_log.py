"""The records of a LevelDB database as its write-ahead logs hold them: the
form in which a fresh Chromium profile keeps Local Storage, Session
Storage, IndexedDB and the service worker database.

Chromium reopens a database with its old log (leveldb's reuse_logs) and
writes a sorted table (*.ldb) only once a log outgrows its write buffer, a
megabyte or more, far more than a test visit writes. A table would hold
records this reader cannot see, so `records` refuses a folder that has one
rather than answer for half of it.

The log format (leveldb's doc/log_format.md): 32 KiB blocks of fragments,
each a 7-byte header (CRC-32C, length, type) and its bytes; a block's last
bytes, too few for a header, are padding. The fragments of one record form
a write batch: a sequence number (8 bytes), a count (4), then per entry a
tag (1 put, 0 delete), the key and, for a put, the value, each after its
length as a varint.
"""

import pathlib
import struct

BLOCK = 32768
HEADER = 7
FULL, FIRST, MIDDLE, LAST = 1, 2, 3, 4
BATCH_HEADER = 12
PUT, DELETE = 1, 0
TABLE_SUFFIXES = (".ldb", ".sst")


def records(folder):
    """(key, value) of every put and (key, None) of every delete in the
    database in `folder`, oldest log first and in write order, overwritten
    and deleted records included: they are still on disk. [] when the
    folder does not exist."""
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        return []
    tables = sorted(file.name for file in folder.iterdir() if file.suffix in TABLE_SUFFIXES)
    if tables:
        raise ValueError(f"{folder} has sorted tables {tables}, which this reader does not read")
    found = []
    for log in sorted(folder.glob("*.log")):
        for batch in batches(log.read_bytes()):
            found += entries(batch)
    return found


def batches(data):
    """The write batches of a log file, reassembled from their fragments."""
    found = []
    pending = b""
    for start in range(0, len(data), BLOCK):
        block = data[start:start + BLOCK]
        position = 0
        while position + HEADER <= len(block):
            length, kind = struct.unpack_from("<HB", block, position + 4)
            if kind == 0 or position + HEADER + length > len(block):
                # Zeros: a preallocated or padded end; too long: a torn write.
                break
            fragment = block[position + HEADER:position + HEADER + length]
            position += HEADER + length
            if kind in (FULL, FIRST):
                pending = fragment
            else:
                pending += fragment
            if kind in (FULL, LAST):
                found.append(pending)
                pending = b""
    return found


def entries(batch):
    """(key, value or None) of each entry of one write batch."""
    count = struct.unpack_from("<I", batch, 8)[0]
    position = BATCH_HEADER
    found = []
    for _ in range(count):
        tag = batch[position]
        key, position = length_prefixed(batch, position + 1)
        if tag == PUT:
            value, position = length_prefixed(batch, position)
            found.append((key, value))
        elif tag == DELETE:
            found.append((key, None))
        else:
            raise ValueError(f"write batch entry with unknown tag {tag}")
    return found


def length_prefixed(data, position):
    """The bytes after a varint length at `position`, and where they end."""
    length, shift = 0, 0
    while True:
        byte = data[position]
        position += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    return data[position:position + length], position + length
