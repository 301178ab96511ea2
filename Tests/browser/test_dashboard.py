"""Browser tests of the dashboard at /_fake/ui/: headless Chromium (Debian's chromium and chromium-driver) driven by
Selenium, against `mindsphere-fake serve --port 0` on the default scenario. Run by scripts/ui-test.sh.

Expected values are read from the fake's own APIs, never written down here; the plot is checked through the
dygraph object's data, not its pixels. With --screenshots DIR the tests save PNGs of the page there.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY = os.environ.get("MINDSPHERE_FAKE_BIN", ".build/debug/mindsphere-fake")
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
SCREENSHOTS = None
WAIT_SECONDS = 15


class Fake:
    """A `mindsphere-fake serve` on a free port; its base URL is read from the readiness line."""

    def __init__(self, env=None):
        self.process = subprocess.Popen([BINARY, "serve", "--port", "0", "--quiet"], stdout=subprocess.PIPE,
                                        env={**os.environ, **(env or {})}, text=True)
        line = self.process.stdout.readline().strip()
        prefix = "mindsphere-fake listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"no readiness line from {BINARY}: {line!r}")
        self.url = line[len(prefix):]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()

    def call(self, method, path, body=None, token=None):
        """(status, parsed JSON body) of one request."""
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                status, text = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        return status, (json.loads(text) if text else None)

    def token(self):
        status, body = self.call("POST", "/_fake/tokens")
        assert status == 200, body
        return body["access_token"]


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1300"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


class DashboardTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fake = Fake()
        try:
            cls.driver = browser()
        except Exception:
            cls.fake.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.fake.stop()

    def setUp(self):
        status, _ = self.fake.call("POST", "/_fake/reset")
        self.assertEqual(status, 200)
        self.driver.get(self.fake.url + "/_fake/ui/")
        self.wait_until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tree .node-name")) > 0, "the tree to load")

    def wait_until(self, condition, what):
        return WebDriverWait(self.driver, WAIT_SECONDS).until(condition, f"waited for {what}")

    def js(self, script):
        return self.driver.execute_script(script)

    def screenshot(self, name):
        if SCREENSHOTS:
            self.driver.save_screenshot(os.path.join(SCREENSHOTS, name))

    def journal_statuses(self):
        # Read in one script: the live view replaces its entries every second, so element handles go stale.
        return self.js("return [...document.querySelectorAll('#journal-list li')].map(li => li.dataset.status)")

    def node(self, name):
        return next(n for n in self.driver.find_elements(By.CSS_SELECTOR, "#tree .node-name") if n.text == name)

    def test_tree_showsTheSeedsFourAssets(self):
        _, tree = self.fake.call("GET", "/_fake/assets")
        expected = set()
        stack = [tree["tenants"][0]["root"]]
        while stack:
            node = stack.pop()
            expected.add(node["name"])
            stack.extend(node["children"])
        shown = {n.text for n in self.driver.find_elements(By.CSS_SELECTOR, "#tree .node-name")}
        self.assertEqual(len(shown), 4)
        self.assertEqual(shown, expected)
        self.assertIn("MobilePhone", shown)

    def test_mobilePhoneAcceleration_plotsTheFourSeedPoints(self):
        self.node("MobilePhone").click()
        self.wait_until(lambda d: d.execute_script("return !!(window.dashboard.chart && window.dashboard.chart.rawData_)"),
                        "the acceleration chart")
        self.assertEqual(self.driver.find_element(By.ID, "series-title").text, "acceleration")
        _, assets = self.fake.call("GET", "/_fake/assets")
        phone = next(c for c in assets["tenants"][0]["root"]["children"] if c["name"] == "MobilePhone")
        status, records = self.fake.call(
            "GET", f"/api/iottimeseries/v3/timeseries/{phone['assetId']}/acceleration?from=1970-01-01T00:00:00Z"
                   f"&to=2100-01-01T00:00:00Z&limit=100", token=self.fake.token())
        self.assertEqual(status, 200)
        self.assertEqual(len(records), 4)
        plotted = self.js("return window.dashboard.chart.rawData_")
        self.assertEqual(self.js("return window.dashboard.chart.getLabels()"), ["time", "x", "y", "z"])
        self.assertEqual([point[1:] for point in plotted], [[r["x"], r["y"], r["z"]] for r in records])
        times = self.js("return window.dashboard.records.map(r => Date.parse(r._time))")
        self.assertEqual([point[0] for point in plotted], times)
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#records tr")
        self.assertEqual(len(rows), 1 + len(records))

        # Follow live (on by default): a client's PUT shows up in the plot without touching the page.
        now = self.fake.call("GET", "/_fake/clock")[1]["now"]
        point = {"_time": now, "x": 1.5, "y": 2.5, "z": 3.5}
        status, body = self.fake.call("PUT", f"/api/iottimeseries/v3/timeseries/{phone['assetId']}/acceleration",
                                      body=[point], token=self.fake.token())
        self.assertIn(status, (200, 204), body)
        self.wait_until(lambda d: len(self.js("return window.dashboard.chart.rawData_")) == 5, "the new point in the plot")
        self.assertEqual(self.js("return window.dashboard.chart.rawData_")[-1][1:], [1.5, 2.5, 3.5])

    def test_faultAddedInTheForm_makesTheNextCall429_andShowsInTheJournal(self):
        self.node("machine").click()
        self.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, "#asset-facts"), "the asset detail")
        Select(self.driver.find_element(By.ID, "fault-method")).select_by_visible_text("GET")
        path = self.driver.find_element(By.ID, "fault-path")
        path.clear()
        path.send_keys("/api/assetmanagement/v3/assets")
        status_field = self.driver.find_element(By.ID, "fault-status")
        status_field.clear()
        status_field.send_keys("429")
        self.driver.find_element(By.ID, "fault-times").send_keys("1")
        self.driver.find_element(By.ID, "fault-add").click()
        self.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, "#fault-list li[data-fault-id]"), "the fault in the list")
        _, faults = self.fake.call("GET", "/_fake/faults")
        self.assertEqual(len(faults["faults"]), 1)
        self.assertEqual(faults["faults"][0]["status"], 429)
        token = self.fake.token()
        status, body = self.fake.call("GET", "/api/assetmanagement/v3/assets", token=token)
        self.assertEqual(status, 429, body)
        status, _ = self.fake.call("GET", "/api/assetmanagement/v3/assets", token=token)
        self.assertEqual(status, 200, "times: 1 lets the second call through")
        self.wait_until(lambda d: self.journal_statuses()[:2] == ["200", "429"], "both calls in the journal, newest first")
        # Live refresh off, so the entry stays the same element while it is opened and read.
        self.driver.find_element(By.ID, "journal-live").click()
        self.js("return refreshJournal()")
        entry = self.driver.find_element(By.CSS_SELECTOR, '#journal-list li[data-status="429"]')
        self.assertEqual(entry.get_attribute("data-path"), "/api/assetmanagement/v3/assets")
        entry.find_element(By.TAG_NAME, "summary").click()
        self.assertIn("Bearer ***", entry.text, "request headers shown, masked by the journal")
        self.assertIn("429", entry.text)
        self.assertNotIn(token, entry.text, "the token is masked")
        self.driver.find_element(By.ID, "journal-status").send_keys("429\n")
        self.wait_until(lambda d: self.journal_statuses() == ["429"], "the status filter")
        self.screenshot("dashboard-journal.png")
        self.driver.find_element(By.CSS_SELECTOR, "#fault-list .fault-remove").click()
        self.wait_until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#fault-list li[data-fault-id]"), "the fault removed")
        self.assertEqual(self.fake.call("GET", "/_fake/faults")[1]["faults"], [])

    def phone(self):
        _, assets = self.fake.call("GET", "/_fake/assets")
        return next(c for c in assets["tenants"][0]["root"]["children"] if c["name"] == "MobilePhone")

    def test_aggregates_showWhatTheAggregatesAPIComputes(self):
        self.node("MobilePhone").click()
        self.wait_until(lambda d: d.execute_script("return !!(window.dashboard.chart && window.dashboard.chart.rawData_)"),
                        "the acceleration chart")
        frm = self.driver.find_element(By.ID, "series-from").get_attribute("value")
        to = self.driver.find_element(By.ID, "series-to").get_attribute("value")
        Select(self.driver.find_element(By.ID, "aggregates-unit")).select_by_visible_text("day")
        self.driver.find_element(By.ID, "aggregates-show").click()
        self.wait_until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#aggregates-table tr")) > 1, "the aggregates table")
        query = urllib.parse.urlencode({"assetId": self.phone()["assetId"], "aspectName": "acceleration", "from": frm, "to": to,
                                        "intervalUnit": "day", "intervalValue": "1"})
        status, body = self.fake.call("GET", "/api/iottsaggregates/v4/aggregates?" + query, token=self.fake.token())
        self.assertEqual(status, 200, body)
        self.assertGreater(len(body["aggregates"]), 0)
        rows = self.js("return [...document.querySelectorAll('#aggregates-table tr')].slice(1).map(r => [...r.cells].map(c => c.textContent))")
        self.assertEqual([row[:2] for row in rows], [[a["starttime"], a["endtime"]] for a in body["aggregates"]])
        first = body["aggregates"][0]["x"]
        self.assertTrue(rows[0][2].startswith(str(round(first["average"] * 1000) / 1000).rstrip("0").rstrip(".")), rows[0])
        self.screenshot("dashboard-series.png")

    def test_fileAssignedToAnAsset_showsInItsDetail(self):
        token = self.fake.token()
        boundary = "dashboard-test-boundary"
        form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"manual.txt\"\r\n"
                f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
                f"manual\r\n--{boundary}--\r\n").encode()
        request = urllib.request.Request(self.fake.url + "/api/assetmanagement/v3/files", data=form, method="POST", headers={
            "Authorization": "Bearer " + token, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request) as response:
            file_id = json.loads(response.read())["id"]
        phone = self.phone()
        status, asset = self.fake.call("GET", f"/api/assetmanagement/v3/assets/{phone['assetId']}", token=token)
        self.assertEqual(status, 200)
        request = urllib.request.Request(
            self.fake.url + f"/api/assetmanagement/v3/assets/{phone['assetId']}/fileAssignments/manual",
            data=json.dumps({"fileId": file_id}).encode(), method="PUT",
            headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "If-Match": str(asset["etag"])})
        with urllib.request.urlopen(request) as response:
            self.assertEqual(response.status, 200)
        self.node("MobilePhone").click()
        self.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, "#asset-files tr"), "the file assignments")
        rows = self.js("return [...document.querySelectorAll('#asset-files tr')].slice(1).map(r => [...r.cells].map(c => c.textContent))")
        self.assertEqual(rows, [["manual", file_id, "this asset"]])

    def test_clockButtons_moveTheClock(self):
        self.driver.find_element(By.ID, "clock-freeze").click()
        self.wait_until(lambda d: d.find_element(By.ID, "clock-state").text == "frozen", "the frozen clock")
        before = self.fake.call("GET", "/_fake/clock")[1]
        self.assertTrue(before["frozen"])
        self.driver.find_element(By.ID, "clock-advance-hour").click()
        expected = before["epochMilliseconds"] + 3_600_000
        self.wait_until(lambda d: d.find_element(By.ID, "clock-now").get_attribute("data-epoch-milliseconds") == str(expected),
                        "the clock an hour on")
        self.assertEqual(self.fake.call("GET", "/_fake/clock")[1]["epochMilliseconds"], expected)
        self.driver.find_element(By.ID, "clock-set-value").send_keys("2030-01-02T03:04:05Z")
        self.driver.find_element(By.ID, "clock-set").click()
        self.wait_until(lambda d: d.find_element(By.ID, "clock-now").text == "2030-01-02T03:04:05.000Z", "the clock set")
        self.assertEqual(self.fake.call("GET", "/_fake/clock")[1]["now"], "2030-01-02T03:04:05.000Z")
        self.driver.find_element(By.ID, "clock-run").click()
        self.wait_until(lambda d: d.find_element(By.ID, "clock-state").text == "running", "the running clock")
        self.assertFalse(self.fake.call("GET", "/_fake/clock")[1]["frozen"])


class MissingLibraryTests(unittest.TestCase):
    def test_withoutDygraphs_thePageNamesThePackage(self):
        with tempfile.TemporaryDirectory() as empty:
            fake = Fake(env={"MINDSPHERE_FAKE_DYGRAPHS_DIR": empty})
            driver = None
            try:
                driver = browser()
                driver.get(fake.url + "/_fake/ui/")
                banner = WebDriverWait(driver, WAIT_SECONDS).until(
                    lambda d: d.find_element(By.ID, "library-missing") if d.find_element(By.ID, "library-missing").is_displayed() else None,
                    "waited for the missing-library message")
                self.assertIn("libjs-dygraphs", banner.text)
                WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tree .node-name")) == 4,
                                                          "waited for the tree without the library")
            finally:
                if driver:
                    driver.quit()
                fake.stop()


def main():
    global SCREENSHOTS
    arguments = sys.argv[1:]
    if arguments[:1] == ["--screenshots"]:
        SCREENSHOTS = arguments[1]
        os.makedirs(SCREENSHOTS, exist_ok=True)
        arguments = arguments[2:]
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a browser or driver of its own
    result = unittest.main(argv=[sys.argv[0], "-v", *arguments], exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"browser: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed")
    sys.exit(1 if failed or result.testsRun == 0 else 0)


if __name__ == "__main__":
    main()
