// libcurl through dlopen: loaded when a URL is first fetched, so that opening a file never
// pays for it. No curl headers are needed: the few option and info numbers used are part
// of libcurl's ABI (they never change; see curl.h's CURLOPT and CURLINFO tables).
#include "agenda_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_USERAGENT = 10018,
    OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029, OPT_ACCEPT_ENCODING = 10102,
    OPT_WRITEFUNCTION = 20011, OPT_HEADERFUNCTION = 20079,
    OPT_LOW_SPEED_LIMIT = 19, OPT_LOW_SPEED_TIME = 20,
    OPT_NOSIGNAL = 99, OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156,
    OPT_PROTOCOLS = 181, OPT_MAXFILESIZE_LARGE = 30117,
    PROTO_HTTP = 1, PROTO_HTTPS = 2,
    INFO_REDIRECT_URL = 0x100000 + 31,
    INFO_RESPONSE_CODE = 0x200000 + 2, INFO_SIZE_DOWNLOAD_T = 0x600000 + 8,
    INFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
    GLOBAL_DEFAULT = 3,
};

typedef void CURL;
struct curl_slist;

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;
static int loaded;
static char load_error[200];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "libcurl is not installed (%s)", dlerror());
        return;
    }
#define FIND(field, name) if (!(*(void **)&curl.field = dlsym(library, name))) { \
        snprintf(load_error, sizeof load_error, "libcurl lacks %s", name); return; }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
#undef FIND
    // With CURLOPT_NOSIGNAL libcurl no longer ignores SIGPIPE itself: a server that resets a
    // TLS connection while it is written to must give an error, not end the program.
    signal(SIGPIPE, SIG_IGN);
    // Once, before any thread uses it (curl_global_init is not thread-safe).
    if (curl.global_init(GLOBAL_DEFAULT) != 0) {
        snprintf(load_error, sizeof load_error, "libcurl failed to start");
        return;
    }
    loaded = 1;
}

static struct curl_slist *header(struct curl_slist *list, const char *name, const char *value) {
    if (!value) return list;
    size_t size = strlen(name) + strlen(value) + 3;
    char *line = malloc(size);
    if (!line) return list;
    snprintf(line, size, "%s: %s", name, value);
    struct curl_slist *longer = curl.slist_append(list, line);   // copies the line
    free(line);
    return longer ? longer : list;
}

// libcurl's callbacks take (pointer, size, count, user data); the sinks take (bytes, size, context).
static size_t body(char *bytes, size_t size, size_t count, void *request) {
    const agenda_curl_request *r = request;
    return r->body(bytes, size * count, r->context);
}

static size_t head(char *bytes, size_t size, size_t count, void *request) {
    const agenda_curl_request *r = request;
    return r->header(bytes, size * count, r->context);
}

void agenda_curl_get(const agenda_curl_request *request, agenda_curl_result *result) {
    memset(result, 0, sizeof *result);
    result->content_length = -1;
    pthread_once(&load_once, load);
    if (!loaded) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "%s", load_error);
        return;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "libcurl could not start a transfer");
        return;
    }
    struct curl_slist *headers = header(NULL, "If-None-Match", request->if_none_match);
    headers = header(headers, "If-Modified-Since", request->if_modified_since);

    curl.easy_setopt(handle, OPT_URL, request->url);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, result->message);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);   // threads: no SIGALRM for DNS timeouts
    // Every hop of a redirect is a request of its own, so this holds for redirects too.
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, request->total_timeout_ms);
    curl.easy_setopt(handle, OPT_LOW_SPEED_LIMIT, 1L);
    curl.easy_setopt(handle, OPT_LOW_SPEED_TIME, request->idle_seconds);
    curl.easy_setopt(handle, OPT_MAXFILESIZE_LARGE, (long long)request->max_bytes);
    curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");   // whatever this libcurl can decode
    if (request->user_agent) curl.easy_setopt(handle, OPT_USERAGENT, request->user_agent);
    if (headers) curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, body);
    curl.easy_setopt(handle, OPT_WRITEDATA, request);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, head);
    curl.easy_setopt(handle, OPT_HEADERDATA, request);

    result->code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &result->status);
    curl.easy_getinfo(handle, INFO_CONTENT_LENGTH_DOWNLOAD_T, &result->content_length);
    curl.easy_getinfo(handle, INFO_SIZE_DOWNLOAD_T, &result->received);
    // Without CURLOPT_FOLLOWLOCATION libcurl still resolves where a redirect leads.
    const char *location = NULL;
    if (result->code == 0 && curl.easy_getinfo(handle, INFO_REDIRECT_URL, &location) == 0 && location) {
        request->location(location, strlen(location), request->context);
    }
    if (result->code != 0 && result->message[0] == 0) {
        snprintf(result->message, sizeof result->message, "%s", curl.easy_strerror(result->code));
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(headers);
}
