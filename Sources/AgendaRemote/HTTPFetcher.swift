import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
        case .http(let status): "HTTP status \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))"
        case .tooLarge(let limit): "the schedule is larger than the limit of \(FetchError.size(limit))"
        case .truncated(let received, let expected): "the body ended after \(received) of \(expected) bytes"
        case .tooManyRedirects(let n): "more than \(n) redirects"
        case .unsupported: "only http:// and https:// URLs are fetched"
        case .other(let text): text
        }
    }

    public var description: String { reason }

    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MB" : "\(bytes) bytes"
    }
}

/// Fetches one URL with `URLSession` (libcurl underneath on Linux), synchronously: the caller
/// is a background thread or a command-line run. Conditional, size-limited, bounded in time.
public enum HTTPFetcher {
    public static func fetch(_ url: URL, validators: Validators = Validators(), limits: FetchLimits = FetchLimits())
        -> Result<FetchResult, FetchError>
    {
        let name = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            return .failure(FetchError(url: name, cause: .unsupported))
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.connectTimeout)
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        request.setValue("agenda/0.1", forHTTPHeaderField: "User-Agent")

        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = limits.connectTimeout
        configuration.timeoutIntervalForResource = limits.totalTimeout
        configuration.httpMaximumConnectionsPerHost = 1
        let delegate = FetchDelegate(limits: limits, validators: validators)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + limits.totalTimeout) == .timedOut {
            delegate.update { $0.timedOut = true }
            task.cancel()
            _ = delegate.done.wait(timeout: .now() + 2)
        }
        return delegate.result(url: name)
    }
}

/// Collects the response and enforces the limits as the bytes arrive.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct State {
        var response: HTTPURLResponse?
        var body = Data()
        var error: Error?
        var redirects = 0
        var tooManyRedirects = false
        var tooLarge = false
        var timedOut = false
        var finished = false
    }

    let limits: FetchLimits
    let validators: Validators
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var state = State()

    init(limits: FetchLimits, validators: Validators) {
        self.limits = limits
        self.validators = validators
    }

    func update<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let allowed = update { state -> Bool in
            state.redirects += 1
            if state.redirects > limits.maxRedirects { state.tooManyRedirects = true }
            return !state.tooManyRedirects
        }
        guard allowed else {
            completionHandler(nil)
            return
        }
        // The validators belong to the URL that was asked for; the same resource moved keeps them.
        var next = request
        if let etag = validators.etag { next.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators.lastModified { next.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        completionHandler(next)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let tooLarge = response.expectedContentLength > Int64(limits.maxBytes)
        update { state in
            state.response = response as? HTTPURLResponse
            if tooLarge { state.tooLarge = true }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = update { state -> Bool in
            guard !state.tooLarge else { return true }
            state.body.append(data)
            if state.body.count > limits.maxBytes {
                state.tooLarge = true
                state.body = Data()
            }
            return state.tooLarge
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let first = update { state -> Bool in
            defer { state.finished = true }
            if !state.finished { state.error = error; if state.response == nil { state.response = task.response as? HTTPURLResponse } }
            return !state.finished
        }
        if first { done.signal() }
    }

    func result(url: String) -> Result<FetchResult, FetchError> {
        let state = update { $0 }
        func fail(_ cause: FetchError.Cause) -> Result<FetchResult, FetchError> { .failure(FetchError(url: url, cause: cause)) }
        if state.tooLarge { return fail(.tooLarge(limit: limits.maxBytes)) }
        if state.tooManyRedirects { return fail(.tooManyRedirects(limits.maxRedirects)) }
        if state.timedOut { return fail(.timeout) }
        if let error = state.error { return fail(Self.cause(of: error)) }
        guard state.finished, let response = state.response else { return fail(.timeout) }
        let status = response.statusCode
        if status == 304 { return .success(.notModified) }
        if (300..<400).contains(status) { return fail(.tooManyRedirects(limits.maxRedirects)) }
        guard (200..<300).contains(status) else { return fail(.http(status)) }
        let expected = response.expectedContentLength
        if expected > 0, Int64(state.body.count) < expected {
            return fail(.truncated(received: state.body.count, expected: Int(expected)))
        }
        let headers = response.allHeaderFields
        func header(_ name: String) -> String? {
            for (key, value) in headers where (key as? String)?.lowercased() == name { return value as? String }
            return nil
        }
        return .success(.fetched(state.body, Validators(etag: header("etag"), lastModified: header("last-modified"))))
    }

    static func cause(of error: Error) -> FetchError.Cause {
        guard let error = error as? URLError else { return .other((error as NSError).localizedDescription) }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: return .dns
        case .cannotConnectToHost: return .refused
        case .timedOut: return .timeout
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tls
        case .httpTooManyRedirects: return .tooManyRedirects(5)
        case .networkConnectionLost: return .other("the connection was lost")
        case .notConnectedToInternet: return .other("no network")
        case .unsupportedURL: return .unsupported
        default: return .other(error.localizedDescription)
        }
    }
}
