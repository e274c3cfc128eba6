import DocModel
import DocTemplates
import PackageIO
import Yams

/// The data file of `dossier render`: YAML or JSON (JSON is YAML), through the same guarded
/// composer as tender files.
public enum DataFile {
    public struct Failure: Error {
        public var message: LocalizedText
        /// The message names the file (and line and column) itself.
        public var namesFile = false
    }

    public static func load(_ path: String, limits: ReadLimits) throws(Failure) -> TemplateValue {
        let bytes: [UInt8]
        do {
            // Data is read whole and composed in memory: as much as a tender file may be (4 MiB).
            bytes = try FileBytes.read(path, limit: Int64(TenderLoadLimits().maxFileSize))
        } catch let error as ReadError {
            throw Failure(message: LocalizedText(error.message(in: .nl), error.message(in: .en)))
        } catch {
            throw Failure(message: LocalizedText("\(error)", "\(error)"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(message: LocalizedText("geen UTF-8-tekst", "not UTF-8 text"))
        }
        // JSON is YAML: one guarded path for both, with bounded nesting and alias expansion.
        do {
            guard let root = try GuardedYAML.compose(text, file: path) else { return .null }
            return TemplateValue(node: root)
        } catch {
            throw Failure(message: LocalizedText(error.message(in: .nl), error.message(in: .en)), namesFile: true)
        }
    }
}

extension TemplateValue {
    /// From a composed YAML tree whose size the guard has bounded. Date-times stay text
    /// ("2021-04-01 09:00"): the filters read them.
    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            // By the tag the resolver gave the plain scalar; quoted scalars, timestamps and
            // everything else stay text.
            switch node.tag.description {
            case "tag:yaml.org,2002:null": self = .null
            case "tag:yaml.org,2002:bool": self = node.bool.map { .bool($0) } ?? .string(scalar.string)
            case "tag:yaml.org,2002:int": self = node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case "tag:yaml.org,2002:float": self = node.float.map { .number($0) } ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map { TemplateValue(node: $0) })
        case .mapping(let mapping):
            var object: [String: TemplateValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = TemplateValue(node: value) }
            self = .object(object)
        }
    }
}
