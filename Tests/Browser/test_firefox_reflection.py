"""The reflection page of every language in Firefox ESR with JavaScript off,
at a phone's viewport: ticking a question shows what its sign can mean and
the closing panel, unticking hides them again, all through CSS; the page's
audio control is visible and plays. The checks are reflection_checks',
shared with the Chromium test.

Playing: Firefox's default autoplay rule (block audible media until the
reader acts) is left as it is. The machine has no sound device, so Firefox
runs with its mock audio output (media.cubeb.force_mock_context), which
takes the decoded sound at the pace of a real one.
"""

import unittest

import firefox
import harness
from reflection_checks import ReflectionChecks


class FirefoxReflectionTests(ReflectionChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "firefox-reflect")
        cls.browser = cls.enterClassContext(firefox.Firefox(
            work / "firefox", cls.site.ca_file, cls.site.proxy_port,
            {"media.cubeb.force_mock_context": True}))
        cls.check_every_language()

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Firefox")

    def test_console_has_no_message_from_the_pages(self):
        kinds = sorted({(category, message) for category, message, _ in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")
