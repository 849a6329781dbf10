"""What the no-trace tests do and check alike in every browser: the reader's
visit (five pages, two ticked questions and a clip on the reflection page,
left by the quick exit with the boxes still ticked) and the checks on the
visit itself and on what both browsers' profiles can hold alike.

A browser's test case mixes NoTraceChecks in, starts `site` (a
harness.Site) and `browser` (chromium.Chromium or firefox.Firefox, whose
page steps are the same) in setUpClass, calls visit(), and after the
browser has quit sets `traces`, its profile reader, and `outside_profile`,
the files outside the profile (HOME, TMPDIR) that name the host. It supplies
read_running_session(), which reads the session files while the boxes are
ticked, and check_exit_visits(count), which checks how often the exit page
was asked for.
"""

import harness
from reflection_checks import reflection_segment

SITE_NAME = "Info"
HOST = "ausweg.test"
PAGES_VISITED = 5
QUESTIONS_TICKED = 2
CLIP_LIMIT = 10
EXIT_LIMIT = 10


class NoTraceChecks:
    """The visit and the shared checks, as tests of the unittest.TestCase
    this is mixed into."""

    @classmethod
    def visit(cls):
        """The reader's visit: pages, two ticks and a clip on the reflection
        page, which she leaves by the quick exit with the boxes still
        ticked. Sets `visited`, `ticked`, `seconds_played`,
        `url_after_exit` and the exit page's visits before and after."""
        browser, site = cls.browser, cls.site
        reflection = f"{site.origin}/de/{reflection_segment(site.root)}"
        others = [url for url in site.page_urls("de") if url != reflection]
        cls.visited = others[:PAGES_VISITED - 1] + [reflection]
        cls.exit_visits_before = site.exit_visits
        for url in cls.visited:
            browser.open(url)
        boxes = browser.find_all(".questions input[type=checkbox]")
        for box in boxes[:QUESTIONS_TICKED]:
            box.click()
        cls.ticked = [browser.selected(box) for box in boxes]
        player = browser.find_all("main audio")[0]
        # The sticky quick-exit bar covers the player's controls at the top
        # of the page; the keyboard reaches it as a reader's would.
        player.send_keys(browser.SPACE)
        cls.seconds_played = harness.wait_for(
            lambda: browser.property(player, "currentTime"), CLIP_LIMIT,
            lambda seconds: seconds > 0)
        cls.read_running_session()
        browser.find_all(f'a[href="{site.exit_url}"]')[0].click()
        cls.url_after_exit = harness.wait_for(browser.current_url, EXIT_LIMIT,
                                              lambda url: url == site.exit_url)
        cls.exit_visits_after = site.exit_visits

    def test_the_visit_happened(self):
        self.assertEqual(self.ticked[:QUESTIONS_TICKED], [True] * QUESTIONS_TICKED)
        self.assertGreater(self.seconds_played, 0)
        self.assertEqual(self.url_after_exit, self.site.exit_url)
        self.check_exit_visits(self.exit_visits_after - self.exit_visits_before)

    def test_no_cookie(self):
        self.assertEqual(self.traces.cookies(), [])

    def test_nothing_outside_the_profile_names_the_site(self):
        self.assertEqual(self.outside_profile, [])

    def test_no_favicon(self):
        self.assertEqual(self.traces.favicons(), [])

    def test_history_titles_are_the_site_name(self):
        ours = {url: title for url, title in self.traces.history()
                if url.startswith(self.site.origin + "/")}
        self.assertEqual(set(ours), set(self.visited))
        self.assertEqual(set(ours.values()), {SITE_NAME})

    def topic_words(self):
        """The site's topic words, lower-case; fails if there are none, so
        that a check for them cannot pass by looking for nothing."""
        words = [word.lower() for word in self.site.topic_words()]
        self.assertGreater(len(words), 0)
        return words
