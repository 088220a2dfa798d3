/// Reads any file Pouch accepts as a cable: a draft, Pouch's canonical text, or an archived telegram.
public enum CableReading {
    /// Parses `bytes`, choosing the reader by the text's first line.
    public static func read(
        bytes: some Collection<UInt8>, fileName: String? = nil, draftDefaults: DraftParser.Defaults = DraftParser.Defaults()
    ) throws(CableParseError) -> CableDocument {
        let decoded = try TextDecoding.decode(bytes, fileName: fileName)
        var document: CableDocument
        if DraftParser.looksLikeDraft(decoded.text) {
            document = try DraftParser().parse(text: decoded.text, fileName: fileName, defaults: draftDefaults)
        } else {
            document = try CableParser().parse(text: decoded.text, fileName: fileName)
            document.encoding = decoded.encoding
        }
        if let warning = decoded.warning(fileName: fileName) { document.warnings.append(warning) }
        return document
    }
}
