import LotseCore
import Yams

/// Parses YAML text into Yams nodes, turning libyaml's errors into located diagnostics.
enum YAMLDocument {
    static func compose(_ file: SourceFile) -> Result<Node?, Diagnostic> {
        do {
            // The basic resolver: the loader reads every scalar as text and parses numbers, booleans
            // and dates itself, so Yams' regular-expression tag resolution is wasted work.
            return .success(try Yams.compose(yaml: file.text, .basic))
        } catch let error as YamlError {
            return .failure(diagnostic(error, file: file.path))
        } catch {
            return .failure(.error(.yamlSyntax(String(describing: error)), at: SourceLocation(file: file.path, line: 1, column: 1)))
        }
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) \($0.mark.line):\($0.mark.column))" } ?? problem
            return .error(.yamlSyntax(detail), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.yamlSyntax("duplicate key \(duplicates.joined(separator: ", "))"), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax(problem), at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error(.yamlSyntax(String(describing: error)), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
