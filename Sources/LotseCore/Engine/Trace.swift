/// Which parts of the trees a conversation went through, for `lotse test --coverage`.
/// Off by default: a kiosk conversation records nothing it does not need.
public struct Trace: Sendable, Hashable {
    public struct NodeRef: Sendable, Hashable { public var tree: Int; public var node: Int }
    public struct EdgeRef: Sendable, Hashable { public var tree: Int; public var node: Int; public var edge: Int }

    public var nodes = Set<NodeRef>()
    public var edges = Set<EdgeRef>()

    public init() {}

    public mutating func formUnion(_ other: Trace) {
        nodes.formUnion(other.nodes)
        edges.formUnion(other.edges)
    }
}
