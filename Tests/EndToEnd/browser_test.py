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
from selenium.webdriver.common.by import By
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
            self.driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
            WebDriverWait(self.driver, 15).until(lambda driver: "/login" in driver.current_url)
            self.open("/login")
        self.driver.find_element(By.ID, "user").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(f"{user}-pouch-demo")
        self.driver.find_element(By.ID, "sign-in").click()
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

    def test_1_draft_send_read(self):
        self.open("/login")
        self.shot("01-sign-in")
        self.sign_in("anne")
        self.wait_for_url("/inbox")
        self.shot("02-inbox")

        # A SECRET cable whose paragraph has no portion mark: the error is shown next to the text.
        self.open("/drafts/new")
        fields = {"field-to": "SECSTATE WASHDC IMMEDIATE", "field-classification": "SECRET//NOFORN",
                  "field-tags": "PREL, PK", "field-subject": "BROWSER DRAFT ON THE CABINET"}
        for field_id, value in fields.items():
            element = self.driver.find_element(By.ID, field_id)
            element.clear()
            element.send_keys(value)
        body = self.driver.find_element(By.ID, "field-body")
        body.send_keys("The Prime Minister said that the cabinet would change after the budget.")
        self.driver.find_element(By.ID, "save-draft").click()
        problems = self.driver.find_elements(By.CSS_SELECTOR, 'p.problem.error[data-field="body"]')
        self.assertTrue(problems, "the lint error is shown under the paragraphs field")
        self.assertTrue(self.driver.find_element(By.ID, "draft-errors").is_displayed())
        self.shot("03-draft-lint-error")

        body = self.driver.find_element(By.ID, "field-body")
        body.clear()
        body.send_keys("(S/NF) The Prime Minister said that the cabinet would change after the budget.")
        self.driver.find_element(By.ID, "save-draft").click()
        self.wait_for_url("/cables/")
        reference = self.text("refid")
        self.shot("04-draft-saved")

        self.driver.find_element(By.ID, "send-to").send_keys("bea, sam")
        self.driver.find_element(By.ID, "send-lists").send_keys("south-asia")
        self.driver.find_element(By.ID, "send-button").click()
        self.assertIn("Sent: 4 new copies", self.text("notice"))
        self.shot("05-sent")

        self.sign_in("bea")
        self.open("/cables/" + reference)
        top, bottom = self.driver.find_element(By.ID, "banner-top"), self.driver.find_element(By.ID, "banner-bottom")
        self.assertEqual(top.text, "SECRET//NOFORN")
        self.assertEqual(bottom.text, "SECRET//NOFORN")
        self.assertIn("banner-secret", top.get_attribute("class"))
        self.assertEqual(top.value_of_css_property("background-color"), "rgba(200, 16, 46, 1)")
        self.assertIn("(S/NF)", self.text("cable-body"))
        self.shot("06-read-with-banner")

        # A foreign national sees neither the cable nor a hint of it.
        self.sign_in("carl")
        self.open("/cables/" + reference)
        self.assertIn("404", self.driver.find_element(By.TAG_NAME, "h1").text)

    def test_2_search(self):
        self.sign_in("dora")
        self.open("/search")
        self.driver.find_element(By.ID, "q").send_keys("helicopters")
        self.driver.find_element(By.ID, "search-button").click()
        self.assertIn("2 result(s)", self.text("result-count"))
        marks = self.driver.find_elements(By.CSS_SELECTOR, ".snippet mark")
        self.assertTrue(marks and all(m.text.lower() == "helicopters" for m in marks))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".facets a"))
        self.shot("07-search")
        self.driver.find_element(By.LINK_TEXT, "2009").click()
        self.assertIn("1 result(s)", self.text("result-count"))

    def test_3_trace_leak(self):
        # Bea's copy of the demo cable leaks as the text on her screen.
        self.sign_in("bea")
        self.open("/inbox")
        self.driver.find_element(By.PARTIAL_LINK_TEXT, "26ISLAMABAD1").click()
        leak = self.text("cable-body")
        self.sign_in("sam")
        self.open("/trace")
        box = self.driver.find_element(By.ID, "leak")
        self.driver.execute_script("arguments[0].value = arguments[1];", box, leak)
        self.driver.find_element(By.ID, "trace-button").click()
        self.assertEqual(self.text("verdict-word"), "Identified")
        accused = self.driver.find_element(By.ID, "accused").text
        self.assertIn("bea", accused)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg.score-chart circle.accused"))
        self.driver.execute_script("document.getElementById('verdict').scrollIntoView()")
        self.shot("08-trace")

    def test_4_audit(self):
        self.sign_in("sam")
        self.open("/audit")
        self.assertIn("chain intact", self.text("audit-status"))
        self.assertIn("trace", self.text("audit-log"))
        self.shot("09-audit")


if __name__ == "__main__":
    runner = unittest.main(argv=[sys.argv[0], "-v"], exit=False)
    sys.exit(0 if runner.result.wasSuccessful() else 1)
