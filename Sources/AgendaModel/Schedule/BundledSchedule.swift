import Foundation

/// The CACIE 2021 plenary, compiled into the binary so that a copy of it anywhere still opens it.
public enum BundledSchedule {
    public static let fileName = "cacie-2021-plenary.txt"

    public static var data: Data { Data(PackageResources.cacie_2021_plenary_txt) }

    public static func load() -> Schedule {
        do {
            return try CACIEPageReader.read(data, file: fileName)
        } catch {
            // The asset is checked by the tests; failing here means the build itself is broken.
            preconditionFailure("bundled schedule does not read: \(error)")
        }
    }
}
