/// One paragraph of a cable's text.
///
/// Most paragraphs are numbered and carry a portion mark (`3. (C) …`). Unnumbered ones are
/// headings, or the text of cables whose paragraphs were never numbered. A paragraph's text
/// keeps its internal structure as lines (sub-paragraphs, `--` bullets), joined by `\n`; each
/// line is trimmed and single-spaced.
public struct Paragraph: Sendable, Hashable, Codable {
    public var number: Int?
    public var mark: PortionMark?
    public var text: String

    public init(number: Int? = nil, mark: PortionMark? = nil, text: String) {
        self.number = number
        self.mark = mark
        self.text = text
    }

    /// The text's lines (sub-paragraphs).
    public var lines: [Substring] { text.split(separator: "\n") }
}
