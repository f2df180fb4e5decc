#ifndef AGENDA_CURL_H
#define AGENDA_CURL_H

#include <stddef.h>

/// Takes a piece of a response (a body chunk, or one header line); returns `size` to go on,
/// anything else to stop the transfer.
typedef size_t (*agenda_curl_sink)(const char *bytes, size_t size, void *context);

/// One GET, no redirect followed (the caller follows them, choosing the headers of each hop).
/// Strings may be NULL where optional.
typedef struct {
    const char *url;
    const char *if_none_match;
    const char *if_modified_since;
    const char *user_agent;
    long connect_timeout_ms;
    long total_timeout_ms;
    /// A transfer slower than one byte a second for this long is stopped.
    long idle_seconds;
    long long max_bytes;
    agenda_curl_sink body;
    agenda_curl_sink header;
    /// Takes the absolute URL a redirect names, after the transfer, when the response has one.
    agenda_curl_sink location;
    void *context;
} agenda_curl_request;

/// What became of it.
typedef struct {
    /// libcurl's result code; -1 when libcurl could not be loaded.
    int code;
    /// The response's HTTP status (0 without one).
    long status;
    /// The response's Content-Length (-1 when unknown), and the bytes received.
    long long content_length;
    long long received;
    /// libcurl's own words for a failure, or the loader's.
    char message[256];
} agenda_curl_result;

/// Performs `request` with libcurl, which is loaded on first use (not at program start: it
/// and the thirty libraries it needs cost every start several milliseconds).
void agenda_curl_get(const agenda_curl_request *request, agenda_curl_result *result);

#endif
