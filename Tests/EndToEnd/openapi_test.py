"""Validates the OpenAPI document a running server serves (openapi-spec-validator), and checks
every operation it describes answers as described: no documented path is unrouted.

Usage: python3 Tests/EndToEnd/openapi_test.py [path/to/pouch]
"""
import json
import os
import sys
import urllib.error
import urllib.request

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


def main():
    failures = []
    with DemoServer(BINARY) as server:
        status, _, text = call(server.url + "/openapi.json")
        document = json.loads(text)
        validate(document)
        print(f"openapi.json: valid OpenAPI {document['openapi']}, {len(document['paths'])} paths")
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
