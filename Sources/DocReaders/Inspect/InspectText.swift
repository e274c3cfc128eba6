import DocModel

/// The human-readable form of an inspect report.
public enum InspectText {
    public static func render(_ report: InspectReport, language l: Language) -> String {
        var lines: [String] = []
        lines.append("\(report.file) (\(report.format?.uppercased() ?? "?"))")
        if let title = report.title { lines.append(l.pick("Titel: ", "Title: ") + title) }
        if let pdf = report.pdf {
            // A PDF's pages are its own, not an editor's saved count.
            lines.append(l.pick("Woorden: ", "Words: ") + "\(report.words ?? 0)" + l.pick(", pagina's: \(pdf.pages)", ", pages: \(pdf.pages)"))
            switch pdf.headingSource {
            case "structure": lines.append(l.pick("Koppen: uit de structuur van de PDF (tagged PDF)", "Headings: from the PDF's structure (tagged PDF)"))
            case "outline": lines.append(l.pick("Koppen: uit de bladwijzers, gevonden in de tekst", "Headings: from the bookmarks, found in the text"))
            default: lines.append(l.pick("Koppen: geen; de PDF heeft geen structuur (tags) en geen bladwijzers", "Headings: none; the PDF has no structure (tags) and no bookmarks"))
            }
            if !pdf.unmatchedBookmarks.isEmpty {
                lines.append(l.pick("Bladwijzers niet in de tekst gevonden: ", "Bookmarks not found in the text: ") + pdf.unmatchedBookmarks.joined(separator: "; "))
            }
            if !pdf.pagesWithoutText.isEmpty {
                let pages = pdf.pagesWithoutText.map(String.init).joined(separator: ", ")
                lines.append(pdf.pagesWithoutText.count == pdf.pages
                    ? l.pick("Gescand: geen enkele pagina heeft tekst; tekst en handtekening zijn niet te controleren", "Scanned: no page has text; text and signature cannot be checked")
                    : l.pick("Pagina's zonder tekst (gescand?): ", "Pages without text (scanned?): ") + pages)
            }
        } else {
            let saved = report.metadata?.words.map { l.pick(" (editor: \($0))", " (editor: \($0))") } ?? ""
            lines.append(l.pick("Woorden: ", "Words: ") + "\(report.words ?? 0)" + saved
                + (report.metadata?.pages.map { l.pick(", pagina's (editor): \($0)", ", pages (editor): \($0)") } ?? ""))
        }
        lines.append(l.pick("Opbouw (woorden per sectie):", "Outline (words per section):"))
        if let preamble = report.preambleWords, preamble > 0 {
            lines.append("  " + l.pick("(voor de eerste kop)", "(before the first heading)") + "  \(preamble)")
        }
        func walk(_ sections: [InspectReport.SectionEntry], depth: Int) {
            for section in sections {
                let label = section.label.map { "\($0) " } ?? ""
                lines.append(String(repeating: "  ", count: depth + 1) + "H\(section.level) \(label)\(section.title)  \(section.words)")
                walk(section.children, depth: depth + 1)
            }
        }
        walk(report.outline ?? [], depth: 0)
        if (report.outline ?? []).isEmpty { lines.append("  " + l.pick("(geen koppen)", "(no headings)")) }
        let tables = report.tables ?? []
        if !tables.isEmpty {
            let shapes = tables.map { "\($0.rows)×\($0.columns)" }.joined(separator: ", ")
            lines.append(l.pick("Tabellen: ", "Tables: ") + "\(tables.count) (\(l.pick("rijen×kolommen", "rows×columns")): \(shapes))")
        }
        if let flags = report.flags {
            var raised: [String] = []
            if flags.comments > 0 { raised.append(l.pick("opmerkingen", "comments") + " (\(flags.comments))") }
            if flags.trackedChanges > 0 { raised.append(l.pick("niet-geaccepteerde wijzigingen", "unaccepted tracked changes") + " (\(flags.trackedChanges))") }
            if flags.hiddenText > 0 { raised.append(l.pick("verborgen tekst", "hidden text") + " (\(flags.hiddenText))") }
            if !flags.macros.isEmpty { raised.append(l.pick("macro's", "macros") + " (\(flags.macros.joined(separator: ", ")))") }
            if !flags.externalReferences.isEmpty { raised.append(l.pick("externe verwijzingen", "external references") + " (\(flags.externalReferences.joined(separator: ", ")))") }
            if !flags.embeddedObjects.isEmpty { raised.append(l.pick("ingesloten bestanden", "embedded files") + " (\(flags.embeddedObjects.count))") }
            if !flags.signatureParts.isEmpty { raised.append(l.pick("handtekening aanwezig", "signature present")) }
            if flags.placeholdersShowing > 0 { raised.append(l.pick("lege invulvelden", "unfilled form fields") + " (\(flags.placeholdersShowing))") }
            lines.append(l.pick("Signalen: ", "Flags: ") + (raised.isEmpty ? l.pick("geen", "none") : raised.joined(separator: "; ")))
        }
        if let m = report.metadata {
            var facts: [String] = []
            if let creator = m.creator { facts.append(l.pick("auteur ", "author ") + creator) }
            if let modifiedBy = m.lastModifiedBy { facts.append(l.pick("laatst gewijzigd door ", "last modified by ") + modifiedBy) }
            if let created = m.created { facts.append(l.pick("gemaakt ", "created ") + created) }
            if let modified = m.modified { facts.append(l.pick("gewijzigd ", "modified ") + modified) }
            if let company = m.company { facts.append(l.pick("organisatie ", "company ") + company) }
            if let application = m.application { facts.append(l.pick("programma ", "application ") + application) }
            if !facts.isEmpty { lines.append("Metadata: " + facts.joined(separator: "; ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
