"""`pouch serve --tls-certificate --tls-key`: HTTPS only, the session cookie marked Secure,
Strict-Transport-Security sent, and a clear error for an unreadable key file.

Usage: python3 Tests/EndToEnd/tls_test.py [path/to/pouch]
"""
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from server import DemoServer, unverified

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch")


def main():
    work = tempfile.mkdtemp(prefix="pouch-tls-")
    cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    with DemoServer(BINARY, ["--tls-certificate", cert, "--tls-key", key], scheme="https") as server:
        with urllib.request.urlopen(server.url + "/login", context=unverified(), timeout=10) as reply:
            cookie = reply.headers.get("Set-Cookie", "")
            hsts = reply.headers.get("Strict-Transport-Security", "")
            assert reply.status == 200, reply.status
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie
        assert hsts.startswith("max-age="), hsts
        plain = server.url.replace("https://", "http://")
        try:
            urllib.request.urlopen(plain + "/login", timeout=5)
            raise AssertionError("plain HTTP was answered on the TLS port")
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        print(f"ok   HTTPS on {server.url}: Secure session cookie, HSTS {hsts}; plain HTTP refused")

    bad = subprocess.run([BINARY, "serve", "--demo", "--store", os.path.join(work, "store2"), "--port", "1",
                          "--tls-certificate", cert, "--tls-key", cert], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0, bad.returncode
    assert "not a readable PEM private key" in bad.stderr and cert in bad.stderr, bad.stderr
    assert "BEGIN" not in bad.stderr, "the error must not show the file's contents"
    print("ok   a certificate given as the key: exit", bad.returncode, "-", bad.stderr.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
