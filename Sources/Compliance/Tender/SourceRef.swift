/// Where a model value came from: its data path, the position of its node, and the positions
/// of the keys it was read from (so rules can point at `criteria:` or `sanctie:`).
public struct SourceRef: Sendable, Hashable {
    public var path: String
    public var position: SourcePosition?
    public var keys: [String: SourcePosition]

    public init(path: String, position: SourcePosition? = nil, keys: [String: SourcePosition] = [:]) {
        self.path = path
        self.position = position
        self.keys = keys
    }

    /// The position of `key` if it was present, else the node's own position.
    public func position(of key: String) -> SourcePosition? { keys[key] ?? position }

    /// The data path of a key below this node (`planning.publicatie`).
    public func path(of key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A finding location for `key` (or the node itself) in `file`.
    public func location(_ key: String? = nil, file: String?) -> Location {
        guard let key else { return Location(file: file, position: position, path: path) }
        return Location(file: file, position: position(of: key), path: path(of: key))
    }
}
