/// Lower-case hexadecimal text for bytes, two digits each: the one encoder for digests in cache keys, entry
/// names and lock names (a hand-rolled one without zero padding once let `0x0a 0x1` and `0xa0 0x01` read alike).
public enum Hex {
    /// `bytes` as lower-case hex, two digits per byte.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
