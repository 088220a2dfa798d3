import Foundation

/// One cable file of a corpus directory, loaded into memory.
public struct CorpusFile: Sendable {
    public var url: URL
    public var bytes: [UInt8]

    public var name: String { url.lastPathComponent }
    /// The file name without extension: the reference ID in the shared corpus.
    public var stem: String { url.deletingPathExtension().lastPathComponent }

    /// The `.txt` files of a directory, sorted by name.
    public static func loadDirectory(_ directory: URL) throws -> [CorpusFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            throw CorpusError("\(directory.path): not a folder of cables that can be read")
        }
        return try names.map { name in
            let url = directory.appendingPathComponent(name)
            return CorpusFile(url: url, bytes: Array(try Data(contentsOf: url)))
        }
    }

    /// The shared corpus: `$POUCH_CORPUS`, else `../shared/corpus` beside the checkout that holds
    /// `sourceFile` (the caller's source file, at any depth below the folder with `Package.swift`).
    public static func sharedCorpusDirectory(relativeTo sourceFile: String = #filePath) -> URL {
        if let path = ProcessInfo.processInfo.environment["POUCH_CORPUS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var checkout = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        while checkout.path != "/", !FileManager.default.fileExists(atPath: checkout.appendingPathComponent("Package.swift").path) {
            checkout.deleteLastPathComponent()
        }
        return checkout.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }
}
