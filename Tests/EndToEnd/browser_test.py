"""Browser tests in a real headless Chromium (Selenium): the flows a diplomat and a security
officer go through, each step saved as a screenshot under .build/screenshots/.

Usage: python3 Tests/EndToEnd/browser_test.py [path/to/pouch]
"""
import os
import sys
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

# axe-core 4.9 (WCAG 2.2 rules) from PyPI's selenium-axe-python, the maintained fork of
# axe-selenium-python, whose axe-core 3.1 predates WCAG 2.1 and 2.2.
from selenium_axe_python import Axe

from server import DemoServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch")
SHOTS = os.path.join(ROOT, ".build", "screenshots")


def chromium():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100"]:
        options.add_argument(argument)
    for binary in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(binary):
            options.binary_location = binary
            break
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    return webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else None)


class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(SHOTS, exist_ok=True)
        cls.server = DemoServer(BINARY).__enter__()
        cls.driver = chromium()
        cls.driver.implicitly_wait(5)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.__exit__(None, None, None)

    def shot(self, name):
        """A screenshot of the page, after axe-core finds no serious or critical WCAG 2.2 AA problem on it."""
        self.driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
        self.accessible(name)

    def accessible(self, name):
        Axe(self.driver).inject()
        results = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
            ".then(done).catch((error) => done({error: String(error)}));")
        self.assertNotIn("error", results, f"{name}: axe-core did not run")
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        report = "\n".join(f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])}: "
                           + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"][0]) for n in v["nodes"][:4]) + ")"
                           for v in serious)
        self.assertFalse(serious, f"{name}: accessibility problems (axe-core):\n{report}")
        print(f"  {name}: axe-core {results['testEngine']['version']}: {len(results['passes'])} rules pass, "
              f"{len(results['violations'])} minor or moderate problems", file=sys.stderr)

    def open(self, path):
        self.driver.get(self.server.url + path)

    def sign_in(self, user):
        self.open("/login")
        # Signed in as someone else: sign out first, as a person would.
        # Wait for the sign-out's redirect to land on the sign-in page before typing into it.
        if self.driver.find_elements(By.CSS_SELECTOR, "form.signout button"):
            self.click(self.driver.find_element(By.CSS_SELECTOR, "form.signout button"))
            WebDriverWait(self.driver, 15).until(lambda driver: "/login" in driver.current_url)
            self.open("/login")
        self.driver.find_element(By.ID, "user").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(f"{user}-pouch-demo")
        self.click(self.driver.find_element(By.ID, "sign-in"))
        self.assertIn(user, self.text_once_shown("who", user))

    def text_once_shown(self, element_id, part):
        """After a click the old page may still be up, and its element goes stale as the new one
        loads: look again until the element shows `part` (or 15 s pass), then return its text."""
        def shown(driver):
            try:
                return part in driver.find_element(By.ID, element_id).text
            except StaleElementReferenceException:
                return False
        try:
            WebDriverWait(self.driver, 15).until(shown)
        except TimeoutException:
            pass
        return self.text(element_id)

    def wait_for_url(self, part):
        """A form post answers with a redirect; wait for the browser to follow it before looking."""
        try:
            WebDriverWait(self.driver, 15).until(lambda driver: part in driver.current_url)
        except Exception:
            pass
        self.assertIn(part, self.driver.current_url)

    def text(self, element_id):
        return self.driver.find_element(By.ID, element_id).text

    def click(self, element):
        """Clicks as a person would: with the element scrolled to the middle of the window, clear
        of the classification banners that stay at the top and bottom."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def banner(self, which="banner-top"):
        return self.driver.find_element(By.ID, which)

    def test_1_draft_send_read(self):
        self.open("/login")
        self.assertEqual(self.banner().text, "TOP SECRET", "the sign-in page shows the system's level")
        self.shot("01-sign-in")
        self.sign_in("anne")
        self.wait_for_url("/inbox")
        self.assertIn("SECRET", self.banner().text)
        self.shot("02-inbox")

        # Drafting: the banners follow the chosen level and caveats as they change.
        self.open("/drafts/new")
        self.assertEqual(self.banner().text, "CONFIDENTIAL")
        Select(self.driver.find_element(By.ID, "field-classification")).select_by_value("SECRET")
        self.click(self.driver.find_element(By.ID, "caveat-NOFORN"))
        self.assertEqual(self.banner().text, "SECRET//NOFORN")
        self.assertEqual(self.banner("banner-bottom").text, "SECRET//NOFORN")
        self.assertIn("banner-secret", self.banner().get_attribute("class"))
        for field_id, value in {"field-to": "SECSTATE WASHDC IMMEDIATE", "field-tags": "PREL, PK", "field-subject": "BROWSER DRAFT ON THE CABINET"}.items():
            element = self.driver.find_element(By.ID, field_id)
            element.clear()
            element.send_keys(value)
        Select(self.driver.find_element(By.ID, "field-precedence")).select_by_value("PRIORITY")
        body = self.driver.find_element(By.ID, "field-body")
        body.send_keys("The Prime Minister said that the cabinet would change after the budget.")
        self.click(self.driver.find_element(By.ID, "save-draft"))
        # The error summary is at the top, has the focus, and links to the field.
        summary = self.driver.find_element(By.ID, "draft-errors")
        self.assertTrue(summary.is_displayed())
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "draft-errors")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, '#draft-errors a[href="#field-body"]'))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, 'p.problem.error[data-field="body"]'))
        self.assertEqual(self.banner().text, "SECRET//NOFORN", "the chosen level is kept after the error")
        self.shot("03-draft-lint-error")

        body = self.driver.find_element(By.ID, "field-body")
        body.clear()
        body.send_keys("(S/NF) The Prime Minister said that the cabinet would change after the budget.")
        self.click(self.driver.find_element(By.ID, "preview-draft"))
        preview = self.driver.find_element(By.ID, "preview")
        self.assertIn("BROWSER DRAFT ON THE CABINET", preview.text)
        self.assertIn("PRIORITY", preview.text)
        self.assertIn("DECL", preview.text)
        self.shot("04-draft-preview")
        self.click(self.driver.find_element(By.ID, "save-draft"))
        self.wait_for_url("/cables/")
        reference = self.text("refid")
        # The address book: carl (a foreign national) may not receive a NOFORN cable.
        self.assertFalse(self.driver.find_element(By.ID, "person-carl").is_enabled())
        self.shot("05-draft-saved-send-form")

        for box in ["person-bea", "person-sam", "list-south-asia"]:
            self.click(self.driver.find_element(By.ID, box))
        self.click(self.driver.find_element(By.ID, "send-button"))
        self.assertIn("Sent: 4 new copies", self.text_once_shown("notice", "Sent"))
        self.assertFalse(self.driver.find_elements(By.ID, "send-button"), "the send form is gone once sent")
        self.shot("06-sent")

        self.sign_in("bea")
        self.open("/cables/" + reference)
        top, bottom = self.banner(), self.banner("banner-bottom")
        self.assertEqual(top.text, "SECRET//NOFORN")
        self.assertEqual(bottom.text, "SECRET//NOFORN")
        self.assertEqual(top.value_of_css_property("background-color"), "rgba(200, 16, 46, 1)")
        self.assertIn("(S/NF)", self.text("cable-body"))
        self.assertIn("DECL", self.text("declassification"))
        # The banners stay in view while a long page scrolls.
        self.driver.set_window_size(1280, 500)
        self.driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        self.assertEqual(self.driver.execute_script("return Math.round(document.getElementById('banner-top').getBoundingClientRect().top)"), 0)
        self.assertEqual(self.driver.execute_script(
            "return Math.round(window.innerHeight - document.getElementById('banner-bottom').getBoundingClientRect().bottom)"), 0)
        self.driver.set_window_size(1280, 1100)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.shot("07-read-with-banner")

        # A foreign national sees neither the cable nor a hint of it.
        self.sign_in("carl")
        self.open("/cables/" + reference)
        self.assertIn("404", self.driver.find_element(By.TAG_NAME, "h1").text)

    def test_2_search(self):
        self.sign_in("dora")
        self.open("/search")
        self.click(self.driver.find_element(By.ID, "search-help-summary"))
        self.assertTrue(self.driver.find_element(By.ID, "search-help").get_attribute("open") is not None)
        self.shot("08-search-help")
        self.driver.find_element(By.ID, "q").send_keys("helicopters")
        self.click(self.driver.find_element(By.ID, "search-button"))
        self.assertIn("2 result(s)", self.text("result-count"))
        marks = self.driver.find_elements(By.CSS_SELECTOR, ".snippet mark")
        self.assertTrue(marks and all(m.text.lower() == "helicopters" for m in marks))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".facets a"))
        self.assertNotEqual(self.banner().text, "TOP SECRET", "the banner is the highest level shown, not the system's")
        self.shot("09-search")
        self.click(self.driver.find_element(By.LINK_TEXT, "2009"))
        self.assertIn("1 result(s)", self.text("result-count"))

    def test_3_trace_leak(self):
        # Bea's copy of the demo cable leaks as the text on her screen.
        self.sign_in("bea")
        self.open("/inbox?box=received")
        self.click(self.driver.find_element(By.PARTIAL_LINK_TEXT, "26ISLAMABAD1"))
        leak = self.text("cable-body")
        self.sign_in("sam")
        self.open("/trace")
        box = self.driver.find_element(By.ID, "leak")
        self.driver.execute_script("arguments[0].value = arguments[1];", box, leak)
        self.click(self.driver.find_element(By.ID, "trace-button"))
        self.assertEqual(self.text("verdict-word"), "Identified")
        accused = self.driver.find_element(By.ID, "accused").text
        self.assertIn("Bea Jones (bea)", accused)
        self.assertIn("KABUL", accused)
        self.assertIn("less than 1 in 10", accused)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg.score-chart circle.accused title"))
        chart = self.driver.find_element(By.CSS_SELECTOR, "svg.score-chart").size["width"]
        table = self.driver.find_element(By.ID, "candidates").size["width"]
        self.assertGreaterEqual(chart, table - 2, "the chart is as wide as the tables")
        self.driver.execute_script("document.getElementById('verdict').scrollIntoView()")
        self.shot("10-trace")
        # Printed, it is a report: no navigation or form, the banners and the verdict kept.
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, "header.top").is_displayed())
            self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, "form.trace").is_displayed())
            self.assertTrue(self.driver.find_element(By.ID, "verdict").is_displayed())
            self.assertIn("Trace report", self.driver.find_element(By.CSS_SELECTOR, ".report-meta").text)
            self.driver.execute_script("window.scrollTo(0, 0)")
            self.driver.save_screenshot(os.path.join(SHOTS, "11-trace-printed.png"))
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def test_4_audit(self):
        self.sign_in("sam")
        self.open("/audit")
        self.assertIn("chain intact", self.text("audit-status"))
        self.assertIn("trace", self.text("audit-log"))
        self.assertEqual(self.driver.find_element(By.ID, "audit-since").get_attribute("type"), "date")
        self.assertIn("format=csv", self.driver.find_element(By.ID, "export-csv").get_attribute("href"))
        time_cell = self.driver.find_element(By.CSS_SELECTOR, "#audit-log tbody td.nowrap")
        self.assertEqual(time_cell.value_of_css_property("white-space"), "nowrap")
        self.shot("12-audit")

    def test_5_people_account_keyboard(self):
        self.sign_in("admin")
        self.open("/admin/users")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, 'input[name="roleChoices[]"]'))
        self.shot("13-people")
        self.open("/account")
        self.shot("14-account")
        # The keyboard: the first Tab reaches the skip link, which leads to the main content; the
        # current page is marked in the menu.
        self.open("/inbox")
        ActionChains(self.driver).send_keys(Keys.TAB).perform()
        focused = self.driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("class"), "skip-link")
        self.assertTrue(focused.is_displayed())
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, 'nav a[aria-current="page"]').text, "Inbox")

    def test_6_inbox_boxes(self):
        self.sign_in("anne")
        self.open("/inbox")
        self.click(self.driver.find_element(By.LINK_TEXT, "Drafts"))
        self.assertIn("Drafts:", self.text_once_shown("inbox-count", "Drafts"))
        self.assertIn("INDUS WATERS", self.text("inbox"))
        Select(self.driver.find_element(By.ID, "filter-class")).select_by_value("CONFIDENTIAL")
        self.click(self.driver.find_element(By.ID, "filter-button"))
        self.assertIn("matching the filters", self.text_once_shown("inbox-count", "matching"))
        self.shot("15-inbox-drafts")


if __name__ == "__main__":
    runner = unittest.main(argv=[sys.argv[0], "-v"], exit=False)
    sys.exit(0 if runner.result.wasSuccessful() else 1)
