import PackageIO
import DutchTime

/// A local date with an optional time of day, as tender data carries it.
public struct TemplateDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Parses what ``DutchTime/parse(_:dateOnly:zone:)`` accepts ("2021-04-01", "2021-04-01 09:00",
    /// "2021-04-01T09:00", with optional seconds, fraction and offset). The date and time are kept
    /// as written: an offset is not applied (the time is the local time written).
    public init?(parsing text: String) {
        guard let moment = DutchTime.parse(text) else { return nil }
        let w = moment.written
        self.init(year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute)
    }

    var fields: DutchTime.Fields { DutchTime.Fields(year: year, month: month, day: day, hour: hour, minute: minute) }
}

/// The data a template is filled with.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case date(TemplateDateTime)
    case list([TemplateValue])
    case object([String: TemplateValue])
    case null

    /// Whether a section shows for this value (mustache rules; 0, "" and empty collections are false).
    var isTruthy: Bool {
        switch self {
        case .string(let s): return !s.isEmpty
        case .number(let n): return n != 0
        case .bool(let b): return b
        case .date: return true
        case .list(let l): return !l.isEmpty
        case .object(let o): return !o.isEmpty
        case .null: return false
        }
    }

    public subscript(key: String) -> TemplateValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text a plain tag shows.
    var text: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return TemplateFilters.plainNumber(n)
        case .bool(let b): return b ? "ja" : "nee"
        case .date(let d): return d.hour == nil ? TemplateFilters.longDate(d) : TemplateFilters.longDateTime(d)
        case .list(let l): return l.map(\.text).filter { !$0.isEmpty }.joined(separator: ", ")
        case .object: return ""
        case .null: return ""
        }
    }
}

extension TemplateValue {
    /// Converts values as Foundation's JSONSerialization and Yams produce them
    /// (String, Bool, Int, Double, NSNumber, arrays, dictionaries, NSNull).
    public init(any value: Any?) {
        guard let value else { self = .null; return }
        switch value {
        case let v as TemplateValue: self = v
        case let s as String: self = .string(s)
        case let b as Bool where type(of: value) == Bool.self: self = .bool(b)
        case let i as Int: self = .number(Double(i))
        case let d as Double: self = .number(d)
        case let list as [Any?]: self = .list(list.map { TemplateValue(any: $0) })
        case let list as [Any]: self = .list(list.map { TemplateValue(any: $0) })
        case let object as [String: Any?]: self = .object(object.mapValues { TemplateValue(any: $0) })
        case let object as [String: Any]: self = .object(object.mapValues { TemplateValue(any: $0) })
        case let object as [AnyHashable: Any]:
            var result: [String: TemplateValue] = [:]
            for (key, value) in object { result["\(key.base)"] = TemplateValue(any: value) }
            self = .object(result)
        default:
            let text = "\(value)"
            if text == "<null>" || text == "NSNull()" { self = .null } else { self = .string(text) }
        }
    }
}

/// Literals, for data built in code (the tender's template data, tests).
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
