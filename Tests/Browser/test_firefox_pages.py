"""Every page of every language in Firefox ESR with JavaScript off, at a
phone's viewport and a desktop's: it renders with the site's one neutral
title, its quick-exit link lies fully inside the first screen and takes the
first Tab, no text runs out of its box, and right-to-left languages are
mirrored. No page leaves a CSP violation in the console or a request that
failed (firefox.Firefox.console_messages() gives both), and Firefox asks
the proxy for nothing but the site.

The pages are measured once per viewport, in setUpClass, by one script per
page in Marionette's sandbox (page scripts stay off: see
test_page_scripts_do_not_run); each test then checks one property across all
of them and names every page that fails it. The script and the checks are
page_checks', shared with the Chromium test.
"""

import unittest

import firefox
import harness
from page_checks import (BLOCKED_IMAGE_PAGE, MISSING_PAGE, SCRIPTED_PAGE,
                         SCRIPTED_PAGE_TITLE, PageChecks)


class FirefoxPageTests(PageChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, work = harness.serve_for_class(cls, "firefox-pages")
        cls.browser = cls.enterClassContext(
            firefox.Firefox(work / "firefox", cls.site.ca_file, cls.site.proxy_port))
        cls.measure_every_page()

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Firefox")

    def test_page_scripts_do_not_run(self):
        session = self.browser.session
        session.navigate(SCRIPTED_PAGE)
        self.assertEqual(session.title(), SCRIPTED_PAGE_TITLE)

    def test_console_has_no_message_from_the_pages(self):
        kinds = sorted({(category, message) for category, message, _ in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")

    def test_console_reports_csp_violations_and_failed_requests(self):
        """What the pages are checked for does reach console_messages()."""
        self.browser.console_messages()
        self.browser.open(BLOCKED_IMAGE_PAGE.format(origin=self.site.origin))
        self.browser.open(self.site.origin + MISSING_PAGE)
        messages = self.browser.console_messages()
        self.assertTrue(any(category.startswith("CSP") and "img-src" in message
                            for category, message, _ in messages), messages)
        self.assertIn(["network", "404", self.site.origin + MISSING_PAGE], messages)
