import Foundation

/// The rows of a table as rendered, each with the input it was rendered from, so that the page's next version
/// (computed after a write) renders again only the rows whose input changed and takes the others' HTML as it is.
/// A row's HTML is a pure function of its input and of the page (`konteks`: everything else its rendering reads,
/// which must be equal too), so an equal input can only give the same HTML: reuse never shows a stale row.
///
/// Rows are matched by position (a save changes figures, not the tree); when rows move, each is compared with what
/// stood at its place and rendered again where it differs.
struct BarisTersaji<Input: Equatable & Sendable>: Sendable {
    let konteks: String
    let masukan: [Input]
    let html: [HTML]
    /// How many rows were rendered here rather than taken from the previous version.
    let dirender: Int

    init(_ inputs: [Input], konteks: String, sebelumnya: BarisTersaji? = nil, render: (Input) -> HTML) {
        let previous = sebelumnya.flatMap { $0.konteks == konteks ? $0 : nil }
        var html: [HTML] = []
        html.reserveCapacity(inputs.count)
        var rendered = 0
        for (index, input) in inputs.enumerated() {
            if let previous, index < previous.masukan.count, previous.masukan[index] == input {
                html.append(previous.html[index])
            } else {
                html.append(render(input))
                rendered += 1
            }
        }
        self.konteks = konteks
        self.masukan = inputs
        self.html = html
        self.dirender = rendered
    }

    /// The rows' HTML in bytes.
    var bytes: Int { html.reduce(0) { $0 + $1.rendered.utf8.count } }
}
