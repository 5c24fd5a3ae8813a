/// Finds which option a typed answer means: its number, its label or a synonym, a whole word
/// inside a sentence, or, forgiving small typos, the nearest term by edit distance.
enum AnswerMatcher {
    enum Match: Equatable {
        case option(Int)
        /// Several options are equally close: ask which one was meant.
        case ambiguous([Int])
        case none
    }

    /// - Parameter shortestWord: how long a word must be to pick an option whose label contains
    ///   it. The topic menu allows short words ("iş", "کار"): its titles are few and distinct.
    static func match(_ input: String, terms: [(term: String, option: Int)], optionCount: Int, shortestWord: Int = 4) -> Match {
        if let n = Int(input), n >= 1, n <= optionCount { return .option(n - 1) }
        if input.isEmpty { return .none }
        let exact = Set(terms.filter { $0.term == input }.map(\.option))
        if exact.count == 1 { return .option(exact.first!) }
        if exact.count > 1 { return .ambiguous(exact.sorted()) }

        // A term as whole words inside a longer answer ("ich habe eine Duldung"): the longest wins.
        let padded = " \(input) "
        var best: (length: Int, options: Set<Int>) = (0, [])
        for t in terms where !t.term.isEmpty && padded.contains(" \(t.term) ") {
            let length = t.term.count
            if length > best.length { best = (length, [t.option]) } else if length == best.length { best.options.insert(t.option) }
        }
        if best.options.count == 1 { return .option(best.options.first!) }
        if best.options.count > 1 { return .ambiguous(best.options.sorted()) }

        // The answer is one or more whole words of an option's label ("Integrationskurs" for
        // "Deutschkurs (Integrationskurs)"); short words like "am" are too common to count.
        if input.count >= shortestWord {
            let within = Set(terms.filter { " \($0.term) ".contains(padded) }.map(\.option))
            if within.count == 1 { return .option(within.first!) }
            if within.count > 1 { return .ambiguous(within.sorted()) }
        }

        // Typos: a few letters off, scaled to the length of the word.
        let limit = typoLimit(input.count)
        guard limit > 0 else { return .none }
        var distances: [Int: Int] = [:]
        for t in terms {
            // The whole term, and each longer word of it: "Integrationskurz" finds
            // "Deutschkurs (Integrationskurs)".
            let words = t.term.split(separator: " ")
            let candidates = [t.term[...]] + (words.count > 1 ? words.filter { $0.count >= 5 } : [])
            for candidate in candidates {
                let d = EditDistance.levenshtein(input, String(candidate), limit: limit)
                if d <= limit, d < (distances[t.option] ?? .max) { distances[t.option] = d }
            }
        }
        guard let minimum = distances.values.min() else { return .none }
        let closest = distances.filter { $0.value <= minimum }.map(\.key).sorted()
        return closest.count == 1 ? .option(closest[0]) : .ambiguous(closest)
    }

    static func typoLimit(_ length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4..<8: 1
        default: 2
        }
    }

    /// The one number in an answer such as "34", "34 Jahre", "٣٤", "1,5", "ich bin 34".
    static func number(in input: String) -> Double? {
        var found: [String] = []
        var current = ""
        for ch in input {
            if ch.isASCII && ch.isNumber {
                current.append(ch)
            } else if (ch == "," || ch == "."), !current.isEmpty, !current.contains(".") {
                current.append(".")
            } else {
                if !current.isEmpty { found.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { found.append(current) }
        guard found.count == 1 else { return nil }
        var text = found[0]
        if text.hasSuffix(".") { text.removeLast() }
        return Double(text)
    }
}
