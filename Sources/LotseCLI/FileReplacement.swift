import Foundation

/// Replaces a file's contents by writing beside it and renaming: a reader never sees half a
/// file, and unlike Foundation's atomic write on Linux no temporary folder is left behind.
enum FileReplacement {
    static func write(_ text: String, to path: String) throws {
        let temporary = path + ".lotse-tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
