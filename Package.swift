// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "Ausweg",
    products: [
        .executable(name: "ausweg", targets: ["ausweg"])
    ],
    targets: [
        .systemLibrary(
            name: "CTLS", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "CSystem"),
        .target(name: "AuswegHTTP", swiftSettings: strict),
        .target(
            name: "AuswegSite",
            dependencies: ["AuswegHTTP", "CZlib", "CCmark", "CTLS"],
            swiftSettings: strict),
        .target(
            name: "AuswegServer",
            dependencies: ["AuswegHTTP", "CTLS", "CSystem"],
            swiftSettings: strict),
        .target(
            name: "AuswegCard", dependencies: ["AuswegSite", "CQRencode"], swiftSettings: strict),
        .target(
            name: "AuswegBundle",
            dependencies: ["AuswegServer", "AuswegSite", "AuswegCard", "CTLS"],
            swiftSettings: strict),
        // The release binary carries what it uses of the Swift runtime:
        // start-up no longer loads and relocates the runtime's libraries
        // (regex, concurrency, dispatch, ...), which left 2.6 MB more
        // resident, and the host needs no Swift installed.
        .executableTarget(
            name: "ausweg", dependencies: ["AuswegBundle"], swiftSettings: strict,
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        // What the unit tests share: a scratch folder that removes itself.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "AuswegHTTPTests", dependencies: ["AuswegHTTP"]),
        .testTarget(name: "AuswegSiteTests", dependencies: ["AuswegSite", "TestSupport"]),
        .testTarget(
            name: "AuswegServerTests", dependencies: ["AuswegServer", "AuswegHTTP", "TestSupport"]),
        .testTarget(name: "AuswegCardTests", dependencies: ["AuswegCard"]),
        .testTarget(
            name: "AuswegBundleTests", dependencies: ["AuswegBundle", "AuswegCard", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
        .testTarget(name: "HardeningTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, declared only for `make fuzz`, which builds them with
// AUSWEG_FUZZ=1 and `--sanitize fuzzer`: libFuzzer brings their `main`,
// without which an ordinary build could not link them.
if Context.environment["AUSWEG_FUZZ"] == "1" {
    let fuzzers: [(name: String, module: Target.Dependency)] = [
        ("RequestParserFuzzer", "AuswegHTTP"),
        ("PathDecoderFuzzer", "AuswegHTTP"),
        ("RangeFuzzer", "AuswegHTTP"),
        ("ConfigurationFuzzer", "AuswegBundle"),
    ]
    package.targets += fuzzers.map { fuzzer in
        .executableTarget(
            name: fuzzer.name, dependencies: [fuzzer.module], path: "Tests/Fuzz/" + fuzzer.name,
            swiftSettings: strict)
    }
}
