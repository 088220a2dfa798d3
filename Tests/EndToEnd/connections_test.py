"""`pouch serve` against idle, half-sent and too many connections, and what it prints.

Over the connection cap the server answers 503 at once; a request that does not arrive whole
within the read timeout (however slowly its bytes trickle in) has its connection closed; /healthz
keeps answering. The URL and demo sign-ins reach a log file at once, and a failed bind prints no
"listening" line.

Usage: python3 Tests/EndToEnd/connections_test.py [path/to/pouch]
"""
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from server import DemoServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch")
TIMEOUT = 2
CAP = 40


def healthz(url, timeout=5):
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=timeout) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def closed_by_server(sock, within):
    """True if the server closes the connection (or resets it) within `within` seconds."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


def main():
    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    with DemoServer(BINARY, ["--read-timeout", str(TIMEOUT), "--max-connections", str(CAP)]) as server:
        output = server.output()
        for _ in range(20):
            if "Demo sign-ins" in output:
                break
            time.sleep(0.1)
            output = server.output()
        check("Pouch is listening on" in output and "Demo sign-ins" in output, "the URL and demo sign-ins are in the log file at once")

        host, port = "127.0.0.1", server.port
        half = []
        for _ in range(CAP + 20):
            sock = socket.create_connection((host, port), timeout=5)
            sock.sendall(b"GET /inbox HTTP/1.1\r\nHost: pouch\r\nX-Slow: ")
            half.append(sock)
        time.sleep(0.5)
        refused = 0
        for sock in half:
            sock.settimeout(0.2)
            try:
                data = sock.recv(200)
                if data.startswith(b"HTTP/1.1 503"):
                    refused += 1
            except (socket.timeout, ConnectionResetError):
                pass
        check(refused >= 20, f"{refused} connections over the cap of {CAP} were answered 503 at once")
        started = time.time()
        status = healthz(server.url)
        check(status in (200, 503) and time.time() - started < 5, f"/healthz answers ({status}) while the cap is full, it does not hang")

        time.sleep(TIMEOUT + 1)
        still_open = sum(1 for sock in half if not closed_by_server(sock, 0.2))
        check(still_open == 0, f"half-sent requests are closed after the read timeout ({still_open} still open)")
        for sock in half:
            sock.close()
        check(healthz(server.url) == 200, "/healthz answers 200 once they are gone")

        # A request whose header trickles in, a byte a second, is closed all the same.
        slow = socket.create_connection((host, port), timeout=5)
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: pouch\r\n")
        started = time.time()
        closed = False
        while time.time() - started < TIMEOUT + 4:
            try:
                slow.sendall(b"X")
            except OSError:
                closed = True
                break
            if closed_by_server(slow, 0.5):
                closed = True
                break
        elapsed = time.time() - started
        check(closed and elapsed < TIMEOUT + 3, f"a trickling header is closed after {elapsed:.1f} s (read timeout {TIMEOUT} s)")
        slow.close()

        # A keep-alive connection that goes idle is closed too.
        idle = socket.create_connection((host, port), timeout=5)
        idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: pouch\r\n\r\n")
        idle.settimeout(5)
        first = idle.recv(4096)
        check(first.startswith(b"HTTP/1.1 200"), "a whole request is answered")
        check(closed_by_server(idle, TIMEOUT + 3), "an idle keep-alive connection is closed after the read timeout")
        idle.close()

        # A second server on the same port fails plainly and never says it is listening.
        second = subprocess.run([BINARY, "serve", "--demo", "--store", os.path.join(server.directory, "store"), "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
        said = second.stdout + second.stderr
        check(second.returncode != 0, f"a failed bind exits {second.returncode}")
        check("listening" not in said and "Demo sign-ins" not in said, "a failed bind prints no 'listening' and no sign-ins")
        check("already in use" in said, "a failed bind says the address is in use: " + said.strip().splitlines()[-1] if said.strip() else "(nothing)")

    if failures:
        print(f"{len(failures)} connection checks failed")
        sys.exit(1)
    print("connection checks passed")


if __name__ == "__main__":
    main()
