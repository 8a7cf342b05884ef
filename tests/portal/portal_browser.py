#!/usr/bin/python3
"""The public portal in a real browser (Debian's chromium, driven by chromedriver through python3-selenium).

Starts sunshine-server with the demo data on a throwaway SQLite store and a certificate made for the run, then,
as a villager would on a phone and on a desktop:
  - opens the home page and reads the announcements;
  - submits a complaint with a PDF attached and keeps its lookup code;
  - has the office and the department handle it through the staff API, the department's result carrying
    script and an <img onerror>, and looks it up by code: the result is shown as text, nothing runs, and the
    complainant's name is nowhere on the page;
  - pages through a village's payment list, every ID number masked, and reads the county's identification
    notices, every name masked;
  - finds no error in the browser console (a CSP violation is one).
Screenshots of each step at 360 and 1280 px go to the output folder (argv[2]) to be looked at.

Usage: portal_browser.py <sunshine-server binary> <output folder>. Exit 77 (skipped) when chromium,
chromedriver or selenium is missing.
"""
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("SKIP: python3-selenium is not installed")
    sys.exit(77)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    print("SKIP: chromium or chromedriver is not installed")
    sys.exit(77)

COUNTY = "320612000000"  # 通州区
DEMO_TOWN = "320612101000"  # its first town, where the demo keeps a village's books
OFFICE = COUNTY + "-poverty-office"
AGRICULTURE = COUNTY + "-agriculture"
XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">经核实已补发'
NAME = "钱晓梅"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder):
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


class Api:
    def __init__(self, base):
        self.base = base
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE

    def call(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=30) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def login(self, username):
        status, body = self.call("POST", "/api/v1/auth/login", {"username": username, "password": "Demo@2026"})
        assert status == 200, body
        return body["token"]

    def complaint(self, token, code):
        after = ""
        while True:
            status, page = self.call("GET", f"/api/v1/records?type=complaint&limit=200{after}", token=token)
            assert status == 200, page
            for r in page.get("records", []):
                if r["fields"].get("lookupCode") == code:
                    return r
            if not page.get("next"):
                raise AssertionError("complaint not found by its code")
            after = "&after=" + page["next"]

    def step(self, username, code, step):
        token = self.login(username)
        record = self.complaint(token, code)
        steps = record["fields"].get("steps", []) + [dict(step, person="经办人")]
        op = {"opId": f"browser-{code}-{len(steps)}", "recordId": record["id"], "type": "complaint",
              "orgUnitId": record["orgUnitId"], "departmentId": OFFICE, "kind": "upsert",
              "baseVersion": record["version"], "changedFields": {"steps": steps},
              "deviceTime": int(time.time() * 1000)}
        status, body = self.call("POST", "/api/v1/sync/push",
                                 {"deviceNow": int(time.time() * 1000), "operations": [op]}, token)
        assert status == 200 and body["results"][0]["status"] == "applied", (status, body)


def browser(width):
    o = Options()
    o.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,1100", "--ignore-certificate-errors", "--lang=zh-CN"]:
        o.add_argument(a)
    if width < 500:  # a phone: the window itself cannot be that narrow, the emulated screen can
        o.add_experimental_option("mobileEmulation",
                                  {"deviceMetrics": {"width": width, "height": 780, "pixelRatio": 2.0}})
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)


def console_errors(d):
    # Script errors and policy violations; an answer of 404 to a wrong lookup code is the page working.
    return [e for e in d.get_log("browser") if e["level"] == "SEVERE" and e.get("source") != "network"]


def main():
    server_bin, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="portal-browser-")
    cert, key = make_certificate(work)
    port = free_port()
    base = f"https://127.0.0.1:{port}"
    log = open(os.path.join(out, "server.log"), "w")
    server = subprocess.Popen([server_bin, "--listen", f"127.0.0.1:{port}", "--database",
                               f"sqlite:{work}/store.db", "--data-dir", work, "--tls-cert", cert,
                               "--tls-key", key, "--demo", "--quiet", "--public-rate", "600"],
                              stdout=log, stderr=subprocess.STDOUT)
    api = Api(base)
    try:
        for _ in range(240):
            try:
                if api.call("GET", "/api/v1/health")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                raise AssertionError("the server stopped; see server.log")
            time.sleep(0.5)
        else:
            raise AssertionError("the server did not start")

        # A village of 通州区 with more than a page of payments.
        status, towns = api.call("GET", f"/api/v1/public/places?parent={COUNTY}")
        village = town = None
        for t in towns["places"]:
            status, villages = api.call("GET", f"/api/v1/public/places?parent={t['id']}")
            for v in villages["places"]:
                status, page = api.call("GET", f"/api/v1/public/lists/payments?place={v['id']}")
                if status == 200 and page["total"] > 20:
                    town, village = t["id"], v["id"]
                    break
            if village:
                break
        assert village, "no demo village with more than 20 payments"

        pdf = os.path.join(work, "凭证.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

        code = None
        for width, name in ((360, "phone"), (1280, "desktop")):
            d = browser(width)
            wait = WebDriverWait(d, 20)
            try:
                d.get(base + "/")
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#announcements article")) >= 1)
                assert "阳光扶贫" in d.title
                # Nothing wider than the screen on a phone.
                assert d.execute_script("return window.innerWidth") == width
                assert d.execute_script("return document.documentElement.scrollWidth") <= width
                d.save_screenshot(os.path.join(out, f"home-{name}.png"))

                # The complaint form, with a file.
                d.find_element(By.CSS_SELECTOR, "a[data-tab=complaint]").click()
                wait.until(EC.visibility_of_element_located((By.ID, "c-subject")))
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#c-unit option")) > 2)
                d.find_element(By.ID, "c-name").send_keys(NAME)
                d.find_element(By.ID, "c-phone").send_keys("13962805678")
                Select(d.find_element(By.ID, "c-unit")).select_by_value(COUNTY)
                Select(d.find_element(By.ID, "c-category")).select_by_value("funds")
                d.find_element(By.ID, "c-subject").send_keys("补贴少发")
                d.find_element(By.ID, "c-content").send_keys("我家的补贴少发了。" + XSS)
                d.find_element(By.ID, "c-files").send_keys(pdf)
                d.save_screenshot(os.path.join(out, f"complaint-{name}.png"))
                d.find_element(By.ID, "complaint-submit").click()
                wait.until(EC.visibility_of_element_located((By.ID, "complaint-done")))
                shown = d.find_element(By.ID, "complaint-code").text
                assert re.fullmatch(r"TS[2-9A-HJ-NP-Z]{8}", shown), shown
                d.save_screenshot(os.path.join(out, f"complaint-done-{name}.png"))
                if code is None:
                    code = shown
                    # The office takes it in and assigns it; the department answers with markup in its result.
                    api.step("county-reviewer", code, {"action": "accept"})
                    api.step("county-reviewer", code, {"action": "assign", "department": AGRICULTURE})
                    api.step("county-clerk", code, {"action": "reply", "note": "已收到。"})
                    api.step("county-clerk", code, {"action": "conclude", "note": XSS})
                    api.step("county-reviewer", code, {"action": "approve"})
                    api.step("county-reviewer", code, {"action": "feedback", "note": "已补发，请查收。"})

                # The lookup shows the result as text; nothing in it runs.
                d.find_element(By.CSS_SELECTOR, "a[data-tab=lookup]").click()
                field = wait.until(EC.visibility_of_element_located((By.ID, "lookup-code")))
                field.clear()
                field.send_keys(code.lower())
                d.find_element(By.CSS_SELECTOR, "#lookup-form button").click()
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#lookup-result dl"))
                result = d.find_element(By.ID, "lookup-result").text
                assert "已反馈" in result and "<script>" in result and "onerror" in result, result
                assert d.execute_script("return window.__pwned") is None
                assert not d.find_elements(By.CSS_SELECTOR, "#lookup-result img, #lookup-result script")
                assert NAME not in d.page_source and "13962805678" not in d.page_source
                d.save_screenshot(os.path.join(out, f"lookup-{name}.png"))
                # A wrong code is told so.
                field.clear()
                field.send_keys("TS22222222")
                d.find_element(By.CSS_SELECTOR, "#lookup-form button").click()
                wait.until(lambda d: "没有查到" in d.find_element(By.ID, "lookup-error").text)

                # A village's payments, page by page, masked.
                d.find_element(By.CSS_SELECTOR, "a[data-tab=lists]").click()
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#list-name option[value=payments]"))
                Select(d.find_element(By.ID, "list-name")).select_by_value("payments")
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#place-county option")) > 1)
                Select(d.find_element(By.ID, "place-county")).select_by_value(COUNTY)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#place-town option[value='{town}']"))
                Select(d.find_element(By.ID, "place-town")).select_by_value(town)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#place-village option[value='{village}']"))
                Select(d.find_element(By.ID, "place-village")).select_by_value(village)
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list-table tbody tr")) == 20)
                d.save_screenshot(os.path.join(out, f"payments-{name}.png"))
                pages = d.find_element(By.ID, "list-pager").text
                next_button = [b for b in d.find_elements(By.CSS_SELECTOR, "#list-pager button") if b.text == "下一页"][0]
                next_button.click()
                wait.until(lambda d: "第 2 /" in d.find_element(By.ID, "list-pager").text)
                headers = [h.text for h in d.find_elements(By.CSS_SELECTOR, "#list-table thead th")]
                id_col = headers.index("身份证号")
                for row in d.find_elements(By.CSS_SELECTOR, "#list-table tbody tr"):
                    cell = row.find_elements(By.TAG_NAME, "td")[id_col].text
                    assert cell == "" or re.fullmatch(r"\d{6}\*{8}[\dX]{4}", cell), cell
                assert not re.search(r"\d{17}[\dX]", d.page_source)
                assert pages.startswith("上一页") or "第 1 /" in pages

                # The identification notices being held in the county, names masked.
                Select(d.find_element(By.ID, "list-name")).select_by_value("notices")
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#place-county option")) > 1)
                Select(d.find_element(By.ID, "place-county")).select_by_value(COUNTY)
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list-table tbody tr")) >= 1)
                headers = [h.text for h in d.find_elements(By.CSS_SELECTOR, "#list-table thead th")]
                who = headers.index("申请人")
                for row in d.find_elements(By.CSS_SELECTOR, "#list-table tbody tr"):
                    name_cell = row.find_elements(By.TAG_NAME, "td")[who].text
                    assert "*" in name_cell, name_cell
                d.save_screenshot(os.path.join(out, f"notices-{name}.png"))

                # The trading centre's results and notices in the county, and the towns' posted village
                # finances: public, without an ID number anywhere.
                for listing in ("trade-deals", "trade-listings", "disclosures"):
                    Select(d.find_element(By.ID, "list-name")).select_by_value(listing)
                    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#place-county option")) > 1)
                    Select(d.find_element(By.ID, "place-county")).select_by_value(COUNTY)
                    if listing == "disclosures":
                        first_town = DEMO_TOWN
                        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#place-town option[value='{first_town}']"))
                        Select(d.find_element(By.ID, "place-town")).select_by_value(first_town)
                    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list-table tbody tr")) >= 1)
                    assert not re.search(r"\d{17}[\dX]", d.page_source)
                    d.save_screenshot(os.path.join(out, f"{listing}-{name}.png"))

                # Policies.
                d.find_element(By.CSS_SELECTOR, "a[data-tab=policies]").click()
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#policy-list article"))
                d.save_screenshot(os.path.join(out, f"policies-{name}.png"))

                errors = console_errors(d)
                assert not errors, errors
                # The policy itself: an inline script put into the page does not run, and the browser says so.
                d.execute_script("const s = document.createElement('script');"
                                 "s.textContent = 'window.__inline = 1'; document.body.append(s);")
                time.sleep(0.5)
                assert d.execute_script("return window.__inline") is None
                assert any("Content Security Policy" in e["message"] for e in d.get_log("browser")), \
                    "no CSP report for an inline script"
            finally:
                d.quit()
        print("portal in the browser: home, complaint with attachment, lookup, payments, policies at 360 and 1280 px")
        return 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
