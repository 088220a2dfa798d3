import PouchCore
import PouchStore
import Testing

@Suite("Users from CSV")
struct UserCSVTests {
    @Test("a well-formed file, with quoted names and list fields")
    func parses() throws {
        let users = try UserCSV.parse(
            """
            id,name,post,clearance,caveats,roles
            anne,"Patterson, Anne",ISLAMABAD,secret,NOFORN;EXDIS,drafter;reader
            lou,Lou,kabul,Confidential,,
            # a comment
            sam,Sam,STATE,top-secret,"NOFORN,NODIS",security-officer
            """, file: "users.csv")
        #expect(users.map(\.id) == ["anne", "lou", "sam"])
        #expect(
            users[0]
                == Reader(
                    id: "anne", name: "Patterson, Anne", post: "ISLAMABAD", roles: [.drafter, .reader], clearance: .secret, citizen: true,
                    grants: [.exdis]))
        #expect(users[1].post == "KABUL" && !users[1].citizen && users[1].roles == [.reader] && users[1].clearance == .confidential)
        #expect(users[2].grants == [.nodis] && users[2].roles == [.securityOfficer] && users[2].clearance == .topSecret)
    }

    @Test(
        "every mistake names the file and line",
        arguments: [
            ("id,name,post\nanne,A,X", "users.csv:1:"),
            ("id,name,post,clearance\nanne,A,X,sekret", "users.csv:2: 'sekret' is not a clearance"),
            ("id,name,post,clearance,caveats\nanne,A,X,secret,NOFORN\nbob,B,X,secret,SIPDIS", "users.csv:3: 'SIPDIS' is not a caveat access"),
            ("id,name,post,clearance\nanne,A,X,secret\nanne,A,X,secret", "users.csv:3: user anne is already on line 2"),
            ("id,name,post,clearance\nanne,\"A,X,secret", "users.csv:2: a quoted field is not closed"),
            ("id,name,post,clearance\nanne,A,X", "users.csv:2: 3 fields"),
            ("id,name,post,clearance,roles\nanne,A,X,secret,king", "users.csv:2: 'king' is not a role"),
            ("id,name,post,clearance\nan ne,A,X,secret", "users.csv:2: 'an ne' is not a valid user ID"),
            ("", "users.csv:1: the file is empty"),
        ])
    func errors(text: String, message: String) {
        do {
            _ = try UserCSV.parse(text, file: "users.csv")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
