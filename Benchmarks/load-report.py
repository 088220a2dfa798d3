"""Reports for Benchmarks/load.sh.

  load-report.py hey CSV…   the requests hey timed (one CSV per kind of request and server, named
                            hey-KIND-WORKERS-…csv): the same summary lines as load.lua prints for
                            wrk. Each worker may have had one request in flight when hey stopped.
  load-report.py audit LOG FIRST ANSWERED SENT CABLES
                            the audit entries from sequence FIRST on (`pouch audit log --json`)
                            against the requests answered and sent (the "answered 200" and "sent"
                            lines) and the CABLES sent: an entry lost (fewer than answered) or
                            written twice (more than sent) is reported, and the exit status is 1.
"""
import csv
import json
import os
import re
import sys


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def hey(paths):
    times, answered, other, offsets = [], {"read": 0, "search": 0, "inbox": 0}, 0, []
    in_flight = {"read": 0, "search": 0, "inbox": 0}
    for path in paths:
        kind, workers = os.path.basename(path).split("-")[1:3]
        in_flight[kind] += int(workers)
        with open(path, newline="") as handle:
            for row in csv.DictReader(handle):
                times.append(float(row["response-time"]) * 1000)
                offsets.append(float(row["offset"]))
                if row["status-code"] == "200":
                    answered[kind] += 1
                else:
                    other += 1
    duration = max(offsets, default=0) or 1
    print(f"requests        {len(times)} in {duration:.1f} s")
    print(f"throughput      {len(times) / duration:.0f} requests/s")
    print(f"latency p50     {percentile(times, 0.50):.2f} ms")
    print(f"latency p99     {percentile(times, 0.99):.2f} ms")
    print(f"latency max     {max(times, default=0):.2f} ms")
    print(f"non-2xx/3xx     {other}")
    print(f"answered 200    read {answered['read']}, search {answered['search']}, inbox {answered['inbox']}; other statuses {other}")
    sent = {kind: answered[kind] + in_flight[kind] for kind in answered}
    print(f"sent            read {sent['read']}, search {sent['search']}, inbox {sent['inbox']} (at most)")


def audit(log, first, answered, sent_requests, sent):
    entries = [json.loads(line) for line in open(log) if line.strip()]
    sequences = [entry["sequence"] for entry in entries]
    problems = []
    if len(set(sequences)) != len(sequences):
        problems.append(f"{len(sequences) - len(set(sequences))} sequence numbers appear twice")
    if sequences and sorted(sequences) != list(range(sequences[0], sequences[0] + len(sequences))):
        problems.append("the sequence numbers have gaps")
    load = [entry for entry in entries if entry["sequence"] >= first and entry["outcome"] == "ok"]
    counts = {}
    for entry in load:
        counts[(entry["user"], entry["action"])] = counts.get((entry["user"], entry["action"]), 0) + 1
    least = {kind: int(number) for kind, number in re.findall(r"(read|search|inbox) (\d+)", answered)}
    most = {kind: int(number) for kind, number in re.findall(r"(read|search|inbox) (\d+)", sent_requests)}
    rows = [("bea", action, least.get(kind, 0), most.get(kind, 0)) for action, kind in [("read", "read"), ("search", "search"), ("list", "inbox")]]
    if sent:
        rows.append(("anne", "send", sent, sent))
    print(f"audit entries   {len(load)} written by the load (from #{first}); {len(entries)} in the log")
    for user, action, low, high in rows:
        have = counts.get((user, action), 0)
        if have < low:
            verdict = f"{low - have} LOST"
        elif have > high:
            verdict = f"{have - high} MORE THAN SENT"
        else:
            verdict = "one per answer" + (f" (+{have - low} answered after the load generator stopped counting)" if have > low else "")
        print(f"  {user} {action:<7} {have:>8} entries for {low:>8} answered of {high:>8} sent: {verdict}")
        if not low <= have <= high:
            problems.append(f"{user} {action}: {have} entries for {low} answered of {high} sent")
    for problem in problems:
        print(f"audit problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1] == "hey":
        hey(sys.argv[2:])
    else:
        sys.exit(audit(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6])))
