"""Chromium's session files: what session restore (Sessions/Session_*) and
the list of recently closed tabs (Sessions/Tabs_*) reopen, and their
encrypted twins (Sessions_Encrypted/).

A file is "SNSS", a 32-bit version, then commands. A plain file (version 1,
or 3 with a marker command) gives each command as a 16-bit size, a one-byte
id and the payload. An encrypted file (version 5) gives a 32-bit size, then
the id and payload encrypted by OSCrypt: "v10", then AES-128-CBC under a key
that Chromium on Linux without a keyring derives from the fixed password
"peanuts" (components/os_crypt), so whoever holds the profile reads these
as easily as the plain ones. A "v11" record's key is in the keyring; the
reader refuses it rather than skip it. The records are deciphered by the
openssl command (as the harness makes its certificates), one call per file:
AES-ECB on every block, each then XORed with the block before it (the IV
for a record's first), which is CBC.

A navigation command's payload is a base::Pickle: its size, then the tab,
the entry's index, its URL, title and page state, then fields not read
here. The page state is Blink's history item serialized with Mojo; its
strings (URLs, and the document state where Blink's form controller keeps
what was typed and ticked) are Mojo arrays of UTF-16 units: an 8-byte
header of byte size and count, then the units.
"""

import dataclasses
import hashlib
import pathlib
import struct
import subprocess

MAGIC = b"SNSS"
PLAIN_VERSIONS = (1, 3)
ENCRYPTED_VERSIONS = (5,)
OSCRYPT_PREFIX = b"v10"
OSCRYPT_KEY = hashlib.pbkdf2_hmac("sha1", b"peanuts", b"saltysalt", 1, 16)
OSCRYPT_IV = b" " * 16
AES_BLOCK = 16
OPENSSL_LIMIT = 30
# The navigation command's id differs between the two services.
NAVIGATION_IDS = {"Session_": 6, "Tabs_": 1}
# Blink's FormController starts a frame's document state with this line.
FORM_STATE_MARKER = "serialized form state"
# Longest string looked for in a page state; a URL is bounded by 2 MB.
LONGEST_STRING = 1 << 21


@dataclasses.dataclass
class Navigation:
    """One navigation entry as a command wrote it."""
    tab: int
    index: int
    url: str
    title: str
    page_state: list

    def form_state(self):
        """The document state's strings from the form controller's marker
        on (form keys, control names, types and values), or []."""
        for position, text in enumerate(self.page_state):
            if FORM_STATE_MARKER in text:
                return self.page_state[position:]
        return []


def commands(path):
    """(id, payload) of every command in a session file, decrypted."""
    data = pathlib.Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path} is not a session file")
    version = struct.unpack_from("<i", data, 4)[0]
    if version in PLAIN_VERSIONS:
        size_format, encrypted = "<H", False
    elif version in ENCRYPTED_VERSIONS:
        size_format, encrypted = "<I", True
    else:
        raise ValueError(f"{path}: session file version {version} is not known here")
    records = []
    position = 8
    width = struct.calcsize(size_format)
    while position + width <= len(data):
        size = struct.unpack_from(size_format, data, position)[0]
        record = data[position + width:position + width + size]
        position += width + size
        if len(record) < size:
            # Read while Chromium was still appending it.
            break
        records.append(record)
    if encrypted and records:
        records = decrypt(records)
    return [(record[0], record[1:]) for record in records]


def decrypt(records):
    """The plaintexts of OSCrypt "v10" records."""
    ciphertexts = []
    for record in records:
        body = record[len(OSCRYPT_PREFIX):]
        if not record.startswith(OSCRYPT_PREFIX) or len(body) % AES_BLOCK:
            raise ValueError(f"session record encrypted as {record[:3]!r}, not with the fixed key")
        ciphertexts.append(body)
    blocks = subprocess.run(
        ["openssl", "enc", "-d", "-aes-128-ecb", "-nopad", "-K", OSCRYPT_KEY.hex()],
        input=b"".join(ciphertexts), capture_output=True, check=True,
        timeout=OPENSSL_LIMIT).stdout
    found = []
    for body in ciphertexts:
        deciphered, blocks = blocks[:len(body)], blocks[len(body):]
        chained = OSCRYPT_IV + body[:-AES_BLOCK]
        padded = bytes(a ^ b for a, b in zip(deciphered, chained))
        if not 1 <= padded[-1] <= AES_BLOCK or not padded.endswith(padded[-1:] * padded[-1]):
            raise ValueError("session record does not decrypt with the fixed key")
        found.append(padded[:-padded[-1]])
    return found


def plain_bytes(path):
    """A session file's commands, decrypted and joined, for a search."""
    return b"".join(bytes([command]) + payload for command, payload in commands(path))


def navigations(path):
    """Every navigation entry a session file wrote, in order; an entry
    written again (after a tick, a scroll) appears each time."""
    prefix = pathlib.Path(path).name.split("_")[0] + "_"
    wanted = NAVIGATION_IDS.get(prefix)
    if wanted is None:
        raise ValueError(f"{path}: not a Session_ or Tabs_ file")
    return [navigation(payload) for command, payload in commands(path) if command == wanted]


def navigation(payload):
    reader = PickleReader(payload)
    tab, index = reader.int(), reader.int()
    url = reader.string().decode("utf-8", "replace")
    title = reader.string16()
    page_state = reader.string()
    return Navigation(tab, index, url, title, mojo_strings(page_state))


class PickleReader:
    """Fields of a base::Pickle: 32-bit little-endian integers, strings as
    a length and the bytes (or UTF-16 units), each padded to 4 bytes."""

    def __init__(self, payload):
        self.data = payload
        self.position = 4

    def int(self):
        value = struct.unpack_from("<i", self.data, self.position)[0]
        self.position += 4
        return value

    def raw(self, length):
        if length < 0 or self.position + length > len(self.data):
            raise ValueError("pickle field runs past its command")
        value = self.data[self.position:self.position + length]
        self.position += (length + 3) // 4 * 4
        return value

    def string(self):
        return self.raw(self.int())

    def string16(self):
        return self.raw(2 * self.int()).decode("utf-16-le", "replace")


def mojo_strings(data):
    """Every Mojo UTF-16 string in serialized bytes, in order: at a 4-byte
    boundary, a byte size of 8 plus twice the count, the count, then that
    many printable units."""
    found = []
    position = 0
    while position + 8 <= len(data):
        size, count = struct.unpack_from("<II", data, position)
        end = position + size
        if 0 < count < LONGEST_STRING and size == 8 + 2 * count and end <= len(data):
            text = data[position + 8:end].decode("utf-16-le", "replace")
            if text.isprintable() or "\n" in text:
                found.append(text)
                position = (end + 3) // 4 * 4
                continue
        position += 4
    return found
