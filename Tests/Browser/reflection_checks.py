"""What the reflection page tests check in every browser: ticking a question
shows what its sign can mean and the closing panel, unticking hides them
again, all through CSS; the page's audio control is visible and plays.

A browser's test case mixes ReflectionChecks in, starts `site` (a
harness.Site) and `browser` (chromium.Chromium or firefox.Firefox, whose
page steps are the same) in setUpClass, and then calls
check_every_language(), which fills `viewport`, `ticking`, `audio` and
`console` (the browser's console_messages(), whose shape is its own: the
test case checks it).

Playing: the control is focused and Space pressed on it, as a keyboard user
would, with the browser's autoplay rule left as it is (audible media start
only after the reader acts on the page). The clip's currentTime moves on
only if it was fetched, decoded and is playing.
"""

import pathlib

import harness

PHONE = (390, 844)
PLAY_LIMIT = 10
PAUSE_LIMIT = 5


def reflection_segment(root):
    """The reflection page's path segment, from content/pages.txt."""
    for line in (pathlib.Path(root) / "content/pages.txt").read_text().splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[1] == "reflect":
            return fields[0]
    raise ValueError("content/pages.txt names no reflect page")


class ReflectionChecks:
    """The checks, as tests of the unittest.TestCase this is mixed into."""

    @classmethod
    def check_every_language(cls):
        """Ticks the questions and plays the clip on the reflection page of
        every language, at a phone's viewport."""
        segment = reflection_segment(cls.site.root)
        codes = [code for code, _ in cls.site.languages]
        urls = {code: f"{cls.site.origin}/{code}/{segment}" for code in codes}
        cls.browser.open(urls[codes[0]])
        cls.viewport = cls.browser.set_viewport(*PHONE)
        cls.ticking = {}
        cls.audio = {}
        cls.console = []
        for code in codes:
            cls.browser.open(urls[code])
            cls.ticking[code] = cls.tick_questions()
            cls.audio[code] = cls.play_page_clip()
            cls.console += cls.browser.console_messages()

    @classmethod
    def shown(cls):
        """Which explanations show, in question order, and whether the
        closing panel shows."""
        browser = cls.browser
        meanings = [browser.displayed(item)
                    for item in browser.find_all(".questions .meaning")]
        closing = browser.find_all(".closing")[0]
        return {"meanings": meanings, "closing": browser.displayed(closing)}

    @classmethod
    def tick_questions(cls):
        """What shows at each step: before any tick, after ticking the first
        box, after ticking the second through its label, after unticking
        both."""
        browser = cls.browser
        boxes = browser.find_all(".questions input[type=checkbox]")
        labels = browser.find_all(".questions label")
        steps = {"questions": len(boxes), "before": cls.shown()}
        boxes[0].click()
        steps["first ticked"] = cls.shown()
        labels[1].click()
        steps["second ticked"] = cls.shown()
        steps["ticks"] = [browser.selected(box) for box in boxes]
        boxes[0].click()
        boxes[1].click()
        steps["unticked"] = cls.shown()
        return steps

    @classmethod
    def play_page_clip(cls):
        """Where the page's own player sits, and whether it plays."""
        browser = cls.browser
        player = browser.find_all("main audio")[0]
        found = {"rect": browser.rect(player), "displayed": browser.displayed(player),
                 "paused before": browser.property(player, "paused")}
        player.send_keys(browser.SPACE)
        found["seconds played"] = harness.wait_for(
            lambda: browser.property(player, "currentTime"), PLAY_LIMIT,
            lambda seconds: seconds > 0)
        player.send_keys(browser.SPACE)
        found["paused after"] = harness.wait_for(
            lambda: browser.property(player, "paused"), PAUSE_LIMIT)
        found["source"] = browser.property(player, "currentSrc")
        return found

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
