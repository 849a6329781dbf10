"""The reflection page of every language in Firefox ESR with JavaScript off,
at a phone's viewport: ticking a question shows what its sign can mean and
the closing panel, unticking hides them again, all through CSS; the page's
audio control is visible and plays.

Playing: the control is focused and Space pressed on it, as a keyboard user
would, with Firefox's default autoplay rule (block audible media until the
reader acts) left as it is. The machine has no sound device, so Firefox
runs with its mock audio output (media.cubeb.force_mock_context), which
takes the decoded sound at the pace of a real one: the clip's currentTime
moves on only if it was fetched, decoded and is playing.
"""

import pathlib
import tempfile
import time
import unittest

import firefox
import harness

PHONE = (390, 844)
PLAY_LIMIT = 10
PAUSE_LIMIT = 5
POLL = 0.1
SPACE = " "


def reflection_segment(root):
    """The reflection page's path segment, from content/pages.txt."""
    for line in (pathlib.Path(root) / "content/pages.txt").read_text().splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[1] == "reflect":
            return fields[0]
    raise ValueError("content/pages.txt names no reflect page")


class FirefoxReflectionTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        work = pathlib.Path(cls.enterClassContext(
            tempfile.TemporaryDirectory(prefix="ausweg-firefox-reflect-")))
        root, binary = harness.Site.default()
        cls.site = cls.enterClassContext(harness.Site(root, binary, work / "site"))
        cls.browser = cls.enterClassContext(firefox.Firefox(
            work / "firefox", cls.site.ca_file, cls.site.proxy_port,
            {"media.cubeb.force_mock_context": True}))
        segment = reflection_segment(root)
        cls.codes = [code for code, _ in cls.site.languages]
        cls.urls = {code: f"{cls.site.origin}/{code}/{segment}" for code in cls.codes}
        cls.browser.session.navigate(cls.urls[cls.codes[0]])
        cls.viewport = cls.browser.set_viewport(*PHONE)
        cls.ticking = {}
        cls.audio = {}
        cls.console = []
        for code in cls.codes:
            cls.browser.session.navigate(cls.urls[code])
            cls.ticking[code] = cls.tick_questions()
            cls.audio[code] = cls.play_page_clip()
            cls.console += cls.browser.console_messages()

    @classmethod
    def tearDownClass(cls):
        if cls.site.foreign_requests:
            raise AssertionError(f"Firefox asked for more than the site: "
                                 f"{cls.site.foreign_requests}")

    @classmethod
    def shown(cls):
        """Which explanations show, in question order, and whether the
        closing panel shows."""
        session = cls.browser.session
        meanings = [item.displayed() for item in session.find_all(".questions .meaning")]
        return {"meanings": meanings, "closing": session.find(".closing").displayed()}

    @classmethod
    def tick_questions(cls):
        """What shows at each step: before any tick, after ticking the first
        box, after ticking the second through its label, after unticking
        both."""
        session = cls.browser.session
        boxes = session.find_all(".questions input[type=checkbox]")
        labels = session.find_all(".questions label")
        steps = {"questions": len(boxes), "before": cls.shown()}
        boxes[0].click()
        steps["first ticked"] = cls.shown()
        labels[1].click()
        steps["second ticked"] = cls.shown()
        steps["ticks"] = [box.selected() for box in boxes]
        boxes[0].click()
        boxes[1].click()
        steps["unticked"] = cls.shown()
        return steps

    @classmethod
    def play_page_clip(cls):
        """Where the page's own player sits, and whether it plays."""
        session = cls.browser.session
        player = session.find("main audio")
        found = {"rect": player.rect(), "displayed": player.displayed(),
                 "paused before": player.property("paused")}
        player.send_keys(SPACE)
        found["seconds played"] = cls.wait_for(
            lambda: player.property("currentTime"), lambda seconds: seconds > 0, PLAY_LIMIT)
        player.send_keys(SPACE)
        found["paused after"] = cls.wait_for(
            lambda: player.property("paused"), bool, PAUSE_LIMIT)
        found["source"] = player.property("currentSrc")
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
        kinds = sorted({(category, message) for category, message, _ in self.console})
        self.assertEqual(kinds, [], f"{len(self.console)} messages")
