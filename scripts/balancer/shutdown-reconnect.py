#!/usr/bin/env python3
"""Reproduces, without HAProxy, what a client sees when it reconnects right after the shutdown
goodbye of `lotse serve` (as a kiosk or HAProxy's leastconn does).

    python3 scripts/balancer/shutdown-reconnect.py [LOTSE [RULES [CLIENTS [ROUNDS]]]]

Starts one server, connects CLIENTS clients, sends SIGTERM; every client reads its goodbye and
at once connects to the same port again. Expected: "refused" (the server no longer listens) or,
at worst, a complete line (a goodbye). Anything else - a connection that is accepted and then
closed or reset without a single line - is a conversation lost in silence.
Exit status 1 if that happened in any round.
"""
import collections
import re
import socket
import subprocess
import sys
import threading

lotse = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lotse"
rules = sys.argv[2] if len(sys.argv) > 2 else "rules"
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 20
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3


def one_round():
    p = subprocess.Popen([lotse, "serve", "--host", "127.0.0.1", "--port", "0", "--rules", rules],
                         stderr=subprocess.PIPE, text=True)
    port = None
    for line in p.stderr:
        m = re.search(r"port=(\d+) .*listening", line)
        if m:
            port = int(m.group(1))
            break
    conns = []
    for _ in range(clients):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        f = s.makefile("rb")
        f.readline()  # hello
        f.readline()  # the language question
        conns.append((s, f))
    results = collections.Counter()
    lock = threading.Lock()

    def reconnect(s, f):
        bye = f.readline()
        try:
            s2 = socket.create_connection(("127.0.0.1", port), timeout=5)
        except ConnectionRefusedError:
            outcome = "refused (fine: HAProxy would try the other server)"
        else:
            try:
                first = s2.makefile("rb").readline()
                outcome = "accepted, then closed without any line" if not first else \
                    "accepted, first line: " + first[:50].decode("utf-8", "replace")
            except ConnectionResetError:
                outcome = "accepted, then reset without any line"
            s2.close()
        with lock:
            results["goodbye received" if b'"bye"' in bye else "no goodbye"] += 1
            results[outcome] += 1

    threads = [threading.Thread(target=reconnect, args=c) for c in conns]
    for t in threads:
        t.start()
    p.terminate()  # SIGTERM
    for t in threads:
        t.join(15)
    p.wait(10)
    tail = p.stderr.read().strip().splitlines()[-1:]
    return results, tail


bad = False
for r in range(rounds):
    results, tail = one_round()
    print(f"round {r + 1}: " + "; ".join(f"{n} x {k}" for k, n in sorted(results.items())))
    print(f"  server: {tail[0] if tail else '?'}")
    bad |= any(k.startswith("accepted") for k in results)
sys.exit(1 if bad else 0)
