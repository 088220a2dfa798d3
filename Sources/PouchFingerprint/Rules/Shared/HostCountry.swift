import PouchCore

/// Rules and wordings added in scheme 6. Like every rule, each keeps meaning, grammar, register
/// and every name, number, negation and modal verb exactly as they were.

/// The country a post sits in, as a cable from that post names its host government:
/// "the GOB" in a cable from Brasilia is the Government of Brazil.
struct HostCountry: Sendable, Hashable {
    /// The country as it follows "Government of": "Brazil", "the Philippines".
    var name: String
    /// Its adjective before "Government": "Brazilian", "Philippine".
    var adjective: String

    /// Whether "GOB" may be written out: no other country with the same abbreviation is named
    /// in the cable (a cable from Madrid that mentions Sudan leaves "the GOS" alone).
    var abbreviationIsUnambiguous = true

    /// The abbreviation cables use for the host government: "GO" and the initials of the
    /// country's name ("GOB", "GOSA" for South Africa, "GOP" for the Philippines).
    var governmentAbbreviation: String { Self.governmentAbbreviation(of: name) }

    static func governmentAbbreviation(of name: String) -> String {
        "GO" + name.split(separator: " ").filter { $0.lowercased() != "the" }.compactMap { $0.first.map { String($0).uppercased() } }.joined()
    }

    /// The host country of a post, by its reference-ID name (`BRASILIA`, `RIODEJANEIRO`); nil for
    /// the Department, missions to international bodies and posts that report on another country.
    static func of(referencePost post: String) -> HostCountry? {
        guard let (name, adjective) = posts[post.uppercased()] else { return nil }
        return HostCountry(name: name, adjective: adjective)
    }

    /// The host country of the post a cable comes from (its reference ID, or a draft's telegram
    /// number), with whether its abbreviation is unambiguous in that cable.
    static func of(_ cable: Cable) -> HostCountry? {
        let post = cable.referenceID?.post ?? cable.telegramNumber.map { ReferenceID.compactPost($0.post) }
        guard var host = post.flatMap(of(referencePost:)) else { return nil }
        let words = " " + TraceText.tokens(of: cable.subject + " " + cable.bodyText, unwrapping: false).joined(separator: " ") + " "
        let abbreviation = host.governmentAbbreviation
        // Other countries with the same abbreviation, by name or adjective.
        let listed = countries.filter { $0.0 != host.name && governmentAbbreviation(of: $0.0) == abbreviation }.flatMap { [$0.0, $0.1] }
        let named = Gazetteer.countries.subtracting(Gazetteer.notCountries)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .filter { $0 != host.name && governmentAbbreviation(of: $0) == abbreviation }
        host.abbreviationIsUnambiguous = !(listed + named).contains { other in
            words.contains(" " + TraceText.tokens(of: other, unwrapping: false).filter { $0 != "the" }.joined(separator: " ") + " ")
        }
        return host
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
        ("Indonesia", "Indonesian", ["JAKARTA", "SURABAYA", "MEDAN"]),
        ("Iraq", "Iraqi", ["BAGHDAD", "BASRAH", "ERBIL", "KIRKUK", "MOSUL", "HILLAH"]),
        ("Ireland", "Irish", ["DUBLIN"]), ("Israel", "Israeli", ["TELAVIV"]), ("Italy", "Italian", ["ROME", "MILAN", "FLORENCE", "NAPLES"]),
        ("Jamaica", "Jamaican", ["KINGSTON"]), ("Japan", "Japanese", ["TOKYO", "OSAKAKOBE", "NAHA", "SAPPORO", "FUKUOKA", "NAGOYA"]),
        ("Jordan", "Jordanian", ["AMMAN"]), ("Kazakhstan", "Kazakh", ["ASTANA", "ALMATY"]), ("Kenya", "Kenyan", ["NAIROBI"]),
        ("Kosovo", "Kosovar", ["PRISTINA"]), ("Kuwait", "Kuwaiti", ["KUWAIT"]), ("Latvia", "Latvian", ["RIGA"]),
        ("Lebanon", "Lebanese", ["BEIRUT"]), ("Liberia", "Liberian", ["MONROVIA"]), ("Libya", "Libyan", ["TRIPOLI"]),
        ("Lithuania", "Lithuanian", ["VILNIUS"]), ("Macedonia", "Macedonian", ["SKOPJE"]), ("Madagascar", "Malagasy", ["ANTANANARIVO"]),
        ("Malawi", "Malawian", ["LILONGWE"]), ("Malaysia", "Malaysian", ["KUALALUMPUR"]), ("Mali", "Malian", ["BAMAKO"]),
        ("Mauritania", "Mauritanian", ["NOUAKCHOTT"]),
        (
            "Mexico", "Mexican",
            ["MEXICO", "CIUDADJUAREZ", "TIJUANA", "MONTERREY", "GUADALAJARA", "HERMOSILLO", "MATAMOROS", "MERIDA", "NUEVOLAREDO", "NOGALES"]
        ),
        ("Moldova", "Moldovan", ["CHISINAU"]), ("Mongolia", "Mongolian", ["ULAANBAATAR"]), ("Montenegro", "Montenegrin", ["PODGORICA"]),
        ("Morocco", "Moroccan", ["RABAT", "CASABLANCA"]), ("Mozambique", "Mozambican", ["MAPUTO"]), ("Namibia", "Namibian", ["WINDHOEK"]),
        ("Nepal", "Nepalese", ["KATHMANDU"]), ("the Netherlands", "Dutch", ["THEHAGUE", "AMSTERDAM"]), ("Nicaragua", "Nicaraguan", ["MANAGUA"]),
        ("Niger", "Nigerien", ["NIAMEY"]), ("Nigeria", "Nigerian", ["ABUJA", "LAGOS"]), ("Norway", "Norwegian", ["OSLO"]),
        ("Oman", "Omani", ["MUSCAT"]), ("Pakistan", "Pakistani", ["ISLAMABAD", "KARACHI", "LAHORE", "PESHAWAR"]),
        ("Panama", "Panamanian", ["PANAMA"]), ("Paraguay", "Paraguayan", ["ASUNCION"]), ("Peru", "Peruvian", ["LIMA"]),
        ("the Philippines", "Philippine", ["MANILA"]), ("Poland", "Polish", ["WARSAW", "KRAKOW"]),
        ("Portugal", "Portuguese", ["LISBON", "PONTADELGADA"]),
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
