"""The reflection page of every language in headless Chromium with
JavaScript off, at a phone's viewport: ticking a question shows what its
sign can mean and the closing panel, unticking hides them again, all
through CSS; the page's audio control is visible and plays.

Playing: the control is focused and Space pressed on it, as a keyboard user
would, with Chromium's autoplay policy left as it is (audible media start
only after the reader acts on the page; --autoplay-policy is not needed).
The machine has no sound card, and Chromium then plays into a fake output
that takes the decoded sound at a real one's pace: the clip's currentTime
moves on only if it was fetched, decoded and is playing.
"""

import pathlib
import tempfile
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import chromium
import harness
from test_firefox_reflection import reflection_segment

PHONE = (390, 844)
PLAY_LIMIT = 10
PAUSE_LIMIT = 5
POLL = 0.1


class ChromiumReflectionTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        work = pathlib.Path(cls.enterClassContext(
            tempfile.TemporaryDirectory(prefix="ausweg-chromium-reflect-")))
        root, binary = harness.Site.default()
        cls.site = cls.enterClassContext(harness.Site(root, binary, work / "site"))
        cls.browser = cls.enterClassContext(
            chromium.Chromium(work / "chromium", cls.site.ca_file, cls.site.proxy_port))
        segment = reflection_segment(root)
        cls.codes = [code for code, _ in cls.site.languages]
        cls.urls = {code: f"{cls.site.origin}/{code}/{segment}" for code in cls.codes}
        driver = cls.browser.driver
        driver.get(cls.urls[cls.codes[0]])
        cls.viewport = cls.browser.set_viewport(*PHONE)
        cls.ticking = {}
        cls.audio = {}
        cls.console = []
        for code in cls.codes:
            driver.get(cls.urls[code])
            cls.ticking[code] = cls.tick_questions()
            cls.audio[code] = cls.play_page_clip()
            cls.console += cls.browser.console_messages()

    @classmethod
    def tearDownClass(cls):
        if cls.site.foreign_requests:
            raise AssertionError(f"Chromium asked for more than the site: "
                                 f"{cls.site.foreign_requests}")

    @classmethod
    def find_all(cls, selector):
        return cls.browser.driver.find_elements(By.CSS_SELECTOR, selector)

    @classmethod
    def shown(cls):
        """Which explanations show, in question order, and whether the
        closing panel shows."""
        meanings = [item.is_displayed() for item in cls.find_all(".questions .meaning")]
        closing = cls.browser.driver.find_element(By.CSS_SELECTOR, ".closing")
        return {"meanings": meanings, "closing": closing.is_displayed()}

    @classmethod
    def tick_questions(cls):
        """What shows at each step: before any tick, after ticking the first
        box, after ticking the second through its label, after unticking
        both."""
        boxes = cls.find_all(".questions input[type=checkbox]")
        labels = cls.find_all(".questions label")
        steps = {"questions": len(boxes), "before": cls.shown()}
        boxes[0].click()
        steps["first ticked"] = cls.shown()
        labels[1].click()
        steps["second ticked"] = cls.shown()
        steps["ticks"] = [box.is_selected() for box in boxes]
        boxes[0].click()
        boxes[1].click()
        steps["unticked"] = cls.shown()
        return steps

    @classmethod
    def play_page_clip(cls):
        """Where the page's own player sits, and whether it plays."""
        player = cls.browser.driver.find_element(By.CSS_SELECTOR, "main audio")
        found = {"rect": player.rect, "displayed": player.is_displayed(),
                 "paused before": player.get_property("paused")}
        player.send_keys(Keys.SPACE)
        found["seconds played"] = cls.wait_for(
            lambda: player.get_property("currentTime"), lambda seconds: seconds > 0,
            PLAY_LIMIT)
        player.send_keys(Keys.SPACE)
        found["paused after"] = cls.wait_for(
            lambda: player.get_property("paused"), bool, PAUSE_LIMIT)
        found["source"] = player.get_property("currentSrc")
        return found

    @staticmethod
    def wait_for(read, done, limit):
        """Reads until `done(value)` or the limit; returns the last value."""
        deadline = time.monotonic() + limit
        value = read()
        while not done(value) and time.monotonic() < deadline:
            time.sleep(POLL)
            value = read()
        return value

    def test_page_is_phone_sized(self):
        self.assertEqual(self.viewport, PHONE)

    def test_every_language_is_checked(self):
        self.assertEqual(set(self.ticking), {code for code, _ in self.site.languages})
        self.assertEqual(set(self.audio), set(self.ticking))

    def test_explanations_and_closing_panel_are_hidden_before_a_tick(self):
        wrong = {code: steps["before"] for code, steps in self.ticking.items()
                 if any(steps["before"]["meanings"]) or steps["before"]["closing"]}
        self.assertEqual(wrong, {})

    def test_every_question_has_an_explanation(self):
        counts = {code: (steps["questions"], len(steps["before"]["meanings"]))
                  for code, steps in self.ticking.items()}
        wrong = {code: (boxes, meanings) for code, (boxes, meanings) in counts.items()
                 if boxes < 2 or boxes != meanings}
        self.assertEqual(wrong, {})

    def test_ticking_shows_its_explanation_and_the_closing_panel(self):
        def expected(count, shown):
            return {"meanings": [index < shown for index in range(count)], "closing": True}
        wrong = {}
        for code, steps in self.ticking.items():
            count = steps["questions"]
            if (steps["first ticked"] != expected(count, 1)
                    or steps["second ticked"] != expected(count, 2)):
                wrong[code] = (steps["first ticked"], steps["second ticked"])
        self.assertEqual(wrong, {})

    def test_a_label_ticks_its_box(self):
        wrong = {code: steps["ticks"] for code, steps in self.ticking.items()
                 if steps["ticks"][:2] != [True, True] or any(steps["ticks"][2:])}
        self.assertEqual(wrong, {})

    def test_unticking_hides_everything_again(self):
        wrong = {code: steps["unticked"] for code, steps in self.ticking.items()
                 if any(steps["unticked"]["meanings"]) or steps["unticked"]["closing"]}
        self.assertEqual(wrong, {})

    def test_audio_control_is_visible_on_the_first_screen_width(self):
        def visible(found):
            rect = found["rect"]
            return (found["displayed"] and rect["width"] > 0 and rect["height"] > 0
                    and rect["x"] >= 0 and rect["x"] + rect["width"] <= PHONE[0])
        wrong = {code: found for code, found in self.audio.items() if not visible(found)}
        self.assertEqual(wrong, {})

    def test_audio_plays_when_the_reader_presses_play(self):
        wrong = {code: found for code, found in self.audio.items()
                 if not (found["paused before"] and found["seconds played"] > 0
                         and found["paused after"]
                         and found["source"].startswith(self.site.origin + "/"))}
        self.assertEqual(wrong, {})

    def test_console_has_no_message_from_the_pages(self):
        kinds = sorted({(level, message) for level, _, message in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")
