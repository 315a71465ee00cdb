// swift-tools-version: 6.2
// QCap: grades manufacturers on quality-management capability. Toolchain only: no external packages.
import PackageDescription

/// Rubric modules: each embeds its `rubrics/*.json` through the RubricCompiler build-tool plugin.
/// `swift run qcap-dev new-rubric NAME` appends to this list and regenerates the registry.
let rubricModules: [String] = [
    "CertificationChecks",
    "DigitalMaturity",
    "ExcellenceModel",
    "ManufacturingCapability",
]

let package = Package(
    name: "QCap",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "QCapCore", targets: ["QCapCore"]),
        .library(name: "QCapProviders", targets: ["QCapProviders"]),
        .library(name: "QCapReports", targets: ["QCapReports"]),
        .library(name: "QCapStore", targets: ["QCapStore"]),
        .library(name: "QCapCLI", targets: ["QCapCLI"]),
        .executable(name: "qcap", targets: ["qcap"]),
        .executable(name: "qcap-dev", targets: ["qcap-dev"]),
        .plugin(name: "RubricCompiler", targets: ["RubricCompiler"]),
        .plugin(name: "NewRubric", targets: ["NewRubric"]),
    ],
    targets: [
        .target(name: "QCapCore"),
        .target(name: "QCapProviders", dependencies: ["QCapCore"]),
        .target(name: "QCapReports", dependencies: ["QCapCore"]),
        // SQLite from the system (libsqlite3-dev on Debian/Ubuntu, the SDK on macOS): no package dependency.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "QCapStore", dependencies: ["QCapCore", "CSQLite"]),
        .target(name: "QCapCLI", dependencies: ["QCapCore", "QCapProviders", "QCapReports", "QCapStore"] + rubricModules.map { .target(name: $0) }),
        .executableTarget(name: "qcap", dependencies: ["QCapCLI"]),
        .executableTarget(name: "qcap-dev", dependencies: ["QCapCLI"]),
        .executableTarget(name: "rubric-compiler", dependencies: ["QCapCore"]),
        .plugin(name: "RubricCompiler", capability: .buildTool(), dependencies: ["rubric-compiler"]),
        .plugin(name: "NewRubric",
                capability: .command(intent: .custom(verb: "new-rubric",
                                                     description: "Scaffold a rubric module (Sources/NAME, Tests/NAMETests, rubrics/<id>.json) and register it."),
                                     permissions: [.writeToPackageDirectory(reason: "new-rubric creates the module's files, adds it to Package.swift and regenerates Sources/QCapCLI/BuiltInRubrics.swift.")]),
                dependencies: ["qcap-dev"]),
        .testTarget(name: "QCapCoreTests", dependencies: ["QCapCore"]),
        .testTarget(name: "QCapProvidersTests", dependencies: ["QCapProviders"], exclude: ["Fixtures"]),
        .testTarget(name: "QCapReportsTests", dependencies: ["QCapReports"]),
        .testTarget(name: "QCapStoreTests", dependencies: ["QCapStore", "QCapCore"]),
        .testTarget(name: "QCapCLITests", dependencies: ["QCapCLI", "QCapReports", "QCapStore"], exclude: ["Fixtures"]),
    ] + rubricModules.flatMap { name -> [Target] in
        [
            .target(name: name, dependencies: ["QCapCore"], plugins: ["RubricCompiler"]),
            .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "QCapCore"]),
        ]
    }
)
