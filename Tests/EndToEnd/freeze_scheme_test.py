"""scripts/freeze-scheme refuses bad input before it writes anything.

- not a number: usage, exit 2;
- a number pouch has no scheme for: pouch's own message, exit 2, no file;
- a scheme already frozen: refused without --force, exit 1, the file unchanged.

Usage: python3 Tests/EndToEnd/freeze_scheme_test.py
"""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FROZEN = os.path.join(ROOT, "Tests", "PouchFingerprintTests", "Resources", "frozen")


def run(*arguments):
    return subprocess.run([os.path.join(ROOT, "scripts", "freeze-scheme"), *arguments], cwd=ROOT, capture_output=True, text=True)


def main():
    failures = []

    def check(ok, what):
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    result = run("twelve")
    check(result.returncode == 2 and "usage: scripts/freeze-scheme N" in result.stderr, f"a word is refused with the usage (exit {result.returncode})")

    result = run("99")
    check(result.returncode == 2 and "no fingerprint scheme 99" in result.stderr, f"scheme 99 is refused (exit {result.returncode}): {result.stderr.strip()[-160:]}")
    check(not os.path.exists(os.path.join(FROZEN, "scheme-99.tsv")), "nothing is written for scheme 99")

    frozen = os.path.join(FROZEN, "scheme-05.tsv")
    with open(frozen, "rb") as file:
        before = file.read()
    result = run("5")
    check(result.returncode == 1 and "frozen already" in result.stderr, f"a frozen scheme is not frozen again (exit {result.returncode})")
    with open(frozen, "rb") as file:
        check(file.read() == before, "scheme-05.tsv is unchanged")

    if failures:
        print("freeze-scheme checks failed:\n  " + "\n  ".join(failures))
        return 1
    print("freeze-scheme checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
