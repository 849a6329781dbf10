"""What the page tests check in every browser, whatever drives it: the
script that measures a page, and the checks on what it measured.

A browser's test case mixes PageChecks in, starts `site` (a harness.Site)
and `browser` (chromium.Chromium or firefox.Firefox, whose page steps are
the same) in setUpClass, and then calls measure_every_page(), which
measures every page at both viewports, filling:

- `site`: the harness.Site;
- `pages`: site.every_page();
- `directions`: {language code: "ltr" or "rtl"};
- `viewports`: {viewport name: (width, height) reached};
- `measured`: {(viewport name, url): what MEASURE_SCRIPT returned};
- `first_tab`: {(viewport name, url): href of what the first Tab focused};
- `console`: the browser's console_messages(), whose shape is its own (the
  test case checks it).
"""

SITE_NAME = "Info"
# The proof that a browser's console_messages() sees what the pages are
# checked for: a page whose own policy blocks an image ({origin} is the
# site's), and a page of the site that does not exist.
BLOCKED_IMAGE_PAGE = ("data:text/html,<meta http-equiv=Content-Security-Policy "
                      "content=\"img-src 'none'\"><img src={origin}/a.png>")
MISSING_PAGE = "/de/no-such-page"
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
# Layout positions are fractions of a pixel; a box may end this far past an
# edge without anything visible leaving it.
TOLERANCE = 1
# What the script reports about the page it runs in, called with the exit
# URL and TOLERANCE. A text's box is its nearest ancestor that is not
# inline: the block its lines fill.
MEASURE_SCRIPT = """
const [exitURL, tolerance] = arguments;
const view = {width: window.innerWidth, height: window.innerHeight};
const box = element => {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
};
const exit = [...document.querySelectorAll("a")]
  .find(link => link.getAttribute("href") === exitURL);
// Whether the link is what a tap at its centre reaches, and not hidden:
// a box in the right place can still be covered or transparent.
const exitShown = link => {
  const r = link.getBoundingClientRect();
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  const style = getComputedStyle(link);
  return Boolean(hit) && link.contains(hit) && style.visibility === "visible"
    && Number(style.opacity) > 0;
};
const heading = document.querySelector("main h1");
const menu = document.querySelector("header > nav ul");
const overflows = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let text = walker.nextNode(); text; text = walker.nextNode()) {
  if (!text.data.trim()) continue;
  let block = text.parentElement;
  while (["inline", "contents"].includes(getComputedStyle(block).display)) {
    block = block.parentElement;
  }
  const outer = box(block);
  // Moved off the screen on purpose until focused (the skip link).
  if (outer.right <= 0 || outer.left >= view.width) continue;
  const range = document.createRange();
  range.selectNodeContents(text);
  for (const line of range.getClientRects()) {
    if (line.width === 0) continue;
    const left = Math.max(outer.left, 0) - tolerance;
    const right = Math.min(outer.right, view.width) + tolerance;
    if (line.left < left || line.right > right) {
      overflows.push(`${block.tagName} "${text.data.trim().slice(0, 40)}": line `
        + `${line.left.toFixed(1)}..${line.right.toFixed(1)} in box `
        + `${outer.left.toFixed(1)}..${outer.right.toFixed(1)}`);
      break;
    }
  }
}
return {
  view,
  scrollY: window.scrollY,
  title: document.title,
  lang: document.documentElement.lang,
  dirAttribute: document.documentElement.dir,
  direction: getComputedStyle(document.body).direction,
  scrollWidth: document.documentElement.scrollWidth,
  heading: heading ? box(heading) : null,
  headingText: heading ? heading.textContent.trim() : "",
  exit: exit ? box(exit) : null,
  exitShown: exit ? exitShown(exit) : false,
  menu: menu ? box(menu) : null,
  firstMenuItem: menu && menu.firstElementChild ? box(menu.firstElementChild) : null,
  overflows,
};
"""
# A page whose script would rename it: with JavaScript off the title stays.
SCRIPTED_PAGE = ("data:text/html,<title>unchanged</title>"
                 "<script>document.title = 'script ran'</script>")
SCRIPTED_PAGE_TITLE = "unchanged"


def language(url):
    """The language code in a page's URL: https://host/<code>/..."""
    return url.split("/")[3]


class PageChecks:
    """The checks, as tests of the unittest.TestCase this is mixed into."""

    @classmethod
    def measure_every_page(cls):
        cls.directions = dict(cls.site.languages)
        cls.pages = cls.site.every_page()
        cls.viewports = {}
        cls.measured = {}
        cls.first_tab = {}
        cls.console = []
        browser = cls.browser
        for name, size in VIEWPORTS.items():
            browser.open(cls.pages[0][1])
            cls.viewports[name] = browser.set_viewport(*size)
            for code, url in cls.pages:
                browser.open(url)
                cls.measured[name, url] = browser.run_script(
                    MEASURE_SCRIPT, cls.site.exit_url, TOLERANCE)
                browser.press_tab()
                cls.first_tab[name, url] = browser.focused_href()
                cls.console += browser.console_messages()
        cls.console += browser.console_messages()

    def failures(self, check):
        """"viewport url: problem" for every measured page where `check`
        returns a problem."""
        found = []
        for (viewport, url), page in self.measured.items():
            problem = check(viewport, url, page)
            if problem:
                found.append(f"{viewport} {url}: {problem}")
        return found

    def test_viewports_have_the_sizes_asked_for(self):
        self.assertEqual(self.viewports, VIEWPORTS)

    def test_every_page_of_every_language_is_measured_at_both_sizes(self):
        self.assertEqual(len(self.measured), len(self.pages) * len(VIEWPORTS))
        self.assertEqual({code for code, _ in self.pages}, set(self.directions))

    def test_every_page_renders_with_the_neutral_title(self):
        def check(viewport, url, page):
            if page["title"] != SITE_NAME or page["lang"] != language(url):
                return f"title {page['title']!r}, lang {page['lang']!r}"
            heading = page["heading"]
            if not page["headingText"] or heading is None:
                return "no heading"
            if heading["right"] - heading["left"] < 1 or heading["bottom"] - heading["top"] < 1:
                return f"heading has no size: {heading}"
            return None
        self.assertEqual(self.failures(check), [])

    def test_quick_exit_lies_fully_inside_the_first_screen(self):
        def check(viewport, url, page):
            exit, view = page["exit"], page["view"]
            if exit is None:
                return "no link to the exit URL"
            inside = (page["scrollY"] == 0 and exit["left"] >= 0 and exit["top"] >= 0
                      and exit["right"] <= view["width"] + TOLERANCE
                      and exit["bottom"] <= view["height"] + TOLERANCE)
            if not inside:
                return f"exit at {exit} in {view}, scrolled {page['scrollY']}"
            return None if page["exitShown"] else "exit covered or hidden at its centre"
        self.assertEqual(self.failures(check), [])

    def test_first_tab_focuses_the_quick_exit(self):
        wrong = {key: href for key, href in self.first_tab.items()
                 if href != self.site.exit_url}
        self.assertEqual(wrong, {})
        self.assertEqual(len(self.first_tab), len(self.measured))

    def test_no_text_overflows_its_box(self):
        def check(viewport, url, page):
            problems = list(page["overflows"])
            if page["scrollWidth"] > page["view"]["width"]:
                problems.append(f"page {page['scrollWidth']} wide")
            return "; ".join(problems)
        self.assertEqual(self.failures(check), [])

    def test_right_to_left_languages_are_mirrored(self):
        """The direction is set and the layout follows it: the page menu
        starts at the right edge in Arabic and Persian, at the left in the
        others."""
        self.assertEqual({code for code, way in self.directions.items() if way == "rtl"},
                         {"ar", "fa"})

        def check(viewport, url, page):
            expected = self.directions[language(url)]
            if page["dirAttribute"] != expected or page["direction"] != expected:
                return f"dir {page['dirAttribute']!r}, direction {page['direction']!r}"
            menu, first = page["menu"], page["firstMenuItem"]
            if menu is None or first is None:
                return "no page menu"
            left_gap, right_gap = first["left"] - menu["left"], menu["right"] - first["right"]
            starts_right = right_gap < left_gap
            if starts_right != (expected == "rtl"):
                return f"menu starts {left_gap:.0f} from the left, {right_gap:.0f} from the right"
            return None
        self.assertEqual(self.failures(check), [])
