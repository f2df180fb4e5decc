import Glibc

/// Writes to an open file descriptor.
enum Descriptor {
    /// Writes all of `buffer`, however many calls it takes (false: a write failed).
    static func write(all buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
