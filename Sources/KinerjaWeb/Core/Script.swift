/// The only JavaScript of the site, served as `/aset/kinerja-<hash>.js` (no build step). Every page works without
/// it; it adds the live capaian while typing realisasi and the print button.
enum Script {
    /// The file's name carries a hash of its content: a new version is a new name, so browsers keep it a year.
    static let nama: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for byte in kinerja.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "kinerja-" + String(hash, radix: 16) + ".js"
    }()

    static let kinerja = """
        "use strict";
        (function () {
          function debounce(fn, ms) { var t; return function () { var a = arguments, s = this; clearTimeout(t); t = setTimeout(function () { fn.apply(s, a); }, ms); }; }
          function update(input) {
            var cell = document.getElementById("c." + input.name.slice(2));
            if (!cell) { return; }
            fetch(input.dataset.capaian + "&nilai=" + encodeURIComponent(input.value), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
              .then(function (r) { return r.json(); })
              .then(function (j) {
                cell.textContent = "";
                if (j.galat) { cell.textContent = j.galat; input.setAttribute("aria-invalid", "true"); return; }
                input.removeAttribute("aria-invalid");
                cell.appendChild(document.createTextNode(j.capaian + " "));
                if (j.kategori) {
                  var b = document.createElement("span");
                  b.className = "badge"; b.style.background = j.warna; b.style.color = j.warnaTeks; b.textContent = j.kategori;
                  cell.appendChild(b);
                }
              })
              .catch(function () {});
          }
          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll("input[data-capaian]").forEach(function (input) {
              input.addEventListener("input", debounce(function () { update(input); }, 250));
            });
            document.querySelectorAll("[data-cetak]").forEach(function (button) {
              button.addEventListener("click", function () { window.print(); });
            });
          });
        })();
        """
}
