import Yams

/// YAML (and JSON, which is YAML) from an untrusted file, composed with bounded cost: very deep
/// nesting is refused before the recursive composer sees it, and the composed tree, walked with
/// every alias counted again, must stay within a node budget (an alias bomb composes cheaply
/// because aliased nodes are shared, and would only explode when expanded).
public enum GuardedYAML {
    public static func compose(_ text: String, file: String, maxNodes: Int = 100_000, maxDepth: Int = 64) throws(TenderLoadError) -> Node? {
        if let position = NestingScan.firstTooDeep(text, maxDepth: maxDepth) {
            throw TenderLoadError(.tooDeep, file: file, position: position,
                                  reason: LocalizedText("te diep genest (meer dan \(maxDepth) niveaus)", "nested too deeply (more than \(maxDepth) levels)"))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TenderLoader.syntaxError(error, file: file)
        } catch {
            throw TenderLoadError(.syntax, file: file, reason: LocalizedText("geen geldige YAML of JSON", "not valid YAML or JSON"))
        }
        if let root, let position = TenderLoader.exceedsBudget(root, maxNodes: maxNodes, maxDepth: maxDepth) {
            // Without an anchor or alias character the file is simply that large.
            if !text.utf8.contains(UInt8(ascii: "&")) && !text.utf8.contains(UInt8(ascii: "*")) {
                throw TenderLoadError(.tooLarge, file: file, position: position,
                                      reason: LocalizedText("te veel knopen (meer dan \(maxNodes) waarden, lijsten en tabellen)",
                                                            "too many nodes (more than \(maxNodes) values, lists and mappings)"))
            }
            throw TenderLoadError(.aliasExpansion, file: file, position: position,
                                  reason: LocalizedText("te veel knopen na het uitvouwen van YAML-aliassen (meer dan \(maxNodes)); gebruik geen ankers en aliassen (&, *)",
                                                        "too many nodes after expanding YAML aliases (more than \(maxNodes)); do not use anchors and aliases (&, *)"))
        }
        return root
    }
}
