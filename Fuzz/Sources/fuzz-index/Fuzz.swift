import Foundation
import AgendaFuzzSupport
import AgendaModel

/// libFuzzer entry: the search index file's checks (`SearchIndexFile.load`) on arbitrary bytes,
/// then searches over whatever they accept. The first byte chooses what the rest is: odd, a
/// payload, sealed here with a correct header and digest (a fuzzer cannot forge the digest),
/// for as many sessions as its first eight bytes say; even, a whole index file. Never crashes,
/// hangs or reads outside the bytes (AddressSanitizer); hits are sessions that exist.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    guard let mode = data.first else { return 0 }
    let rest = Array(data.dropFirst())
    let key = ContentDigest(high: 3, low: 4)
    let bytes = mode & 1 == 1 ? SearchIndexFile.seal(rest, key: key, build: "fuzz") : rest
    guard bytes.count >= 72 else { return 0 }
    let sessions = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 64, as: UInt64.self) }
    guard sessions <= 100_000, let index = SearchIndexFile.load(bytes, key: key, build: "fuzz", sessions: Int(sessions)) else { return 0 }
    var previous: SearchHits?
    for query in ["a", "ab", "abc", "中", "中文", "x y", " ", "é"] {
        let folded = index.fold(query)
        previous = index.search(folded, within: query.count > 1 ? previous : nil)
        for hits in [previous!.sessions, index.matches(folded)] {
            precondition(hits.allSatisfy { $0 >= 0 && $0 < Int(sessions) }, "a hit that is no session")
        }
    }
    return 0
}
