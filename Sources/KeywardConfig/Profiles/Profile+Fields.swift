extension Profile {
    /// Reads typed fields from a profile's values; errors name the value's file and line.
    struct FieldReader {
        let values: [String: ConfigValue]

        /// A one-line value; empty counts as unset.
        func text(_ key: String) throws(ConfigError) -> String? {
            guard let value = values[key], !value.text.isEmpty else { return nil }
            guard !value.text.contains("\n") else {
                let reason =
                    value.nested == nil
                    ? "expected one line, found continuation lines" : "expected a value, found an indented block"
                throw .invalidValue(file: value.origin.file, line: value.origin.line, key: key, reason: reason)
            }
            return value.text
        }

        /// One of a fixed set of values, matched exactly (botocore compares case-sensitively).
        func choice<Choice: RawRepresentable & CaseIterable>(
            _ key: String, _: Choice.Type
        ) throws(ConfigError) -> Choice?
        where Choice.RawValue == String {
            guard let text = try text(key) else { return nil }
            if let choice = Choice(rawValue: text) { return choice }
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(key, "\(quoted(text)) is not one of \(allowed)")
        }

        /// A whole number of seconds within a range.
        func seconds(_ key: String, range: ClosedRange<Int>) throws(ConfigError) -> Int? {
            guard let text = try text(key) else { return nil }
            guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(text) else {
                throw invalid(key, "\(quoted(text)) is not a whole number of seconds")
            }
            guard range.contains(number) else {
                throw invalid(key, "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        }

        /// aws-vault's `key1=value1,key2=value2`: pairs split at the first `=`, both sides trimmed.
        func sessionTags(_ key: String) throws(ConfigError) -> [SessionTag] {
            guard let text = try text(key) else { return [] }
            var tags: [SessionTag] = []
            for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let equals = pair.firstIndex(of: "=") else {
                    throw invalid(key, "expected key1=value1,key2=value2")
                }
                let tagKey = PythonText.strip(pair[..<equals])
                let tagValue = PythonText.strip(pair[pair.index(after: equals)...])
                guard !tagKey.isEmpty else { throw invalid(key, "expected key1=value1,key2=value2") }
                tags.removeAll { $0.key == tagKey }
                tags.append(SessionTag(key: String(tagKey), value: String(tagValue)))
            }
            return tags
        }

        /// A comma-separated list; items trimmed, empty items dropped.
        func list(_ key: String) throws(ConfigError) -> [String] {
            guard let text = try text(key) else { return [] }
            return text.split(separator: ",").map { String(PythonText.strip($0)) }.filter { !$0.isEmpty }
        }

        private func invalid(_ key: String, _ reason: String) -> ConfigError {
            let origin = values[key]?.origin ?? ValueOrigin(file: "?", line: 0)
            return .invalidValue(file: origin.file, line: origin.line, key: key, reason: reason)
        }

        /// A value quoted for an error, shortened so a long paste cannot flood the line.
        private func quoted(_ text: String) -> String {
            let short = text.count > 40 ? text.prefix(40) + "..." : Substring(text)
            return "\"\(short)\""
        }
    }
}
