/// Rules and wordings added in scheme 6. Like every rule, each keeps meaning, grammar, register
/// and every name, number, negation and modal verb exactly as they were.

/// The country a post sits in, as a cable from that post names its host government:
/// "the GOB" in a cable from Brasilia is the Government of Brazil.
struct HostCountry: Sendable, Hashable {
    /// The country as it follows "Government of": "Brazil", "the Philippines".
    var name: String
    /// Its adjective before "Government": "Brazilian", "Philippine".
    var adjective: String

    /// The abbreviation cables use for the host government: "GO" and the country's initial.
    var governmentAbbreviation: String {
        let bare = name.hasPrefix("the ") ? name.dropFirst(4) : Substring(name)
        return "GO" + (bare.first.map { String($0).uppercased() } ?? "")
    }

    /// The host country of a post, by its reference-ID name (`BRASILIA`, `RIODEJANEIRO`); nil for
    /// the Department, missions to international bodies and posts that report on another country.
    static func of(referencePost post: String) -> HostCountry? {
        guard let (name, adjective) = posts[post.uppercased()] else { return nil }
        return HostCountry(name: name, adjective: adjective)
    }

    /// Embassies and consulates by reference-ID name. Every name and adjective is in the en_US
    /// dictionary (a test checks), so a spell checker leaves the written-out forms alone.
    static let posts: [String: (String, String)] = {
        var table: [String: (String, String)] = [:]
        for (country, adjective, cities) in countries {
            for city in cities { table[city] = (country, adjective) }
        }
        return table
    }()

    static let countries: [(String, String, [String])] = [
        ("Afghanistan", "Afghan", ["KABUL", "HERAT", "MAZARESHARIF"]), ("Albania", "Albanian", ["TIRANA"]),
        ("Algeria", "Algerian", ["ALGIERS"]), ("Angola", "Angolan", ["LUANDA"]), ("Argentina", "Argentine", ["BUENOSAIRES"]),
        ("Armenia", "Armenian", ["YEREVAN"]), ("Australia", "Australian", ["CANBERRA", "SYDNEY", "MELBOURNE", "PERTH"]),
        ("Austria", "Austrian", ["VIENNA"]), ("Azerbaijan", "Azerbaijani", ["BAKU"]), ("Bahrain", "Bahraini", ["MANAMA"]),
        ("Bangladesh", "Bangladeshi", ["DHAKA"]), ("Belarus", "Belarusian", ["MINSK"]), ("Belgium", "Belgian", ["BRUSSELS"]),
        ("Bolivia", "Bolivian", ["LAPAZ"]), ("Botswana", "Botswana", ["GABORONE"]),
        ("Brazil", "Brazilian", ["BRASILIA", "RIODEJANEIRO", "SAOPAULO", "RECIFE"]), ("Bulgaria", "Bulgarian", ["SOFIA"]),
        ("Burma", "Burmese", ["RANGOON"]), ("Cambodia", "Cambodian", ["PHNOMPENH"]), ("Cameroon", "Cameroonian", ["YAOUNDE"]),
        ("Canada", "Canadian", ["OTTAWA", "TORONTO", "MONTREAL", "VANCOUVER", "CALGARY", "HALIFAX", "QUEBEC", "WINNIPEG"]),
        ("Chad", "Chadian", ["NDJAMENA"]), ("Chile", "Chilean", ["SANTIAGO"]),
        ("China", "Chinese", ["BEIJING", "SHANGHAI", "GUANGZHOU", "CHENGDU", "SHENYANG", "WUHAN"]),
        ("Colombia", "Colombian", ["BOGOTA"]), ("Croatia", "Croatian", ["ZAGREB"]), ("Cuba", "Cuban", ["HAVANA"]),
        ("Cyprus", "Cypriot", ["NICOSIA"]), ("Denmark", "Danish", ["COPENHAGEN"]), ("Ecuador", "Ecuadorian", ["QUITO", "GUAYAQUIL"]),
        ("Egypt", "Egyptian", ["CAIRO", "ALEXANDRIA"]), ("Eritrea", "Eritrean", ["ASMARA"]), ("Estonia", "Estonian", ["TALLINN"]),
        ("Ethiopia", "Ethiopian", ["ADDISABABA"]), ("Finland", "Finnish", ["HELSINKI"]),
        ("France", "French", ["PARIS", "MARSEILLE", "STRASBOURG", "LYON", "BORDEAUX", "RENNES"]), ("Georgia", "Georgian", ["TBILISI"]),
        ("Germany", "German", ["BERLIN", "MUNICH", "FRANKFURT", "HAMBURG", "DUSSELDORF", "LEIPZIG"]), ("Ghana", "Ghanaian", ["ACCRA"]),
        ("Greece", "Greek", ["ATHENS", "THESSALONIKI"]), ("Guatemala", "Guatemalan", ["GUATEMALA"]), ("Haiti", "Haitian", ["PORTAUPRINCE"]),
        ("Honduras", "Honduran", ["TEGUCIGALPA"]), ("Hungary", "Hungarian", ["BUDAPEST"]), ("Iceland", "Icelandic", ["REYKJAVIK"]),
        ("India", "Indian", ["NEWDELHI", "MUMBAI", "CHENNAI", "CALCUTTA", "KOLKATA", "HYDERABAD"]),
        ("Indonesia", "Indonesian", ["JAKARTA", "SURABAYA", "MEDAN"]), ("Iraq", "Iraqi", ["BAGHDAD", "BASRAH", "ERBIL", "KIRKUK", "MOSUL", "HILLAH"]),
        ("Ireland", "Irish", ["DUBLIN"]), ("Israel", "Israeli", ["TELAVIV"]), ("Italy", "Italian", ["ROME", "MILAN", "FLORENCE", "NAPLES"]),
        ("Jamaica", "Jamaican", ["KINGSTON"]), ("Japan", "Japanese", ["TOKYO", "OSAKAKOBE", "NAHA", "SAPPORO", "FUKUOKA", "NAGOYA"]),
        ("Jordan", "Jordanian", ["AMMAN"]), ("Kazakhstan", "Kazakh", ["ASTANA", "ALMATY"]), ("Kenya", "Kenyan", ["NAIROBI"]),
        ("Kosovo", "Kosovar", ["PRISTINA"]), ("Kuwait", "Kuwaiti", ["KUWAIT"]), ("Latvia", "Latvian", ["RIGA"]),
        ("Lebanon", "Lebanese", ["BEIRUT"]), ("Liberia", "Liberian", ["MONROVIA"]), ("Libya", "Libyan", ["TRIPOLI"]),
        ("Lithuania", "Lithuanian", ["VILNIUS"]), ("Macedonia", "Macedonian", ["SKOPJE"]), ("Madagascar", "Malagasy", ["ANTANANARIVO"]),
        ("Malawi", "Malawian", ["LILONGWE"]), ("Malaysia", "Malaysian", ["KUALALUMPUR"]), ("Mali", "Malian", ["BAMAKO"]),
        ("Mauritania", "Mauritanian", ["NOUAKCHOTT"]),
        ("Mexico", "Mexican", ["MEXICO", "CIUDADJUAREZ", "TIJUANA", "MONTERREY", "GUADALAJARA", "HERMOSILLO", "MATAMOROS", "MERIDA", "NUEVOLAREDO", "NOGALES"]),
        ("Moldova", "Moldovan", ["CHISINAU"]), ("Mongolia", "Mongolian", ["ULAANBAATAR"]), ("Montenegro", "Montenegrin", ["PODGORICA"]),
        ("Morocco", "Moroccan", ["RABAT", "CASABLANCA"]), ("Mozambique", "Mozambican", ["MAPUTO"]), ("Namibia", "Namibian", ["WINDHOEK"]),
        ("Nepal", "Nepalese", ["KATHMANDU"]), ("the Netherlands", "Dutch", ["THEHAGUE", "AMSTERDAM"]), ("Nicaragua", "Nicaraguan", ["MANAGUA"]),
        ("Niger", "Nigerien", ["NIAMEY"]), ("Nigeria", "Nigerian", ["ABUJA", "LAGOS"]), ("Norway", "Norwegian", ["OSLO"]),
        ("Oman", "Omani", ["MUSCAT"]), ("Pakistan", "Pakistani", ["ISLAMABAD", "KARACHI", "LAHORE", "PESHAWAR"]),
        ("Panama", "Panamanian", ["PANAMA"]), ("Paraguay", "Paraguayan", ["ASUNCION"]), ("Peru", "Peruvian", ["LIMA"]),
        ("the Philippines", "Philippine", ["MANILA"]), ("Poland", "Polish", ["WARSAW", "KRAKOW"]), ("Portugal", "Portuguese", ["LISBON", "PONTADELGADA"]),
        ("Qatar", "Qatari", ["DOHA"]), ("Romania", "Romanian", ["BUCHAREST"]),
        ("Russia", "Russian", ["MOSCOW", "STPETERSBURG", "YEKATERINBURG", "VLADIVOSTOK"]), ("Rwanda", "Rwandan", ["KIGALI"]),
        ("Saudi Arabia", "Saudi", ["RIYADH", "JEDDAH", "DHAHRAN"]), ("Senegal", "Senegalese", ["DAKAR"]), ("Serbia", "Serbian", ["BELGRADE"]),
        ("Singapore", "Singaporean", ["SINGAPORE"]), ("Slovakia", "Slovak", ["BRATISLAVA"]), ("Slovenia", "Slovenian", ["LJUBLJANA"]),
        ("South Africa", "South African", ["PRETORIA", "JOHANNESBURG", "CAPETOWN", "DURBAN"]), ("Spain", "Spanish", ["MADRID", "BARCELONA"]),
        ("Sri Lanka", "Sri Lankan", ["COLOMBO"]), ("Sudan", "Sudanese", ["KHARTOUM"]), ("Sweden", "Swedish", ["STOCKHOLM"]),
        ("Switzerland", "Swiss", ["BERN"]), ("Syria", "Syrian", ["DAMASCUS"]), ("Tajikistan", "Tajik", ["DUSHANBE"]),
        ("Tanzania", "Tanzanian", ["DARESSALAAM"]), ("Thailand", "Thai", ["BANGKOK", "CHIANGMAI"]), ("Tunisia", "Tunisian", ["TUNIS"]),
        ("Turkey", "Turkish", ["ANKARA", "ISTANBUL", "ADANA"]), ("Turkmenistan", "Turkmen", ["ASHGABAT"]), ("Uganda", "Ugandan", ["KAMPALA"]),
        ("Ukraine", "Ukrainian", ["KYIV", "KIEV"]), ("Uruguay", "Uruguayan", ["MONTEVIDEO"]), ("Uzbekistan", "Uzbek", ["TASHKENT"]),
        ("Venezuela", "Venezuelan", ["CARACAS"]), ("Vietnam", "Vietnamese", ["HANOI", "HOCHIMINHCITY"]), ("Yemen", "Yemeni", ["SANAA"]),
        ("Zambia", "Zambian", ["LUSAKA"]), ("Zimbabwe", "Zimbabwean", ["HARARE"]),
    ]
}

/// "the GOB" / "the Government of Brazil" / "the Brazilian Government", in a cable from a post in Brazil.
struct HostGovernmentRule: SlotRule {
    let id = "host-government"
    let reason = "In a cable from a post, \"GO\" and the host country's initial (\"the GOB\" from Brasilia) names the host government, and so do \"the Government of Brazil\" and \"the Brazilian Government\". Copies write one of the two in full (a spell checker would \"correct\" the abbreviation, so it reads as no evidence); only \"the\" followed by the abbreviation is looked for, never a possessive, a hyphenated word or an abbreviation the cable defines otherwise."
    let summary = "the GOB | the Government of Brazil | the Brazilian Government (GOB read as no evidence; in cables from Brazil)"
    let profile = FingerprintProfile.standard
    let since = FingerprintScheme.v6

    func candidates(in tokens: TextTokens, context: CableContext) -> [SlotCandidate] {
        guard let host = context.host else { return [] }
        let abbreviation = host.governmentAbbreviation
        guard context.abbreviations[abbreviation] == nil else { return [] }
        let list = tokens.tokens
        var found: [SlotCandidate] = []
        for index in list.indices where list[index].text == abbreviation && !list[index].quoted {
            guard let previous = tokens.previousWord(before: index), previous == index - 1, list[previous].lower == "the" else { continue }
            // Not a possessive or part of a compound ("GOB's", "GOB-led", "GOB/MFA").
            if index + 1 < list.count, ["-", "'", "\u{2019}", "/"].contains(String(list[index + 1].text)) || list[index + 1].lower.hasPrefix("'") { continue }
            if list[index].text.hasSuffix("'s") { continue }
            let written = ["Government of \(host.name)", "\(host.adjective) Government"].map { tokens.allCaps ? $0.uppercased() : $0 }
            found.append(SlotCandidate(first: index, last: index, alternatives: [abbreviation] + written, symbols: [1, 2], original: 0, rule: id, canonical: 0))
        }
        return found
    }
}

/// Nouns "U.S." may modify that "American" modifies the same way ("U.S. officials" / "American
/// officials"). Words that may also be a verb after a singular subject ("plans", "needs", "views")
/// are left out, so "the U.S. plans to" never becomes "the American plans to".
enum AmericanModifier {
    static let nouns: Set<String> = [
        "military", "policy", "policies", "assistance", "forces", "force", "government", "position", "positions", "efforts",
        "officials", "official", "interest", "administration", "foreign", "initiatives", "initiative", "commitment",
        "commitments", "information", "pressure", "counterparts", "engagement", "security", "firms", "firm", "companies",
        "company", "troop", "troops", "delegation", "delegations", "trade", "involvement", "goals", "interlocutors", "rhetoric",
        "motives", "domestic", "proposal", "proposals", "side", "role", "invasion", "relations", "intervention", "citizens",
        "citizen", "sanctions", "approach", "decision", "objectives", "political", "experts", "legal", "leadership",
        "appreciation", "aid", "public", "exports", "imports", "relationship", "actions", "action", "commercial", "participants",
        "dialogue", "nuclear", "leaders", "team", "soldiers", "legislation", "funding", "agreement", "laws", "law", "willingness",
        "reaction", "partner", "partners", "access", "base", "bases", "perspective", "presence", "diplomats", "diplomat",
        "investment", "investments", "investors", "weapons", "presidential", "occupation", "development", "strategy",
        "technology", "market", "response", "personnel", "intentions", "priorities", "determination", "values", "desire",
        "economic", "economy", "embassy", "consulate", "intelligence", "authorities", "agencies", "allies", "ally", "stance",
        "vision", "influence", "diplomacy", "courts", "banks", "financial", "strategic", "program", "programs", "assurances",
        "guarantees", "students", "universities", "products", "goods", "media", "journalists", "businesses", "business",
        "industry", "farmers", "producers", "exporters", "consumers", "strategists", "negotiators", "envoy", "envoys",
    ]
}
