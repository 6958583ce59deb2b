#!/usr/bin/env python3
"""Kinerja in a real browser (headless Chromium driven by selenium), as a person would use it.

Usage: scripts/browser_test.py PATH/TO/kinerja [OUTPUT_DIR]

Starts `kinerja serve --demo` in a temporary folder, then:
  1. an operator logs in, enters a triwulan's realisasi, sees the live capaian, saves, and sees the PD page and the
     dashboard change;
  2. downloads a report as XLSX (read back with openpyxl);
  3. imports a CSV through upload, preview and apply;
  4. cannot open another PD's form;
  5. every main page has no horizontal scroll at 1366x768 and 390x844; screenshots of each are saved;
  6. every report of a PD prints (print media, A4 landscape): no table wider than the page, a PDF whose page
     count is printed, and the header's column numbers on every page (the header repeats);
  7. the approval cycle of a triwulan: the operator submits, the Kepala returns it with a note, the operator
     corrects and submits again, the Kepala approves, the evaluator verifies, the admin locks; the operator's next
     edit and an import into the locked triwulan are refused; the public report shows the verified figure.
Exits non-zero on the first failed check, with a message naming it.
"""
import base64
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

import openpyxl
from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BINARY = os.path.abspath(sys.argv[1])
OUT = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "artifacts/screenshots")
SIZES = {"1366x768": (1366, 768), "390x844": (390, 844)}
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise SystemExit("GAGAL: " + message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    workdir = tempfile.mkdtemp(prefix="kinerja-browser-")
    port = free_port()
    log = open(os.path.join(workdir, "server.log"), "w")
    process = subprocess.Popen(
        [BINARY, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)],
        cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return process, base, workdir
        except Exception:
            if process.poll() is not None:
                raise SystemExit("server berhenti: " + open(os.path.join(workdir, "server.log")).read()[-2000:])
            time.sleep(0.5)
    raise SystemExit("server tidak siap dalam 120 detik")


def browser(download_dir):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=id"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("prefs", {
        "download.default_directory": download_dir, "download.prompt_for_download": False})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(1366, 768)
    return driver


def viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def no_horizontal_scroll(driver, name, size):
    wide = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    culprit = "" if wide[0] <= wide[1] + 1 else driver.execute_script("""
        const w = document.documentElement.clientWidth; let found = [];
        for (const e of document.querySelectorAll('body *')) {
          const r = e.getBoundingClientRect();
          if (r.right > w + 1 && !e.closest('.box')) found.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
        }
        return found.slice(0, 5).join('; ');""")
    check(wide[0] <= wide[1] + 1, f"{name} {size}: halaman bergulir mendatar ({wide[0]} > {wide[1]} px: {culprit})")


def shoot(driver, base, name, path):
    for size, (width, height) in SIZES.items():
        viewport(driver, width, height)
        driver.get(base + path)
        driver.save_screenshot(os.path.join(OUT, f"{name}-{size}.png"))
        no_horizontal_scroll(driver, name, size)
    viewport(driver, 1366, 768)


def gone(element):
    """The old page's element no longer belongs to the document. Chromium reports that as a stale element, or as
    an inspector error ("Node with given id does not belong to the document") that selenium's own staleness check
    does not catch."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def click_and_wait(driver, element, text):
    """Clicks a submit button and waits for the *next* page to hold `text` (the old page may hold it already)."""
    element.click()
    WebDriverWait(driver, 10).until(gone(element))
    WebDriverWait(driver, 10).until(lambda d: text in d.page_source)


def login(driver, base, name):
    driver.get(base + "/masuk")
    driver.find_element(By.NAME, "nama_pengguna").send_keys(name)
    driver.find_element(By.NAME, "sandi").send_keys("demo2026")
    driver.find_element(By.CSS_SELECTOR, "form.kartu button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/masuk" not in d.current_url)


def logout(driver):
    driver.find_element(By.CSS_SELECTOR, ".akun button.tautan").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".akun a[href='/masuk']"))


def dinsos_row(driver, base, pemda):
    # Figures not yet verified are public only as provisional ones (asked for with sementara=1).
    driver.get(f"{base}{pemda}/dasbor?tahun=2024&triwulan=1&sementara=1")
    for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells and cells[0].text.startswith("Dinas Sosial"):
            return [cell.text for cell in cells]
    raise SystemExit("GAGAL: baris Dinas Sosial tidak ada di dasbor")


def print_check(driver, base, name, path):
    """Print media at A4 landscape: tables fit the printable width; the PDF repeats the header on every page."""
    driver.get(base + path)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    # A4 landscape 297 mm minus 2 x 10 mm margins = 277 mm = 1047 CSS px.
    viewport(driver, 1047, 700)
    overflow = driver.execute_script("""
        const out = [];
        for (const t of document.querySelectorAll('table.laporan')) {
          const box = t.getBoundingClientRect();
          if (box.right > document.documentElement.clientWidth + 1) out.push(Math.round(box.right));
          for (const c of t.querySelectorAll('th, td')) {
            if (c.scrollWidth > c.clientWidth + 2 && getComputedStyle(c).overflow === 'hidden') out.push('sel');
          }
        }
        return out;""")
    check(not overflow, f"{name}: tabel lebih lebar dari kertas saat dicetak ({overflow})")
    numbers = driver.execute_script(
        "return [...document.querySelectorAll('table.laporan tr.nomor th')].map(e => e.textContent.trim())")
    last_row = driver.execute_script(
        "const r = [...document.querySelectorAll('table.laporan tbody tr')].pop(); return r ? r.innerText : ''")
    last_row = "".join(last_row.split())[:12]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    data = base64.b64decode(pdf["data"])
    with open(os.path.join(OUT, f"cetak-{name}.pdf"), "wb") as handle:
        handle.write(data)
    pages = PdfReader(io.BytesIO(data)).pages
    check(len(pages) >= 1, f"{name}: PDF kosong")
    if numbers:
        texts = ["".join((page.extract_text() or "").split()) for page in pages]
        # Pages up to the one with the table's last row (later pages hold notes and the signature).
        table_pages = max([i for i, text in enumerate(texts) if last_row and last_row in text] or [len(texts) - 1])
        # ... from the first page with the header (a chart may come before the table).
        header = "".join("".join(numbers).split())
        table_start = min([i for i, text in enumerate(texts) if header in text] or [0])
        for index, text in enumerate(texts[: table_pages + 1]):
            if index < table_start:
                continue
            # Every column number, in order, on every page: the header repeats and no column is cut off.
            check(header in text, f"{name}: halaman {index + 1} tanpa nomor kolom {numbers[0]}…{numbers[-1]} lengkap")
    print(f"  cetak {name}: {len(pages)} halaman A4 lanskap, {len(numbers)} kolom")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    viewport(driver, 1366, 768)


def wait_download(directory, target, seconds=30):
    """Waits until Chromium has finished a download: it may create the file under its final name empty, as a
    placeholder, while the bytes still go to a .crdownload beside it, so the name alone is not enough."""
    for _ in range(seconds * 10):
        partial = [n for n in os.listdir(directory) if n.endswith(".crdownload")]
        if not partial and os.path.exists(target) and zipfile.is_zipfile(target):
            return True
        time.sleep(0.1)
    return False


def main():
    os.makedirs(OUT, exist_ok=True)
    process, base, workdir = start_server()
    downloads = os.path.join(workdir, "unduhan")
    os.makedirs(downloads)
    driver = browser(downloads)
    try:
        driver.get(base + "/")
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "Dinas Sosial").get_attribute("href")
        pd = link[len(base):]
        pemda = pd.split("/pd/")[0]
        shoot(driver, base, "beranda", "/")
        shoot(driver, base, "dasbor", pemda + "/dasbor?tahun=2022")
        shoot(driver, base, "laporan-pilih", pemda + "/laporan")
        shoot(driver, base, "cascading-setwan", pd.replace("DINSOS", "SETWAN") + "/cascading")
        shoot(driver, base, "laporan-renja", pd + "/laporan/renja?tahun=2024")

        # 1. An operator enters TW I 2024 realisasi.
        before = dinsos_row(driver, base, pemda)
        login(driver, base, "operator")
        driver.get(base + pd)
        check("Isi realisasi" in driver.page_source, "operator tidak melihat tautan Isi realisasi")
        shoot(driver, base, "pd-dinsos", pd + "?tahun=2024")
        driver.get(base + pd + "/realisasi?tahun=2024&triwulan=1")
        # An indicator with a numeric target (its "Target s.d. TW" cell is a number).
        field = None
        for candidate in driver.find_elements(By.CSS_SELECTOR, "input[data-capaian]"):
            cells = candidate.find_elements(By.XPATH, "./ancestor::tr[1]/td")
            if cells[4].text.replace(".", "").replace(",", "").isdigit():
                field = candidate
                break
        check(field is not None, "tidak ada indikator bertarget angka di formulir")
        key = field.get_attribute("name")[2:]
        cell = driver.find_element(By.ID, "c." + key)
        old = cell.text
        field.clear()
        field.send_keys("1.000")  # Indonesian thousands separator
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "c." + key).text != old)
        live = driver.find_element(By.ID, "c." + key).text
        check("%" in live or "–" in live, f"capaian langsung tidak tampil: {live!r}")
        money = driver.find_element(By.CSS_SELECTOR, "input[name^='k.']")
        money.clear()
        money.send_keys("25.000.000")
        shoot_form = os.path.join(OUT, "realisasi-isi-1366x768.png")
        driver.save_screenshot(shoot_form)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]"), "Tersimpan")
        check(driver.find_element(By.NAME, "r." + key).get_attribute("value") == "1.000", "nilai tidak tersimpan")
        shoot(driver, base, "realisasi", pd + "/realisasi?tahun=2024&triwulan=1")
        driver.get(base + pd + "?tahun=2024&triwulan=1")
        check("25.000.000" in driver.page_source, "halaman PD tidak menampilkan realisasi keuangan baru")
        after = dinsos_row(driver, base, pemda)
        check(after != before, f"dasbor tidak berubah setelah realisasi diisi: {before} → {after}")
        print(f"  dasbor Dinas Sosial TW I 2024: {before[1:3]} → {after[1:3]}, realisasi keuangan {after[6]}")

        # 1b. The same operator edits a target in the plan form (the whole form is one POST).
        driver.get(base + pd + "/rencana?tahun=2024&dokumen=renja")
        target = driver.find_element(By.CSS_SELECTOR, "input[name^='t.']")
        target.clear()
        target.send_keys("42")
        click_and_wait(driver, driver.find_element(By.XPATH, "//button[contains(., 'Simpan rencana')]"), "Tersimpan: 1 isian berubah.")
        shoot(driver, base, "rencana", pd + "/rencana?tahun=2024&dokumen=renja")

        # 2. Download a report as XLSX.
        driver.get(base + pd + "/laporan/realisasi?tahun=2024&sementara=1&format=xlsx")
        target = os.path.join(downloads, "realisasi-DINSOS.xlsx")
        check(wait_download(downloads, target), "XLSX tidak terunduh utuh")
        sheet = openpyxl.load_workbook(target).active
        values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        check(any("25000000" in v.replace(".", "").replace(",", "") for v in values) or any("SUM" in v for v in values),
              "XLSX realisasi tidak memuat realisasi keuangan baru")

        # 3. Import a CSV through upload, preview, apply.
        csv_path = os.path.join(workdir, "realisasi-tw2.csv")
        with open(csv_path, "w") as handle:
            handle.write("kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik\n"
                         "06.01.2.01.01;;2024;2;;3.500.000;60\n")
        driver.get(base + pd + "/impor")
        driver.find_element(By.NAME, "berkas").send_keys(csv_path)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]"), "Pratinjau impor")
        check("Terapkan 1 perubahan" in driver.page_source, "pratinjau impor tidak menawarkan 1 perubahan")
        shoot_preview = os.path.join(OUT, "impor-pratinjau-1366x768.png")
        driver.save_screenshot(shoot_preview)
        click_and_wait(driver, driver.find_element(By.XPATH, "//button[contains(., 'Terapkan')]"), "Impor diterapkan")
        driver.get(base + pd + "?tahun=2024&triwulan=2")
        check("3.500.000" in driver.page_source, "impor tidak tampil di halaman PD")

        # 4. Another PD's form is refused.
        driver.get(base + pd.replace("DINSOS", "SETWAN") + "/realisasi")
        check("Akses ditolak" in driver.page_source, "operator dapat membuka formulir PD lain: " + driver.page_source[:600])
        shoot(driver, base, "akses-ditolak", pd.replace("DINSOS", "SETWAN") + "/realisasi")
        logout(driver)

        # 5. Admin pages.
        login(driver, base, "admin")
        shoot(driver, base, "admin", pemda + "/admin")
        logout(driver)

        # 6. Printing.
        for name, year in [("renja", 2024), ("capaian-sasaran", 2022), ("tujuan-sasaran", 2024), ("realisasi", 2024),
                           ("evaluasi-triwulan", 2022), ("evaluasi-renja", 2023), ("renstra", 2024)]:
            print_check(driver, base, name, f"{pd}/laporan/{name}?tahun={year}")
        print_check(driver, base, "cascading-setwan", pd.replace("DINSOS", "SETWAN") + "/laporan/cascading")
        print_check(driver, base, "iku-setda", driver.find_element(By.TAG_NAME, "html") and
                    pemda_of(driver, base, "SETDA") + "/laporan/iku")
        print_check(driver, base, "realisasi-seluruh", f"{pemda}/laporan/realisasi?tahun=2024")

        # 7. The approval cycle of DINSOS's TW I 2024.
        approval_cycle(driver, base, pd, workdir)

        # 8. The LKjIP: the operator rewrites a section, the document prints.
        lkjip(driver, base, pd)

        # 9. Page weight on the wire (gzip when the browser accepts it).
        for name, path in [("dasbor", f"{pemda}/dasbor?tahun=2024"), ("laporan renja", f"{pd}/laporan/renja?tahun=2024"),
                           ("laporan realisasi seluruh Pemda", f"{pemda}/laporan/realisasi?tahun=2024")]:
            page_weight(base, name, path)
    finally:
        driver.quit()
        process.terminate()
        process.wait(timeout=10)
    print(f"Uji peramban: {checks} pemeriksaan lulus; tangkapan layar dan PDF di {OUT}")


def step(driver, base, pd, user, transition, note=None, expect="tercatat"):
    """Signs in as `user`, takes a workflow step on TW I 2024 from the PD page, checks the page's answer."""
    login(driver, base, user)
    driver.get(base + pd + "?tahun=2024")
    button = driver.find_element(By.ID, "langkah-realisasi-1-" + transition)
    if note is not None:
        button.find_element(By.XPATH, "./ancestor::form[1]//input[@name='catatan']").send_keys(note)
    # The PD page itself holds "Pagu tercatat …": the answer is looked for on the next page only.
    click_and_wait(driver, button, expect)
    logout(driver)


def status_tw1(driver, base, pd, user):
    login(driver, base, user)
    driver.get(base + pd + "?tahun=2024")
    text = driver.find_element(By.CSS_SELECTOR, "#alur-realisasi-1 .status").text
    logout(driver)
    return text


def approval_cycle(driver, base, pd, workdir):
    step(driver, base, pd, "operator", "ajukan")
    check(status_tw1(driver, base, pd, "kepala") == "Diajukan", "TW I tidak berstatus diajukan")
    # A return needs a note; the operator sees it on his page.
    step(driver, base, pd, "kepala", "kembalikan", note="Realisasi keuangan belum sesuai SP2D")
    login(driver, base, "operator")
    driver.get(base + "/")
    check("Realisasi keuangan belum sesuai SP2D" in driver.page_source, "operator tidak melihat catatan pengembalian")
    shoot(driver, base, "tugas-operator", "/")
    driver.get(base + pd + "/realisasi?tahun=2024&triwulan=1")
    money = driver.find_element(By.CSS_SELECTOR, "input[name^='k.']")
    money.clear()
    money.send_keys("26.000.000")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]"), "Tersimpan")
    logout(driver)
    step(driver, base, pd, "operator", "ajukan")
    login(driver, base, "kepala")
    driver.get(base + "/")
    check("menunggu persetujuan Anda" in driver.page_source, "Kepala PD tidak melihat yang menunggu persetujuannya")
    logout(driver)
    step(driver, base, pd, "kepala", "setujui")
    step(driver, base, pd, "evaluator", "verifikasi")
    step(driver, base, pd, "admin", "kunci")
    check(status_tw1(driver, base, pd, "admin") == "Dikunci", "TW I tidak terkunci")
    # The operator's next edit and an import into the locked triwulan are refused, naming the lock: the form says
    # so before anything is typed and takes no input.
    login(driver, base, "operator")
    driver.get(base + pd + "/realisasi?tahun=2024&triwulan=1")
    banner = driver.find_element(By.ID, "terkunci").text
    check("berstatus dikunci" in banner and "Hanya Admin Pemda yang dapat membukanya" in banner,
          "formulir terkunci tidak menyebut kuncinya: " + banner)
    money = driver.find_element(By.CSS_SELECTOR, "input[name^='k.']")
    check(not money.is_enabled(), "isian triwulan terkunci masih dapat diketik")
    check(not driver.find_elements(By.XPATH, "//button[contains(., 'Simpan realisasi')]"),
          "tombol simpan tampil pada triwulan terkunci")
    shoot_locked = os.path.join(OUT, "realisasi-terkunci-1366x768.png")
    driver.save_screenshot(shoot_locked)
    csv_path = os.path.join(workdir, "realisasi-tw1.csv")
    with open(csv_path, "w") as handle:
        handle.write("kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik\n"
                     "06.01.2.01.01;;2024;1;;9.999.999;90\n")
    driver.get(base + pd + "/impor")
    driver.find_element(By.NAME, "berkas").send_keys(csv_path)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]"), "Pratinjau impor")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[contains(., 'Terapkan')]"), "berstatus dikunci")
    logout(driver)
    # The public report shows the verified figure, and not the refused ones.
    driver.get(base + pd + "/laporan/realisasi?tahun=2024")
    page = driver.page_source
    check("26.000.000" in page, "laporan publik tidak menampilkan angka terverifikasi")
    check("27.000.000" not in page and "9.999.999" not in page, "laporan publik menampilkan angka yang ditolak")
    print("  alur TW I 2024: diajukan → dikembalikan → diajukan → disetujui → diverifikasi → dikunci; "
          "formulir dan impor ditolak; laporan publik 26.000.000")


def page_weight(base, name, path):
    def fetch(encoding):
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(request) as response:
            return response.headers.get("Content-Encoding"), len(response.read())
    _, plain = fetch("identity")
    encoding, wire = fetch("gzip")
    check(encoding == "gzip", f"{name}: tidak dikompresi ({encoding})")
    check(wire * 3 < plain, f"{name}: kompresi terlalu kecil ({wire} dari {plain} byte)")
    print(f"  berat {name}: {wire / 1024:.1f} kB di kabel ({plain / 1024:.1f} kB HTML)")


def lkjip(driver, base, pd):
    login(driver, base, "operator")
    path = pd + "/lkjip?tahun=2022"
    driver.get(base + path)
    area = driver.find_element(By.NAME, "naskah.ikhtisar")
    check("menyajikan capaian 6 indikator" in area.get_attribute("value"), "naskah LKjIP tidak berisi teks awal dari data")
    area.clear()
    area.send_keys("Dinas Sosial mencapai sebagian besar target 2022.")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[contains(., 'Simpan naskah LKjIP')]"),
                   "Naskah tersimpan")
    check("Dinas Sosial mencapai sebagian besar target 2022." in driver.find_element(By.CSS_SELECTOR, "article.lkjip").text,
          "naskah LKjIP tersimpan tidak tampil pada dokumen")
    shoot(driver, base, "lkjip", path)
    driver.get(base + path)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    data = base64.b64decode(pdf["data"])
    with open(os.path.join(OUT, "cetak-lkjip.pdf"), "wb") as handle:
        handle.write(data)
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)
    check("Simpan naskah" not in text, "formulir naskah ikut tercetak")
    check("Bab III Akuntabilitas Kinerja" in text and "Bab IV Penutup" in text, "cetakan LKjIP tidak memuat babnya")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    logout(driver)
    print(f"  LKjIP DINSOS 2022: naskah disunting dan tersimpan; cetak {len(PdfReader(io.BytesIO(data)).pages)} halaman")


def pemda_of(driver, base, kode):
    driver.get(base + "/")
    for anchor in driver.find_elements(By.TAG_NAME, "a"):
        href = anchor.get_attribute("href") or ""
        if href.endswith("/pd/" + kode):
            return href[len(base):]
    raise SystemExit("GAGAL: PD " + kode + " tidak ada di beranda")


if __name__ == "__main__":
    main()
