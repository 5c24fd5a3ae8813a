/// Three-valued truth (Kleene): an answer the newcomer did not know stays unknown and never
/// silently becomes "no".
public enum Tri: Sendable, Hashable {
    case yes, no, unknown

    public init(_ value: Bool) { self = value ? .yes : .no }

    public static prefix func ! (a: Tri) -> Tri {
        switch a {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }

    public static func && (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .no { return .no }
        let r = b()
        if r == .no { return .no }
        return a == .yes && r == .yes ? .yes : .unknown
    }

    public static func || (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .yes { return .yes }
        let r = b()
        if r == .yes { return .yes }
        return a == .no && r == .no ? .no : .unknown
    }
}
