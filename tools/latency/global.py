#!/usr/bin/env python3
"""Latency of the global CEN search and statistics, asked at the hub and from a member's node
through the hub, on a running local federation (scripts/start.sh). Standard library only.

Usage: tools/latency/global.py [QUERIES] [HUB_URL] [MEMBER_URL]
"""

import json
import sys
import time
import urllib.request

PASSWORD = "ncen demo passphrase"
QUERIES = [
    "limit=20",
    "q=container&limit=20",
    "commodity=DRUGS&limit=20",
    "q=compartment&commodity=DRUGS&year=2025&limit=20",
    "origin=BE&region=EUROPE&limit=20",
    "route_country=EC&limit=20",
]


def token(base):
    body = json.dumps({"username": "analyst", "password": PASSWORD}).encode()
    req = urllib.request.Request(base + "/api/v1/auth/token", data=body,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["token"]


def timed(base, tok, path):
    req = urllib.request.Request(base + path, headers={"authorization": "Bearer " + tok})
    started = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = json.load(r)
    return (time.perf_counter() - started) * 1000, body


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    hub = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8080"
    member = sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:8081"
    for name, base in [("hub", hub), ("member via hub", member)]:
        tok = token(base)
        _, first = timed(base, tok, "/api/v1/global/search?limit=1")
        for kind in ["search", "statistics"]:
            times = []
            for i in range(n):
                query = QUERIES[i % len(QUERIES)]
                if kind == "statistics":
                    query = "&".join(p for p in query.split("&") if not p.startswith("limit"))
                ms, _ = timed(base, tok, f"/api/v1/global/{kind}?{query}")
                times.append(ms)
            times.sort()
            pick = lambda q: times[min(len(times) - 1, round(q * (len(times) - 1)))]
            print(f"{name:15} {kind:10} seizures={first['total']} queries={n} "
                  f"p50={pick(0.5):.1f} ms p95={pick(0.95):.1f} ms max={times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
