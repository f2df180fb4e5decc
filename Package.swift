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
        // The only C surface: ncursesw plus inline shims for what Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // Schedules, readers, queries. Knows nothing of terminals.
        .target(
            name: "AgendaModel",
            resources: [.embedInCode("../../Assets/cacie-2021-plenary.txt")]
        ),
        // Pure UI: state, actions, reducer, layout into a cell grid.
        .target(name: "AgendaUI", dependencies: ["AgendaModel"]),
        // Schedules from http(s) URLs: fetching, the cache, refresh and change tracking.
        .target(name: "AgendaRemote", dependencies: ["AgendaModel"]),
        // The one module that talks to ncurses.
        .target(name: "AgendaTerminal", dependencies: ["AgendaUI", "CNcursesw"]),
        .executableTarget(
            name: "agenda",
            dependencies: [
                "AgendaModel", "AgendaUI", "AgendaTerminal", "AgendaRemote",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "AgendaModelTests", dependencies: ["AgendaModel"]),
        .testTarget(name: "AgendaUITests", dependencies: ["AgendaUI", "AgendaModel"], exclude: ["__Snapshots__"]),
        .testTarget(name: "AgendaRemoteTests", dependencies: ["AgendaRemote", "AgendaModel"]),
        .testTarget(name: "AgendaTerminalTests", dependencies: ["AgendaTerminal", "AgendaUI"]),
    ],
    swiftLanguageModes: [.v6]
)
