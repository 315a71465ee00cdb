/// One command `qcap-dev bench` times, exactly as a user types it (its standard output goes to a file).
struct BenchScenario: Sendable {
    let name: String
    /// The command as the table shows it (`W` is the workspace).
    let display: String
    /// Whether the command writes a run to the store (its growth is reported).
    let stores: Bool
    /// Whether it reads a stored run (one is made first, unmeasured, when the store is empty).
    let needsStore: Bool
    /// Whether it works on the whole cohort (rates and sizes are then also given per enterprise).
    let perEnterprise: Bool
    /// The arguments for a workspace path and the roster's first enterprise.
    let arguments: @Sendable (_ workspace: String, _ enterprise: String) -> [String]
    /// Where the command writes a folder instead of standard output (its size is the output's), relative to the workspace.
    var outputFolder: String? = nil

    static let all: [BenchScenario] = [
        BenchScenario(name: "assess", display: "qcap assess -w W", stores: true, needsStore: false, perEnterprise: true) { workspace, _ in
            ["assess", "-w", workspace, "--as-of", BenchCommand.asOf]
        },
        BenchScenario(name: "jsonl", display: "qcap assess -w W --format jsonl --no-store", stores: false, needsStore: false,
                      perEnterprise: true) { workspace, _ in
            ["assess", "-w", workspace, "--as-of", BenchCommand.asOf, "--format", "jsonl", "--no-store"]
        },
        BenchScenario(name: "csv", display: "qcap assess -w W --format csv --no-store", stores: false, needsStore: false,
                      perEnterprise: true) { workspace, _ in
            ["assess", "-w", workspace, "--as-of", BenchCommand.asOf, "--format", "csv", "--no-store"]
        },
        BenchScenario(name: "compare", display: "qcap compare -w W", stores: false, needsStore: true, perEnterprise: false) { workspace, _ in
            ["compare", "-w", workspace]
        },
        BenchScenario(name: "report", display: "qcap report ID -w W --format html", stores: false, needsStore: true,
                      perEnterprise: false) { workspace, enterprise in
            ["report", enterprise, "-w", workspace, "--format", "html"]
        },
        BenchScenario(name: "region", display: "qcap region -w W --by district", stores: false, needsStore: true,
                      perEnterprise: false) { workspace, _ in
            ["region", "-w", workspace, "--by", "district"]
        },
        BenchScenario(name: "site", display: "qcap site -w W -o DIR", stores: false, needsStore: true, perEnterprise: true,
                      arguments: { workspace, _ in ["site", "-w", workspace, "-o", workspace + "/bench-output/site", "--quiet"] },
                      outputFolder: "bench-output/site"),
    ]
}
