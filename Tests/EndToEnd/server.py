"""Starts `pouch serve --demo` (or, with demo=False, a server over a store the caller made) on a
free loopback port for the end-to-end tests, and stops it."""
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.request


def unverified():
    """A TLS context for the tests' own self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DemoServer:
    def __init__(self, binary, extra_arguments=(), scheme="http", demo=True, store=None):
        self.binary = binary
        self.extra_arguments = list(extra_arguments)
        self.demo = demo
        self.directory = tempfile.mkdtemp(prefix="pouch-e2e-")
        self.store = store or os.path.join(self.directory, "store")
        self.port = free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        self.log = open(os.path.join(self.directory, "server.log"), "w")
        self.process = subprocess.Popen(
            [self.binary, "serve"] + (["--demo"] if self.demo else []) + ["--store", self.store, "--port", str(self.port)] + self.extra_arguments,
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pouch serve exited with {self.process.returncode}: {self.output()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2, context=unverified()) as reply:
                    if reply.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("pouch serve did not answer /healthz within 120 s: " + self.output())

    def output(self):
        self.log.flush()
        with open(os.path.join(self.directory, "server.log")) as log:
            return log.read()

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)
