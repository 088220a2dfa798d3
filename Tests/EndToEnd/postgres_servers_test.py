"""Two `pouch serve` processes over one PostgreSQL database, as docs/operations.md deploys them.

Server A makes the demo store in a new database (`serve --demo --database URL`); server B starts
from a copy of A's signed audit head and the demo key file. A token issued by A works on B, a
browser session signed in on A is signed in on B, a cable drafted and sent through B is read
through A, a third start with an empty --store is refused rather than making a second store, and A
started again opens the demo store it made rather than making another.
Skipped without $POUCH_TEST_POSTGRES (scripts/test sets it).

Usage: python3 Tests/EndToEnd/postgres_servers_test.py [path/to/pouch]
"""
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from server import DemoServer, free_port

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch")
DRAFT = """From: AMEMBASSY ISLAMABAD
To: SECSTATE WASHDC ROUTINE
Classification: CONFIDENTIAL
Tags: PREL, PK
Subject: TWO SERVERS, ONE DATABASE
Classified By: Ambassador Anne W. Palmer
Reasons: 1.4 (b), (d)

(C) The Foreign Secretary told the Ambassador that the border talks would resume next week.
"""


def call(url, path, token=None, body=None, opener=None):
    """Status and decoded body of a request (JSON when the answer is JSON)."""
    request = urllib.request.Request(url + path, data=json.dumps(body).encode() if body is not None else None, method="POST" if body is not None else "GET")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as reply:
            text = reply.read().decode()
            return reply.status, json.loads(text) if reply.headers.get_content_type() == "application/json" else text
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def main():
    server_url = os.environ.get("POUCH_TEST_POSTGRES")
    if not server_url:
        print("skip two servers over PostgreSQL: POUCH_TEST_POSTGRES is not set (scripts/test sets it)")
        return 0
    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    name = "pouch_servers_" + os.urandom(6).hex()
    subprocess.run(["psql", server_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    base, _, query = server_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + (("?" + query) if query else "")
    folder = tempfile.mkdtemp(prefix="pouch-servers-")
    try:
        head_a, head_b = os.path.join(folder, "a"), os.path.join(folder, "b")
        with DemoServer(BINARY, ["--database", url], store=head_a) as a:
            check("created a demo store in postgres://" in a.output() and "demo-master.key" in os.listdir(head_a),
                  "serve --demo --database makes the demo store in PostgreSQL, its key and audit head in --store")
            os.makedirs(head_b, mode=0o700)
            shutil.copy(os.path.join(head_a, "audit-head"), head_b)
            with DemoServer(BINARY, ["--database", url, "--store-key", os.path.join(head_a, "demo-master.key")], demo=False, store=head_b) as b:
                status, body = call(a.url, "/api/tokens", body={"user": "bea", "password": "bea-pouch-demo"})
                bea = body["token"] if status == 201 else None
                status, body = call(b.url, "/api/me", token=bea)
                check(status == 200 and body.get("id") == "bea", f"a token issued by server A is accepted by server B ({status})")

                jar = http.cookiejar.CookieJar()
                browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
                _, page = call(a.url, "/login", opener=browser)
                csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
                form = urllib.parse.urlencode({"csrf": csrf, "user": "bea", "password": "bea-pouch-demo"}).encode()
                browser.open(urllib.request.Request(a.url + "/login", data=form), timeout=30).read()
                session = next(cookie.value for cookie in jar if cookie.name == "pouch_session")
                request = urllib.request.Request(b.url + "/inbox", headers={"Cookie": "pouch_session=" + session})
                with urllib.request.build_opener().open(request, timeout=30) as reply:
                    inbox = reply.read().decode()
                check("Sign out" in inbox or "sign out" in inbox.lower(), "a browser session signed in on server A is signed in on server B")

                status, body = call(b.url, "/api/tokens", body={"user": "anne", "password": "anne-pouch-demo"})
                anne = body["token"]
                status, body = call(b.url, "/api/drafts", token=anne, body={"text": DRAFT})
                reference = body.get("referenceID") if status == 201 else None
                status, _ = call(b.url, f"/api/cables/{reference}/send", token=anne, body={"to": ["bea"]})
                check(status == 200, f"anne drafts and sends through server B ({status})")
                status, body = call(a.url, f"/api/cables/{reference}", token=bea)
                check(status == 200 and "TWO SERVERS, ONE DATABASE" in body.get("text", ""), f"bea reads it through server A ({status})")
        # The database holds a store; a --store folder without its audit head must not make another.
        empty = os.path.join(folder, "empty")
        refused = subprocess.run([BINARY, "serve", "--demo", "--database", url, "--store", empty, "--port", str(free_port())],
                                 capture_output=True, text=True, timeout=120)
        check(refused.returncode != 0 and "already" in refused.stderr and not os.path.exists(os.path.join(empty, "demo-master.key")),
              f"serve --demo --database over a database that holds a store, with an empty --store, is refused "
              f"and leaves no key ({refused.returncode}: {refused.stderr.strip()[:160]})")
        with DemoServer(BINARY, ["--database", url], store=head_a) as again:
            check("created a demo store" not in again.output() and "Demo sign-ins" in again.output(),
                  "serve --demo --database started again opens the demo store it made")
            status, body = call(again.url, f"/api/cables/{reference}", token=bea)
            check(status == 200, f"and what was sent through server B is there ({status})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["psql", server_url, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
    print(f"{len(failures)} failure(s)" if failures else "two servers over PostgreSQL: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
