/// The demo store's cables: invented text in the telegram style, written for Pouch's demo (no
/// real cable is reproduced). The first is long enough to carry many fingerprint slots, so a
/// leaked demo copy can be traced.
enum DemoCables {
    /// Drafted by anne at ISLAMABAD and sent to the south-asia list and the security officer.
    static let borderTalks = """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC IMMEDIATE
        Info: AMEMBASSY KABUL, AMEMBASSY NEW DELHI
        Classification: SECRET//NOFORN
        Tags: PREL, PGOV, PTER, PK, AF
        Subject: PRIME MINISTER ON BORDER TALKS, AID AND THE CABINET
        Classified By: Ambassador Anne W. Palmer
        Reasons: 1.4 (b), (d)
        Signature: PALMER

        (C) Summary: The Prime Minister told the Ambassador on Tuesday that the Government of Pakistan (GOP) would resume border talks with Afghanistan before the end of the month. He said that the army supported the talks, but he stressed that the civilian government would lead them. He also said that the cabinet would change soon. The Ambassador emphasized that the United States would support the talks and noted that U.S. assistance for the border districts depended on progress. End summary.

        (S/NF) In a meeting of approximately ninety minutes at his residence, the Prime Minister said that he had spoken with the Chief of Army Staff prior to the meeting. He told the Ambassador that the army's position on the talks had softened, and he said that the generals now accepted a civilian lead. Regarding the tribal areas, he remarked that the GOP would need more funding in order to pay the local levies. He asked whether the United States could speed up the delivery of helicopters, radios, and night-vision equipment.

        (C) The Ambassador replied that Washington understood the request. She emphasized that U.S. assistance was currently under review and noted that Congress expected clear benchmarks. She said that the upcoming review would look at the border districts in particular, and she told the Prime Minister that the review team would arrive in advance of the talks. In addition, she expressed concern regarding reports that militants had moved toward the Kurram valley.

        (S/NF) The Prime Minister responded that the reports were accurate. He said that the Frontier Corps had lost nearly forty men in the past month, mainly in ambushes on the main supply road. Despite the losses, he said that morale remained high. He told the Ambassador that the GOP would also ask the Afghan government to close three crossing points, and he said that Kabul had agreed in principle. Moreover, he noted that the Afghan ambassador had raised the matter with the Foreign Secretary prior to the latest incident.

        (C) On the cabinet, the Prime Minister commented that the coalition partners wanted more portfolios. He said that he would announce the new cabinet after the budget, and he noted that the finance and interior ministries would not change hands. He added that the President agreed with the timing. With regard to the Pakistan People's Party, he said that the party's leadership would meet next week in Karachi. As a result, he said, the announcement would come in the following week at the earliest.

        (C) The Prime Minister also raised the power crisis. He said that the shortfall currently stood at approximately four thousand megawatts and that load-shedding would continue through the summer. He asked whether the United States could help finance the new dam in order to ease the shortage. The Ambassador responded that the request would be considered as part of the current review, and she noted that the World Bank had expressed interest in the project. Nevertheless, she stressed that no commitment could be made at this time.

        (S/NF) Comment: The Prime Minister appeared to be confident about the talks, and he seems to have secured the army's support for now. In light of the losses in the Frontier Corps, however, the GOP will need faster help from the United States. Most of the requests he made are already in the pipeline. For example, the helicopters are scheduled for delivery in the spring. Post recommends that Washington confirm the delivery dates ahead of the talks so as to strengthen the civilian lead. End comment.
        """

    /// Drafted by anne and kept as a draft (not sent): the drafting and sending demo starts here.
    static let waterTreaty = """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC ROUTINE
        Info: AMEMBASSY NEW DELHI
        Classification: CONFIDENTIAL
        Tags: PREL, ENRG, PK, IN
        Subject: INDUS WATERS: GOP SEEKS NEUTRAL EXPERT
        Classified By: Deputy Chief of Mission Gerald M. Fenwick
        Reasons: 1.4 (b), (d)
        Signature: FENWICK

        (C) Summary: The Foreign Secretary told the DCM that Pakistan would ask the World Bank to appoint a neutral expert on the new dam upstream. He said that the GOP did not want a dispute with India to harm the broader dialogue. End summary.

        (C) The Foreign Secretary said that the design of the dam currently under construction would reduce the flow in the dry season. He noted that the treaty allowed either side to ask for a neutral expert, and he said that Pakistan preferred that route to arbitration. The DCM replied that the United States supported a peaceful settlement and encouraged both sides to talk to each other.
        """

    /// Archived cables: in the archive for every reader whose clearance and captions cover them.
    static let archive = [
        """
        From: AMEMBASSY KABUL
        To: SECSTATE WASHDC PRIORITY
        Date: 2008-03-14 09:20
        Serial: 712
        Classification: CONFIDENTIAL
        Tags: PGOV, PREL, AF
        Subject: KANDAHAR GOVERNOR ON LOCAL ELECTIONS
        Classified By: Political Counselor Carl Benson
        Reasons: 1.4 (b), (d)

        (C) The Governor of Kandahar told poloff that local elections would go ahead in the spring despite the security situation. He said that the provincial council had approved the plan and that polling stations would be guarded by the police.

        (C) He asked whether the United States could provide ballot boxes and training for election staff. Poloff replied that the request would be passed to the assistance office.
        """,
        """
        From: AMEMBASSY NEW DELHI
        To: SECSTATE WASHDC ROUTINE
        Date: 2009-06-02 11:05
        Serial: 1188
        Classification: UNCLASSIFIED
        Tags: ECON, ETRD, IN
        Subject: INDIA TRADE MINISTER ON TARIFFS
        Classified By: Economic Counselor Laura Diaz
        Reasons: 1.4 (b)

        (U) The Trade Minister told the Ambassador that India would lower tariffs on farm machinery in the next budget. He said that the cut was part of a wider effort to raise farm output.

        (U) The Ambassador welcomed the step and noted that U.S. firms were ready to invest in local assembly plants.
        """,
        """
        From: SECSTATE WASHDC
        To: AMEMBASSY ISLAMABAD IMMEDIATE
        Date: 2009-11-20 18:40
        Serial: 121455
        Classification: SECRET//NOFORN
        Caveats: EXDIS
        Tags: PTER, MARR, PK
        Subject: GUIDANCE FOR TALKS WITH THE CHIEF OF ARMY STAFF
        Classified By: Under Secretary William Barnes
        Reasons: 1.4 (b), (d)

        (S/NF) Post should tell the Chief of Army Staff that Washington values the cooperation of the army in the tribal areas and expects the border operations to continue through the winter.

        (S/NF) Post may say that additional helicopters will be delivered in the spring if the operations continue.
        """,
        """
        From: AMEMBASSY ISLAMABAD
        To: SECSTATE WASHDC PRIORITY
        Date: 2007-09-10 07:15
        Serial: 4020
        Classification: SECRET
        Tags: PGOV, PINR, PK
        Subject: OPPOSITION LEADER PLANS RETURN
        Classified By: Ambassador Anne W. Palmer
        Reasons: 1.4 (b), (d)

        (S) A close adviser told the Ambassador that the opposition leader planned to return to Pakistan before the elections. He said that she expected a large crowd at the airport in Karachi and that security would be a serious concern.

        (C) The Ambassador noted that the United States supported free and fair elections and urged the adviser to coordinate security arrangements with the authorities.
        """,
    ]
}
