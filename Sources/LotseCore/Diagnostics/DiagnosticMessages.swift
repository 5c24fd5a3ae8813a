/// The wording of every diagnostic, in German and English. Staff read these right after an
/// edit, so they say what is wrong and, where possible, what to write instead.
extension Problem {
    public func message(_ l: ToolLanguage) -> String {
        switch self {
        case .yamlSyntax(let detail):
            return l.pick("YAML-Syntaxfehler: \(detail)", "YAML syntax error: \(detail)")
        case .fileUnreadable(let detail):
            return l.pick("Datei kann nicht gelesen werden: \(detail)", "cannot read file: \(detail)")
        case .unknownKey(let key, let allowed):
            let hint = Suggestions.closest(to: key, in: allowed).map { l.pick(" – meinten Sie '\($0)'?", " – did you mean '\($0)'?") } ?? ""
            return l.pick("unbekannter Schlüssel '\(key)'\(hint) (erlaubt: \(allowed.joined(separator: ", ")))",
                          "unknown key '\(key)'\(hint) (allowed: \(allowed.joined(separator: ", ")))")
        case .missingKey(let key):
            return l.pick("Pflichtschlüssel '\(key)' fehlt", "required key '\(key)' is missing")
        case .wrongKind(let key, let expected):
            return l.pick("'\(key)' muss \(expected.name(l)) sein", "'\(key)' must be \(expected.name(l))")
        case .invalidValue(let key, let value, let expected):
            return l.pick("ungültiger Wert '\(value)' für '\(key)': erwartet \(expected.name(l))",
                          "invalid value '\(value)' for '\(key)': expected \(expected.name(l))")
        case .duplicateID(let kind, let id, let first):
            return l.pick("\(kind.name(l)) '\(id)' ist doppelt definiert (zuerst in \(first))",
                          "duplicate \(kind.name(l)) '\(id)' (first defined at \(first))")
        case .undefinedReference(let kind, let id, let suggestion):
            let hint = suggestion.map { l.pick(" – meinten Sie '\($0)'?", " – did you mean '\($0)'?") } ?? ""
            return l.pick("\(kind.name(l)) '\(id)' ist nicht definiert\(hint)", "undefined \(kind.name(l)) '\(id)'\(hint)")
        case .condition(let p):
            return p.message(l)
        case .conflictingKeys(let keys):
            let list = keys.map { "'\($0)'" }.joined(separator: ", ")
            return l.pick("diese Schlüssel schließen sich aus: \(list)", "these keys cannot be used together: \(list)")
        case .emptyList(let key):
            return l.pick("'\(key)' darf nicht leer sein", "'\(key)' must not be empty")
        case .rangeInverted(let min, let max):
            return l.pick("min (\(min.compact)) ist größer als max (\(max.compact))", "min (\(min.compact)) is greater than max (\(max.compact))")
        case .datesInverted(let from, let until):
            return l.pick("valid_from (\(from)) liegt nach valid_until (\(until))", "valid_from (\(from)) is after valid_until (\(until))")
        case .sourceRequired:
            return l.pick("ein Kontakt mit 'verified: true' braucht eine Quelle ('source')",
                          "a contact with 'verified: true' needs a 'source'")
        case .unknownLanguage(let code):
            return l.pick("Sprache '\(code)' wird in lotse.yaml nicht angeboten", "language '\(code)' is not offered in lotse.yaml")
        case .missingMessage(let key):
            return l.pick("Meldung '\(key)' ist in keiner Ebene definiert (Abschnitt 'messages')",
                          "message '\(key)' is not defined in any layer ('messages' section)")
        case .missingWords(let key):
            return l.pick("Wortliste '\(key)' ist in keiner Ebene definiert (Abschnitt 'vocabulary')",
                          "word list '\(key)' is not defined in any layer ('vocabulary' section)")
        case .unreachableNode(let node, let tree):
            return l.pick("Knoten '\(node)' ist vom Start des Baums '\(tree)' aus nicht erreichbar",
                          "node '\(node)' cannot be reached from the start of tree '\(tree)'")
        case .deadEnd(let node, let example):
            return l.pick("Sackgasse: Knoten '\(node)' hat keinen Weg weiter, wenn \(example); ergänzen Sie 'otherwise'",
                          "dead end: node '\(node)' has no way on when \(example); add 'otherwise'")
        case .cycle(let path):
            return l.pick("Kreis im Baum: \(path.joined(separator: " → "))", "cycle in the tree: \(path.joined(separator: " → "))")
        case .branchNeverTaken(let index, let node, let by) where by.isEmpty:
            return l.pick("Zweig \(index) von '\(node)' wird nie genommen: seine Bedingung kann nie zutreffen",
                          "branch \(index) of '\(node)' can never be taken: its condition can never be true")
        case .branchNeverTaken(let index, let node, let by):
            let earlier = by.map { String($0) }.joined(separator: ", ")
            return l.pick("Zweig \(index) von '\(node)' wird nie genommen: frühere Zweige (\(earlier)) treffen immer vorher zu",
                          "branch \(index) of '\(node)' can never be taken: earlier branches (\(earlier)) always match first")
        case .branchAnalysisSkipped(let node, let n):
            return l.pick("Zweige von '\(node)' nicht vollständig geprüft: \(n) Kombinationen sind zu viele",
                          "branches of '\(node)' not fully analysed: \(n) combinations are too many")
        case .missingTranslation(let languages):
            return l.pick("Übersetzung fehlt: \(languages.joined(separator: ", "))", "missing translation: \(languages.joined(separator: ", "))")
        case .reviewOverdue(let id, let date, let today):
            return l.pick("Angebot '\(id)' hätte bis \(date) überprüft werden müssen (heute: \(today))",
                          "offer '\(id)' was due for review on \(date) (today: \(today))")
        case .offerNotReached(let id):
            return l.pick("Angebot '\(id)' wird von keinem Baum erreicht", "offer '\(id)' is not reached by any tree")
        case .treeNotInMenu(let id):
            return l.pick("Baum '\(id)' steht nicht im Menü ('menu: topics')", "tree '\(id)' is not in the menu ('menu: topics')")
        case .wordIsCommand(let word, let language, let command):
            return l.pick("'\(word)' (\(language)) ist ein Befehlswort ('\(command)') und wählt deshalb nie dieses Thema oder diese Antwort",
                          "'\(word)' (\(language)) is a command word ('\(command)'), so it never chooses this topic or answer")
        case .askedFactUnused(let fact, let node):
            return l.pick("Knoten '\(node)' fragt '\(fact)', aber keine Bedingung seiner Zweige liest es",
                          "node '\(node)' asks '\(fact)' but none of its branch conditions reads it")
        }
    }
}

extension ConditionProblem {
    public func message(_ l: ToolLanguage) -> String {
        switch self {
        case .empty:
            return l.pick("leere Bedingung", "empty condition")
        case .unexpectedCharacter(let c):
            return l.pick("unerwartetes Zeichen '\(c)' in der Bedingung", "unexpected character '\(c)' in the condition")
        case .singleEquals:
            return l.pick("'=' allein ist kein Vergleich: schreiben Sie '=='", "'=' alone is no comparison: write '=='")
        case .unterminatedString:
            return l.pick("Zeichenkette ohne schließendes Anführungszeichen", "string without closing quote")
        case .invalidNumber(let t):
            return l.pick("'\(t)' ist keine gültige Zahl", "'\(t)' is not a valid number")
        case .invalidDate(let t):
            return l.pick("'\(t)' ist kein gültiges Datum (JJJJ-MM-TT)", "'\(t)' is not a valid date (YYYY-MM-DD)")
        case .unexpectedToken(let found, let expected):
            let f = found.isEmpty ? l.pick("das Ende der Bedingung", "the end of the condition") : "'\(found)'"
            return l.pick("\(expected.name(l)) erwartet, gefunden: \(f)", "expected \(expected.name(l)), found \(f)")
        case .tooDeep:
            return l.pick("Bedingung ist zu tief verschachtelt", "condition is nested too deeply")
        case .tooLong(let n):
            return l.pick("Bedingung ist zu lang (höchstens \(n) Wörter und Zeichen); teilen Sie sie in mehrere Teile von 'eligible_if' oder Zweige auf",
                          "condition is too long (at most \(n) words and symbols); split it into several 'eligible_if' parts or branches")
        case .unknownName(let name, let suggestion):
            let hint = suggestion.map { l.pick(" – meinten Sie '\($0)'?", " – did you mean '\($0)'?") } ?? ""
            return l.pick("unbekannter Fakt '\(name)'\(hint)", "unknown fact '\(name)'\(hint)")
        case .unknownFactInKnown(let name, let suggestion):
            let hint = suggestion.map { l.pick(" – meinten Sie '\($0)'?", " – did you mean '\($0)'?") } ?? ""
            return l.pick("known(…) braucht einen Fakt; '\(name)' ist keiner\(hint)", "known(…) needs a fact; '\(name)' is none\(hint)")
        case .typeMismatch(let op, let left, let right):
            return l.pick("Typfehler: '\(op)' kann \(left.name(l)) nicht mit \(right.name(l)) vergleichen",
                          "type error: cannot compare \(left.name(l)) with \(right.name(l)) using '\(op)'")
        case .notYesNo(let what):
            return l.pick("Typfehler: hier wird eine Ja/Nein-Bedingung erwartet, nicht \(what.name(l))",
                          "type error: a yes/no condition is expected here, not \(what.name(l))")
        case .valueNotInChoice(let value, let fact, let options):
            return l.pick("'\(value)' ist keine Option des Auswahl-Fakts '\(fact)' (Optionen: \(options.joined(separator: ", ")))",
                          "'\(value)' is not an option of the choice fact '\(fact)' (options: \(options.joined(separator: ", ")))")
        case .orderingOnChoice(let fact):
            return l.pick("Typfehler: der Auswahl-Fakt '\(fact)' kann nur mit ==, != oder in verglichen werden",
                          "type error: the choice fact '\(fact)' can only be compared with ==, != or in")
        }
    }
}

extension ConditionProblem.Expectation {
    func name(_ l: ToolLanguage) -> String {
        switch self {
        case .operand: l.pick("ein Fakt, ein Wert oder '('", "a fact, a value or '('")
        case .operatorOrEnd: l.pick("'and', 'or' oder das Ende", "'and', 'or' or the end")
        case .list: l.pick("eine Liste '[…]'", "a list '[…]'")
        case .listItem: l.pick("ein Wert in der Liste", "a value in the list")
        case .commaOrBracket: l.pick("',' oder ']'", "',' or ']'")
        case .closingParenthesis: "')'"
        case .openingParenthesis: "'('"
        case .factName: l.pick("ein Fakt", "a fact")
        }
    }
}

extension OperandDescription {
    func name(_ l: ToolLanguage) -> String {
        switch self {
        case .numberFact(let f): l.pick("Zahl-Fakt '\(f)'", "the number fact '\(f)'")
        case .yesNoFact(let f): l.pick("Ja/Nein-Fakt '\(f)'", "the yes/no fact '\(f)'")
        case .choiceFact(let f): l.pick("Auswahl-Fakt '\(f)'", "the choice fact '\(f)'")
        case .numberLiteral(let t): l.pick("Zahl \(t)", "the number \(t)")
        case .stringLiteral(let t): l.pick("Text \"\(t)\"", "the text \"\(t)\"")
        case .boolLiteral(let b): l.pick("Wahrheitswert \(b)", "the truth value \(b)")
        case .dateLiteral(let d): l.pick("Datum \(d)", "the date \(d)")
        case .today: l.pick("Datum 'today'", "the date 'today'")
        case .condition: l.pick("Ja/Nein-Bedingung", "a yes/no condition")
        }
    }
}

extension ItemKind {
    func name(_ l: ToolLanguage) -> String {
        switch self {
        case .fact: l.pick("Fakt", "fact")
        case .tree: l.pick("Baum", "tree")
        case .node: l.pick("Knoten", "node")
        case .offer: l.pick("Angebot", "offer")
        case .contact: l.pick("Kontakt", "contact")
        case .option: l.pick("Option", "option")
        case .layer: l.pick("Ebene", "layer")
        case .language: l.pick("Sprache", "language")
        case .messageKey: l.pick("Meldung", "message")
        case .wordKey: l.pick("Wortliste", "word list")
        case .section: l.pick("Abschnitt", "section")
        }
    }
}

extension ValueKind {
    func name(_ l: ToolLanguage) -> String {
        switch self {
        case .mapping: l.pick("eine Zuordnung (Schlüssel: Wert)", "a mapping (key: value)")
        case .list: l.pick("eine Liste", "a list")
        case .text: l.pick("ein Text oder eine Zuordnung Sprache → Text", "a text or a mapping language → text")
        case .string: l.pick("ein Text", "a string")
        case .number: l.pick("eine Zahl", "a number")
        case .boolean: l.pick("true oder false", "true or false")
        case .date: l.pick("ein Datum JJJJ-MM-TT", "a date YYYY-MM-DD")
        case .identifier: l.pick("eine Kennung aus a–z, 0–9 und _ (beginnt mit einem Buchstaben)", "an id of a–z, 0–9 and _ (starting with a letter)")
        case .words: l.pick("eine Zuordnung Sprache → Liste von Wörtern", "a mapping language → list of words")
        case .condition: l.pick("eine Bedingung", "a condition")
        case .formatVersion: l.pick("die Formatversion 1", "format version 1")
        case .factType: "number, yesno " + l.pick("oder", "or") + " choice"
        case .direction: "ltr " + l.pick("oder", "or") + " rtl"
        case .layerFolder: l.pick("ein Ordner im Regelverzeichnis", "a folder in the rules directory")
        case .nodeKind: l.pick("genau eines von ask, branches, say, refer", "exactly one of ask, branches, say, refer")
        }
    }
}

extension Double {
    /// `34` rather than `34.0`.
    public var compact: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
