import Foundation

/// Turns file bytes into text, failing with the line and column of the first byte that is not UTF-8.
enum TextDecoding {
    static func utf8(_ data: Data, file: String) throws(ScheduleError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let (line, column) = firstInvalidUTF8(data)
        throw ScheduleError(file: file, line: line, column: column, message: "the file is not valid UTF-8")
    }

    /// 1-based line and column (in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, lineStart = 0
        var index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            if length > 1 {
                for next in bytes[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 {
                    return (line, index - lineStart + 1)
                }
            }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, index - lineStart + 1)
    }
}
