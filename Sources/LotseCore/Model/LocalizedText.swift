/// A text the newcomer reads, in every language of the deployment, or one neutral string for
/// proper names, numbers and addresses that do not change between languages.
public struct LocalizedText: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case neutral(String)
        case translations([String: String])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The text in `language`, else in `fallback`, else any text at all (sorted by code, so the
    /// choice is stable): a missing translation shows something rather than nothing.
    public func text(in language: String, fallback: String) -> String {
        switch content {
        case .neutral(let s): return s
        case .translations(let t):
            return t[language] ?? t[fallback] ?? t.sorted { $0.key < $1.key }.first?.value ?? ""
        }
    }

    public func has(_ language: String) -> Bool {
        switch content {
        case .neutral: true
        case .translations(let t): t[language] != nil
        }
    }
}

/// Word lists per language: synonyms of an option, unit words, command words.
public struct LocalizedWords: Sendable, Hashable {
    public var words: [String: [String]]
    public var location: SourceLocation
    /// Where each language's list starts, so a finding about one word points at its line.
    public var languageLocations: [String: SourceLocation]

    public init(_ words: [String: [String]], at location: SourceLocation, languageLocations: [String: SourceLocation] = [:]) {
        self.words = words
        self.location = location
        self.languageLocations = languageLocations
    }

    /// Where the list of `language` starts, else where the whole word list does.
    public func location(of language: String) -> SourceLocation { languageLocations[language] ?? location }

    public func words(in language: String) -> [String] { words[language] ?? [] }
}

/// A condition as written, with the location of its first character.
public struct ConditionSource: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    /// Where each character of `text` stands in the file, when known (quoted or folded
    /// conditions do not map column for column).
    public var places: [SourceLocation]

    public init(_ text: String, at location: SourceLocation, places: [SourceLocation] = []) {
        self.text = text
        self.location = location
        self.places = places
    }

    /// The place in the file of the character at `offset` (counted in Unicode scalars).
    public func location(ofOffset offset: Int) -> SourceLocation {
        offset >= 0 && offset < places.count ? places[offset] : location.advanced(by: offset)
    }
}
