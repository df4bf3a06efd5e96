/// Prints a ``JSONValue`` as indented JSON (four spaces, members in their order), the way AWS shows
/// policies. Short arrays of scalars stay on one line when they fit.
public enum JSONPrinter {
    /// The value as pretty JSON text, without a trailing newline.
    ///
    /// - Parameter value: the value.
    /// - Returns: the text.
    public static func print(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent + 4)
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += JSONText.quoted(text)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += pad
                write(element.value, indent: indent + 4, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += pad + JSONText.quoted(member.key) + ": "
                write(member.value.value, indent: indent + 4, into: &output)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }
}
