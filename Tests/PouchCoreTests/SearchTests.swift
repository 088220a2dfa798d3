import PouchCore
import Testing

@Suite("Search terms and queries")
struct SearchTests {
    @Test(
        "the Porter stemmer agrees with the algorithm's published examples",
        arguments: [
            ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"), ("feed", "feed"),
            ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"), ("sing", "sing"),
            ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"), ("tanned", "tan"),
            ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"), ("filing", "file"),
            ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"),
            ("valenci", "valenc"), ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"),
            ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"),
            ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"),
            ("hopefulness", "hope"), ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"), ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"),
            ("electriciti", "electr"), ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"),
            ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"), ("gyroscopic", "gyroscop"),
            ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"),
            ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"), ("homologou", "homolog"),
            ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"), ("homologous", "homolog"),
            ("effective", "effect"), ("bowdlerize", "bowdler"), ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"),
            ("controll", "control"), ("roll", "roll"), ("generalizations", "gener"), ("oscillators", "oscil"),
            ("negotiations", "negoti"), ("negotiating", "negoti"),
        ])
    func porter(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test("terms fold case, accents and apostrophes, drop function words, and keep their place in the text")
    func terms() {
        let text = "The PRIME MINISTER's négociations with Pakistan’s army—and 09ISLAMABAD2295"
        let terms = SearchAnalyzer.terms(text)
        #expect(terms.map(\.stem) == ["prime", "minist", "negoci", "pakistan", "armi", "09islamabad2295"])
        #expect(terms.map(\.word) == ["prime", "ministers", "negociations", "pakistans", "army", "09islamabad2295"])
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[terms[2].range], as: UTF8.self) == "négociations")
        #expect(String(decoding: utf8[terms[4].range], as: UTF8.self) == "army")
    }

    @Test("queries: words, phrases, boolean operators, prefixes and filters")
    func queries() throws {
        let query = try SearchQuery(
            parsing: #"nuclear "prime minister" (iran OR syria) -sanctions negot* post:ISLAMABAD year:2005-2009 class:secret tag:PREL"#)
        #expect(
            query.expression
                == .all([
                    .term("nuclear"), .phrase(["prime", "minist"]), .any([.term("iran"), .term("syria")]),
                    .not(.term("sanction")), .prefix("negot"),
                ]))
        #expect(query.filters.posts == ["ISLAMABAD"] && query.filters.years == 2005...2009)
        #expect(query.filters.classifications == [.secret] && query.filters.tags == ["PREL"])
        #expect(try SearchQuery(parsing: "09ISLAMABAD2295").referenceID?.description == "09ISLAMABAD2295")
        #expect(try SearchQuery(parsing: "U.S. policy").expression == .all([.phrase(["u", "s"]), .term("polici")]))
        #expect(try SearchQuery(parsing: "tag:PREL NOT iran").expression == .not(.term("iran")))
    }

    @Test(
        "bad queries say what is wrong",
        arguments: [
            ("\"unclosed phrase", "a phrase is not closed"), ("(iran OR syria", "a '(' is not closed"), ("the of and", "nothing to search for"),
            ("iran OR NOT syria", "NOT cannot be an alternative of OR"), ("year:20x9", "is not a year"), ("class:pink", "is not a classification"),
            ("cites:nonsense", "is not a reference ID"), ("a*", "a prefix needs at least two letters"), ("-post:KABUL iran", "cannot be negated"),
        ])
    func errors(text: String, message: String) {
        #expect(throws: SearchQueryError.self) { try SearchQuery(parsing: text) }
        do { _ = try SearchQuery(parsing: text) } catch { #expect(error.message.contains(message), "\(error.message)") }
    }

    @Test("the reference evaluator: phrases are consecutive terms within one column; NOT subtracts")
    func evaluate() throws {
        let columns = [SearchAnalyzer.terms("ZARDARI ON THE CABINET"), SearchAnalyzer.terms("The Prime Minister of Pakistan said the army agreed.")]
        func matches(_ text: String) throws -> Bool {
            try SearchQuery(parsing: text).expression!.matches(
                columns,
                expand: { prefix in
                    Set(columns.flatMap { $0 }.filter { $0.word.hasPrefix(prefix) }.map(\.stem))
                })
        }
        #expect(try matches(#""prime minister pakistan""#))  // "of" is not indexed
        #expect(try !matches(#""cabinet prime""#))  // across columns
        #expect(try matches("zardari army"))
        #expect(try !matches("zardari -army"))
        #expect(try matches("cabin* OR nothing"))
        #expect(try matches("ministers agreeing"))
    }
}
