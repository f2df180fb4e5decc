/// A parsed JSON document. Objects remember where they start so readers can point at them.
enum JSONValue {
    case null
    case bool(Bool)
    /// Numbers stay as written: ids like `9985` must not become `9985.0`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    var object: JSONObject? { if case .object(let o) = self { o } else { nil } }
    var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }

    /// A scalar as text: strings, numbers and booleans; nil for null, arrays and objects.
    var text: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}

struct JSONObject {
    var keys: [String] = []
    var values: [JSONValue] = []
    var line = 0
    var column = 0

    /// The first member named `key`; objects are small, a linear search is fastest.
    subscript(key: String) -> JSONValue? {
        for index in keys.indices where keys[index] == key { return values[index] }
        return nil
    }

    /// The first of `names` that is present and not null.
    func first(_ names: String...) -> JSONValue? {
        for name in names { if let value = self[name], case .null = value {} else if let value = self[name] { return value } }
        return nil
    }
}
