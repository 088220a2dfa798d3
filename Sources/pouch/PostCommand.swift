import ArgumentParser
import Foundation
import PouchSQLite
import PouchStore

struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Register how a post's FM line is written, so its people can draft (administrators).",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register one or more FM lines for a post: a cable 'FM EMBASSY WASHINGTON' is then drafted by people posted at WASHINGTON.",
            discussion: """
                Pouch reads the US forms by itself (AMEMBASSY ISLAMABAD, AMCONSUL MUNICH, SECSTATE WASHDC). Other ministries \
                write their posts their own way; register each form once. Drafts under a registered form are numbered and \
                filtered under the post's name (26WASHINGTON1, post:WASHINGTON). A form already registered for another \
                post is refused.
                """)

        @Argument(help: "The post, as people are posted there (e.g. WASHINGTON).") var name: String
        @Option(name: .customLong("fm"), help: "An FM line as the post writes it (repeat for several).") var fmLines: [String] = []
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var acting: ActingUser

        func validate() throws {
            guard !fmLines.isEmpty else { throw ValidationError("give at least one --fm \"FM LINE\"") }
        }

        func run() async throws {
            try await reporting {
                let store = try await storeOptions.open()
                try await store.addPost(name, fmLines: fmLines, as: try await acting.orAdministrator(of: store))
                let post = SealedStore.postName(name)
                let forms = try await store.posts()[post] ?? []
                print("post \(post): FM \(forms.joined(separator: "; FM "))")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered posts and their FM lines.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reporting {
                let posts = try await storeOptions.open().posts()
                if posts.isEmpty { print("no posts registered (the US forms AMEMBASSY, AMCONSUL, SECSTATE need none)") }
                for (post, forms) in posts.sorted(by: { $0.key < $1.key }) {
                    print("\(post)\t\(forms.joined(separator: "; "))")
                }
            }
        }
    }
}
