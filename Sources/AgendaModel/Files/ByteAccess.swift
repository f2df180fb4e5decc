import Foundation

extension Data {
    /// The bytes, for readers that scan them in place (no copy of a large file).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(ScheduleError) -> R) throws(ScheduleError) -> R {
        let result: Result<R, ScheduleError> = withUnsafeBytes { raw in
            Result { () throws(ScheduleError) -> R in try body(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }
}

extension TextDecoding {
    /// Fails with the line and column of the first byte that is not UTF-8; an ASCII fast
    /// path (8 bytes at a time) keeps this far above the readers' own speed.
    /// `release`: called with each megabyte checked.
    static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                             release: ((Range<Int>) -> Void)? = nil) throws(ScheduleError) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        var released = 0
        while i < count {
            if let release, i - released >= 1 << 20 {
                release(released..<i)
                released = i
            }
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let byte = base[i]
            if byte < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt8 = 0x80, maximum: UInt8 = 0xBF   // allowed range of the second byte
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minimum = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; maximum = 0x9F               // no surrogates
            case 0xF0: length = 4; minimum = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximum = 0x8F
            default: throw invalid(bytes, at: i, file: file)
            }
            guard i + length <= count, base[i + 1] >= minimum, base[i + 1] <= maximum else {
                throw invalid(bytes, at: i, file: file)
            }
            for k in 2..<max(2, length) where base[i + k] & 0xC0 != 0x80 { throw invalid(bytes, at: i, file: file) }
            i += length
        }
        release?(released..<count)
    }

    private static func invalid(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, file: String) -> ScheduleError {
        var counter = LineCounter()
        let (line, column) = counter.location(of: offset, in: bytes)
        return ScheduleError(file: file, line: line, column: column, message: "the file is not valid UTF-8")
    }
}
