#!/usr/bin/env python3
"""What one save costs the server, one request at a time (issue 14.2): an operator of PD001 changes one realisasi
of TW IV and saves; then each page a save invalidates is opened twice (first: computed again; second: from the
cache) and timed. Against a running server on the synthetic kabupaten, after `kinerja bench-serentak` created its
accounts once:

    python3 scripts/bench_per_save.py [BASE_URL] [ROUNDS] [PID]      (default http://127.0.0.1:8098, 3)

With the server's PID each time is followed by the server's CPU time for that request (user + system, from
/proc/PID/stat), so the wall time's waiting and the work can be told apart.
"""
import os
import http.cookiejar
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8098"
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
PID = int(sys.argv[3]) if len(sys.argv) > 3 else None
PASSWORD = "bench-serentak-2026"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms():
    if PID is None:
        return 0
    fields = open(f"/proc/{PID}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(name):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
    page = opener.open(BASE + "/masuk").read().decode()
    token = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    try:
        opener.open(BASE + "/masuk", urllib.parse.urlencode(
            {"_csrf": token, "nama_pengguna": name, "sandi": PASSWORD}).encode())
    except urllib.error.HTTPError:
        pass  # the 303 after a login
    return opener


def timed(opener, path, data=None):
    start, cpu = time.time(), cpu_ms()
    try:
        body = opener.open(BASE + path, data).read()
    except urllib.error.HTTPError as error:
        body = error.read()
    took = f"{(time.time() - start) * 1000:.0f}"
    if PID is not None:
        took += f" ({cpu_ms() - cpu:.0f})"
    return took, body.decode(errors="replace")


def fields_of(html):
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r' name="([^"]*)"', tag)
        value = re.search(r' value="([^"]*)"', tag)
        kind = re.search(r' type="([^"]*)"', tag)
        if not name or (kind and kind.group(1) in ("file", "submit")):
            continue
        if kind and kind.group(1) == "checkbox" and " checked" not in tag:
            continue
        fields[name.group(1)] = (value.group(1) if value else "").replace("&quot;", '"').replace("&amp;", "&")
    for match in re.finditer(r'<textarea[^>]* name="([^"]*)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[match.group(1)] = match.group(2)
    return fields


def main():
    operator = login("bench.op.1")
    reader = login("bench.baca")
    _, home = timed(reader, "/")
    pemda = re.search(r"(/pemda/[a-f0-9-]+)", home).group(1)
    pd = pemda + "/pd/PD001"
    form = pd + "/realisasi?tahun=2025&triwulan=4"
    pages = [("formulir", operator, form), ("halaman PD", reader, pd),
             ("capaian-sasaran", reader, pd + "/laporan/capaian-sasaran?tahun=2025"),
             ("realisasi PD", reader, pd + "/laporan/realisasi?tahun=2025"),
             ("dasbor", reader, pemda + "/dasbor?tahun=2025")]
    for _, opener, path in pages:
        timed(opener, path)
    print("ms" + (" (CPU server)" if PID else "") + ": simpan | per halaman pertama/berikutnya")
    for _ in range(ROUNDS):
        _, html = timed(operator, form)
        fields = fields_of(html)
        key = sorted(k for k in fields if k.startswith("r."))[0]
        fields[key] = str(random.randint(1, 999))
        took, _ = timed(operator, form, urllib.parse.urlencode(fields).encode())
        line = [f"simpan {took}"]
        for label, opener, path in pages:
            cold, _ = timed(opener, path)
            warm, _ = timed(opener, path)
            line.append(f"{label} {cold}/{warm}")
        print(" | ".join(line))


main()
