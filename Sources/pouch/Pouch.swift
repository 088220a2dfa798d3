import ArgumentParser

@main
struct Pouch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pouch",
        abstract: "Pouch: secure carriage and archive of diplomatic cables.",
        subcommands: [
            InitCommand.self, UserCommand.self, ListCommand.self, PostCommand.self, CableCommand.self, KeyCommand.self, MarkCommand.self,
            TraceCommand.self, ImportCommand.self, SearchCommand.self, AuditCommand.self, VerifyCommand.self, BackupCommand.self, StoreCommand.self,
            ServeCommand.self,
        ]
    )
}
