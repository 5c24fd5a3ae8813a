import Foundation

/// Number formatting shared by every benchmark, the black-box load generator included.

/// `12.34` with a fixed number of decimals.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// `1,234,567` for large counts.
public func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return (value < 0 ? "-" : "") + out
}

/// Pads on the left (numbers) or right (labels) to a column width.
public func pad(_ s: String, _ width: Int, right: Bool = true) -> String {
    let fill = String(repeating: " ", count: Swift.max(0, width - s.count))
    return right ? fill + s : s + fill
}
