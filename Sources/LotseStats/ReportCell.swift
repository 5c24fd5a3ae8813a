/// A count as a report may show it. Counts of 1 to 4 are never shown: with so few, a person
/// could be recognised ("the one Farsi speaker on Tuesday"). A total that contains such a cell
/// is shown only as a lower bound, so subtracting cannot reveal it.
public enum ReportCell: Sendable, Hashable, Comparable {
    case exact(Int)
    /// 1 to 4.
    case small
    /// The true value is at least this (≥ 5), and hides a small cell.
    case atLeast(Int)

    public static let threshold = 5

    public init(_ count: Int) {
        self = (1..<Self.threshold).contains(count) ? .small : .exact(count)
    }

    /// The sum of `counts`, each of which a report shows as a cell.
    public init(total counts: [Int]) {
        let sum = counts.reduce(0, +)
        let shown = counts.filter { !(1..<Self.threshold).contains($0) }
        if shown.count == counts.count {
            self.init(sum)
        } else if sum < Self.threshold {
            self = .small
        } else {
            self = .atLeast(max(Self.threshold, shown.reduce(0, +)))
        }
    }

    /// For bars and ordering: what may be known of the value (small cells count as 0).
    public var shownValue: Int {
        switch self {
        case .exact(let n), .atLeast(let n): n
        case .small: 0
        }
    }

    public static func < (a: ReportCell, b: ReportCell) -> Bool { a.shownValue < b.shownValue }

    /// For text and CSV: `12`, `< 5`, `≥ 15`.
    public var text: String {
        switch self {
        case .exact(let n): String(n)
        case .small: "< \(Self.threshold)"
        case .atLeast(let n): "≥ \(n)"
        }
    }

    /// For CSV and JSON, ASCII only: `12`, `<5`, `>=15`.
    public var ascii: String {
        switch self {
        case .exact(let n): String(n)
        case .small: "<\(Self.threshold)"
        case .atLeast(let n): ">=\(n)"
        }
    }
}
