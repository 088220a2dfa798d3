"""Runs the README as a newcomer would, so it cannot drift from what Pouch does.

- "The whole flow" block runs as written (bash, -e), in an empty folder, with the "A draft" block
  saved as draft.txt and the built `pouch` first on PATH: every line must succeed, the trace must
  name the cable the reader's copy came from, and `pouch audit verify` must pass.
- With `$POUCH_TEST_POSTGRES` (a PostgreSQL server `scripts/test` starts), the same flow runs again
  with `POUCH_DATABASE` naming a new database on it: every command works with `--database`.
- With it too, the "Moving a store to PostgreSQL" block copies the flow's SQLite store into a new
  database and verifies the copy, as written (the example URL replaced by the test server's).
- `pouch cable lint` accepts the README's draft, as `pouch cable draft` does.
- Every command in the README's command table exists, and every option its row shows is in that
  command's --help.

Usage: python3 Tests/EndToEnd/readme_test.py [path/to/pouch]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pouch"))


def blocks(readme, heading):
    """The fenced code blocks in the section under `heading` (up to the next heading)."""
    start = readme.index(heading + "\n")
    rest = readme[start + len(heading) + 1:]
    end = re.search(r"^#{1,3} ", rest, re.M)
    section = rest[:end.start()] if end else rest
    return re.findall(r"^```[a-z]*\n(.*?)^```", section, re.M | re.S)


def environment(folder):
    """A clean environment: no POUCH_* of the caller's, and the built pouch and pouch-bench first on PATH."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("POUCH_")}
    bin_dir = os.path.join(folder, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    os.symlink(BINARY, os.path.join(bin_dir, "pouch"))
    os.symlink(os.path.join(os.path.dirname(BINARY), "pouch-bench"), os.path.join(bin_dir, "pouch-bench"))
    env["PATH"] = bin_dir + os.pathsep + env["PATH"]
    return env


def run_flow(flow, work, env, label, failures):
    """The flow, line by line as written; `set -x` shows each command before its output."""
    script = "set -euo pipefail\nset -x\n" + flow
    run = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    print(run.stderr.strip())
    print(run.stdout.strip())
    ok = run.returncode == 0
    print(f"{'ok  ' if ok else 'FAIL'} the README's flow runs as written{label} (exit {run.returncode})")
    if not ok:
        failures.append(f"the flow failed{label}")
    reference = re.search(r"^\+ REF=(\S+)$", run.stderr, re.M)
    source = re.search(r"^source: (.+)$", run.stdout, re.M)
    ok = bool(reference and source and source.group(1).strip() == reference.group(1))
    print(f"{'ok  ' if ok else 'FAIL'} the trace of bea's copy names its cable{label}: {source.group(0) if source else 'no source line'}")
    if not ok:
        failures.append(f"the trace did not name the drafted cable{label}")
    for expected in ["verdict: inconclusive", "more readable slots would be needed", "intact"]:
        ok = expected in run.stdout
        print(f"{'ok  ' if ok else 'FAIL'} the flow prints '{expected}'{label}")
        if not ok:
            failures.append(f"missing '{expected}'{label}")


def run_copy(block, flow, work, env, url, failures):
    """The README's copy block on the flow's SQLite store (the flow's exports first), then the
    copy's audit log: it must end with the move."""
    exports = "\n".join(re.findall(r"^export .*$", flow, re.M))
    script = "set -euo pipefail\nset -x\n" + exports + "\n" + block.replace("postgres://pouch@db.example:5432/pouch", url)
    script += f"\npouch audit log --database '{url}' --store ./pouch-head\n"
    run = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    print(run.stderr.strip()[-3000:])
    print(run.stdout.strip()[-3000:])
    ok = run.returncode == 0 and "copied ./pouch-data" in run.stdout and re.search(r"\bmove\b.*\bok\b", run.stdout) is not None
    print(f"{'ok  ' if ok else 'FAIL'} the README's copy into PostgreSQL runs as written and the copy verifies (exit {run.returncode})")
    if not ok:
        failures.append("the README's store copy failed")


def postgres_database(server):
    """A new database on the test server, for the flow on PostgreSQL; its URL."""
    name = "pouch_readme_" + os.urandom(6).hex()
    subprocess.run(["psql", server, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True, text=True)
    base, _, query = server.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + (("?" + query) if query else ""), name


def main():
    failures = []
    postgres_server = os.environ.get("POUCH_TEST_POSTGRES")
    with open(os.path.join(ROOT, "README.md")) as file:
        readme = file.read()
    flow = [block for block in blocks(readme, "### The whole flow") if "pouch init" in block]
    move = [block for block in blocks(readme, "### Moving a store to PostgreSQL") if "pouch store copy" in block]
    draft = blocks(readme, "### A draft")
    if len(flow) != 1 or len(draft) != 1 or len(move) != 1:
        print(f"FAIL the README should have one flow, draft and move block each (found {len(flow)}, {len(draft)} and {len(move)})")
        return 1
    folder = tempfile.mkdtemp(prefix="pouch-readme-")
    try:
        env = environment(folder)
        work = os.path.join(folder, "work")
        os.makedirs(work)
        with open(os.path.join(work, "draft.txt"), "w") as file:
            file.write(draft[0])

        lint = subprocess.run(["pouch", "cable", "lint", "draft.txt"], cwd=work, env=env, capture_output=True, text=True)
        ok = lint.returncode == 0 and "error" not in lint.stdout
        print(f"{'ok  ' if ok else 'FAIL'} pouch cable lint accepts the README's draft (exit {lint.returncode}) {lint.stdout.strip()}")
        if not ok:
            failures.append("lint: " + lint.stdout + lint.stderr)

        run_flow(flow[0], work, env, "", failures)
        if postgres_server:
            # The same flow with the store in PostgreSQL: POUCH_STORE then holds only the audit head.
            url, name = postgres_database(postgres_server)
            try:
                pg_work = os.path.join(folder, "work-postgres")
                os.makedirs(pg_work)
                shutil.copy(os.path.join(work, "draft.txt"), pg_work)
                run_flow(flow[0], pg_work, dict(env, POUCH_DATABASE=url), " on PostgreSQL", failures)
            finally:
                subprocess.run(["psql", postgres_server, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
            # The SQLite flow's store, moved into PostgreSQL as the README shows.
            url, name = postgres_database(postgres_server)
            try:
                run_copy(move[0], flow[0], work, env, url, failures)
            finally:
                subprocess.run(["psql", postgres_server, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
        else:
            print("skip the flow on PostgreSQL: POUCH_TEST_POSTGRES is not set (scripts/test sets it)")

        # The command table: each command exists and knows every option its row shows.
        rows = re.findall(r"^\| `(pouch(?:-bench)? [^`]+)`(?: / `(pouch(?:-bench)? [^`]+)`)?", readme, re.M)
        commands = [command for row in rows for command in row if command]
        for command in commands:
            words = command.split()
            path = []
            for word in words[1:]:
                if not re.fullmatch(r"[a-z]+", word):
                    break
                path.append(word)
            shown = set(re.findall(r"--[a-z][a-z-]*", command))
            help_run = subprocess.run([words[0], *path, "--help"], env=env, capture_output=True, text=True)
            known = set(re.findall(r"--[a-z][a-z-]*", help_run.stdout))
            missing = sorted(shown - known)
            ok = help_run.returncode == 0 and not missing
            print(f"{'ok  ' if ok else 'FAIL'} {words[0]} {' '.join(path)}: {'exists' if help_run.returncode == 0 else 'no such command'}"
                  + (f"; --help lacks {', '.join(missing)}" if missing else ""))
            if not ok:
                failures.append(f"README command {command}")
        # The benchmarks live in pouch-bench: the pouch users run links no test or benchmark code.
        with open(BINARY, "rb") as file:
            binary = file.read()
        linked = [module for module in (b"PouchTestSupport", b"PouchBenchmarks") if module in binary]
        ok = not linked
        print(f"{'ok  ' if ok else 'FAIL'} pouch links no test code{': found ' + ', '.join(m.decode() for m in linked) if linked else ''}")
        if not ok:
            failures.append("pouch links test code")
        if len(commands) < 20:
            failures.append(f"only {len(commands)} commands found in the README's table")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print("README checks failed:\n  " + "\n  ".join(failures))
        return 1
    print("README checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
