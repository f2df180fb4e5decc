import CCurl
import Foundation

/// Limits for one fetch. The defaults suit a schedule on a conference server.
public struct FetchLimits: Sendable, Equatable {
    /// Longest wait for the connection, and for the next bytes once connected.
    public var connectTimeout: TimeInterval = 10
    /// Longest the whole fetch may take, redirects and body included.
    public var totalTimeout: TimeInterval = 60
    /// Bodies larger than this are refused.
    public var maxBytes = 64 * 1024 * 1024
    public var maxRedirects = 5

    public init(connectTimeout: TimeInterval = 10, totalTimeout: TimeInterval = 60,
                maxBytes: Int = 64 * 1024 * 1024, maxRedirects: Int = 5) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }
}

/// The validators of a cached copy, sent back so an unchanged schedule costs a 304.
public struct Validators: Sendable, Equatable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

public enum FetchResult: Sendable, Equatable {
    case fetched(Data, Validators)
    case notModified
}

/// Why a fetch failed, in words a person at a venue can act on.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        case dns, refused, timeout, tls
        case http(Int)
        case tooLarge(limit: Int)
        case truncated(received: Int, expected: Int)
        case tooManyRedirects(Int)
        case unsupported
        case other(String)
    }

    public var url: String
    public var cause: Cause

    public var reason: String {
        switch cause {
        case .dns: "host not found (DNS)"
        case .refused: "connection refused"
        case .timeout: "timed out"
        case .tls: "TLS handshake or certificate failed"
        case .http(let status): "HTTP status \(status) \(FetchError.phrase(status))"
        case .tooLarge(let limit): "the schedule is larger than the limit of \(FetchError.size(limit))"
        case .truncated(let received, let expected): "the body ended after \(received) of \(expected) bytes"
        case .tooManyRedirects(let n): "more than \(n) redirects"
        case .unsupported: "only http:// and https:// URLs are fetched"
        case .other(let text): text
        }
    }

    public var description: String { reason }

    /// The reason phrase of a status (RFC 9110), lower case as in a sentence.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 406: "not acceptable"
        case 407: "proxy authentication required"
        case 408: "request timeout"
        case 410: "gone"
        case 429: "too many requests"
        case 451: "unavailable for legal reasons"
        case 500: "internal server error"
        case 501: "not implemented"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        case 400..<500: "client error"
        case 500..<600: "server error"
        default: "unexpected"
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MB" : "\(bytes) bytes"
    }
}

/// Fetches one URL with libcurl (loaded on the first fetch, `CCurl`), synchronously: the
/// caller is a background thread or a command-line run. Conditional, size-limited, bounded in time.
public enum HTTPFetcher {
    public static func fetch(_ url: URL, validators: Validators = Validators(), limits: FetchLimits = FetchLimits())
        -> Result<FetchResult, FetchError>
    {
        let name = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            return .failure(FetchError(url: name, cause: .unsupported))
        }
        let response = Response(maxBytes: limits.maxBytes)
        var outcome = agenda_curl_result()
        // Within what libcurl's `long` takes: `--timeout inf` waits for ever, about 24 days.
        func milliseconds(_ seconds: TimeInterval) -> Int { Int(min(max(seconds * 1000, 1), Double(Int32.max)).rounded(.up)) }
        withExtendedLifetime(response) {
            name.withCString { url in
                withOptionalCString(validators.etag) { etag in
                    withOptionalCString(validators.lastModified) { modified in
                        "agenda/0.1".withCString { agent in
                            var request = agenda_curl_request(
                                url: url, if_none_match: etag, if_modified_since: modified, user_agent: agent,
                                connect_timeout_ms: milliseconds(limits.connectTimeout),
                                total_timeout_ms: milliseconds(limits.totalTimeout),
                                idle_seconds: (milliseconds(limits.connectTimeout) + 999) / 1000,
                                max_redirects: limits.maxRedirects, max_bytes: Int64(limits.maxBytes),
                                body: { bytes, size, context in Response.from(context).take(body: bytes, size) },
                                header: { bytes, size, context in Response.from(context).take(header: bytes, size) },
                                context: Unmanaged.passUnretained(response).toOpaque())
                            agenda_curl_get(&request, &outcome)
                        }
                    }
                }
            }
        }
        return response.result(outcome, url: name, limits: limits)
    }

    private static func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}

/// The body and the validators of the last response, collected as libcurl hands them over;
/// a body over the limit stops the transfer. Used by one transfer on one thread.
private final class Response {
    let maxBytes: Int
    var body = Data()
    var tooLarge = false
    var validators = Validators()

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    static func from(_ context: UnsafeMutableRawPointer?) -> Response {
        Unmanaged<Response>.fromOpaque(context!).takeUnretainedValue()
    }

    func take(body bytes: UnsafePointer<CChar>?, _ size: Int) -> Int {
        guard let bytes else { return 0 }
        guard body.count + size <= maxBytes else {
            tooLarge = true
            body = Data()
            return 0   // anything but `size` stops the transfer
        }
        body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: size)
        return size
    }

    /// One header line; a status line starts the next response (after a redirect), whose
    /// validators replace the ones before.
    func take(header bytes: UnsafePointer<CChar>?, _ size: Int) -> Int {
        guard let bytes else { return size }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: size), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            validators = Validators()
            body = Data()
        } else if let colon = line.firstIndex(of: ":") {
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            switch line[..<colon].lowercased() {
            case "etag": validators.etag = value
            case "last-modified": validators.lastModified = value
            default: break
            }
        }
        return size
    }

    func result(_ outcome: agenda_curl_result, url: String, limits: FetchLimits) -> Result<FetchResult, FetchError> {
        func fail(_ cause: FetchError.Cause) -> Result<FetchResult, FetchError> { .failure(FetchError(url: url, cause: cause)) }
        if tooLarge { return fail(.tooLarge(limit: limits.maxBytes)) }
        if outcome.code != 0 {
            return fail(Self.cause(of: outcome.code, received: outcome.received, expected: outcome.content_length,
                                   message: Self.message(outcome), limits: limits))
        }
        let status = outcome.status
        if status == 304 { return .success(.notModified) }
        if (300..<400).contains(status) { return fail(.tooManyRedirects(limits.maxRedirects)) }
        guard (200..<300).contains(status) else { return fail(.http(status)) }
        return .success(.fetched(body, validators))
    }

    private static func message(_ outcome: agenda_curl_result) -> String {
        withUnsafeBytes(of: outcome.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// libcurl's result codes (curl.h, `CURLcode`), in the words `FetchError` gives.
    private static func cause(of code: Int32, received: Int64, expected: Int64, message: String, limits: FetchLimits) -> FetchError.Cause {
        switch code {
        case 1: .unsupported
        case 5, 6: .dns
        case 7: .refused
        case 28: .timeout
        case 35, 53, 58, 59, 60, 77, 80, 82, 83, 90, 91: .tls
        case 47: .tooManyRedirects(limits.maxRedirects)
        case 63: .tooLarge(limit: limits.maxBytes)
        case 18 where expected > received: .truncated(received: Int(received), expected: Int(expected))
        case 52, 55, 56: .other("the connection was lost")
        default: .other(message.isEmpty ? "transfer failed (libcurl \(code))" : message)
        }
    }
}
