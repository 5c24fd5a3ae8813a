/// "Did you mean …?" for misspelt keys and ids: most edits are a letter off.
public enum Suggestions {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = EditDistance.levenshtein(word, c, limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}

public enum EditDistance {
    /// Edit distance over Unicode scalars where swapping two neighbours counts once (optimal
    /// string alignment: "Duldnug" is one edit from "Duldung"). Gives up above `limit`
    /// (returns limit + 1).
    public static func levenshtein(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit &+ 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = Array(repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = Swift.min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = Swift.min(rowMin, d)
            }
            if rowMin > limit { return limit &+ 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
