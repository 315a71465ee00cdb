#!/usr/bin/env bash
# Proves the plugin paths of docs/writing-a-rubric.md on this checkout, as a new user would take them:
#   (a) `swift package new-rubric` scaffolds a rubric module in a temporary copy of the package, which then builds
#       and passes its tests with no hand edits;
#   (b) a third-party package that depends on QCap by path adds its own rubric module (RubricCompiler plugin) and a
#       three-line driver, whose `rubrics list` shows the rubric and which assesses an example workspace;
#   (c) a deliberately broken rubric JSON fails that package's build with the file, the line and the JSON path: a
#       wrong type, a failing example, and JSON that does not parse (a trailing comma, a missing brace).
# Standalone: exits non-zero on the first failure. Work goes to $QCAP_CHECK_DIR (default .build-kit-check/, ignored by
# git); a rerun reuses its build folders, which is safe because the copies keep the same paths. The origin's own .build
# is never copied: Clang's module cache records absolute paths and breaks in a copy.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${QCAP_CHECK_DIR:-$ROOT/.build-kit-check}"
export PATH="/opt/swift/usr/bin:$PATH"
START=$SECONDS

step() { printf '\n==> [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
fail() { printf '\ncheck-plugin-paths: FAILED: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
LOGS="$WORK/logs"
mkdir -p "$LOGS"

# ---------------------------------------------------------------------------------------------------------------
step "(a) copy the package to $WORK/QCap (sources only; keeps the copy's own .build from a previous run)"
COPY="$WORK/QCap"
mkdir -p "$COPY"
find "$COPY" -mindepth 1 -maxdepth 1 ! -name '.build' -exec rm -rf {} +
tar -C "$ROOT" --exclude='./.git' --exclude='./.build' --exclude='./.build-*' --exclude='./.build_*' --exclude='./.swiftpm' \
    -cf - . | tar -C "$COPY" -xf -

step "(a) swift package --allow-writing-to-package-directory new-rubric PluginPathCheck"
(cd "$COPY" && swift package --allow-writing-to-package-directory new-rubric PluginPathCheck) >"$LOGS/new-rubric.log" 2>&1 \
    || { tail -40 "$LOGS/new-rubric.log"; fail "new-rubric did not scaffold (log: $LOGS/new-rubric.log)"; }
grep -v '^\[[0-9]*/[0-9]*\]' "$LOGS/new-rubric.log" | tail -12
for path in Sources/PluginPathCheck/PluginPathCheckRubric.swift Tests/PluginPathCheckTests rubrics/plugin-path-check.json; do
    [ -e "$COPY/$path" ] || fail "new-rubric did not create $path"
done
grep -q '"PluginPathCheck",' "$COPY/Package.swift" || fail "new-rubric did not add PluginPathCheck to rubricModules"
grep -q 'import PluginPathCheck' "$COPY/Sources/QCapCLI/BuiltInRubrics.swift" || fail "new-rubric did not regenerate the registry"

step "(a) swift build (the scaffold, untouched)"
(cd "$COPY" && swift build) >"$LOGS/scaffold-build.log" 2>&1 \
    || { grep -E 'error|warning' "$LOGS/scaffold-build.log" | head -40; fail "the scaffold does not build (log: $LOGS/scaffold-build.log)"; }
if grep -q 'PluginPathCheck.*warning:' "$LOGS/scaffold-build.log"; then
    grep 'warning:' "$LOGS/scaffold-build.log" | head; fail "the scaffold builds with warnings"
fi
tail -1 "$LOGS/scaffold-build.log"

step "(a) swift test --filter PluginPathCheck"
(cd "$COPY" && swift test --filter PluginPathCheck) >"$LOGS/scaffold-test.log" 2>&1 \
    || { grep -E '✘|error' "$LOGS/scaffold-test.log" | head -40; fail "the scaffold's tests fail (log: $LOGS/scaffold-test.log)"; }
grep -E '^✔ Test run|^✘ Test run' "$LOGS/scaffold-test.log" || true
grep -qE '^✔ Test run with [1-9][0-9]* tests' "$LOGS/scaffold-test.log" || fail "no scaffold test ran"

step "(a) the scaffolded rubric is registered in qcap"
"$COPY/.build/debug/qcap" rubrics list | tee "$LOGS/scaffold-list.txt"
grep -q '^plugin-path-check ' "$LOGS/scaffold-list.txt" || fail "qcap rubrics list does not show plugin-path-check"

# ---------------------------------------------------------------------------------------------------------------
step "(b) a third-party package at $WORK/CityRubrics that depends on QCap by path"
THIRD="$WORK/CityRubrics"
mkdir -p "$THIRD/rubrics" "$THIRD/Sources/CityChecklist" "$THIRD/Sources/city-qcap"
cat >"$THIRD/Package.swift" <<EOF
// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "CityRubrics",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$COPY")],
    targets: [
        .target(name: "CityChecklist", dependencies: [.product(name: "QCapCore", package: "QCap")],
                plugins: [.plugin(name: "RubricCompiler", package: "QCap")]),
        .executableTarget(name: "city-qcap", dependencies: ["CityChecklist", .product(name: "QCapCLI", package: "QCap")]),
    ]
)
EOF
cat >"$THIRD/rubrics/city-checklist.json" <<'EOF'
{
  "id": "city-checklist",
  "version": "1.0.0",
  "module": "CityChecklist",
  "title": {"zh": "本市质量基础检查表", "en": "City quality basics checklist"},
  "factPrefix": "city",
  "provenance": {"basis": [{"part": {"zh": "全部条款", "en": "Every item"}, "status": "drafted"}]},
  "scale": {"levels": [
    {"rank": 1, "id": "basic", "name": {"zh": "基础", "en": "Basic"}},
    {"rank": 2, "id": "good", "name": {"zh": "良好", "en": "Good"}}
  ]},
  "scoring": {"model": "weightedTree", "bands": [{"min": 0, "level": 1}, {"min": 60, "level": 2}]},
  "criteria": [
    {"id": "Q1", "title": {"zh": "设有专职质量负责人", "en": "A full-time quality manager"}, "weight": 1,
     "evidence": {"type": "bool"},
     "examples": [{"facts": {"city.Q1": true}, "outcome": "met"}, {"facts": {"city.Q1": false}, "outcome": "notMet"}]},
    {"id": "Q2", "title": {"zh": "出厂检验合格率", "en": "Final inspection pass rate"}, "weight": 2,
     "evidence": {"type": "number", "rule": {"kind": "threshold", "direction": "higher", "met": 0.98, "partial": 0.95}},
     "examples": [{"facts": {"city.Q2": 0.99}, "outcome": "met"}, {"facts": {"city.Q2": 0.96}, "outcome": "partial", "score": 0.5}]}
  ]
}
EOF
cp "$THIRD/rubrics/city-checklist.json" "$WORK/city-checklist.good.json"
cat >"$THIRD/Sources/CityChecklist/CityChecklistRubric.swift" <<'EOF'
import QCapCore

/// The city's own checklist: rubrics/city-checklist.json, validated and embedded by QCap's RubricCompiler plugin.
public struct CityChecklistRubric: Rubric {
    private static let loaded = EmbeddedRubrics.cityChecklist.descriptor

    public init() {}

    public var descriptor: RubricDescriptor { Self.loaded }
}
EOF
cat >"$THIRD/Sources/city-qcap/main.swift" <<'EOF'
import CityChecklist
import QCapCLI

QCapCommand.main(rubrics: BuiltInRubrics.all + [CityChecklistRubric()])
EOF

step "(b) swift build (third-party package)"
(cd "$THIRD" && swift build) >"$LOGS/third-party-build.log" 2>&1 \
    || { grep -E 'error' "$LOGS/third-party-build.log" | head -40; fail "the third-party package does not build (log: $LOGS/third-party-build.log)"; }
tail -1 "$LOGS/third-party-build.log"

step "(b) city-qcap rubrics list, then init and assess an example workspace"
"$THIRD/.build/debug/city-qcap" rubrics list | tee "$LOGS/third-party-list.txt"
grep -q '^city-checklist ' "$LOGS/third-party-list.txt" || fail "the third-party driver does not list city-checklist"
grep -q '^plugin-path-check ' "$LOGS/third-party-list.txt" || fail "the third-party driver lost the built-in rubrics"
rm -rf "$WORK/city-demo"
"$THIRD/.build/debug/city-qcap" init "$WORK/city-demo" --example --enterprises 3 --as-of 2026-06-30 >/dev/null
"$THIRD/.build/debug/city-qcap" assess --workspace "$WORK/city-demo" --rubric city-checklist --as-of 2026-06-30 --no-store \
    | tee "$LOGS/third-party-assess.txt"
grep -q '本市质量基础检查表' "$LOGS/third-party-assess.txt" || fail "the third-party rubric did not assess"

# ---------------------------------------------------------------------------------------------------------------
broken_build() { # $1: label, $2: python-free sed expression applied to the good file, $3: grep pattern the build must print
    cp "$WORK/city-checklist.good.json" "$THIRD/rubrics/city-checklist.json"
    sed -i "$2" "$THIRD/rubrics/city-checklist.json"
    if (cd "$THIRD" && swift build) >"$LOGS/broken-$1.log" 2>&1; then
        cp "$WORK/city-checklist.good.json" "$THIRD/rubrics/city-checklist.json"
        fail "($1) the build succeeded with a broken rubric"
    fi
    grep -E 'city-checklist\.json:[0-9]+: error' "$LOGS/broken-$1.log" | sort -u | head -5
    if ! grep -qE "$3" "$LOGS/broken-$1.log"; then
        cp "$WORK/city-checklist.good.json" "$THIRD/rubrics/city-checklist.json"
        fail "($1) the build output does not name the file, line and JSON path (log: $LOGS/broken-$1.log)"
    fi
}

step "(c) a wrong type in the rubric JSON fails the build naming the file, line and JSON path"
broken_build type 's/"weight": 2,/"weight": "two",/' \
    'rubrics/city-checklist\.json:[0-9]+: error: \$\.criteria\[1\]\.weight: wrong type'

step "(c) an example that does not hold fails the build at the example's JSON path"
broken_build example 's/{"facts": {"city.Q2": 0.96}, "outcome": "partial"/{"facts": {"city.Q2": 0.96}, "outcome": "met"/' \
    'rubrics/city-checklist\.json:[0-9]+: error: \$\.criteria\[1\]\.examples\[1\]: example 2 of Q2 fails'

step "(c) a trailing comma (not JSON) fails the build naming the file and line, not a missing EmbeddedRubrics member"
broken_build trailing-comma 's/"outcome": "notMet"}]},/"outcome": "notMet"},]},/' \
    'rubrics/city-checklist\.json:[0-9]+: error: .*trailing comma'

step "(c) a missing closing brace fails the build naming the file and line"
broken_build missing-brace '$ d' \
    'rubrics/city-checklist\.json:[0-9]+: error: .*unexpected end of input'

cp "$WORK/city-checklist.good.json" "$THIRD/rubrics/city-checklist.json"
step "all plugin paths hold (total $((SECONDS - START)) s; logs in $LOGS)"
