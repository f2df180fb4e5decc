#ifndef AGENDA_QRENCODE_H
#define AGENDA_QRENCODE_H

/// A QR code's modules, row by row: `width * width` bytes, 1 for a dark module.
/// Free with `agenda_qr_free`.
typedef struct {
    int width;
    unsigned char *modules;
} agenda_qr_code;

/// Loads libqrencode on first use. Returns NULL when it is loaded, else why it is not.
const char *agenda_qr_unavailable(void);

/// Encodes `text` in 8-bit mode, error correction L, the smallest version the text allows.
/// `width` is 0 when it could not be encoded (the library missing, or the text too long).
agenda_qr_code agenda_qr_encode(const char *text);

void agenda_qr_free(agenda_qr_code code);

#endif
