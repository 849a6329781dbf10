"""The harness every browser test stands on: the site answers under its
name with the test CA's certificate, the proxy tunnels the site and the exit
page and refuses and records everything else, and the exit page counts its
visits. If the proxy let a request through unrecorded, the browser tests'
"nothing foreign" checks would pass without meaning anything."""

import socket
import ssl
import unittest

import harness

TIMEOUT = 10


class HarnessTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "harness")

    def tunnel(self, authority):
        """The proxy's status line for CONNECT `authority`, and the socket."""
        connection = socket.create_connection(("127.0.0.1", self.site.proxy_port), TIMEOUT)
        self.addCleanup(connection.close)
        connection.sendall(f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            part = connection.recv(4096)
            if not part:
                break
            answer += part
        return answer.split(b"\r\n")[0], connection

    def get_through(self, connection, host, path):
        context = ssl.create_default_context(cafile=str(self.site.ca_file))
        secure = context.wrap_socket(connection, server_hostname=host)
        self.addCleanup(secure.close)
        secure.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
                       .encode())
        answer = b""
        while part := secure.recv(65536):
            answer += part
        return answer

    def test_site_answers_every_page_under_its_name(self):
        pages = self.site.every_page()
        self.assertEqual(len(pages), len(self.site.languages) * len(self.site.page_urls("de")))
        self.assertEqual(self.site.page_urls("de")[:2],
                         ["https://ausweg.test/de/", "https://ausweg.test/de/1"])
        status, headers, body = self.site.fetch(pages[0][1])
        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn(f'href="{self.site.exit_url}"'.encode(), body)

    def test_languages_include_the_right_to_left_ones(self):
        directions = dict(self.site.languages)
        self.assertEqual(directions["de"], "ltr")
        self.assertEqual({code for code, way in directions.items() if way == "rtl"},
                         {"ar", "fa"})

    def test_proxy_tunnels_the_site_with_a_certificate_the_test_ca_vouches_for(self):
        status, connection = self.tunnel("ausweg.test:443")
        self.assertEqual(status, b"HTTP/1.1 200 OK")
        answer = self.get_through(connection, "ausweg.test", "/de/")
        self.assertTrue(answer.startswith(b"HTTP/1.1 200 "), answer[:80])

    def test_proxy_tunnels_the_exit_page_which_counts_its_visits(self):
        before = self.site.exit_visits
        status, connection = self.tunnel("exit.test:443")
        self.assertEqual(status, b"HTTP/1.1 200 OK")
        answer = self.get_through(connection, "exit.test", "/")
        self.assertTrue(answer.startswith(b"HTTP/1.1 200 "), answer[:80])
        self.assertEqual(self.site.exit_visits, before + 1)

    def test_proxy_refuses_and_records_any_other_host(self):
        status, _ = self.tunnel("update.example:443")
        self.assertEqual(status, b"HTTP/1.1 403 Forbidden")
        self.assertIn("CONNECT update.example:443", self.site.foreign_requests)
        status, _ = self.tunnel("ausweg.test:80")
        self.assertEqual(status, b"HTTP/1.1 403 Forbidden")
        self.assertIn("CONNECT ausweg.test:80", self.site.foreign_requests)

    def test_proxy_refuses_and_records_plain_http(self):
        connection = socket.create_connection(("127.0.0.1", self.site.proxy_port), TIMEOUT)
        self.addCleanup(connection.close)
        connection.sendall(b"GET http://detect.example/ HTTP/1.1\r\nHost: detect.example\r\n\r\n")
        self.assertTrue(connection.recv(4096).startswith(b"HTTP/1.1 403 "))
        self.assertIn("GET http://detect.example/", self.site.foreign_requests)

    def test_topic_words_cover_every_language(self):
        words = self.site.topic_words()
        for word in ["hilfe", "notruf", "impressum", "emergency", "loverboy"]:
            self.assertIn(word, words)
        # Thai and Arabic headings, as text and as a URL spells them.
        self.assertTrue(any("\u0e00" <= letter <= "\u0e7f" for word in words for letter in word))
        self.assertIn("%d8%a7%d9%84%d9%85%d8%b3%d8%a7%d8%b9%d8%af%d8%a9", words)


if __name__ == "__main__":
    unittest.main()
