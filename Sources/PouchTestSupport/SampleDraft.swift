import PouchCore

/// A draft as `pouch cable draft` produces it (no reference ID yet), whose two paragraphs of
/// reported speech give every copy fingerprint slots: what the store tests draft and send.
public enum SampleDraft {
    public static let cable: Cable = {
        var cable = Cable(
            referenceID: nil, dateTimeGroup: DateTimeGroup(year: 2009, month: 11, day: 4, hour: 10, minute: 30),
            precedence: .immediate, origin: "AMEMBASSY ISLAMABAD", to: [Addressee(name: "SECSTATE WASHDC")], classification: .secret,
            caveats: [.noforn], telegramNumber: nil, tags: ["PREL", "PK"],
            subject: "ZARDARI ON THE CABINET", authority: ClassificationAuthority(classifiedBy: "Ambassador Anne W. Patterson", reasons: ["b", "d"]),
            paragraphs: [
                Paragraph(
                    number: 1, mark: PortionMark("S/NF"),
                    text:
                        "President Zardari told the Ambassador that the army agreed with the plan, and he also said that the Prime Minister's position had not changed."
                ),
                Paragraph(
                    number: 2, mark: PortionMark("C"),
                    text:
                        "The Ambassador replied that Washington would welcome a decision in regard to the cabinet, and noted that the United States had met with the opposition."
                ),
            ])
        cable.executiveOrder = ExecutiveOrderLine(order: "13526", declassification: .on(CalendarDay(year: 2019, month: 11, day: 4)))
        return cable
    }()
}
