import PouchStore

/// The store's tables in PostgreSQL: the same tables, columns and constraints as SQLite's schema at
/// format 2, in the types both read back alike (integers as `bigint`, booleans as 0/1, bytes as
/// `bytea`, text compared byte by byte with `COLLATE "C"` as SQLite compares it), so the store's
/// logic, its statements and its MACs are the same on both.
enum StoreSchema {
    static let migrations = [
        SchemaMigrator.Migration("store-v1", tables + indexes + triggers),
        PostgresSessionDriver.migration,
        // As SQLite's v12: whether a reader has opened a copy is a lookup in the audit log.
        SchemaMigrator.Migration("store-v2-audit-reads-index", [SealedStore.auditReadsIndex, "DROP INDEX audit_user"]),
    ]

    static let tables = [
        """
        CREATE TABLE meta (
            id bigint PRIMARY KEY, salt bytea NOT NULL, verifier bytea NOT NULL, rounds bigint NOT NULL, blockSize bigint NOT NULL,
            parallelism bigint NOT NULL, credential text NOT NULL, administrator text COLLATE "C" NOT NULL, profile text NOT NULL,
            format bigint NOT NULL DEFAULT 1, wrappedMaster bytea, masterVersion bigint NOT NULL DEFAULT 1)
        """,
        """
        CREATE TABLE secret (name text COLLATE "C" PRIMARY KEY, wrappedKey bytea NOT NULL, sealed bytea NOT NULL, publicKey bytea)
        """,
        """
        CREATE TABLE reader (
            id text COLLATE "C" PRIMARY KEY, name text NOT NULL, post text COLLATE "C" NOT NULL, roles text NOT NULL,
            clearance bigint NOT NULL, citizen bigint NOT NULL, grants text NOT NULL, mac bytea NOT NULL,
            disabled bigint NOT NULL DEFAULT 0, generation bigint NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE list (name text COLLATE "C" PRIMARY KEY, mac bytea)
        """,
        """
        CREATE TABLE listMember (
            list text COLLATE "C" NOT NULL REFERENCES list ON DELETE CASCADE, reader text COLLATE "C" NOT NULL REFERENCES reader,
            PRIMARY KEY (list, reader))
        """,
        """
        CREATE TABLE postKey (
            post text COLLATE "C" PRIMARY KEY, publicKey bytea NOT NULL, wrappedKey bytea NOT NULL, sealedKey bytea NOT NULL,
            version bigint NOT NULL DEFAULT 1)
        """,
        """
        CREATE TABLE cable (
            docid bigint PRIMARY KEY, id text COLLATE "C" NOT NULL UNIQUE, classification bigint NOT NULL, caveats text COLLATE "C" NOT NULL,
            restricted bigint NOT NULL, archive bigint NOT NULL, post text COLLATE "C" NOT NULL REFERENCES postKey,
            postKey text COLLATE "C" NOT NULL, tags text COLLATE "C" NOT NULL, drafter text COLLATE "C" REFERENCES reader,
            year bigint NOT NULL, serial bigint NOT NULL, date text COLLATE "C" NOT NULL, state text COLLATE "C" NOT NULL, mac bytea)
        """,
        """
        CREATE TABLE sealed (
            docid bigint PRIMARY KEY REFERENCES cable (docid), wrappedKey bytea NOT NULL, sealedText bytea NOT NULL,
            subjectKey bytea NOT NULL, sealedSubject bytea NOT NULL, signature bytea NOT NULL)
        """,
        """
        CREATE TABLE vocabulary (batch bigint PRIMARY KEY, wrappedKey bytea NOT NULL, sealed bytea NOT NULL)
        """,
        // rowid: SQLite's implicit row number, which scans of every copy page by.
        """
        CREATE TABLE copy (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            cable text COLLATE "C" NOT NULL REFERENCES cable (id), reader text COLLATE "C" NOT NULL REFERENCES reader,
            wrappedKey bytea NOT NULL, sealedText bytea NOT NULL, signature bytea NOT NULL, PRIMARY KEY (cable, reader))
        """,
        """
        CREATE TABLE audit (
            sequence bigint PRIMARY KEY, time text COLLATE "C" NOT NULL, "user" text COLLATE "C" NOT NULL, action text COLLATE "C" NOT NULL,
            target text COLLATE "C" NOT NULL, outcome text COLLATE "C" NOT NULL, detail text NOT NULL, previousHash bytea NOT NULL,
            hash bytea NOT NULL)
        """,
        """
        CREATE TABLE auditCheckpoint (sequence bigint PRIMARY KEY, hash bytea NOT NULL, signature bytea NOT NULL)
        """,
        """
        CREATE TABLE auditHead (id bigint PRIMARY KEY, sequence bigint NOT NULL, hash bytea NOT NULL, signature bytea NOT NULL)
        """,
        """
        CREATE TABLE credential (reader text COLLATE "C" PRIMARY KEY REFERENCES reader, hash text NOT NULL, mac bytea NOT NULL)
        """,
        """
        CREATE TABLE token (
            digest bytea PRIMARY KEY, reader text COLLATE "C" NOT NULL REFERENCES reader, label text COLLATE "C" NOT NULL,
            created text NOT NULL, mac bytea NOT NULL, expires text)
        """,
        """
        CREATE TABLE marking (
            cable text COLLATE "C" PRIMARY KEY REFERENCES cable (id), scheme bigint NOT NULL, mac bytea NOT NULL,
            keyVersion bigint NOT NULL DEFAULT 1)
        """,
        """
        CREATE TABLE receipt (
            cable text COLLATE "C" NOT NULL REFERENCES cable (id), sequence bigint NOT NULL, recipients text NOT NULL, mac bytea NOT NULL,
            PRIMARY KEY (cable, sequence))
        """,
        """
        CREATE TABLE holding (reader text COLLATE "C" PRIMARY KEY REFERENCES reader, copies bigint NOT NULL, digest bytea NOT NULL, mac bytea NOT NULL)
        """,
        """
        CREATE TABLE postName (fm text COLLATE "C" PRIMARY KEY, post text COLLATE "C" NOT NULL, mac bytea NOT NULL)
        """,
        """
        CREATE TABLE masterKey (version bigint PRIMARY KEY, wrapped bytea, created text NOT NULL, retired text)
        """,
        """
        CREATE TABLE auditSeal (sequence bigint PRIMARY KEY, wrappedKey bytea NOT NULL)
        """,
        """
        CREATE TABLE postKeyVersion (
            post text COLLATE "C" NOT NULL, version bigint NOT NULL, publicKey bytea NOT NULL, created text NOT NULL, endorsement bytea,
            attestation bytea NOT NULL, PRIMARY KEY (post, version))
        """,
    ]

    static let indexes = [
        "CREATE INDEX cable_post_year_serial ON cable (post, year, serial)",
        "CREATE INDEX cable_date ON cable (date)",
        "CREATE INDEX cable_postKey ON cable (postKey)",
        "CREATE INDEX cable_drafter ON cable (drafter) WHERE drafter IS NOT NULL",
        "CREATE INDEX copy_reader ON copy (reader)",
        "CREATE INDEX audit_user ON audit (\"user\")",
    ]

    /// As on SQLite: a record sealed under a master key version that is no longer current is
    /// refused, so a process that has not yet seen another's rotation cannot write under the old
    /// key (it reloads its keyring and tries again). A wrapped key of 60 bytes is version 1's; one
    /// of 62 names its version in its first two bytes.
    static let triggers: [String] =
        [
            """
            CREATE FUNCTION pouch_require_current_master() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                wrapped bytea;
                current bigint;
            BEGIN
                EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO wrapped USING NEW;
                IF wrapped IS NULL OR length(wrapped) NOT IN (60, 62) THEN RETURN NEW; END IF;
                SELECT masterVersion INTO current FROM meta WHERE id = 1;
                IF (current = 1 AND length(wrapped) = 60)
                    OR (current <> 1 AND length(wrapped) = 62 AND (get_byte(wrapped, 0) * 256 + get_byte(wrapped, 1)) = current) THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '\(SealedStore.staleMasterKey)';
            END $$
            """
        ]
        + SealedStore.masterVersionColumns.map { table, column in
            """
            CREATE TRIGGER \(table)_\(column)_current BEFORE INSERT OR UPDATE OF \(column) ON \(table)
            FOR EACH ROW EXECUTE FUNCTION pouch_require_current_master('\(column.lowercased())')
            """
        }
}
