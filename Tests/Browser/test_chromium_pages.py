"""Every page of every language in headless Chromium with JavaScript off,
at a phone's viewport and a desktop's: it renders with the site's one
neutral title, its quick-exit link lies fully inside the first screen and
takes the first Tab, no text runs out of its box, and right-to-left
languages are mirrored. No page leaves a CSP violation or a failed load in
the console, and Chromium asks the proxy for nothing but the site.

The pages are measured once per viewport, in setUpClass, by one script per
page through Selenium's execute_script, a DevTools evaluation that the
content setting blocking page scripts does not stop (page scripts stay off:
see test_page_scripts_do_not_run). The script and the checks are
page_checks', shared with the Firefox test; each check names every page
that fails it.
"""

import unittest

import chromium
import harness
from page_checks import (BLOCKED_IMAGE_PAGE, MISSING_PAGE, SCRIPTED_PAGE,
                         SCRIPTED_PAGE_TITLE, PageChecks)


class ChromiumPageTests(PageChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site, cls.work = harness.serve_for_class(cls, "chromium-pages")
        cls.browser = cls.enterClassContext(
            chromium.Chromium(cls.work / "chromium", cls.site.ca_file, cls.site.proxy_port))
        cls.measure_every_page()

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Chromium")

    def test_page_scripts_do_not_run(self):
        driver = self.browser.driver
        driver.get(SCRIPTED_PAGE)
        self.assertEqual(driver.title, SCRIPTED_PAGE_TITLE)

    def test_page_scripts_run_when_javascript_is_allowed(self):
        """The scripted page does rename itself where scripts may run, so
        the title it keeps above is the content setting's doing."""
        with chromium.Chromium(self.work / "chromium-javascript", self.site.ca_file,
                               self.site.proxy_port, javascript=True) as browser:
            browser.driver.get(SCRIPTED_PAGE)
            self.assertEqual(browser.driver.title, "script ran")

    def test_console_has_no_message_from_the_pages(self):
        kinds = sorted({(level, message) for level, _, message in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")

    def test_console_reports_csp_violations_and_failed_loads(self):
        """What the pages are checked for does reach console_messages()."""
        driver = self.browser.driver
        self.browser.console_messages()
        driver.get(BLOCKED_IMAGE_PAGE.format(origin=self.site.origin))
        driver.get(self.site.origin + MISSING_PAGE)
        messages = [message for _, _, message in self.browser.console_messages()]
        self.assertTrue(any("violates the following Content Security Policy" in message
                            for message in messages), messages)
        self.assertTrue(any(message.startswith(self.site.origin + MISSING_PAGE)
                            and "404" in message for message in messages), messages)
