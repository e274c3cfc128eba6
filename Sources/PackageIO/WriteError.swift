import DocModel

/// Why a file or package could not be written. ``message(in:)`` gives the one line shown
/// to the user (the caller prefixes the file name where that helps).
public struct WriteError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The target exists and overwriting was not asked for.
        case targetExists
        /// The directory that should hold the target does not exist.
        case directoryMissing
        /// The target's directory cannot be written (permissions, read-only file system).
        case notWritable(String)
        /// Writing, syncing or renaming failed part-way; the target is unchanged.
        case ioFailed(String)
        /// Building the zip package failed (libzip's message).
        case packageFailed(String)
        /// The same name was added twice to one package.
        case duplicateEntry
    }

    public var kind: Kind
    /// The path or zip entry concerned, if any.
    public var subject: String?

    public init(_ kind: Kind, subject: String? = nil) {
        self.kind = kind
        self.subject = subject
    }

    /// One line, without the file name unless ``subject`` is set.
    public func message(in language: Language) -> String {
        let l = language
        let text: String
        switch kind {
        case .targetExists:
            text = l.pick(
                "bestand bestaat al; geef toestemming om te overschrijven",
                "file already exists; allow overwriting to replace it")
        case .directoryMissing:
            text = l.pick("map bestaat niet", "directory does not exist")
        case .notWritable(let reason):
            text = l.pick(
                "kan niet schrijven in de map (\(reason))",
                "cannot write in the directory (\(reason))")
        case .ioFailed(let reason):
            text = l.pick(
                "schrijven mislukt (\(reason)); het doelbestand is niet gewijzigd",
                "writing failed (\(reason)); the target file is unchanged")
        case .packageFailed(let detail):
            text = l.pick("zip-pakket maken mislukt (\(detail))", "building the zip package failed (\(detail))")
        case .duplicateEntry:
            text = l.pick("naam komt twee keer voor in het zip-pakket", "name occurs twice in the zip package")
        }
        guard let subject else { return text }
        return "\(subject): \(text)"
    }
}
