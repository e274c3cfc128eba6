import DocModel
import Foundation

/// The facts of one submission against one profile, computed once when the check starts and
/// immutable after: the submission, the profile, the clock, and what is read from the dossier
/// (fields, chosen percelen and segmenten, sections found, parties). Every rule is a function of
/// these facts, so no result depends on which rule reads first.
public struct CheckContext: Sendable {
    public let submission: Submission
    public let profile: RequirementsProfile
    public let options: CheckOptions
    public let now: Date
    public let deadline: Date?
    public let dossier: SubmissionFile?
    public let view: DossierView?
    /// The percelen and segmenten the dossier chooses.
    public let choice: Choice
    /// Each section of the profile, found in the dossier or not.
    public let sections: [SectionMatch]
    /// Headings matched to a profile section (indices into `view.headings`).
    public let usedHeadings: Set<Int>
    /// The parties the dossier names, the bidder first when it was not listed.
    public let parties: [Party]

    public init(submission: Submission, profile: RequirementsProfile, options: CheckOptions) {
        self.submission = submission
        self.profile = profile
        self.options = options
        now = options.now ?? Date()
        deadline = profile.deadline?.date
        dossier = submission.dossierFile
        // The loader builds the view; a submission put together elsewhere gets it here.
        let view = dossier?.view ?? dossier?.document.map(DossierView.init(document:))
        self.view = view
        let choice = Self.choice(view: view, profile: profile)
        self.choice = choice
        (sections, usedHeadings) = Self.sections(view: view, profile: profile, choice: choice)
        parties = Self.parties(view: view)
    }

    // MARK: - Fields

    public struct FieldValue: Sendable {
        public var value: String
        public var filled: Bool
        public var paragraph: Int?
        public var section: String?
        /// The form's control (true) or a labelled line of a house-style dossier (false).
        public var fromControl: Bool
    }

    /// Labels a house-style dossier may use for the form's fields.
    static let fieldLabels: [String: [String]] = [
        "naam": ["Naam inschrijver", "Naam organisatie", "Naam zorgaanbieder", "Statutaire naam", "Inschrijver", "Naam"],
        "kvk": ["KvK-nummer", "KvK nummer", "KvK", "Kamer van Koophandel", "Inschrijfnummer KvK"],
        "agb": ["AGB-code", "AGB code", "AGB"],
        "bera": ["BerA-nummer", "BerA"],
        "percelen": ["Gekozen percelen en segmenten", "Percelen en segmenten", "Gekozen percelen", "Percelen", "Perceel", "Segmenten"],
        "contactpersoon": ["Contactpersoon"],
        "email": ["E-mailadres", "E-mail", "Email"],
        "telefoon": ["Telefoonnummer", "Telefoon"],
        "ondertekenaar-naam": ["Naam ondertekenaar"],
        "ondertekenaar-functie": ["Functie ondertekenaar", "Functie"],
        "ondertekening-datum": ["Datum ondertekening", "Datum"],
        "handtekening": ["Handtekening"],
    ]

    /// Labels that name a field only under one heading: in the signature block of the form
    /// ("Verklaring en ondertekening") a plain "Naam" is the signer's, not the bidder's. A form
    /// filled in LibreOffice loses its placeholders, and then these labels are what is left.
    static let sectionLabels: [String: (section: String, labels: [String])] = [
        "ondertekenaar-naam": ("Verklaring en ondertekening", ["Naam"]),
        "ondertekenaar-functie": ("Verklaring en ondertekening", ["Functie"]),
        "ondertekening-datum": ("Verklaring en ondertekening", ["Datum"]),
        "handtekening": ("Verklaring en ondertekening", ["Handtekening"]),
    ]

    /// The value of a form field: its content control, else a labelled line ("KvK-nummer: …").
    public func field(_ tag: String, label: String? = nil) -> FieldValue? { Self.field(tag, label: label, view: view) }

    static func field(_ tag: String, label: String? = nil, view: DossierView?) -> FieldValue? {
        guard let view else { return nil }
        if let control = view.control(tag) {
            return FieldValue(value: control.isEmpty ? "" : control.value, filled: !control.isEmpty, paragraph: control.paragraph,
                              section: control.section, fromControl: true)
        }
        let labels = (Self.fieldLabels[tag] ?? []) + (label.map { [$0] } ?? [])
        let scoped = Self.sectionLabels[tag]
        guard let line = view.labelledValue(labels)
            ?? scoped.flatMap({ view.labelledValue($0.labels, inSection: $0.section) }) else { return nil }
        return FieldValue(value: line.value, filled: !TextMatch.isPlaceholder(line.value), paragraph: line.paragraph,
                          section: line.section, fromControl: false)
    }

    public var bidderName: String? { Self.bidderName(view) }
    public var bidderKvK: String? { Self.bidderKvK(view) }
    static func bidderName(_ view: DossierView?) -> String? { field("naam", view: view).flatMap { $0.filled ? $0.value : nil } }
    static func bidderKvK(_ view: DossierView?) -> String? { field("kvk", view: view).flatMap { $0.filled ? TextMatch.digits($0.value) : nil } }

    // MARK: - Percelen and segmenten

    public struct Choice: Sendable {
        public var lots: Set<String> = []
        /// Segment ids keyed "lot/segment".
        public var segments: Set<String> = []
        /// Items of the field that name no perceel or segment of the tender.
        public var unknown: [String] = []
        public var known: Bool { !lots.isEmpty }
    }

    static func choice(view: DossierView?, profile: RequirementsProfile) -> Choice {
        var choice = Choice()
        guard let field = field("percelen", view: view), field.filled else { return choice }
        let text = " " + TextMatch.normalize(field.value) + " "
        func mentions(_ name: String) -> Bool {
            let n = TextMatch.normalize(name)
            return !n.isEmpty && text.contains(" " + n + " ")
        }
        for lot in profile.lots {
            var lotNamed = mentions(lot.name) || mentions(lot.id)
            for segment in lot.segments where mentions(segment.name) || mentions(segment.id) {
                choice.segments.insert("\(lot.id)/\(segment.id)")
                lotNamed = true
            }
            if lotNamed { choice.lots.insert(lot.id) }
        }
        // Whole lots without a segment named: all their segments.
        for lot in profile.lots where choice.lots.contains(lot.id) && !lot.segments.contains(where: { choice.segments.contains("\(lot.id)/\($0.id)") }) {
            for segment in lot.segments { choice.segments.insert("\(lot.id)/\(segment.id)") }
        }
        // Items that name nothing known.
        let names = profile.lots.flatMap { lot in [lot.name, lot.id] + lot.segments.flatMap { [$0.name, $0.id] + $0.subSegments.flatMap { [$0.name, $0.id] } } }
            .map(TextMatch.normalize)
        let sortedNames = names.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        let filler: Set<String> = ["perceel", "percelen", "segment", "segmenten", "sub", "subsegment", "en", "alle", "met", "inclusief", "het", "de"]
        let items = field.value.split(whereSeparator: { ",;\n/|".contains($0) }).map { String($0) }
        for item in items {
            // Without filler words and known names, what is left must be nothing, or a piece of a
            // known name: names may hold the separators themselves ("Wmo ambulante begeleiding,
            // Beschermd Thuis & Beschermd Wonen").
            let words = TextMatch.normalize(item).split(separator: " ").map(String.init).filter { !filler.contains($0) }
            var rest = " " + words.joined(separator: " ") + " "
            for name in sortedNames { rest = rest.replacingOccurrences(of: " " + name + " ", with: "  ") }
            let leftover = rest.split(separator: " ").joined(separator: " ")
            if leftover.isEmpty || sortedNames.contains(where: { (" " + $0 + " ").contains(" " + leftover + " ") }) { continue }
            choice.unknown.append(item.trimmingCharacters(in: .whitespaces))
        }
        return choice
    }

    /// Whether a profile item for (lot, segment) applies to the chosen percelen and segmenten
    /// (everything applies when the choice is not known).
    public func applies(lot: String?, segment: String?) -> Bool { Self.applies(lot: lot, segment: segment, choice: choice) }

    static func applies(lot: String?, segment: String?, choice: Choice) -> Bool {
        guard let lot else { return true }
        guard choice.known else { return true }
        guard choice.lots.contains(lot) else { return false }
        guard let segment else { return true }
        return choice.segments.contains("\(lot)/\(segment)")
    }

    // MARK: - Sections

    public struct SectionMatch: Sendable {
        public var rule: RequirementsProfile.SectionRule
        /// Where it was found: the heading or the answer control.
        public var title: String?
        public var paragraph: Int?
        public var words: Int
        public var text: String
        public var found: Bool
        public var required: Bool
        /// By the form's answer control (true) or by a heading.
        public var byControl: Bool
    }

    static func sections(view: DossierView?, profile: RequirementsProfile, choice: Choice) -> ([SectionMatch], Set<Int>) {
        guard let view else { return ([], []) }
        var used = Set<Int>()
        var result: [SectionMatch] = []
        let lotNames = Dictionary(profile.lots.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var segmentNames: [String: String] = [:]
        for lot in profile.lots { for segment in lot.segments { segmentNames["\(lot.id)/\(segment.id)"] = segment.name } }
        for rule in profile.dossier.sections {
            let required = applies(lot: rule.lot, segment: rule.segment, choice: choice)
            if let control = view.control(rule.id) {
                let heading = view.headings.last { $0.paragraph < control.paragraph }
                result.append(SectionMatch(rule: rule, title: heading?.title ?? rule.title, paragraph: control.paragraph,
                                           words: control.isEmpty ? 0 : control.words, text: control.isEmpty ? "" : control.value,
                                           found: true, required: required, byControl: true))
                if let heading, let index = view.headings.firstIndex(of: heading) { used.insert(index) }
                continue
            }
            let wanted = TextMatch.normalizeHeading(rule.title)
            let context = [rule.segment.flatMap { segmentNames["\(rule.lot ?? "")/\($0)"] }, rule.lot.flatMap { lotNames[$0] }].compactMap { $0 }
            let candidates = view.headings.indices.filter { index in
                guard !used.contains(index), TextMatch.normalizeHeading(view.headings[index].title) == wanted else { return false }
                guard let first = context.first else { return true }
                let ancestors = TextMatch.normalize(view.headings[index].ancestors.joined(separator: " "))
                return ancestors.contains(TextMatch.normalize(first))
            }
            if let index = candidates.first {
                used.insert(index)
                let heading = view.headings[index]
                result.append(SectionMatch(rule: rule, title: heading.title, paragraph: heading.paragraph, words: heading.words,
                                           text: heading.text, found: true, required: required, byControl: false))
            } else {
                result.append(SectionMatch(rule: rule, title: nil, paragraph: nil, words: 0, text: "", found: false, required: required, byControl: false))
            }
        }
        return (result, used)
    }

    // MARK: - Parties

    public struct Party: Sendable, Hashable {
        public var role: String
        public var name: String
        public var kvk: String?
        public var paragraph: Int?
        /// The role needs its own UEA: the bidder, a penvoerder, a combinant, a derde.
        public var needsUEA: Bool
    }


    static func roleNeedsUEA(_ role: String) -> Bool {
        let n = TextMatch.normalize(role)
        return ["inschrijver", "penvoerder", "combinant", "combinatie", "derde", "lid"].contains { n.contains($0) } && !n.contains("onderaannemer")
    }

    static func parties(view: DossierView?) -> [Party] {
        guard let view else { return [] }
        var parties: [Party] = []
        var index = 1
        while view.control("partij-\(index)-rol") != nil || view.control("partij-\(index)-naam") != nil {
            let role = view.control("partij-\(index)-rol"), name = view.control("partij-\(index)-naam"), kvk = view.control("partij-\(index)-kvk")
            if let name, !name.isEmpty {
                let roleText = role.map { $0.isEmpty ? "" : $0.value } ?? ""
                parties.append(Party(role: roleText, name: name.value, kvk: kvk.flatMap { $0.isEmpty ? nil : TextMatch.digits($0.value) },
                                     paragraph: name.paragraph, needsUEA: Self.roleNeedsUEA(roleText)))
            }
            index += 1
        }
        if index == 1 {
            // House style: a table whose header names a role and a name.
            for table in view.tables {
                guard let header = table.rows.first?.map(TextMatch.normalize),
                      let roleColumn = header.firstIndex(where: { $0.hasPrefix("rol") }),
                      let nameColumn = header.firstIndex(where: { $0.hasPrefix("naam") }) else { continue }
                let kvkColumn = header.firstIndex { $0.hasPrefix("kvk") }
                for row in table.rows.dropFirst() where row.count > max(roleColumn, nameColumn) {
                    let name = row[nameColumn]
                    if TextMatch.isPlaceholder(name) { continue }
                    let kvk = kvkColumn.flatMap { $0 < row.count ? TextMatch.digits(row[$0]) : nil }
                    parties.append(Party(role: row[roleColumn], name: name, kvk: kvk?.isEmpty == false ? kvk : nil,
                                         paragraph: table.paragraph, needsUEA: Self.roleNeedsUEA(row[roleColumn])))
                }
            }
        }
        if parties.isEmpty {
            // House style without a table: in the parties section, each "Rol: …" line starts a
            // party and the "Naam: …" and "KvK-nummer: …" lines after it complete it.
            var current: (role: String, name: String?, kvk: String?, paragraph: Int)?
            func flush() {
                if let party = current, let name = party.name, !TextMatch.isPlaceholder(name) {
                    parties.append(Party(role: party.role, name: name, kvk: party.kvk, paragraph: party.paragraph,
                                         needsUEA: Self.roleNeedsUEA(party.role)))
                }
                current = nil
            }
            let partiesSection = TextMatch.normalize(DossierForm.leadingSections[1].title)
            for entry in view.labelled where TextMatch.normalize(entry.section ?? "").hasSuffix("partijen")
                || TextMatch.normalize(entry.section ?? "") == partiesSection {
                let label = TextMatch.normalize(entry.label)
                if label.hasPrefix("rol") {
                    flush()
                    current = (entry.value, nil, nil, entry.paragraph)
                } else if label.hasPrefix("naam"), current != nil, current?.name == nil {
                    current?.name = entry.value
                } else if label.hasPrefix("kvk"), current != nil {
                    let digits = TextMatch.digits(entry.value)
                    current?.kvk = digits.isEmpty ? nil : digits
                }
            }
            flush()
        }
        // The bidder itself always submits a UEA.
        if let name = bidderName(view) {
            let kvk = bidderKvK(view)
            let listed = parties.contains { ($0.kvk != nil && $0.kvk == kvk) || TextMatch.normalize($0.name) == TextMatch.normalize(name) }
            if !listed {
                parties.insert(Party(role: "Inschrijver", name: name, kvk: kvk, paragraph: field("naam", view: view)?.paragraph, needsUEA: true), at: 0)
            }
        }
        return parties
    }

    /// Names a document of this submission may legitimately carry in its metadata.
    public var ownNames: [String] {
        var names = parties.map(\.name)
        if let bidderName { names.append(bidderName) }
        return names
    }
}
