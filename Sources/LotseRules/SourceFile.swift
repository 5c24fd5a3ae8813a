import LotseCore

/// A rule file's path (as staff should see it in messages) and its text. The loader never
/// opens files itself; the doors read them and hand them over.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Everything a rule set is made of, as read from disk by a door.
public struct RuleSources: Sendable {
    public var deployment: SourceFile
    /// Files per layer name, in load order. A layer that could not be found maps to nil.
    public var layers: [String: [SourceFile]?]

    public init(deployment: SourceFile, layers: [String: [SourceFile]?]) {
        self.deployment = deployment
        self.layers = layers
    }
}
