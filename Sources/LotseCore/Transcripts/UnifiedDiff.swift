/// A unified diff of two small texts (a turn of a conversation), with line numbers of the
/// expected side taken from the transcript file, so staff can find the line to fix.
public enum UnifiedDiff {
    public static func render(expected: [String], actual: [String], expectedStart: Int, expectedName: String, actualName: String,
                              context: Int = 2) -> String {
        enum Op { case same(String), removed(String), added(String) }
        let n = expected.count, m = actual.count
        // Longest common subsequence table; turns are at most a few hundred lines.
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] { ops.append(.same(expected[i])); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(.removed(expected[i])); i += 1 }
            else { ops.append(.added(actual[j])); j += 1 }
        }
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        // Group changes with their context into hunks.
        var k = 0
        var oldLine = expectedStart, newLine = 1
        var positions: [(old: Int, new: Int)] = []
        for op in ops {
            positions.append((oldLine, newLine))
            switch op {
            case .same: oldLine += 1; newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        while k < ops.count {
            guard let change = ops[k...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
            let start = max(0, change - context)
            var end = change
            var lastChange = change
            while end < ops.count {
                if case .same = ops[end] {
                    if end - lastChange > context * 2 { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            end = min(ops.count, lastChange + context + 1)
            let slice = ops[start..<end]
            let oldCount = slice.filter { if case .added = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .removed = $0 { false } else { true } }.count
            out += "@@ -\(positions[start].old),\(oldCount) +\(positions[start].new),\(newCount) @@\n"
            for op in slice {
                switch op {
                case .same(let s): out += " \(s)\n"
                case .removed(let s): out += "-\(s)\n"
                case .added(let s): out += "+\(s)\n"
                }
            }
            k = end
        }
        return out
    }
}
