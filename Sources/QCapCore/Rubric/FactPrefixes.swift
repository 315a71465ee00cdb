/// Fact prefixes belong to one rubric each: the catalogue files every fact under the rubric owning its prefix, so a
/// data rubric reusing `mqc` would take over the built-in rubric's facts (valid evidence would then be rejected as
/// unknown criteria of the wrong rubric, with no word about why). `qcap rubrics validate` and workspace loading
/// both check it, naming the rubric file.
public enum FactPrefixes {
    /// Prefixes no rubric may use: `enterprise.<field>` facts describe the enterprise itself.
    public static let reserved: Set<String> = ["enterprise"]

    /// The problem with `descriptor`'s prefix beside the rubrics in `others` (a rubric with the same id — the one an
    /// override replaces — does not count), or nil.
    public static func conflict(of descriptor: RubricDescriptor, with others: [RubricDescriptor], file: String,
                                lines: JSONLineIndex?) -> InputError? {
        let location = InputError.Location.jsonPath("$.factPrefix", line: lines?.nearestLine(for: "$.factPrefix"))
        let suggestion = descriptor.id.filter { $0.isLetter || $0.isNumber }
        if reserved.contains(descriptor.factPrefix) {
            return InputError(file: file, location: location, message: "fact prefix '\(descriptor.factPrefix)' is reserved for the enterprise's own facts",
                              expected: "a prefix of the rubric's own, e.g. \"\(suggestion)\"")
        }
        guard let owner = others.first(where: { $0.factPrefix == descriptor.factPrefix && $0.id != descriptor.id }) else { return nil }
        return InputError(file: file, location: location,
                          message: "fact prefix '\(descriptor.factPrefix)' is already used by rubric \(owner.id); its facts would be read as this rubric's",
                          expected: "a prefix of the rubric's own, e.g. \"\(suggestion)\"")
    }
}
