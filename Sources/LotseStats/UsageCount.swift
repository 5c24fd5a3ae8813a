import LotseCore

/// One daily counter: what the store holds, and what a flush adds to it.
public struct CounterKey: Sendable, Hashable {
    public var day: Day
    public var kind: UsageEvent.Kind
    public var key: String
    public var language: String

    public init(day: Day, kind: UsageEvent.Kind, key: String, language: String) {
        self.day = day
        self.kind = kind
        self.key = key
        self.language = language
    }
}

/// A counter summed over the report's days.
public struct ReportRow: Sendable, Hashable {
    public var door: String
    public var kind: String
    public var key: String
    public var language: String
    public var count: Int

    public init(door: String, kind: String, key: String, language: String, count: Int) {
        self.door = door
        self.kind = kind
        self.key = key
        self.language = language
        self.count = count
    }
}
