import Foundation
import Testing
@testable import AgendaSources

/// The HTTP layer against a real server on 127.0.0.1 (no internet needed).
@Suite(.serialized) struct HTTPFetcherTests {
    let body = Data("<schedule><conference><title>T</title></conference></schedule>\n".utf8)

    func fetch(_ server: TestServer, _ path: String, _ validators: Validators = Validators(),
               limits: FetchLimits = FetchLimits(connectTimeout: 5, totalTimeout: 10)) -> Result<FetchResult, FetchError> {
        HTTPFetcher.fetch(URL(string: server.url(path))!, validators: validators, limits: limits)
    }

    @Test func okThenNotModifiedWithTheETag() throws {
        let server = try TestServer(content: body)
        guard case .success(.fetched(let data, let validators)) = fetch(server, "/schedule") else {
            Issue.record("expected a 200"); return
        }
        #expect(data == body)
        #expect(validators.etag != nil && validators.lastModified != nil)
        #expect(fetch(server, "/schedule", validators) == .success(.notModified))
        // Last-Modified alone is enough too.
        #expect(fetch(server, "/schedule", Validators(lastModified: validators.lastModified)) == .success(.notModified))
        #expect(try server.stats()["not_modified"] as? Int == 2)
        // Moved on the same origin, the resource keeps its validators: they are sent again after a redirect.
        #expect(fetch(server, "/redirect/2", validators) == .success(.notModified))
    }

    /// A validator is one header line sent back: one holding a CR or LF (or anything but
    /// visible ASCII) is dropped as it arrives, and never sent when it comes from elsewhere.
    @Test func aValidatorWithALineBreakIsNeitherKeptNorSent() throws {
        let server = try TestServer(content: body)
        guard case .success(.fetched(let data, let validators)) = fetch(server, "/etag/%22v1%0DAuthorization:%20Bearer%20x%22") else {
            Issue.record("expected a 200"); return
        }
        #expect(data == body && validators.etag == nil)
        let planted = Validators(etag: "\"v1\rAuthorization: Bearer x\"", lastModified: "Tue, 1 Jan 2030\nAuthorization: Bearer y")
        guard case .success(.fetched) = fetch(server, "/schedule", planted) else { Issue.record("expected a 200"); return }
        let stats = try server.stats()
        #expect(stats["authorization"] as? [String] == [])
        #expect(stats["if_none_match"] as? [String] == [] && stats["if_modified_since"] as? [String] == [])
        // Visible ASCII and spaces are kept.
        guard case .success(.fetched(_, let kept)) = fetch(server, "/etag/W%2F%22v1%20x%22") else { Issue.record("expected a 200"); return }
        #expect(kept.etag == "W/\"v1 x\"")
    }

    /// After a redirect to another origin (here another port) the request carries no
    /// validators; after one to the same origin it does.
    @Test func validatorsGoOnlyToTheOriginOfTheURL() throws {
        let server = try TestServer(content: body), other = try TestServer(content: body)
        guard case .success(.fetched(_, let theirs)) = fetch(other, "/schedule"),
              case .success(.fetched(_, let ours)) = fetch(server, "/schedule") else { Issue.record("expected a 200"); return }
        guard case .success(.fetched(let data, _)) = fetch(server, "/goto/\(other.port)/schedule", theirs) else {
            Issue.record("the validators reached another origin"); return
        }
        #expect(data == body)
        let stats = try other.stats()
        #expect(stats["if_none_match"] as? [String] == [] && stats["if_modified_since"] as? [String] == [])
        #expect(fetch(server, "/goto/\(server.port)/schedule", ours) == .success(.notModified))
    }

    /// A 304 is an answer to validators: to a request without any it is an error, not a loop.
    @Test func notModifiedWithoutValidatorsIsAnError() throws {
        let server = try TestServer(content: body), other = try TestServer(content: body)
        guard case .failure(let error) = fetch(server, "/always-304") else { Issue.record("a 304 to nothing was taken"); return }
        #expect(error.reason == "the server answered 304 Not Modified to a request without validators")
        #expect(fetch(server, "/always-304", Validators(etag: "\"x\"")) == .success(.notModified))
        // Validators not sent to another origin: its 304 answers nothing either.
        guard case .failure(let moved) = fetch(server, "/goto/\(other.port)/always-304", Validators(etag: "\"x\"")) else {
            Issue.record("a 304 to nothing was taken after a redirect"); return
        }
        #expect(moved.reason == error.reason)
    }

    @Test func httpErrorsNameTheStatus() throws {
        let server = try TestServer(content: body)
        #expect(fetch(server, "/status/404") == .failure(FetchError(url: server.url("/status/404"), cause: .http(404))))
        guard case .failure(let error) = fetch(server, "/status/500") else { Issue.record("expected a failure"); return }
        #expect(error.cause == .http(500) && error.reason == "HTTP status 500 internal server error")
        #expect(FetchError(url: "u", cause: .http(404)).reason == "HTTP status 404 not found")
        #expect(FetchError(url: "u", cause: .http(418)).reason == "HTTP status 418 client error")
        // A redirect with nowhere to go is no redirect followed.
        guard case .failure(let nowhere) = fetch(server, "/status/302") else { Issue.record("expected a failure"); return }
        #expect(nowhere.reason == "HTTP status 302 without a Location to follow")
    }

    @Test func redirectsAreFollowedUpToFive() throws {
        let server = try TestServer(content: body)
        guard case .success(.fetched(let data, _)) = fetch(server, "/redirect/5") else { Issue.record("5 redirects refused"); return }
        #expect(data == body)
        guard case .failure(let error) = fetch(server, "/redirect/6") else { Issue.record("6 redirects followed"); return }
        #expect(error.cause == .tooManyRedirects(5))
        guard case .failure(let loop) = fetch(server, "/loop") else { Issue.record("loop followed"); return }
        #expect(loop.cause == .tooManyRedirects(5))
        #expect(try server.stats()["requests"] as? [String: Int] == ["/redirect": 11, "/schedule": 1, "/loop": 6, "/stats": 1])
    }

    /// The time limits of these two only catch a fetch that never ends: that the fetch's own
    /// limit ended it is what `.timeout` says (a slow answer let through would be a success).
    @Test(.timeLimit(.minutes(1))) func aSlowServerTimesOut() throws {
        let server = try TestServer(content: body)
        let result = fetch(server, "/slow/5", limits: FetchLimits(connectTimeout: 1, totalTimeout: 2))
        #expect(result == .failure(FetchError(url: server.url("/slow/5"), cause: .timeout)))
    }

    @Test(.timeLimit(.minutes(1))) func theTotalTimeoutStopsATrickle() throws {
        let server = try TestServer(content: body)
        // A byte every 0.3 s never trips the idle timeout; the total one ends it.
        let result = fetch(server, "/trickle/0.3", limits: FetchLimits(connectTimeout: 2, totalTimeout: 2))
        #expect(result == .failure(FetchError(url: server.url("/trickle/0.3"), cause: .timeout)))
    }

    @Test func aTruncatedBodyIsRefused() throws {
        let server = try TestServer(content: body)
        guard case .failure(let error) = fetch(server, "/truncated") else { Issue.record("truncated body accepted"); return }
        guard case .truncated(let received, let expected) = error.cause else { Issue.record("unexpected cause \(error.cause)"); return }
        #expect(received < expected)
    }

    @Test func oversizedBodiesAreRefused() throws {
        let server = try TestServer(content: body)
        let limits = FetchLimits(connectTimeout: 5, totalTimeout: 10, maxBytes: 1024 * 1024)
        #expect(fetch(server, "/huge/3000000", limits: limits)
                == .failure(FetchError(url: server.url("/huge/3000000"), cause: .tooLarge(limit: 1024 * 1024))))
        #expect(fetch(server, "/huge-chunked/3000000", limits: limits)
                == .failure(FetchError(url: server.url("/huge-chunked/3000000"), cause: .tooLarge(limit: 1024 * 1024))))
        guard case .success(.fetched(let data, _)) = fetch(server, "/huge/1000000", limits: limits) else {
            Issue.record("a body under the limit was refused"); return
        }
        #expect(data.count == 1_000_000)
    }

    @Test func aServerThatIsGoneIsRefused() throws {
        let server = try TestServer(content: body)
        let url = server.url("/schedule")
        server.stop()
        #expect(HTTPFetcher.fetch(URL(string: url)!) == .failure(FetchError(url: url, cause: .refused)))
    }

    @Test func onlyHTTPIsFetched() {
        #expect(HTTPFetcher.fetch(URL(string: "ftp://example.org/x")!) == .failure(FetchError(url: "ftp://example.org/x", cause: .unsupported)))
    }
}
