import PouchCore

/// Country names, for the genitive rule (lower case, as single tokens or with their spaces), and the
/// calendar's names.
enum Gazetteer {
    static let countries: Set<String> = [
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain",
        "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "botswana", "brazil", "bulgaria", "burma", "burundi", "cambodia",
        "cameroon", "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "denmark", "djibouti",
        "ecuador", "egypt", "eritrea", "estonia", "ethiopia", "europe", "finland", "france", "gabon", "georgia", "germany",
        "ghana", "greece", "guatemala", "guinea", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran",
        "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait",
        "kyrgyzstan", "laos", "latvia", "lebanon", "liberia", "libya", "lithuania", "luxembourg", "macedonia", "madagascar",
        "malawi", "malaysia", "mali", "mauritania", "mexico", "moldova", "mongolia", "montenegro", "morocco", "mozambique",
        "namibia", "nepal", "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "panama", "paraguay",
        "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "senegal", "serbia", "singapore",
        "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan", "tajikistan",
        "tanzania", "thailand", "tunisia", "turkey", "turkmenistan", "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela",
        "vietnam", "yemen", "zambia", "zimbabwe", "washington", "moscow", "beijing", "tehran", "kabul", "islamabad",
    ]

    /// The places in `countries` that are not countries (capitals and a continent): no government
    /// of their own.
    static let notCountries: Set<String> = ["europe", "washington", "moscow", "beijing", "tehran", "kabul", "islamabad"]

    /// The months and the days of the week (lower case): dates, never someone's name.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
