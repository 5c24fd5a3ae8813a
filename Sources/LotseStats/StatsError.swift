import LotseCore

/// What staff are told when the statistics cannot be read or written: one line in German or
/// English, never a stack trace, never a password.
public enum StatsError: Error, Sendable, Equatable {
    case badLocation(text: String)
    case noSuchFile(path: String)
    case cannotOpen(location: String, reason: String)
    case newerSchema(found: Int, known: Int)
    case badDay(text: String)
    case badRange(from: Day, to: Day)
    case badDoor(text: String)

    public func message(_ language: ToolLanguage) -> String {
        let de = language == .de
        switch self {
        case .badLocation(let t):
            return de ? "'\(t)' ist kein Statistik-Speicher (eine Datei oder postgres://benutzer:passwort@host:port/datenbank)"
                      : "'\(t)' is not a statistics store (a file or postgres://user:password@host:port/database)"
        case .noSuchFile(let p):
            return de ? "Statistik-Datei \(p) gibt es nicht" : "statistics file \(p) does not exist"
        case .cannotOpen(let l, let r):
            return de ? "Statistik-Speicher \(l) nicht erreichbar: \(r)" : "cannot open statistics store \(l): \(r)"
        case .newerSchema(let found, let known):
            return de ? "Statistik-Speicher hat Schema-Version \(found), dieses Programm kennt nur bis \(known): bitte Lotse aktualisieren"
                      : "statistics store has schema version \(found), this program knows up to \(known): update Lotse"
        case .badDay(let t):
            return de ? "'\(t)' ist kein Datum der Form JJJJ-MM-TT" : "'\(t)' is not a date of the form YYYY-MM-DD"
        case .badRange(let f, let t):
            return de ? "--from \(f) liegt nach --to \(t)" : "--from \(f) is after --to \(t)"
        case .badDoor(let t):
            return de ? "'\(t)' ist kein Tür-Name (1–32 Zeichen a-z, 0-9, -)" : "'\(t)' is not a door name (1–32 characters a-z, 0-9, -)"
        }
    }
}
