import ArgumentParser
import Foundation
import PouchCore
import PouchSQLite
import PouchStore

struct CableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cable",
        abstract: "Parse, validate, render and draft cables.",
        subcommands: [Parse.self, Lint.self, Render.self, Draft.self, Send.self, Read.self, List.self]
    )

    /// So `pouch cable --store DIR read …` works as well as `pouch cable read … --store DIR`.
    @OptionGroup var storeOptions: StoreOptions

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse cables (canonical, raw telegram or WikiLeaks text) and print them.",
            discussion:
                "With --json, prints one JSON object per file and line; a file that cannot be parsed gets {\"file\", \"error\"} and the run goes on. Exits 1 if any file failed."
        )

        @Argument(help: "Cable files.") var files: [String]
        @Flag(help: "Print one JSON object per line.") var json = false

        func run() async throws {
            var failed = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for file in files {
                switch readDocument(file) {
                case .success(let document):
                    if json {
                        let data = try encoder.encode(CableRecord(document))
                        printLine(String(decoding: data, as: UTF8.self))
                    } else {
                        printLine(summary(document))
                    }
                case .failure(let error):
                    failed = true
                    if json {
                        let data = try encoder.encode(["file": file, "error": error.message, "kind": error.kind.rawValue, "line": String(error.line)])
                        printLine(String(decoding: data, as: UTF8.self))
                    } else {
                        printError(error.description)
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }

        func summary(_ document: CableDocument) -> String {
            let record = CableRecord(document)
            var lines = ["\(document.fileName ?? "-"): \(record.refid ?? "(no reference ID)")"]
            lines.append("  date:           \(record.date ?? "unknown")\(record.dateSource.map { $0 == "dtg" ? "" : " (from \($0))" } ?? "")")
            lines.append("  origin:         \(record.origin ?? "unknown")\(record.originInferred ? " (inferred)" : "")")
            lines.append("  classification: \(([record.classification] + record.caveats).joined(separator: "//"))")
            lines.append("  tags:           \(record.tags.joined(separator: " "))")
            lines.append("  subject:        \(record.subject)")
            lines.append("  paragraphs:     \(record.paragraphs.count), \(record.wordCount) words")
            return lines.joined(separator: "\n")
        }
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check cables against the telegram rules.",
            discussion: "Prints FILE:LINE:COLUMN: error|warning: message for each problem. Exits 1 on any error.")

        @Argument(help: "Cable or draft files.") var files: [String]

        func run() async throws {
            var errors = 0
            var warnings = 0
            // A typed draft is checked as `cable draft` would make it: dated now, so it gets the
            // default declassification date and E.O. line that drafting gives it.
            let defaults = DraftParser.Defaults(dateTimeGroup: DateTimeGroup(Date()))
            for file in files {
                switch readDocument(file, draftDefaults: defaults) {
                case .success(let document):
                    for diagnostic in CableLinter().lint(document) {
                        printLine(diagnostic.formatted(file: file))
                        if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
                    }
                case .failure(let error):
                    printLine(error.description)
                    errors += 1
                }
            }
            if errors + warnings > 0 {
                printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a cable in Pouch's canonical text form.")

        @Argument(help: "A cable or draft file.") var file: String

        func run() async throws {
            switch readDocument(file) {
            case .success(let document):
                print(CableRenderer().render(document.cable), terminator: "")
            case .failure(let error):
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a typed draft (header lines, blank line, paragraphs) into a validated cable.",
            discussion:
                "Lint errors stop the draft. With --as (or $POUCH_USER) the draft is stored, sealed and signed by its post, under the post's next serial, and its reference ID is printed; otherwise the cable is printed in canonical form, or written to --output."
        )

        @Argument(help: "The draft file.") var file: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser
        @Option(help: "The telegram serial number to give the cable.") var serial: Int?
        @Option(help: "Where to write the cable (default: standard output). Written only if the draft is valid.")
        var output: String?

        func validate() throws {
            if let serial, !TelegramNumber.serialRange.contains(serial) {
                throw ValidationError(
                    "--serial \(serial) is outside a telegram serial's range (\(TelegramNumber.serialRange.lowerBound) to \(TelegramNumber.serialRange.upperBound))"
                )
            }
        }

        func run() async throws {
            let now = Date()
            // A stored draft gets the post's next serial from the store.
            let defaults = DraftParser.Defaults(
                dateTimeGroup: DateTimeGroup(now),
                serial: acting.id == nil ? serial : nil)
            let document: CableDocument
            switch readDocument(file, draftDefaults: defaults) {
            case .success(let value): document = value
            case .failure(let error):
                printError(error.description)
                throw ExitCode(1)
            }
            let diagnostics = CableLinter().lint(document)
            for diagnostic in diagnostics { printError(diagnostic.formatted(file: file)) }
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            if let user = acting.id {
                var cable = document.cable
                if let serial, cable.referenceID == nil, let year = cable.dateTimeGroup?.year, let origin = cable.origin {
                    let post = Post(fmLine: origin)
                    cable.telegramNumber = TelegramNumber(post: post.telegramName, serial: serial)
                    cable.referenceID = ReferenceID(year: year, post: post.referencePost, serial: serial)
                }
                let id = try await reporting { try await storeOptions.open().draft(cable, as: user) }
                print(id.description)
                return
            }
            let text = CableRenderer().render(document.cable)
            if let output {
                try writeAtomically(text, to: output)
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension CableCommand {
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a stored draft: every addressee gets their own fingerprinted, sealed, signed copy.",
            discussion: "All or nothing: if any addressee may not read the cable, nothing is sent and they are named.")

        @Argument(help: "The cable's reference ID.") var referenceID: String
        @Option(help: "User IDs, comma-separated (repeatable).") var to: [String] = []
        @Option(help: "Distribution lists, comma-separated (repeatable).") var toList: [String] = []
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            guard let id = ReferenceID(referenceID) else { throw ValidationError("'\(referenceID)' is not a reference ID such as 09ISLAMABAD2295") }
            let users = to.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
            let lists = toList.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
            let receipt = try await reporting {
                try await storeOptions.open().send(id, to: users, lists: lists, as: try acting.required())
            }
            print(
                "sent \(id) to \(receipt.recipients.count) recipient\(receipt.recipients.count == 1 ? "" : "s")"
                    + (receipt.alreadyHeld.isEmpty
                        ? "" : " (\(receipt.alreadyHeld.count) already held a copy: \(receipt.alreadyHeld.joined(separator: ", ")))"))
        }
    }

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print your copy of a cable.")

        @Argument(help: "The cable's reference ID.") var referenceID: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            guard let id = ReferenceID(referenceID) else { throw ValidationError("'\(referenceID)' is not a reference ID such as 09ISLAMABAD2295") }
            let copy = try await reporting { try await storeOptions.open().read(id, as: try acting.required()) }
            print(copy.text, terminator: "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cables you may read, newest first.")

        @Option(help: "Show at most this many.") var limit = 50
        @Flag(help: "One JSON object per line.") var json = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func run() async throws {
            let listing = try await reporting { try await storeOptions.open().list(as: try acting.required(), limit: limit) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for cable in listing.cables {
                if json {
                    print(String(decoding: try encoder.encode(cable), as: UTF8.self))
                } else {
                    let marking = ([cable.classification.word] + cable.caveats.map(\.rawValue)).joined(separator: "//")
                    print("\(cable.referenceID)\t\(cable.date)\t\(marking)\t\(cable.state)\t\(cable.subject)")
                }
            }
            if listing.damaged > 0 {
                printError(
                    "warning: \(listing.damaged) stored cable\(listing.damaged == 1 ? "" : "s") failed the store's integrity checks and "
                        + "\(listing.damaged == 1 ? "is" : "are") not shown; security officers find \(listing.damaged == 1 ? "it" : "them") in the audit log and with 'pouch verify'"
                )
            }
            if !json { printError("\(listing.cables.count) of \(listing.total) cable\(listing.total == 1 ? "" : "s")") }
        }
    }
}

/// Reads and parses a file; I/O problems become parse errors naming the file. Warnings from
/// reading its bytes (damaged UTF-8) go to standard error.
func readDocument(_ path: String, draftDefaults: DraftParser.Defaults = DraftParser.Defaults()) -> Result<CableDocument, CableParseError> {
    let bytes: [UInt8]
    do {
        bytes = try InputFile.read(path)
    } catch {
        return .failure(CableParseError(.unreadable, file: path, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
    }
    let result = Result { () throws(CableParseError) in try CableReading.read(bytes: bytes, fileName: path, draftDefaults: draftDefaults) }
    if case .success(let document) = result { for warning in document.warnings { printError(warning) } }
    return result
}

/// Writes through a temporary file and a rename, so a failure never leaves half a file.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        throw ValidationError("\(path): cannot write: \((error as NSError).localizedDescription)")
    }
}

func printLine(_ text: String) {
    print(text)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
