/// Why a file could not be read as a cable, and where.
public struct CableParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String?, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`.
    public var description: String {
        "\(file ?? "<input>"):\(line):\(column): error: \(message)"
    }
}
