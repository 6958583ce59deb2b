#!/usr/bin/env python3
"""Two Kinerja instances on one PostgreSQL behind nginx (issue 14.5), as docs/SCALING.md describes them:

    python3 scripts/scaling_test.py .build/debug/kinerja POSTGRES_ADMIN_URL [--simulasi 20]

POSTGRES_ADMIN_URL names a server and a database the test may connect to in order to create its own
(`kinerja_skala`, dropped first). The test generates a small synthetic Pemda, starts two instances and an nginx
(from Debian's packages) in front of them on 127.0.0.1, and checks:

1. A realisasi saved through instance A is on the PD page through instance B at once (B had the page cached).
2. Under load through nginx (8 readers), instance A is killed (SIGKILL): no request fails but those in flight on A
   at that moment, which nginx retries on B (GET is idempotent): the test expects none at all.
3. A save through nginx after the kill goes to B and is stored.

With `--simulasi N` it then loads N synthetic Pemda into the same database and prints the cost of loading a PD of
the first Pemda (`kinerja bench --bagian muat`) with one Pemda and with N: every row is keyed by Pemda, so the cost
should not move. Prints each step; exits non-zero at the first failure.
"""
import http.client, os, re, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.parse

PORT_A, PORT_B, PORT_PROXY = 8111, 8112, 8110
failures = []


def check(label, condition, detail=""):
    print(("  ok   " if condition else "  GAGAL ") + label + ("" if condition else f" ({detail})"))
    if not condition:
        failures.append(label)


def request(port, method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    result = res.status, {k.lower(): v for k, v in res.getheaders()}, data.decode("utf-8", "replace")
    conn.close()
    return result


def cookies_of(headers):
    return [part.split(";")[0] for part in headers.get("set-cookie", "").split(", ") if "=" in part.split(";")[0]]


def login(port, name, password):
    _, headers, html = request(port, "GET", "/masuk")
    jar = cookies_of(headers)
    token = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "nama_pengguna": name, "sandi": password})
    status, headers, _ = request(port, "POST", "/masuk", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(jar)})
    return "; ".join(jar + cookies_of(headers))


def form_fields(html):
    fields = {}
    for tag in re.findall(r"<input([^>]*)>", html):
        name = re.search(r' name="([^"]*)"', tag)
        kind = re.search(r' type="([^"]*)"', tag)
        if not name or (kind and kind.group(1) in ("file", "submit")):
            continue
        value = re.search(r' value="([^"]*)"', tag)
        fields[name.group(1)] = (value.group(1) if value else "").replace("&quot;", '"').replace("&amp;", "&")
    for name, text in re.findall(r'<textarea[^>]* name="([^"]*)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return fields


def save_realisasi(port, cookie, form_path, value):
    """Opens the form, sets the first sub kegiatan indicator's realisasi to `value`, saves; returns the HTTP status.

    A sub kegiatan's row is the one whose kode has the most parts; the E.81 form prints its figure (a sasaran's
    indicator, whose row has no kode, is not on it). Chosen by the form's rows, not by the ids' order: ids are
    time-ordered, so the smallest is the first indicator made, a sasaran's."""
    status, _, html = request(port, "GET", form_path, headers={"Cookie": cookie})
    fields = form_fields(html)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        kode = re.search(r'<td class="kode">\s*([^<\s][^<]*?)\s*</td>', row)
        name = re.search(r'name="(r\.[^"]+)"', row)
        if kode and name and name.group(1) in fields:
            rows.append((kode.group(1).count("."), name.group(1)))
    deepest = max(depth for depth, _ in rows)
    first = next(name for depth, name in rows if depth == deepest)
    fields[first] = value
    status, _, answer = request(port, "POST", form_path, urllib.parse.urlencode(fields), {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    if status != 303:
        print("       " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer))[:400])
    return status


def run(binary, env, *args):
    out = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=900)
    return out.returncode, out.stdout + out.stderr


def serve(binary, folder, env, port, name):
    log = open(os.path.join(folder, f"server-{name}.log"), "w")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=folder,
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if request(port, "GET", "/health")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"instance {name} did not start")


NGINX_CONF = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream kinerja {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{proxy};
        client_max_body_size 50m;
        # In memory: the workers (another user when started as root) need no temporary files.
        client_body_buffer_size 8m;
        proxy_buffering off;
        location / {{
            proxy_pass http://kinerja;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # A GET that met a dead instance is tried on the other; a POST only when it never reached one.
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    binary, admin_url = os.path.abspath(sys.argv[1]), sys.argv[2]
    simulations = int(sys.argv[sys.argv.index("--simulasi") + 1]) if "--simulasi" in sys.argv else 0
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        raise SystemExit("nginx tidak ditemukan: apt-get install nginx")
    parsed = urllib.parse.urlparse(admin_url)
    database_url = parsed._replace(path="/kinerja_skala").geturl()
    psql = ["psql", "-q", "-h", parsed.hostname, "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres",
            "-d", parsed.path.lstrip("/") or "postgres"]
    subprocess.run(psql + ["-c", "DROP DATABASE IF EXISTS kinerja_skala"], check=True)
    subprocess.run(psql + ["-c", "CREATE DATABASE kinerja_skala"], check=True)
    folder = tempfile.mkdtemp(prefix="kinerja-skala-")
    env = dict(os.environ, DATABASE_URL=database_url, KINERJA_SANDI="skala-2026-uji", LOG_LEVEL="warning")
    servers, proxy = {}, None
    try:
        print("Dua instans di belakang nginx, satu PostgreSQL")
        code, out = run(binary, env, "migrate", "--yes")
        check("kinerja migrate --yes", code == 0, out[-300:])
        code, out = run(binary, env, "generate", "--pd", "5", "--seed", "3")
        check("kinerja generate --pd 5", code == 0, out[-300:])
        pemda = "Kabupaten Sintetis 3"
        code, out = run(binary, env, "user", "add", "skala", "--peran", "admin", "--pemda", pemda)
        check("kinerja user add", code == 0, out[-300:])
        servers["A"] = serve(binary, folder, env, PORT_A, "A")
        servers["B"] = serve(binary, folder, env, PORT_B, "B")
        with open(os.path.join(folder, "nginx.conf"), "w") as conf:
            conf.write(NGINX_CONF.format(folder=folder, a=PORT_A, b=PORT_B, proxy=PORT_PROXY))
        proxy = subprocess.Popen([nginx, "-p", folder, "-c", os.path.join(folder, "nginx.conf"), "-g",
                                  "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                if request(PORT_PROXY, "GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        check("nginx answers in front of both", request(PORT_PROXY, "GET", "/health")[0] == 200)

        # 1. A write through A, seen through B at once.
        cookie_a = login(PORT_A, "skala", "skala-2026-uji")
        cookie_b = login(PORT_B, "skala", "skala-2026-uji")
        _, _, home = request(PORT_B, "GET", "/", headers={"Cookie": cookie_b})
        pd_path = re.search(r'/pemda/[0-9a-f-]+/pd/[A-Z0-9]+', home).group(0)
        # The quarter's own figure is printed by the E.81 form of that triwulan (provisional figures included).
        form = f"{pd_path}/realisasi?tahun=2025&triwulan=4"
        e81 = f"{pd_path}/laporan/evaluasi-triwulan?tahun=2025&triwulan=4&sementara=1"
        status, _, before = request(PORT_B, "GET", e81, headers={"Cookie": cookie_b})
        check("B serves the PD's E.81 (now cached)", status == 200 and "987.654" not in before, f"HTTP {status}")
        status = save_realisasi(PORT_A, cookie_a, form, "987654")
        check("a realisasi saved through A", status == 303, f"HTTP {status}")
        status, _, after = request(PORT_B, "GET", e81, headers={"Cookie": cookie_b})
        check("the E.81 through B shows it at once", status == 200 and "987.654" in after)

        # 2. Load through nginx; A killed in the middle.
        stop_at = time.time() + 8
        results = {"ok": 0, "gagal": 0, "galat": []}
        lock = threading.Lock()
        paths = [pd_path, pd_path + "/laporan/capaian-sasaran", "/"]

        def reader(n):
            while time.time() < stop_at:
                try:
                    status, _, _ = request(PORT_PROXY, "GET", paths[n % len(paths)], headers={"Cookie": cookie_a},
                                           timeout=30)
                    ok = status == 200
                    detail = f"HTTP {status}"
                except OSError as error:
                    ok, detail = False, str(error)
                with lock:
                    results["ok" if ok else "gagal"] += 1
                    if not ok:
                        results["galat"].append(detail)

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(3)
        servers["A"].send_signal(signal.SIGKILL)
        servers["A"].wait()
        for thread in threads:
            thread.join()
        print(f"       {results['ok']} permintaan berhasil, {results['gagal']} gagal lewat nginx; A dimatikan di detik 3")
        check("no request failed when A was killed", results["gagal"] == 0, "; ".join(results["galat"][:3]))
        check("the load went on after the kill", results["ok"] > 20, str(results["ok"]))

        # 3. A save through nginx after the kill.
        status = save_realisasi(PORT_PROXY, cookie_a, form, "123456")
        check("a save through nginx after the kill (B)", status == 303, f"HTTP {status}")
        _, _, page = request(PORT_PROXY, "GET", e81, headers={"Cookie": cookie_a})
        check("and it is stored", "123.456" in page)

        if simulations:
            simulate(binary, env, pemda, simulations)
    finally:
        for server in servers.values():
            if server.poll() is None:
                server.send_signal(signal.SIGINT)
                server.wait(timeout=10)
        if proxy:
            proxy.terminate()
            proxy.wait(timeout=10)
        if failures:
            for name in ("A", "B"):
                with open(os.path.join(folder, f"server-{name}.log")) as log:
                    print(f"       log {name}: " + " | ".join(log.read().splitlines()[-5:]))
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(psql + ["-c", "DROP DATABASE IF EXISTS kinerja_skala"])
    if failures:
        raise SystemExit(f"{len(failures)} langkah gagal: " + "; ".join(failures))
    print("Skala: semua langkah lulus")


def simulate(binary, env, pemda, count):
    """The first Pemda's PD load with one Pemda in the database, then with `count`."""
    print(f"Simulasi: {count} Pemda dalam satu PostgreSQL")

    def load_line():
        code, out = run(binary, env, "bench", "--pemda", pemda, "--bagian", "muat", "--ulang", "5")
        return [line for line in out.splitlines() if line.startswith("muat PD") or "basis data sendiri" in line][:2]

    alone = load_line()
    for seed in range(4, 3 + count):
        code, out = run(binary, env, "generate", "--pd", "5", "--seed", str(seed))
        if code != 0:
            check(f"generate seed {seed}", False, out[-300:])
            return
    together = load_line()
    print("       dengan 1 Pemda:   " + " | ".join(alone))
    print(f"       dengan {count} Pemda: " + " | ".join(together))


if __name__ == "__main__":
    main()
