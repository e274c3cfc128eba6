import Compliance
import Foundation

/// A small valid tender; tests replace parts of it.
let baseTender = """
versie: 1
titel: Test
aanbestedende_dienst:
  naam: Regio
  gemeenten:
    - naam: Noord
      aandeel: { p1: 60 }
    - naam: Zuid
      aandeel: { p1: 40 }
kenmerk:
  platform: TenderNed
  nummer: "1"
procedure: niet-openbaar
regime: europees
planning:
  publicatie: 2024-01-01 09:00
  vragenrondes:
    - vragen_uiterlijk: 2024-01-15
      nota_van_inlichtingen: 2024-01-22
  sluiting_selectiefase: 2024-02-15 12:00
  gunningsbeslissing: 2024-04-01
  standstill_einde: 2024-04-25
looptijd:
  initieel_jaren: 2
percelen:
  - id: p1
    naam: Perceel
    segmenten:
      - id: s1
        naam: Segment
        aanbieders: { minimum: 1, maximum: 3 }
        criteria:
          - { id: a, naam: A, weging: 60 }
          - { id: b, naam: B, weging: 40 }
dossier: {}
partijen: {}
contactverbod:
  tekst: Alleen via het platform.
  sanctie: uitsluiting
klachten:
  naam: Meldpunt
  email: a@b.nl

"""

/// `baseTender` with `old` replaced by `new` (which must occur).
func tender(replacing old: String, with new: String) -> String {
    precondition(baseTender.contains(old), "not in base tender: \(old)")
    return baseTender.replacingOccurrences(of: old, with: new)
}

/// The 1-based line and column where `needle` starts (first occurrence, or the `nth`).
func position(of needle: String, in text: String, nth: Int = 1) -> SourcePosition? {
    var seen = 0
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        var searchStart = line.startIndex
        while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
            seen += 1
            if seen == nth {
                return SourcePosition(line: index + 1, column: line.unicodeScalars.distance(
                    from: line.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: line.unicodeScalars) ?? line.unicodeScalars.startIndex) + 1)
            }
            searchStart = range.upperBound
        }
    }
    return nil
}

func lint(_ text: String) throws -> [Finding] {
    try TenderLint.lint(text: text, file: "t.yaml")
}

let samplesFolder: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path + "/samples/tenders"
}()

let projectRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
}()
