#!/usr/bin/env python3
"""Screenshots of the web UI for the documentation, taken from a running local federation.

Usage: start the federation (scripts/start.sh), then
    tools/screenshots/take.py http://127.0.0.1:8081 docs/screenshots [http://127.0.0.1:8080]

The third argument, the hub's web UI, adds the hub's pages.

Drives Debian's chromedriver over WebDriver with the standard library only; logs in as the
demo accounts (password "ncen demo passphrase").
"""

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

PASSWORD = "ncen demo passphrase"


def call(driver, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(driver + path, data=data, method=method,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["value"]


def main():
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    hub = sys.argv[3].rstrip("/") if len(sys.argv) > 3 else None
    os.makedirs(out, exist_ok=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    driver = subprocess.Popen([os.environ.get("NCEN_CHROMEDRIVER", "/usr/bin/chromedriver"), f"--port={port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        profile = tempfile.mkdtemp()
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": os.environ.get("NCEN_CHROMIUM", "/usr/bin/chromium"),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--no-first-run", "--window-size=1280,1000",
                     "--lang=en-US", f"--user-data-dir={profile}"]}}}}
        session = call(url, "POST", "/session", caps)["sessionId"]
        s = f"{url}/session/{session}"

        def go(path, at=None):
            call(s, "POST", "/url", {"url": (at or base) + path})

        def find(css):
            element = call(s, "POST", "/element", {"using": "css selector", "value": css})
            return next(iter(element.values()))

        def login(user, at=None):
            go("/login", at)
            call(s, "POST", f"/element/{find('#username')}/value", {"text": user})
            call(s, "POST", f"/element/{find('#password')}/value", {"text": PASSWORD})
            call(s, "POST", f"/element/{find('#login-submit')}/click", {})
            time.sleep(0.5)

        def shot(name):
            time.sleep(0.3)
            png = base64.b64decode(call(s, "GET", "/screenshot"))
            with open(os.path.join(out, name + ".png"), "wb") as f:
                f.write(png)
            print(os.path.join(out, name + ".png"))

        login("admin")
        go("/")
        shot("dashboard")
        go("/agreements")
        shot("agreements")
        go("/peers")
        shot("peers")
        go("/audit")
        shot("audit")
        # Arabic for this session only: the picker sets a cookie and the account's choice.
        call(s, "POST", "/execute/sync", {"script":
             "const f=document.querySelector('.lang-picker');f.lang.value='ar';f.submit();", "args": []})
        time.sleep(0.8)
        go("/agreements")
        shot("agreements-ar")
        call(s, "POST", "/execute/sync", {"script":
             "const f=document.querySelector('.lang-picker');f.lang.value='en';f.submit();", "args": []})
        time.sleep(0.8)
        call(s, "POST", f"/element/{find('#logout')}/click", {})
        time.sleep(0.5)
        login("ncp")
        go("/users")
        shot("users")
        call(s, "POST", f"/element/{find('#logout')}/click", {})
        time.sleep(0.5)
        login("analyst")
        go("/search?q=port&kind=seizures")
        shot("search")
        go("/statistics?kind=seizures&commodity=DRUGS")
        shot("statistics")
        # The global CEN from this national node, through the hub.
        go("/global?q=container")
        shot("global-search")
        go("/global/statistics")
        shot("global-statistics")
        call(s, "POST", "/execute/sync", {"script":
             "for (const h of document.querySelectorAll('.stat-block h2'))"
             " { if (h.textContent.includes('By WCO region')) { h.scrollIntoView(); } }", "args": []})
        shot("global-regions")
        call(s, "POST", f"/element/{find('#logout')}/click", {})
        time.sleep(0.5)
        login("officer")
        go("/records/seizures/new")
        shot("seizure-form")
        call(s, "DELETE", "", None)
    finally:
        driver.kill()


if __name__ == "__main__":
    main()
