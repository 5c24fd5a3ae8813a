/// The language of the staff tools (checker, graph): German or English.
public enum ToolLanguage: String, Sendable, CaseIterable {
    case de, en

    /// From a POSIX locale such as `de_DE.UTF-8`; English unless it says German.
    public init(locale: String?) {
        self = (locale ?? "").lowercased().hasPrefix("de") ? .de : .en
    }

    public func pick(_ de: String, _ en: String) -> String { self == .de ? de : en }
}
