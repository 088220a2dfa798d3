/// A sending post, as named on the FM line (`AMEMBASSY PRETORIA`) and as archives name it
/// (`Embassy Pretoria`).
public struct Post: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The FM line, upper case: `AMEMBASSY PRETORIA`, `AMCONSUL MUNICH`, `SECSTATE WASHDC`.
    public var fmLine: String

    public init(fmLine: String) {
        self.fmLine = fmLine.uppercased().collapsingWhitespace()
    }

    public var description: String { fmLine }

    /// The archive's name for the post: `Embassy Pretoria`, `Consulate Rio De Janeiro`,
    /// `Secretary of State`, `Mission USNATO`, `USEU Brussels`, `Iran RPO Dubai`.
    public var displayName: String {
        let words = fmLine.split(separator: " ").map(String.init)
        guard let first = words.first else { return "" }
        let rest = words.dropFirst()
        switch first {
        case "AMEMBASSY": return "Embassy " + Self.titleCase(rest)
        case "AMCONSUL", "AMCONGEN": return "Consulate " + Self.titleCase(rest)
        case "SECSTATE": return "Secretary of State"
        case "USMISSION":
            // Missions keep their acronym: USMISSION USNATO → Mission USNATO, USMISSION UNVIE VIENNA → Mission UNVIE.
            return "Mission " + (rest.first ?? "")
        case "USEU", "USUN", "USOSCE", "USNATO": return ([first] + [Self.titleCase(rest)]).filter { !$0.isEmpty }.joined(separator: " ")
        case "RPO": return "Iran RPO " + Self.titleCase(rest)
        case "IRAN" where rest.first == "RPO": return "Iran RPO " + Self.titleCase(rest.dropFirst())
        case "AMERICAN" where rest.first == "EMBASSY": return "Embassy " + Self.titleCase(rest.dropFirst())
        default: return Self.titleCase(words[...])
        }
    }

    /// The post's name in a reference ID: `PRETORIA`, `STATE`, `USEUBRUSSELS`, `RPODUBAI`.
    public var referencePost: String {
        let words = fmLine.split(separator: " ")
        guard let first = words.first else { return "" }
        switch first {
        case "SECSTATE": return "STATE"
        case "AMEMBASSY", "AMCONSUL", "AMCONGEN", "USMISSION":
            return ReferenceID.compactPost(words.dropFirst().joined(separator: " "))
        case "IRAN" where words.dropFirst().first == "RPO":
            return ReferenceID.compactPost(words.dropFirst().joined(separator: " "))
        default: return ReferenceID.compactPost(fmLine)
        }
    }

    /// The post's name on a telegram-number line (`ISLAMABAD 002295`): `STATE` for the Department.
    public var telegramName: String {
        if fmLine == "SECSTATE WASHDC" { return "STATE" }
        let rest = fmLine.split(separator: " ").dropFirst().joined(separator: " ")
        return rest.isEmpty ? fmLine : rest
    }

    /// Infers the FM line of a post known only by its telegram-number name (`MADRID`,
    /// `RIO DE JANEIRO`, `STATE`), for cables whose routing block is lost.
    public init(telegramPost name: String) {
        let upper = name.uppercased().collapsingWhitespace()
        if upper == "STATE" || upper == "SECSTATE" {
            self.init(fmLine: "SECSTATE WASHDC")
        } else if upper.hasPrefix("USEU") || upper.hasPrefix("USNATO") || upper.hasPrefix("USUN") || upper.hasPrefix("USOSCE") {
            self.init(fmLine: upper)
        } else if upper.hasPrefix("UNVIE") {
            self.init(fmLine: "USMISSION " + upper)
        } else if upper.hasPrefix("RPO ") {
            self.init(fmLine: upper)
        } else if Self.consulates.contains(ReferenceID.compactPost(upper)) {
            self.init(fmLine: "AMCONSUL " + upper)
        } else {
            self.init(fmLine: "AMEMBASSY " + upper)
        }
    }

    /// US consulates general and consulates (reference-ID spelling). A post that is not
    /// here is taken to be an embassy.
    static let consulates: Set<String> = [
        // Americas
        "RIODEJANEIRO", "SAOPAULO", "RECIFE", "PORTOALEGRE", "GUAYAQUIL", "TORONTO", "MONTREAL", "VANCOUVER",
        "CALGARY", "HALIFAX", "QUEBEC", "WINNIPEG", "CIUDADJUAREZ", "TIJUANA", "MONTERREY", "GUADALAJARA",
        "HERMOSILLO", "MATAMOROS", "MERIDA", "NUEVOLAREDO", "NOGALES", "CURACAO", "HAMILTON", "MAZATLAN",
        // Europe
        "MUNICH", "FRANKFURT", "HAMBURG", "DUSSELDORF", "LEIPZIG", "MILAN", "FLORENCE", "NAPLES", "MARSEILLE",
        "STRASBOURG", "BARCELONA", "EDINBURGH", "BELFAST", "KRAKOW", "THESSALONIKI", "PONTADELGADA",
        "STPETERSBURG", "YEKATERINBURG", "VLADIVOSTOK", "ISTANBUL", "ADANA", "AMSTERDAM", "LYON", "BORDEAUX",
        "RENNES",
        // Africa and the Middle East
        "CASABLANCA", "LAGOS", "JOHANNESBURG", "CAPETOWN", "DURBAN", "ALEXANDRIA", "JEDDAH", "DHAHRAN",
        "DUBAI", "JERUSALEM", "ERBIL", "KIRKUK", "BASRAH", "MOSUL", "HILLAH",
        // Asia and the Pacific
        "SHENYANG", "SHANGHAI", "GUANGZHOU", "CHENGDU", "WUHAN", "HONGKONG", "KARACHI", "LAHORE", "PESHAWAR",
        "MUMBAI", "CHENNAI", "CALCUTTA", "KOLKATA", "HYDERABAD", "OSAKAKOBE", "NAHA", "SAPPORO", "FUKUOKA",
        "NAGOYA", "BUSAN", "CHIANGMAI", "HOCHIMINHCITY", "SURABAYA", "MEDAN", "SYDNEY", "MELBOURNE", "PERTH",
        "AUCKLAND", "HERAT", "MAZARESHARIF", "ALMATY",
    ]

    static func titleCase(_ words: ArraySlice<String>) -> String {
        words.map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
