"""Validates the OpenAPI document a running server serves (openapi-spec-validator), then calls
every operation it describes twice: once with valid input, as the person it is for, which must
answer 2xx with a body that matches the documented schema; and once with empty or wrong input,
which must answer one of the documented statuses (an RFC 9457 problem), never "no route".

Usage: python3 Tests/EndToEnd/openapi_test.py [path/to/pouch]
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

import jsonschema
from openapi_spec_validator import validate

from server import DemoServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch")


def call(url, method="GET", body=None, token=None):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body is not None else None)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers.get("Content-Type", ""), reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def inline(node, document):
    """The schema with every local $ref replaced by what it points to."""
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/"):
            target = document
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            return inline(target, document)
        return {key: inline(value, document) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(value, document) for value in node]
    return node


DRAFT = """From: AMEMBASSY ISLAMABAD
To: SECSTATE WASHDC IMMEDIATE
Classification: SECRET//NOFORN
Tags: PREL, PGOV, PK
Subject: THE OPENAPI TEST'S DRAFT
Classified By: Ambassador Anne Palmer
Reasons: 1.4 (b), (d)

(C) Summary: The Foreign Secretary told the Ambassador that the talks would resume in the spring.

(S/NF) He said the army agreed with the plan and would not object to a second round in Lahore.
"""


def valid_calls(server, document, failures):
    """Calls every documented operation once with valid input; returns the operations called."""
    called = set()
    tokens = {}

    def token(user):
        if user not in tokens:
            status, _, text = call(server.url + "/api/tokens", "POST", {"user": user, "password": f"{user}-pouch-demo", "label": "openapi-test"})
            tokens[user] = json.loads(text)["token"]
        return tokens[user]

    def expect(method, path, concrete, user=None, body=None):
        """One valid call: a 2xx that the documented schema for that status accepts."""
        status, content_type, text = call(server.url + concrete, method, body, token(user) if user else None)
        operation = document["paths"][path][method.lower()]
        response = operation["responses"].get(str(status))
        ok = 200 <= status < 300 and response is not None
        problem = ""
        if ok and "application/json" in content_type:
            schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
            if schema is not None:
                try:
                    jsonschema.validate(json.loads(text), inline(schema, document))
                except jsonschema.ValidationError as error:
                    ok, problem = False, f"; the body does not match the documented schema: {error.message}"
        print(f"{'ok  ' if ok else 'FAIL'} {method:6} {concrete} as {user or 'nobody'}: {status}{problem}")
        if not ok:
            failures.append(f"valid {method} {path}: {status}{problem} {text[:300]}")
        called.add((method.lower(), path))
        return json.loads(text) if "json" in content_type and text else text

    expect("GET", "/healthz", "/healthz")
    expect("GET", "/metrics", "/metrics")
    expect("GET", "/openapi.json", "/openapi.json")
    expect("POST", "/api/tokens", "/api/tokens", body={"user": "dev", "password": "dev-pouch-demo", "label": "laptop", "days": 30})
    expect("GET", "/api/me", "/api/me", "bea")
    inbox = expect("GET", "/api/cables", "/api/cables?limit=10&offset=0", "bea")
    sent = inbox["cables"][0]["referenceID"]
    copy = expect("GET", "/api/cables/{id}", f"/api/cables/{sent}", "bea")
    draft = expect("POST", "/api/drafts", "/api/drafts", "anne", {"text": DRAFT})
    expect("POST", "/api/cables/{id}/send", f"/api/cables/{draft['referenceID']}/send", "anne", {"to": ["sam"], "lists": ["south-asia"]})
    expect("GET", "/api/search", "/api/search?q=" + urllib.parse.quote("talks year:2000-2030") + "&limit=5&sort=date", "bea")
    traced = expect("POST", "/api/trace", "/api/trace", "sam", {"leaks": [copy["text"]], "maxFalseAccusation": 1e-6})
    if traced.get("cables") != [sent]:
        failures.append(f"tracing bea's whole copy of {sent} gave the sources {traced.get('cables')}")
    expect("GET", "/api/audit", "/api/audit?user=bea&limit=20", "sam")
    expect("GET", "/api/audit/verify", "/api/audit/verify", "sam")
    expect("GET", "/api/users", "/api/users", "admin")
    expect("POST", "/api/users", "/api/users", "admin",
           {"id": "olga", "name": "Olga Berg", "post": "KABUL", "clearance": "secret", "caveats": ["NOFORN"], "roles": ["reader"],
            "password": "olga-pouch-demo"})
    expect("GET", "/api/lists", "/api/lists", "admin")
    expect("POST", "/api/lists/{name}", "/api/lists/south-asia", "admin", {"members": ["olga"]})
    token("olga")
    expect("GET", "/api/users/{user}/tokens", "/api/users/olga/tokens", "admin")
    expect("DELETE", "/api/users/{user}/tokens", "/api/users/olga/tokens?label=openapi-test", "admin")
    moved = expect("PATCH", "/api/users/{user}", "/api/users/olga", "admin", {"post": "ISLAMABAD", "clearance": "confidential", "caveats": []})
    if (moved.get("post"), moved.get("clearance"), moved.get("caveats")) != ("ISLAMABAD", "CONFIDENTIAL", []):
        failures.append(f"PATCH /api/users/olga did not move her: {moved}")
    expect("POST", "/api/users/{user}/disable", "/api/users/olga/disable", "admin")
    expect("POST", "/api/users/{user}/enable", "/api/users/olga/enable", "admin")
    return called


def main():
    failures = []
    with DemoServer(BINARY) as server:
        status, _, text = call(server.url + "/openapi.json")
        document = json.loads(text)
        validate(document)
        print(f"openapi.json: valid OpenAPI {document['openapi']}, {len(document['paths'])} paths")
        called = valid_calls(server, document, failures)
        for path, operations in document["paths"].items():
            for method in operations:
                if (method, path) not in called:
                    failures.append(f"{method.upper()} {path} is documented but this test never calls it with valid input")
        status, _, text = call(server.url + "/api/tokens", "POST", {"user": "admin", "password": "admin-pouch-demo"})
        token = json.loads(text)["token"]
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                concrete = path.replace("{id}", "26ISLAMABAD1").replace("{name}", "south-asia").replace("{user}", "bea")
                if method == "get" and "q" in [p["name"] for p in operation.get("parameters", [])]:
                    concrete += "?q=helicopters"
                body = {} if method == "post" else None
                status, content_type, text = call(server.url + concrete, method.upper(), body, token)
                documented = set(operation["responses"].keys())
                ok = str(status) in documented
                # A 404 must be the store's "no such …", never "no route".
                if status == 404 and "no such" not in text:
                    ok = False
                if status >= 400 and "problem+json" not in content_type and path.startswith("/api"):
                    ok = False
                print(f"{'ok  ' if ok else 'FAIL'} {method.upper():4} {concrete}: {status} (documented {sorted(documented)})")
                if not ok:
                    failures.append(f"{method} {path}: {status} {text[:200]}")
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
