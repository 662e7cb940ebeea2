import Extraction
import Foundation

/// Finds the files an import covers: named files as they are, folders recursively (hidden
/// files skipped, symlinked folders followed once, loops detected).
struct FileWalker {
    struct Found {
        var files: [String] = []
        /// Files inside folders whose type the archive does not take (counted, not rejected).
        var skipped: [String] = []
        var rejects: [ImportSummary.Reject] = []
        /// The folders named as roots (for pruning files that vanished from them).
        var folders: [String] = []
    }

    func walk(_ roots: [String]) -> Found {
        var found = Found()
        var visitedFolders: Set<String> = []
        var seenFiles: Set<String> = []
        for root in roots {
            let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue {
                found.folders.append(absolute)
            }
            visit(absolute, named: true, into: &found, visited: &visitedFolders, seen: &seenFiles)
        }
        return found
    }

    private func visit(_ path: String, named: Bool, into found: inout Found, visited: inout Set<String>, seen: inout Set<String>) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            found.rejects.append(.init(path: path, reason: isLink ? "broken symbolic link or symlink loop" : "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else {
                // Reached again: through a symlink that loops back (reported), or the same folder
                // named twice (nothing to say).
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    found.rejects.append(.init(path: path, reason: "symbolic link loop: leads back to a folder already imported"))
                }
                return
            }
            guard let listing = Self.list(path) else {
                found.rejects.append(.init(path: path, reason: "cannot read folder: permission denied or unreadable"))
                return
            }
            for name in listing.undecodable where !name.hasPrefix(".") {
                found.rejects.append(.init(path: path + "/" + name, reason: "file name is not valid UTF-8 (e.g. Latin-1 from an old Windows share): rename it, e.g. convmv -f latin1 -t utf8 --notest"))
            }
            for child in listing.names.sorted() where !child.hasPrefix(".") {
                visit(path + "/" + child, named: false, into: &found, visited: &visited, seen: &seen)
            }
            return
        }
        guard seen.insert(path).inserted else { return }
        if Extractor.isSupported(path) {
            found.files.append(path)
        } else if named {
            let ext = (path as NSString).pathExtension
            found.rejects.append(.init(path: path, reason: "unsupported file type: \(ext.isEmpty ? "no extension" : "." + ext) (the archive takes PDF, text, Word .docx and HTML files)"))
        } else {
            found.skipped.append(path)
        }
    }

    /// A folder's entries. Names that are not UTF-8 come apart: Foundation would hand them
    /// over with U+FFFD in place of the odd bytes, a path that names nothing, so they are
    /// returned separately (shown that way) to be reported instead of "not found".
    static func list(_ folder: String) -> (names: [String], undecodable: [String])? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = [], undecodable: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            if let decoded = String(validating: name, as: UTF8.self) {
                names.append(decoded)
            } else {
                undecodable.append(String(decoding: name, as: UTF8.self))
            }
        }
        return (names, undecodable)
    }
}
