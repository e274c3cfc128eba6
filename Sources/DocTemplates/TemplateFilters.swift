import PackageIO
import DutchTime

/// The filters a tag may name after a bar: `{{sluiting | datum}}`. Output is Dutch.
enum TemplateFilters {
    static let names = ["datum", "datumtijd", "procent", "bedrag", "aantal"]

    enum Failure: Error { case notADate, notANumber }

    static func apply(_ filter: String, to value: TemplateValue) throws(Failure) -> String {
        switch filter {
        case "datum": return longDate(try date(value))
        case "datumtijd": return longDateTime(try date(value))
        case "procent": return decimal(try number(value), maxFraction: 2) + "%"
        case "bedrag":
            let n = try number(value)
            return "€ " + (n < 0 ? "-" : "") + grouped(abs(n), fraction: 2)
        case "aantal":
            let n = try number(value)
            return (n < 0 ? "-" : "") + grouped(abs(n), fraction: n == n.rounded() ? 0 : 2)
        default: return value.text
        }
    }

    static func date(_ value: TemplateValue) throws(Failure) -> TemplateDateTime {
        switch value {
        case .date(let d): return d
        case .string(let s): if let d = TemplateDateTime(parsing: s) { return d }
        default: break
        }
        throw .notADate
    }

    static func number(_ value: TemplateValue) throws(Failure) -> Double {
        switch value {
        case .number(let n): return n
        case .string(let s):
            if let n = Double(s.trimmedTemplateSpace().replacing(",", with: ".")) { return n }
        default: break
        }
        throw .notANumber
    }

    /// "1 oktober 2020".
    static func longDate(_ d: TemplateDateTime) -> String {
        DutchTime.day(d.fields)
    }

    /// "1 oktober 2020, 23:59 uur" (a date without time: 00:00, the start of that day).
    static func longDateTime(_ d: TemplateDateTime) -> String {
        DutchTime.dateTime(d.fields)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// 12.5 → "12,5"; 15 → "15".
    static func plainNumber(_ n: Double) -> String {
        if n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
        return decimal(n, maxFraction: 6)
    }

    /// Decimal comma, at most `maxFraction` digits, trailing zeros dropped, no grouping.
    static func decimal(_ n: Double, maxFraction: Int) -> String {
        var scale = 1.0
        for _ in 0..<maxFraction { scale *= 10 }
        let scaledValue = (abs(n) * scale).rounded()
        guard scaledValue < 9e15 else { return String(n) }
        let scaled = Int64(scaledValue)
        let whole = scaled / Int64(scale)
        var fraction = scaled % Int64(scale)
        var digits = maxFraction
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let sign = n < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        var f = String(fraction)
        while f.count < digits { f = "0" + f }
        return sign + String(whole) + "," + f
    }

    /// 1234.5 → "1.234,50" (fraction 2) with dots between thousands.
    static func grouped(_ n: Double, fraction: Int) -> String {
        let scale = fraction == 2 ? 100.0 : 1.0
        let scaled = (n * scale).rounded()
        guard scaled < 9e15 else { return String(n) }
        let total = Int64(scaled)
        let whole = total / Int64(scale)
        var digits = Array(String(whole))
        var out: [Character] = []
        while digits.count > 3 {
            out = ["."] + digits.suffix(3) + out
            digits.removeLast(3)
        }
        var result = String(digits + out)
        if fraction == 2 {
            let cents = total % 100
            result += "," + two(Int(cents))
        }
        return result
    }
}

extension String {
    func trimmedTemplateSpace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
