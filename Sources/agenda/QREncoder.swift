import CQRencode
import AgendaUI

/// QR codes through libqrencode: error correction L (a screen is not a damaged sticker, and
/// the smaller symbol fits more screens), the version as small as the text allows.
enum QREncoder {
    @Sendable static func encode(_ text: String) -> QRMatrix? {
        guard !text.isEmpty, !text.utf8.contains(0), let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_L) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        // Bit 0 of each byte: dark module.
        return QRMatrix(width: width, dark: (0..<width * width).map { data[$0] & 1 == 1 })
    }
}
