"""The reflection page of every language in headless Chromium with
JavaScript off, at a phone's viewport: ticking a question shows what its
sign can mean and the closing panel, unticking hides them again, all
through CSS; the page's audio control is visible and plays. The checks are
reflection_checks', shared with the Firefox test.

Playing: Chromium's autoplay policy is left as it is (audible media start
only after the reader acts on the page; --autoplay-policy is not needed).
The machine has no sound card, and Chromium then plays into a fake output
that takes the decoded sound at a real one's pace.
"""

import unittest

import chromium
import harness
from reflection_checks import ReflectionChecks


class ChromiumReflectionTests(ReflectionChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "chromium-reflect")
        cls.browser = cls.enterClassContext(
            chromium.Chromium(work / "chromium", cls.site.ca_file, cls.site.proxy_port))
        cls.check_every_language()

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Chromium")

    def test_console_has_no_message_from_the_pages(self):
        kinds = sorted({(level, message) for level, _, message in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")
