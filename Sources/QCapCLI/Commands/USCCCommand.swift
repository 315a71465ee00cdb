import QCapCore

/// `qcap uscc CODE...`: checks Unified Social Credit Codes (GB 32100-2015). Exit 0 when every code is valid, 1 otherwise.
enum USCCCommand {
    static let spec = CommandSpec("uscc", summary: "Validate Unified Social Credit Codes (统一社会信用代码).",
                                  discussion: "A malformed code and a code whose check character fails are both invalid here; in a roster, a failed check is only a finding for review.",
                                  options: [.value("format", valueName: "FORMAT", help: "Output format.", allowedValues: ["table", "json"], defaultValue: "table")],
                                  positionals: [.variadic("CODE", help: "Codes to check.")],
                                  examples: ["qcap uscc 91350600K8PBRNYTPB 91350203LXG0TEQY7X --format json"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let codes = arguments.positionals("CODE")
        var allValid = true
        var items: [JSONValue] = []
        let output = try OutputTarget.standardOutput()
        for code in codes {
            let verdict = USCC.validate(code)
            let (valid, reason): (Bool, String)
            switch verdict {
            case .valid: (valid, reason) = (true, "check character matches")
            case .checkFailed(let expected): (valid, reason) = (false, "check character is \(code.last.map(String.init) ?? ""), expected \(expected)")
            case .malformed(let why): (valid, reason) = (false, "malformed: \(why)")
            }
            allValid = allValid && valid
            if arguments.value("format") == "json" {
                var item: [(String, JSONValue)] = [("code", .string(code)), ("valid", .bool(valid)), ("reason", .string(reason))]
                if code.count == 18, valid || { if case .checkFailed = verdict { return true } else { return false } }() {
                    let characters = Array(code)
                    item.append(("registrationAuthority", .string(String(characters[0]))))
                    item.append(("category", .string(String(characters[1]))))
                    item.append(("region", .string(String(characters[2..<8]))))
                    item.append(("organizationCode", .string(String(characters[8..<17]))))
                }
                items.append(.object(JSONObject(item)))
            } else {
                try output.write("\(code)  \(valid ? "valid  " : "INVALID")  \(reason)\n")
            }
        }
        if arguments.value("format") == "json" { try output.write(JSONWriter.write(.array(items), style: .pretty) + "\n") }
        try output.commit()
        if !allValid { throw .unmet(nil) }
    }
}
