import ArgumentParser

/// A session length on the command line: `3600`, `900s`, `45m`, `1h`, `1h30m`.
struct CredentialDuration: ExpressibleByArgument, Sendable, Equatable {
    /// The length in seconds.
    var seconds: Int

    init?(argument: String) {
        var total = 0
        var number = ""
        var sawUnit = false
        for character in argument {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        if !number.isEmpty {
            guard !sawUnit, let value = Int(number) else { return nil }
            total += value
        }
        guard total > 0 else { return nil }
        seconds = total
    }

    static var defaultValueDescription: String { "1h" }
}
