/// Reads any file Pouch accepts as a cable: a draft, Pouch's canonical text, or an archived telegram.
public enum CableReading {
    /// Parses `bytes`, choosing the reader by the text's first line.
    public static func read(
        bytes: some Collection<UInt8>, fileName: String? = nil, draftDefaults: DraftParser.Defaults = DraftParser.Defaults()
    ) throws(CableParseError) -> CableDocument {
        let decoded = try TextDecoding.decode(bytes, fileName: fileName)
        if DraftParser.looksLikeDraft(decoded.text) {
            return try DraftParser().parse(text: decoded.text, fileName: fileName, defaults: draftDefaults)
        }
        var document = try CableParser().parse(text: decoded.text, fileName: fileName)
        document.encoding = decoded.encoding
        return document
    }
}
