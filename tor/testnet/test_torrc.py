"""Unit tests of the torrc guard: a file that could reach the public Tor
network is refused before it is written. Run by `make test`."""

import os
import sys
import tempfile
import unittest

# No __pycache__ folders in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torrc  # noqa: E402

LOCAL_AUTHORITY = (
    "DirAuthority auth0 orport=5000 no-v2 v3ident=" + "A" * 40 + " 127.0.0.1:5001 " + "B" * 40)


def safe_lines():
    return torrc.common_lines("/tmp/x", [LOCAL_AUTHORITY]) + torrc.relay_lines(5002)


class TorrcGuardTests(unittest.TestCase):
    def test_every_node_kind_passes(self):
        for extra in ([], torrc.authority_lines(5003),
                      torrc.client_lines() + ["SocksPort 127.0.0.1:5004 ExtendedErrors"]):
            self.assertEqual(torrc.problems("\n".join(safe_lines() + extra)), [])

    def test_default_configuration_is_refused(self):
        found = torrc.problems("")
        self.assertIn("no TestingTorNetwork 1", found)
        self.assertIn("no DirAuthority: tor would use the public authorities", found)

    def test_public_authority_is_refused(self):
        public = LOCAL_AUTHORITY.replace("127.0.0.1", "128.31.0.39")
        found = torrc.problems("\n".join(safe_lines() + [public]))
        self.assertTrue(any("authority not on 127.0.0.1" in line for line in found))

    def test_bare_port_and_wildcard_listeners_are_refused(self):
        for line in ("SocksPort 9050", "ControlPort 0.0.0.0:9051", "ORPort [::]:9001"):
            found = torrc.problems("\n".join(safe_lines() + [line]))
            self.assertEqual(len(found), 1, line)

    def test_fallback_directory_and_commented_switch_are_refused(self):
        lines = [line for line in safe_lines() if line != "TestingTorNetwork 1"]
        extra = ["#TestingTorNetwork 1", "FallbackDir 1.2.3.4:80"]
        found = torrc.problems("\n".join(lines + extra))
        self.assertIn("no TestingTorNetwork 1", found)
        self.assertTrue(any(line.startswith("fallback directory") for line in found))

    def test_option_names_are_case_insensitive(self):
        found = torrc.problems("\n".join(safe_lines() + ["socksport 9050"]))
        self.assertEqual(found, ["socksport not on 127.0.0.1: 9050"])

    def test_unsafe_file_is_not_written(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "torrc")
            with self.assertRaises(torrc.UnsafeTorrc):
                torrc.write_torrc(path, ["SocksPort 9050"])
            self.assertFalse(os.path.exists(path))


if __name__ == "__main__":
    unittest.main()
