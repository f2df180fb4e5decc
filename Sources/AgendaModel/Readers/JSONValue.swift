import Foundation

/// A parsed JSON document: every value in one flat array, in document order.
///
/// Why flat: a schedule has tens of thousands of values, and a tree of enums and arrays cost
/// as much to free as to build. Here a container is followed by its members (an object's
/// alternate name, value, name, value), and knows where its last descendant ends. Strings
/// without escapes stay bytes of the parsed buffer until read (most are never read).
///
/// Lifetime: the document borrows the buffer it was parsed from, and `JSONValue`s do not
/// retain their document. Use both inside the `withUnsafeBytes` that parsed them, with the
/// document held (`withExtendedLifetime`).
final class JSONDocument {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The values (`malloc`ed by the parser, owned here): reading a node retains nothing.
    let nodes: UnsafeMutablePointer<JSONNode>?
    let count: Int
    /// Where each object starts (line, column), for messages.
    let places: [(line: Int32, column: Int32)]
    /// Strings that held escapes, decoded.
    let decoded: [String]

    init(bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeMutablePointer<JSONNode>?, count: Int,
         places: [(line: Int32, column: Int32)], decoded: [String]) {
        self.bytes = bytes
        self.nodes = nodes
        self.count = count
        self.places = places
        self.decoded = decoded
    }

    deinit { free(nodes) }

    /// The top-level value.
    var root: JSONValue { JSONValue(document: self, index: 0) }
}

struct JSONNode {
    enum Kind: UInt8 { case null, `true`, `false`, number, rawString, decodedString, array, object }
    var kind: Kind
    /// number, rawString: first byte; decodedString: index into `decoded`;
    /// array, object: the index after its last descendant.
    var a: Int32 = 0
    /// number, rawString: the byte after the last; object: index into `places`.
    var b: Int32 = 0
}

/// One value of a `JSONDocument`.
struct JSONValue {
    unowned(unsafe) let document: JSONDocument
    let index: Int

    @inline(__always)
    var node: JSONNode { document.nodes![index] }

    var isNull: Bool { node.kind == .null }
    var object: JSONObject? { node.kind == .object ? JSONObject(value: self) : nil }
    var array: JSONArray? { node.kind == .array ? JSONArray(document: document, start: index + 1, end: Int(node.a)) : nil }

    /// A scalar as text: strings, numbers and booleans; nil for null, arrays and objects.
    var text: String? {
        let node = self.node
        switch node.kind {
        case .rawString, .number:
            return String(decoding: UnsafeBufferPointer(rebasing: document.bytes[Int(node.a)..<Int(node.b)]), as: UTF8.self)
        case .decodedString: return document.decoded[Int(node.a)]
        case .true: return "true"
        case .false: return "false"
        case .null, .array, .object: return nil
        }
    }

    /// Whether this is the string `text`, compared without making a `String`.
    func isString(_ text: String) -> Bool {
        let node = self.node
        switch node.kind {
        case .rawString:
            let count = Int(node.b - node.a)
            guard count == text.utf8.count else { return false }
            guard count > 0 else { return true }
            var text = text
            let start = document.bytes.baseAddress! + Int(node.a)
            return text.withUTF8 { memcmp($0.baseAddress!, start, count) == 0 }
        case .decodedString: return document.decoded[Int(node.a)] == text
        default: return false
        }
    }

    /// The index of the value after this one and its descendants.
    var next: Int {
        let node = self.node
        return node.kind == .array || node.kind == .object ? Int(node.a) : index + 1
    }
}

/// The members of an array, in order.
struct JSONArray: Sequence, IteratorProtocol {
    unowned(unsafe) let document: JSONDocument
    var start: Int
    let end: Int

    static func empty(_ document: JSONDocument) -> JSONArray { JSONArray(document: document, start: 0, end: 0) }

    mutating func next() -> JSONValue? {
        guard start < end else { return nil }
        let value = JSONValue(document: document, index: start)
        start = value.next
        return value
    }
}

struct JSONObject {
    let value: JSONValue

    var line: Int { Int(value.document.places[Int(value.node.b)].line) }
    var column: Int { Int(value.document.places[Int(value.node.b)].column) }

    /// Names and values, in order.
    var members: [(name: JSONValue, value: JSONValue)] {
        var result: [(name: JSONValue, value: JSONValue)] = []
        var index = value.index + 1
        let end = Int(value.node.a)
        while index < end {
            let name = JSONValue(document: value.document, index: index)
            let member = JSONValue(document: value.document, index: index + 1)
            result.append((name, member))
            index = member.next
        }
        return result
    }

    /// The first member named `key`; objects are small, a linear search is fastest.
    subscript(key: String) -> JSONValue? {
        let nodes = value.document.nodes!, bytes = value.document.bytes
        var index = value.index + 1
        let end = Int(nodes[value.index].a)
        let keyCount = key.utf8.count
        var key = key
        return key.withUTF8 { keyBytes -> JSONValue? in
            while index < end {
                let name = nodes[index]
                let matches: Bool
                if name.kind == .rawString {
                    matches = Int(name.b - name.a) == keyCount
                        && (keyCount == 0 || memcmp(keyBytes.baseAddress!, bytes.baseAddress! + Int(name.a), keyCount) == 0)
                } else {
                    matches = JSONValue(document: value.document, index: index).isString(String(decoding: keyBytes, as: UTF8.self))
                }
                let member = JSONValue(document: value.document, index: index + 1)
                if matches { return member }
                index = member.next
            }
            return nil
        }
    }

    /// The first of `names` that is present and not null.
    func first(_ names: String...) -> JSONValue? {
        for name in names { if let value = self[name], !value.isNull { return value } }
        return nil
    }
}
