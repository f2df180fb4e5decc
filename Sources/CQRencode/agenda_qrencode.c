// libqrencode through dlopen: loaded when the first QR code is drawn, so that the build needs
// no qrencode header and a machine without the library still browses (only the kiosk's codes
// are missing). The two entry points and the QRcode layout are libqrencode's stable ABI
// (qrencode.h, soname libqrencode.so.4).
#include "agenda_qrencode.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int version;
    int width;
    unsigned char *data;
} QRcode;

enum { QR_ECLEVEL_L = 0 };

static struct {
    QRcode *(*encode_string_8bit)(const char *, int, int);
    void (*free)(QRcode *);
} qr;
static int loaded;
static char load_error[200];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libqrencode.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libqrencode.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "libqrencode is not installed (%s)", dlerror());
        return;
    }
#define FIND(field, name) if (!(*(void **)&qr.field = dlsym(library, name))) { \
        snprintf(load_error, sizeof load_error, "libqrencode lacks %s", name); return; }
    FIND(encode_string_8bit, "QRcode_encodeString8bit")
    FIND(free, "QRcode_free")
#undef FIND
    loaded = 1;
}

const char *agenda_qr_unavailable(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : load_error;
}

agenda_qr_code agenda_qr_encode(const char *text) {
    agenda_qr_code result = {0, NULL};
    if (agenda_qr_unavailable() || !text || !*text) return result;
    QRcode *code = qr.encode_string_8bit(text, 0, QR_ECLEVEL_L);
    if (!code) return result;
    if (code->width > 0 && code->data) {
        size_t count = (size_t)code->width * (size_t)code->width;
        result.modules = malloc(count);
        if (result.modules) {
            // Bit 0 of each byte: dark module; the other bits say what kind of module it is.
            for (size_t i = 0; i < count; i++) result.modules[i] = code->data[i] & 1;
            result.width = code->width;
        }
    }
    qr.free(code);
    return result;
}

void agenda_qr_free(agenda_qr_code code) {
    free(code.modules);
}
