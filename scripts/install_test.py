#!/usr/bin/env python3
"""The README's "A real installation", run as written on empty databases, both ways:

    python3 scripts/install_test.py .build/debug/kinerja

1. Command line: migrate, `pemda add`, `user add` (password from KINERJA_SANDI), serve, sign in, open the admin page.
2. Browser: migrate, serve, read the setup code from the server's log, fill the setup page (with a logo), land on
   the admin page signed in; the home page then lists the Pemda and the setup page is gone.
Prints each step; exits non-zero at the first that fails.
"""
import base64, http.client, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.parse

PORT = 8096
failures = []


def check(label, condition, detail=""):
    print(("  ok   " if condition else "  GAGAL ") + label + ("" if condition else f" ({detail})"))
    if not condition:
        failures.append(label)


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    result = res.status, {k.lower(): v for k, v in res.getheaders()}, data.decode("utf-8", "replace")
    conn.close()
    return result


def cookie_of(headers, name):
    raw = headers.get("set-cookie", "")
    match = re.search(name + r"=([^;]*)", raw)
    return match.group(1) if match else ""


def csrf_of(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)


def serve(binary, folder, env):
    log = open(os.path.join(folder, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(PORT)], cwd=folder, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if request("GET", "/health")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def stop(server):
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def run(binary, folder, env, *args):
    result = subprocess.run([binary, *args], cwd=folder, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def login(name, password):
    _, headers, html = request("GET", "/masuk")
    anon = cookie_of(headers, "kinerja_csrf")
    body = urllib.parse.urlencode({"_csrf": csrf_of(html), "nama_pengguna": name, "sandi": password})
    status, headers, _ = request("POST", "/masuk", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "kinerja_csrf=" + anon})
    return status, cookie_of(headers, "kinerja_sesi")


def command_line(binary):
    print("Cara 1: baris perintah")
    folder = tempfile.mkdtemp(prefix="kinerja-pasang-")
    env = dict(os.environ, DATABASE_URL="sqlite:data/kinerja.sqlite", KINERJA_SANDI="rahasia2026", LOG_LEVEL="warning")
    try:
        code, out = run(binary, folder, env, "migrate", "--yes")
        check("kinerja migrate --yes", code == 0, out[-300:])
        code, out = run(binary, folder, env, "user", "add", "admin", "--peran", "admin", "--pemda", "Kabupaten X")
        check("user add before any Pemda says what to do", code != 0 and "kinerja pemda add" in out, out[-300:])
        code, out = run(binary, folder, env, "pemda", "add", "Kabupaten X", "--jenis", "kabupaten", "--ibukota", "Y",
                        "--rpjmd", "2025-2029", "--alamat", "Jl. Merdeka 1")
        check("kinerja pemda add", code == 0 and "dibuat" in out, out[-300:])
        code, out = run(binary, folder, env, "user", "add", "admin", "--peran", "admin", "--pemda", "Kabupaten X",
                        "--nama", "Admin Bappeda")
        check("kinerja user add", code == 0, out[-300:])
        server = serve(binary, folder, env)
        try:
            status, session = login("admin", "rahasia2026")
            check("the admin signs in", status == 303 and session, status)
            _, _, home = request("GET", "/")
            pemda = re.search(r'/pemda/([0-9a-f-]{36})/', home)
            check("the home page lists the Pemda", pemda is not None and "Kabupaten X" in home)
            status, _, html = request("GET", f"/pemda/{pemda.group(1)}/admin", headers={"Cookie": "kinerja_sesi=" + session})
            check("the admin page opens", status == 200 and "Admin Kabupaten X" in html, status)
            check("the RPJMD period is there", "RPJMD 2025-2029" in html)
            # A backup while the server runs.
            code, out = run(binary, folder, env, "backup", "cadangan.sqlite")
            check("kinerja backup while the server runs", code == 0 and "Cadangan dibuat" in out, out[-300:])
            code, out = run(binary, folder, env, "backup", "cadangan.sqlite")
            check("kinerja backup refuses to overwrite a file", code != 0 and "sudah ada" in out, out[-300:])
        finally:
            stop(server)
        # A change after the backup, then the backup put back: the change is gone, the admin is there.
        code, out = run(binary, folder, env, "user", "add", "bendahara", "--peran", "admin", "--pemda", "Kabupaten X",
                        "--nama", "Bendahara")
        check("a user added after the backup", code == 0, out[-300:])
        code, out = run(binary, folder, env, "restore", "cadangan.sqlite")
        check("kinerja restore without --yes changes nothing", code == 0 and "--yes" in out, out[-300:])
        code, out = run(binary, folder, env, "restore", "cadangan.sqlite", "--yes")
        check("kinerja restore --yes", code == 0 and "Dipulihkan" in out, out[-300:])
        server = serve(binary, folder, env)
        try:
            status, session = login("admin", "rahasia2026")
            check("after the restore the admin signs in", status == 303 and session, status)
            status, session = login("bendahara", "rahasia2026")
            check("after the restore the later user is gone", not session, status)
        finally:
            stop(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def browser(binary):
    print("Cara 2: halaman penyiapan")
    folder = tempfile.mkdtemp(prefix="kinerja-pasang-")
    env = dict(os.environ, DATABASE_URL="sqlite:data/kinerja.sqlite", LOG_LEVEL="info")
    try:
        code, out = run(binary, folder, env, "migrate", "--yes")
        check("kinerja migrate --yes", code == 0, out[-300:])
        server = serve(binary, folder, env)
        try:
            log = open(os.path.join(folder, "server.log")).read()
            match = re.search(r"Kode penyiapan: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", log)
            check("the server prints a setup code", match is not None, log[-300:])
            status, headers, _ = request("GET", "/")
            check("the home page of an empty installation is the setup page",
                  status == 303 and headers.get("location") == "/siapkan", status)
            _, headers, html = request("GET", "/siapkan")
            anon = cookie_of(headers, "kinerja_csrf")
            png = base64.b64decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
            fields = {"_csrf": csrf_of(html), "kode": match.group(1), "nama": "Kota Contoh", "jenis": "kota",
                      "ibukota": "Kota Contoh", "alamat": "Jl. Sudirman 2", "rpjmd_awal": "2026", "rpjmd_akhir": "2030",
                      "nama_pengguna": "bappeda", "nama_lengkap": "Admin Bappeda", "sandi": "rahasia2026",
                      "sandi_ulang": "rahasia2026"}
            boundary = "----kinerja-pasang"
            body = b""
            for key, value in fields.items():
                body += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="logo"; filename="logo.png"\r\n'
                     f'Content-Type: image/png\r\n\r\n').encode() + png + f"\r\n--{boundary}--\r\n".encode()
            status, headers, _ = request("POST", "/siapkan", body, {
                "Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": "kinerja_csrf=" + anon})
            location = headers.get("location", "")
            session = cookie_of(headers, "kinerja_sesi")
            check("the setup page creates the installation and signs the admin in",
                  status == 303 and location.endswith("/admin?pesan=siap") and session, (status, location))
            status, _, html = request("GET", location, headers={"Cookie": "kinerja_sesi=" + session})
            check("the admin lands on the admin page", status == 200 and "Instalasi siap." in html, status)
            check("the setup page is gone", request("GET", "/siapkan")[0] == 303)
            status, session = login("bappeda", "rahasia2026")
            check("the admin signs in again later", status == 303 and session, status)
        finally:
            stop(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    command_line(binary)
    browser(binary)
    if failures:
        print(f"{len(failures)} langkah gagal")
        sys.exit(1)
    print("Pemasangan: semua langkah lulus")


if __name__ == "__main__":
    main()
