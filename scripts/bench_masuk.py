#!/usr/bin/env python3
"""A burst of logins against a real server, and what it does to everyone else: prints figures, asserts nothing.

    python3 scripts/bench_masuk.py .build/release/kinerja [--salah 100] [--benar 200]

Starts `kinerja serve --demo` (bcrypt cost 12, as in production) in a temporary folder on 127.0.0.1, behind a
pretend proxy (KINERJA_PROXY_TEPERCAYA=127.0.0.1, every login with its own X-Forwarded-For, so the per-address
throttling does not stop the burst), signs in as the Dinsos operator, then:
  1. sends N wrong passwords at once for unknown names and, meanwhile, opens the operator's PD page every 100 ms;
  2. sends M correct logins at once (the demo accounts in turn) and /health meanwhile.
It prints the page's latency during the burst (median, max), how long the burst took, and every status count
(5xx should be 0).
"""
import http.client, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse

PORT = 8097


def request(method, path, body=None, headers=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    conn.close()
    return res.status, dict((k.lower(), v) for k, v in res.getheaders()), data, res.getheader("Set-Cookie") or ""


def login_form():
    status, headers, body, cookie = request("GET", "/masuk")
    token = re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()
    return cookie.split(";")[0], token


def login(name, password, forwarded):
    cookie, token = login_form()
    body = urllib.parse.urlencode({"_csrf": token, "nama_pengguna": name, "sandi": password})
    status, headers, _, set_cookie = request(
        "POST", "/masuk", body,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie, "X-Forwarded-For": forwarded})
    return status, set_cookie


def main():
    binary = os.path.abspath(sys.argv[1])
    wrong = int(sys.argv[sys.argv.index("--salah") + 1]) if "--salah" in sys.argv else 100
    right = int(sys.argv[sys.argv.index("--benar") + 1]) if "--benar" in sys.argv else 200
    folder = tempfile.mkdtemp(prefix="kinerja-masuk-")
    env = dict(os.environ, KINERJA_PROXY_TEPERCAYA="127.0.0.1", LOG_LEVEL="warning")
    server = subprocess.Popen([binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(PORT)], cwd=folder,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                if request("GET", "/health", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        status, set_cookie = login("operator", "demo2026", "10.0.0.1")
        session = set_cookie.split(";")[0]
        _, _, home, _ = request("GET", "/")
        pd = re.search(rb'href="(/pemda/[0-9a-f-]+/pd/DINSOS)"', home).group(1).decode()
        request("GET", pd, headers={"Cookie": session})  # warm the page's cache

        def burst(count, make):
            results = []
            lock = threading.Lock()
            def run(i):
                try:
                    outcome = make(i)
                except Exception as error:  # noqa: BLE001
                    outcome = f"error {type(error).__name__}"
                with lock:
                    results.append(outcome)
            threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
            start = time.time()
            for thread in threads:
                thread.start()
            return threads, results, start

        def sample(path, headers, threads):
            times = []
            while any(t.is_alive() for t in threads):
                start = time.time()
                code = request("GET", path, headers=headers)[0]
                times.append((time.time() - start, code))
                time.sleep(0.1)
            return times

        def report(label, results, elapsed, times, what):
            counts = {}
            for item in results:
                counts[item] = counts.get(item, 0) + 1
            latencies = [t for t, _ in times] or [0]
            codes = sorted(set(c for _, c in times))
            print(f"{label}: {len(results)} permintaan dalam {elapsed:.1f} s; status {dict(sorted(counts.items(), key=str))}")
            print(f"  {what} selama itu: {len(times)} kali, median {statistics.median(latencies)*1000:.0f} ms, "
                  f"maks {max(latencies)*1000:.0f} ms, status {codes}")

        threads, results, start = burst(wrong, lambda i: login(f"tidakada{i}", "salah-sekali-1", f"10.1.{i // 250}.{i % 250}")[0])
        times = sample(pd, {"Cookie": session}, threads)
        for t in threads:
            t.join()
        report(f"{wrong} sandi salah serentak", results, time.time() - start, times, "halaman PD operator")

        names = ["admin", "operator", "kepala", "evaluator", "pimpinan"]
        threads, results, start = burst(right, lambda i: login(names[i % 5], "demo2026", f"10.2.{i // 250}.{i % 250}")[0])
        times = sample("/health", {}, threads)
        for t in threads:
            t.join()
        report(f"{right} masuk benar serentak", results, time.time() - start, times, "/health")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
