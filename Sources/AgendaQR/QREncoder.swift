import AgendaUI
import CQRencode

/// QR codes through libqrencode, loaded the first time a code is made: error correction L (a
/// screen is not a damaged sticker, and the smaller symbol fits more screens), the version as
/// small as the text allows.
public enum QREncoder {
    /// Why no code can be made here (libqrencode missing), or nil when codes can be made.
    public static var unavailable: String? {
        agenda_qr_unavailable().map { String(cString: $0) }
    }

    /// What to install for QR codes, for the board's status line and the help.
    public static let installHint = "QR codes need libqrencode4 (apt install libqrencode4)"

    @Sendable public static func encode(_ text: String) -> QRMatrix? {
        guard !text.isEmpty, !text.utf8.contains(0) else { return nil }
        let code = agenda_qr_encode(text)
        defer { agenda_qr_free(code) }
        let width = Int(code.width)
        guard width > 0, let modules = code.modules else { return nil }
        return QRMatrix(width: width, dark: (0..<width * width).map { modules[$0] == 1 })
    }
}
