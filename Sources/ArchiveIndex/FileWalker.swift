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
            let children: [String]
            do { children = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                found.rejects.append(.init(path: path, reason: "cannot read folder: permission denied or unreadable"))
                return
            }
            for child in children.sorted() where !child.hasPrefix(".") {
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
}
