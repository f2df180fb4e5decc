// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "agenda",
    products: [
        .executable(name: "agenda", targets: ["agenda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The C surfaces: ncursesw plus inline shims for what Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libqrencode, loaded when the kiosk draws its first QR code (not linked: the build
        // needs no qrencode header, and a machine without it still browses).
        .target(name: "CQRencode", linkerSettings: [.linkedLibrary("dl")]),

        // Schedules, readers, queries. Knows nothing of terminals.
        .target(
            name: "AgendaModel",
            resources: [.embedInCode("../../Assets/cacie-2021-plenary.txt")]
        ),
        // What the UI draws and the terminal shows: cells, roles, geometry, keys, text measure
        // and layout, glyph folding, and the diff between two frames.
        .target(name: "AgendaCanvas"),
        // Pure UI: state, actions, reducer, layout into a cell grid.
        .target(name: "AgendaUI", dependencies: ["AgendaModel", "AgendaCanvas"]),
        // libcurl, loaded when a URL is first fetched (not linked: every start would load it).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        // Where schedules and the user's files come from and go: files and http(s) URLs, the
        // private cache and its snapshots, refresh and change tracking, the favourites and
        // filter stores, the XDG folders.
        .target(name: "AgendaSources", dependencies: ["AgendaModel", "CCurl"]),
        // QR codes for the kiosk's door screens.
        .target(name: "AgendaQR", dependencies: ["AgendaUI", "CQRencode"]),
        // The run loops of the browser and the kiosk, behind protocols for the terminal and the
        // clock, with the background work they start: tested in-process.
        .target(name: "AgendaApp", dependencies: ["AgendaModel", "AgendaCanvas", "AgendaUI", "AgendaSources"]),
        // The one module that talks to ncurses.
        .target(name: "AgendaTerminal", dependencies: ["AgendaCanvas", "CNcursesw"]),
        .executableTarget(
            name: "agenda",
            dependencies: [
                "AgendaModel", "AgendaCanvas", "AgendaUI", "AgendaApp", "AgendaTerminal", "AgendaSources", "AgendaQR",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "AgendaModelTests", dependencies: ["AgendaModel"]),
        .testTarget(name: "AgendaCanvasTests", dependencies: ["AgendaCanvas"]),
        .testTarget(name: "AgendaUITests", dependencies: ["AgendaUI", "AgendaCanvas", "AgendaModel"], exclude: ["__Snapshots__"]),
        .testTarget(name: "AgendaSourcesTests", dependencies: ["AgendaSources", "AgendaModel"]),
        .testTarget(name: "AgendaAppTests", dependencies: ["AgendaApp", "AgendaCanvas", "AgendaUI", "AgendaModel", "AgendaSources"]),
        .testTarget(name: "AgendaQRTests", dependencies: ["AgendaQR", "AgendaUI", "AgendaCanvas", "AgendaModel"]),
        .testTarget(name: "AgendaTerminalTests", dependencies: ["AgendaTerminal", "AgendaCanvas"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/README.md). They have no `main` of their own (libFuzzer supplies it
// with `--sanitize=fuzzer`), so a plain `swift build` could not link them: they exist only when
// AGENDA_FUZZ is set, as Fuzz/run.sh does.
if Context.environment["AGENDA_FUZZ"] != nil {
    package.targets.append(.target(name: "AgendaFuzzSupport", dependencies: ["AgendaModel"], path: "Fuzz/Sources/AgendaFuzzSupport"))
    for name in ["fuzz-xml", "fuzz-json", "fuzz-ics", "fuzz-cacie", "fuzz-loader", "fuzz-sanitizer", "fuzz-snapshot", "fuzz-index"] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["AgendaModel", "AgendaFuzzSupport"], path: "Fuzz/Sources/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
