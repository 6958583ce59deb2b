import Foundation

/// Form controls: every POST form carries the CSRF field; labels wrap their inputs.
enum Form {
    static func post(
        _ action: String, csrf: String, attributes: [(String, String?)] = [], multipart: Bool = false,
        _ children: [HTML]
    ) -> HTML {
        .el(
            "form",
            [("method", "post"), ("action", action), ("enctype", multipart ? "multipart/form-data" : nil)] + attributes,
            [.el("input", [("type", "hidden"), ("name", "_csrf"), ("value", csrf)])] + children)
    }

    /// A labelled input; `galat` marks it invalid and prints the message under it.
    static func input(
        _ label: String, name: String, value: String = "", type: String = "text", galat: String? = nil,
        extra: [(String, String?)] = []
    ) -> HTML {
        var children: [HTML] = [
            .text(label),
            .el(
                "input",
                [
                    ("type", type), ("name", name), ("id", name), ("value", type == "password" ? nil : value),
                    ("aria-invalid", galat == nil ? nil : "true"),
                ] + extra),
        ]
        if let galat { children.append(.el("span", [("class", "galat-isian")], galat)) }
        return .el("label", [], children)
    }

    static func select(_ label: String, name: String, options: [(String, String)], selected: String?) -> HTML {
        .el(
            "label", [],
            [
                .text(label),
                .el(
                    "select", [("name", name), ("id", name)],
                    options.map { value, text in
                        HTML.el("option", [("value", value), ("selected", value == selected ? "selected" : nil)], text)
                    }),
            ])
    }

    static func pesan(_ text: String?, galat: Bool) -> HTML {
        guard let text, !text.isEmpty else { return .empty }
        return .el(
            "div", [("class", galat ? "pesan galat" : "pesan sukses"), ("role", galat ? "alert" : "status")], text)
    }

    /// A hidden field (a version or the value the form was loaded with).
    static func tersembunyi(_ name: String, _ value: String) -> HTML {
        PenulisHTML.html { $0.tersembunyi(name, value) }
    }

    /// A field's error under it, announced to screen readers; nothing without one.
    static func galatIsian(_ text: String?) -> HTML {
        PenulisHTML.html { $0.galatIsian(text) }
    }
}

extension PenulisHTML {
    /// `Form.tersembunyi`, written into bytes.
    mutating func tersembunyi(_ name: String, _ value: String) {
        buka("input", ["type": "hidden", "name": name, "value": value])
    }

    /// `Form.galatIsian`, written into bytes.
    mutating func galatIsian(_ text: String?) {
        if let text { el("div", ["class": "galat-isian", "role": "alert"], text) }
    }
}
