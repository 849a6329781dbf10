"""Accessibility in Chromium: axe-core finds no serious or critical
violation on any page of any language (the issue names German, English,
Arabic and Thai; the others share the template and cost little more), and
the quick exit and every audio control carry their names in the page's own
language, as Chromium's accessibility tree computes them.

axe-core's script (pinned: axe-playwright-python's wheel from PyPI, see the
Makefile's browser-deps) is evaluated in each page through DevTools
(Runtime.evaluate). The pages' CSP (default-src 'none', no script-src)
forbids every script of theirs, and DevTools evaluation is exempt from it:
test_devtools_evaluation_ignores_the_csp_that_stops_page_scripts shows both
in the same page.

Page scripts are allowed in this Chromium's profile, because axe needs
them: with JavaScript blocked, DevTools still evaluates axe's source and
promise callbacks still run, but Blink fires no timer (setTimeout,
requestAnimationFrame) in the page, and axe.run schedules its rules on
timers, so its promise never settles. Allowing them changes nothing the
test looks at: no page has a script of its own, the CSP stops any that got
in, and neither the DOM nor the accessibility tree of a page without
scripts depends on the setting. The other browser tests keep scripts
blocked.

axe runs every rule it enables by default (WCAG 2.x A and AA and its best
practices) at a phone's viewport, the readers' device, on each page as it
arrives and, where the page has tick boxes, again with every box ticked:
ticks reveal what each sign can mean and the closing panel with its own
audio control (CSS alone shows them). Serious and critical violations fail
the test; moderate and minor ones, and checks axe could not decide (its
"incomplete" results), are listed on stderr for a reader of the log. A page
broken on purpose must be faulted, by axe and by the name check, so that
neither can pass by looking at nothing.
"""

import sys
import unittest

import chromium
import harness
from reflection_checks import reflection_segment

AXE_FILE = harness.repository_root() / ".build/pypi/axe_playwright_python/axe.min.js"
# The axe-core that axe-playwright-python 0.1.8 ships (its banner's version).
AXE_VERSION = "4.12.1"
REQUIRED_LANGUAGES = ["de", "en", "ar", "th"]
FAILING_IMPACTS = {"serious", "critical"}
PHONE_VIEWPORT = (390, 844)
# A page that passes this few rules was not looked at: every page has a
# title, a language, landmarks, headings, links and a list.
FEWEST_PASSED_RULES = 15
# The strings.txt key of each control's name. The quick exit's name is its
# text: the label, then its hint (a block of its own, so a space between).
EXIT_KEYS = ("exit", "exit.hint")
AUDIO_KEY = "audio.listen"
RUN_SCRIPT = """
(() => {
  const entries = results => results.flatMap(rule => rule.nodes.map(node =>
    [rule.id, node.impact || rule.impact, node.target.join(" ")]));
  return axe.run(document, {resultTypes: ["violations", "incomplete"]})
    .then(results => ({
      engine: results.testEngine.version,
      url: results.url,
      passed: results.passes.length,
      violations: entries(results.violations),
      incomplete: entries(results.incomplete),
    }));
})()
"""
# Breaks a served page the way the tests expect axe and the name check to
# see: the quick exit loses its text, the audio controls their labels, and
# an image without a text alternative is added.
BREAK_SCRIPT = """
(exitURL => {
  document.querySelector(`a[href="${exitURL}"]`).replaceChildren();
  document.querySelectorAll("audio").forEach(audio => audio.removeAttribute("aria-label"));
  const image = document.createElement("img");
  image.id = "no-alt";
  image.src = "data:,";
  document.querySelector("main").append(image);
})
"""
# Adds an inline script to the page; it records that it ran, if it may.
PAGE_SCRIPT = """
(() => {
  const script = document.createElement("script");
  script.textContent = "window.pageScriptRan = true;";
  document.head.append(script);
  return window.pageScriptRan === true;
})()
"""
# Ticks every tick box as a reader's tap would (a click event needs no page
# script) and tells how many there were.
TICK_SCRIPT = """
(() => {
  const boxes = document.querySelectorAll('input[type="checkbox"]');
  boxes.forEach(box => box.click());
  return boxes.length;
})()
"""
AS_SERVED = "as served"
TICKED = "every box ticked"
PAGE_WITHOUT_CSP = "data:text/html,<!doctype html><html lang=en><title>t</title><p>text"


def read_strings(path):
    """{key: text} of a strings.txt: a key, then its text; # starts a
    comment line."""
    found = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, text = line.partition(" ")
            found[key] = text.strip()
    return found


class AccessibilityTests(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not AXE_FILE.is_file():
            raise RuntimeError(f"{AXE_FILE} is missing: run `make browser-deps`")
        cls.axe_source = AXE_FILE.read_text()
        cls.site, work = harness.serve_for_class(cls, "accessibility")
        cls.browser = cls.enterClassContext(chromium.Chromium(
            work / "chromium", cls.site.ca_file, cls.site.proxy_port, javascript=True))
        cls.strings = {code: read_strings(cls.site.root / "content" / code / "strings.txt")
                       for code, _ in cls.site.languages}
        cls.pages = cls.site.every_page()
        cls.browser.driver.get(cls.pages[0][1])
        cls.viewport = cls.browser.set_viewport(*PHONE_VIEWPORT)
        cls.results = {}
        cls.names = {}
        for _, url in cls.pages:
            cls.browser.driver.get(url)
            cls.results[url, AS_SERVED] = cls.run_axe()
            if cls.evaluate(TICK_SCRIPT):
                cls.results[url, TICKED] = cls.run_axe(inject=False)
            cls.names[url] = cls.control_names()

    @classmethod
    def tearDownClass(cls):
        cls.site.assert_nothing_foreign("Chromium")

    @classmethod
    def evaluate(cls, expression, wait=False):
        """The value of `expression` evaluated in the current page through
        DevTools, its promise awaited when `wait`."""
        answer = cls.browser.driver.execute_cdp_cmd("Runtime.evaluate", {
            "expression": expression, "awaitPromise": wait, "returnByValue": True})
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description", details))
        return answer["result"].get("value")

    @classmethod
    def run_axe(cls, inject=True):
        """axe's summary of the current page: engine version, URL, number of
        rules passed, and [rule, impact, target] of every violation and of
        every check it could not decide. `inject` evaluates axe's script
        first; without it, the page must have it already."""
        if inject:
            injected = cls.evaluate(cls.axe_source + "\n;axe.version")
            if injected != AXE_VERSION:
                raise RuntimeError(f"axe.min.js evaluated to version {injected!r}")
        return cls.evaluate(RUN_SCRIPT, wait=True)

    @classmethod
    def control_names(cls):
        """The accessible names Chromium gives the current page's quick exit
        (the first link to the exit URL) and each of its audio controls:
        {"exit": name, "audio": [name, ...]}; a name is None for a control
        that is not in the tree (hidden) or missing."""
        driver = cls.browser.driver
        document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]

        def names(selector):
            found = driver.execute_cdp_cmd(
                "DOM.querySelectorAll", {"nodeId": document, "selector": selector})
            return [cls.accessible_name(node) for node in found["nodeIds"]]
        exits = names(f'a[href="{cls.site.exit_url}"]')
        return {"exit": exits[0] if exits else None, "audio": names("audio")}

    @classmethod
    def accessible_name(cls, node):
        tree = cls.browser.driver.execute_cdp_cmd(
            "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
        found = tree["nodes"][0]
        if found.get("ignored"):
            return None
        return found.get("name", {}).get("value", "")

    def expected_names(self, url):
        strings = self.strings[url.split("/")[3]]
        return " ".join(strings[key] for key in EXIT_KEYS), strings[AUDIO_KEY]

    def test_axe_is_the_pinned_version_and_looks_at_every_page(self):
        banner = self.axe_source.splitlines()[0]
        self.assertEqual(f"/*! axe v{AXE_VERSION}", banner)
        codes = [code for code, _ in self.site.languages]
        self.assertLessEqual(set(REQUIRED_LANGUAGES), set(codes))
        self.assertEqual(len(self.pages), len(codes) * len(self.site.page_urls(codes[0])))
        self.assertEqual(PHONE_VIEWPORT, self.viewport)
        unseen = {key: (result["engine"], result["url"], result["passed"])
                  for key, result in self.results.items()
                  if result["engine"] != AXE_VERSION or result["url"] != key[0]
                  or result["passed"] < FEWEST_PASSED_RULES}
        self.assertEqual({}, unseen)
        self.assertEqual([url for _, url in self.pages],
                         [url for url, state in self.results if state == AS_SERVED])
        # The reflection page of each language, and only it, has tick boxes.
        reflection = self.site.segments.index(reflection_segment(self.site.root))
        self.assertEqual([self.site.page_urls(code)[reflection] for code in codes],
                         [url for url, state in self.results if state == TICKED])

    def test_no_page_has_a_serious_or_critical_violation(self):
        failing = []
        noted = {}
        for (url, state), result in self.results.items():
            for rule, impact, target in result["violations"]:
                if impact in FAILING_IMPACTS:
                    failing.append(f"{url} ({state}): {rule} ({impact}) at {target}")
                else:
                    noted.setdefault(("violation", rule, impact, target), []).append(url)
            for rule, impact, target in result["incomplete"]:
                noted.setdefault(("undecided", rule, impact, target), []).append(url)
        for (kind, rule, impact, target), urls in sorted(noted.items()):
            print(f"axe {kind}: {rule} ({impact}) at {target} on {len(urls)} pages, "
                  f"first {urls[0]}", file=sys.stderr)
        self.assertEqual([], failing, "\n" + "\n".join(failing))

    def test_quick_exit_is_named_in_the_page_language(self):
        wrong = {}
        for url, names in self.names.items():
            expected, _ = self.expected_names(url)
            if names["exit"] != expected:
                wrong[url] = (names["exit"], expected)
        self.assertEqual({}, wrong)

    def test_every_audio_control_is_named_in_the_page_language(self):
        wrong = {}
        for url, names in self.names.items():
            _, expected = self.expected_names(url)
            if not names["audio"] or any(name != expected for name in names["audio"]):
                wrong[url] = (names["audio"], expected)
        self.assertEqual({}, wrong)

    def test_names_differ_between_the_required_languages(self):
        """Equal names would let a page in the wrong language pass."""
        for key in (*EXIT_KEYS, AUDIO_KEY):
            texts = [self.strings[code][key] for code in REQUIRED_LANGUAGES]
            self.assertTrue(all(texts), key)
            self.assertEqual(len(texts), len(set(texts)), key)

    def test_devtools_evaluation_ignores_the_csp_that_stops_page_scripts(self):
        url = self.site.page_urls("th")[0]
        _, headers, _ = self.site.fetch(url)
        policy = [part.split() for part in headers["content-security-policy"].split(";")]
        directives = {part[0]: part[1:] for part in policy if part}
        self.assertEqual(["'none'"], directives["default-src"])
        self.assertNotIn("script-src", directives)
        self.browser.driver.get(url)
        self.assertFalse(self.evaluate(PAGE_SCRIPT))
        self.assertEqual(AXE_VERSION, self.run_axe()["engine"])
        # Without a CSP the same script runs: scripts are on in this profile.
        self.browser.driver.get(PAGE_WITHOUT_CSP)
        self.assertTrue(self.evaluate(PAGE_SCRIPT))

    def break_page(self, code):
        self.browser.driver.get(self.site.page_urls(code)[0])
        self.evaluate(f"{BREAK_SCRIPT}({self.site.exit_url!r})")

    def test_axe_faults_a_page_broken_on_purpose(self):
        self.break_page("th")
        result = self.run_axe()
        failing = sorted((rule, impact, target) for rule, impact, target in result["violations"]
                         if impact in FAILING_IMPACTS)
        self.assertEqual([("image-alt", "critical", "#no-alt"),
                          ("link-name", "serious", ".exit")], failing)

    def test_name_check_sees_a_page_broken_on_purpose(self):
        self.break_page("th")
        names = self.control_names()
        self.assertEqual("", names["exit"])
        self.assertGreater(len(names["audio"]), 0)
        self.assertEqual({""}, set(names["audio"]))


if __name__ == "__main__":
    unittest.main()
