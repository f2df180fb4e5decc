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

    /// Only those fit to send back: each is one header line's value, so a value holding a CR,
    /// a LF or anything but visible ASCII and spaces could add lines of its own. Such a value
    /// is dropped (whether it came from a server or from a cache file), never repaired.
    public var sendable: Validators {
        Validators(etag: etag.flatMap(Self.sendable), lastModified: lastModified.flatMap(Self.sendable))
    }

    static func sendable(_ value: String) -> String? {
        !value.isEmpty && value.utf8.allSatisfy { (0x20...0x7E).contains($0) } ? value : nil
    }
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
        /// A 304 to a request that sent no validators: nothing it could confirm.
        case unaskedNotModified
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
        case .unaskedNotModified: "the server answered 304 Not Modified to a request without validators"
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
        case 300..<400: "without a Location to follow"
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
///
/// Redirects are followed here, not by libcurl, which would send the validators on to any host
/// a redirect names: they go only to the URL's own origin (scheme, host and port).
public enum HTTPFetcher {
    public static func fetch(_ url: URL, validators: Validators = Validators(), limits: FetchLimits = FetchLimits())
        -> Result<FetchResult, FetchError>
    {
        let name = url.absoluteString
        guard let origin = Origin(url) else { return .failure(FetchError(url: name, cause: .unsupported)) }
        let validators = validators.sendable
        let started = ProcessInfo.processInfo.systemUptime
        var next = name
        for _ in 0...max(limits.maxRedirects, 0) {
            // The total timeout covers every hop.
            let left = limits.totalTimeout - (ProcessInfo.processInfo.systemUptime - started)
            guard left > 0 else { return .failure(FetchError(url: name, cause: .timeout)) }
            let sent = URL(string: next).flatMap(Origin.init) == origin ? validators : Validators()
            let response = Response(maxBytes: limits.maxBytes)
            let outcome = get(next, validators: sent, limits: limits, totalTimeout: left, into: response)
            switch response.result(outcome, url: name, sent: sent, limits: limits) {
            case .finished(let result):
                return result
            case .redirected(let location):
                next = location
            }
        }
        // The last hop allowed was a redirect too.
        return .failure(FetchError(url: name, cause: .tooManyRedirects(limits.maxRedirects)))
    }

    /// One GET of `url`, no redirect followed.
    private static func get(_ url: String, validators: Validators, limits: FetchLimits, totalTimeout: TimeInterval,
                            into response: Response) -> agenda_curl_result {
        var outcome = agenda_curl_result()
        // Within what libcurl's `long` takes: `--timeout inf` waits for ever, about 24 days.
        func milliseconds(_ seconds: TimeInterval) -> Int { Int(min(max(seconds * 1000, 1), Double(Int32.max)).rounded(.up)) }
        withExtendedLifetime(response) {
            url.withCString { url in
                withOptionalCString(validators.etag) { etag in
                    withOptionalCString(validators.lastModified) { modified in
                        "agenda/0.1".withCString { agent in
                            var request = agenda_curl_request(
                                url: url, if_none_match: etag, if_modified_since: modified, user_agent: agent,
                                connect_timeout_ms: milliseconds(limits.connectTimeout),
                                total_timeout_ms: milliseconds(totalTimeout),
                                idle_seconds: (milliseconds(limits.connectTimeout) + 999) / 1000,
                                max_bytes: Int64(limits.maxBytes),
                                body: { bytes, size, context in Response.from(context).take(body: bytes, size) },
                                header: { bytes, size, context in Response.from(context).take(header: bytes, size) },
                                location: { bytes, size, context in Response.from(context).take(location: bytes, size) },
                                context: Unmanaged.passUnretained(response).toOpaque())
                            agenda_curl_get(&request, &outcome)
                        }
                    }
                }
            }
        }
        return outcome
    }

    private static func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}

/// Where validators may go: the scheme, host and port of the URL they were asked for.
private struct Origin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased() else { return nil }
        self.scheme = scheme
        self.host = host
        port = url.port ?? (scheme == "https" ? 443 : 80)
    }
}

/// The body and the validators of one response, collected as libcurl hands them over;
/// a body over the limit stops the transfer. Used by one transfer on one thread.
private final class Response {
    let maxBytes: Int
    var body = Data()
    var tooLarge = false
    var validators = Validators()
    /// Where a redirect leads, as libcurl resolves its Location.
    var location: String?

    enum Step {
        case finished(Result<FetchResult, FetchError>)
        case redirected(to: String)
    }

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

    /// One header line; a status line starts the next response (after a 100 Continue or a
    /// proxy's), whose validators replace the ones before.
    func take(header bytes: UnsafePointer<CChar>?, _ size: Int) -> Int {
        guard let bytes else { return size }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: size), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            validators = Validators()
            body = Data()
        } else if let colon = line.firstIndex(of: ":") {
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            switch line[..<colon].lowercased() {
            case "etag": validators.etag = Validators.sendable(value)
            case "last-modified": validators.lastModified = Validators.sendable(value)
            default: break
            }
        }
        return size
    }

    func take(location bytes: UnsafePointer<CChar>?, _ size: Int) -> Int {
        guard let bytes else { return size }
        location = String(decoding: UnsafeRawBufferPointer(start: bytes, count: size), as: UTF8.self)
        return size
    }

    /// What the transfer came to, for a request that sent `sent`.
    func result(_ outcome: agenda_curl_result, url: String, sent: Validators, limits: FetchLimits) -> Step {
        func fail(_ cause: FetchError.Cause) -> Step { .finished(.failure(FetchError(url: url, cause: cause))) }
        if tooLarge { return fail(.tooLarge(limit: limits.maxBytes)) }
        if outcome.code != 0 {
            return fail(Self.cause(of: outcome.code, received: outcome.received, expected: outcome.content_length,
                                   message: Self.message(outcome), limits: limits))
        }
        let status = outcome.status
        if status == 304 { return sent.isEmpty ? fail(.unaskedNotModified) : .finished(.success(.notModified)) }
        if (300..<400).contains(status), let location { return .redirected(to: location) }
        guard (200..<300).contains(status) else { return fail(.http(status)) }
        return .finished(.success(.fetched(body, validators)))
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
        case 63: .tooLarge(limit: limits.maxBytes)
        case 18 where expected > received: .truncated(received: Int(received), expected: Int(expected))
        case 52, 55, 56: .other("the connection was lost")
        default: .other(message.isEmpty ? "transfer failed (libcurl \(code))" : message)
        }
    }
}
