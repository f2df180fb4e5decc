/// What the files this program writes for itself (snapshots, search indexes) have in common:
/// little-endian numbers, and a hash naming the format and the build that wrote them.
enum CacheFileBytes {
    /// FNV-1a of `text`: written into a header so that a file of another build or format
    /// version is not read (a fixed reader must not be bypassed by what an old one wrote).
    static func buildHash(_ text: String) -> UInt64 { FNV1a.hash(text) }

    static func append<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
