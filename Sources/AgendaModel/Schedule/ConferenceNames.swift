extension Conference {
    /// The acronym worth showing before the title: as the file writes it (`CACIE 2021`), nil
    /// when it is a lower-case slug (`38c3`, `fosdem-2026`) or says what the title says.
    public var displayShortTitle: String? {
        guard let short = shortTitle, short.contains(where: \.isUppercase) else { return nil }
        func letters(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        return letters(short) == letters(title) ? nil : short
    }

    /// The title in `language` when an edition in it was merged in, else the file's.
    public func title(in language: String?) -> String {
        language.flatMap { titles[$0] } ?? title
    }
}
