#!/usr/bin/env bash
# The project's one test command: builds the solution once, runs every test project, and ends with the line
#   N passed, N failed, N skipped
# Extra arguments go to every `dotnet test` (e.g. ./scripts/test.sh --filter "FullyQualifiedName~Browser").
# PostgreSQL and browser tests skip, saying why, where their binaries (initdb/pg_ctl, /usr/bin/chromium) are missing.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration=Debug
results="$root/artifacts/test-results"
projects=(tests/Qonys.ArchitectureTests tests/Qonys.Tests tests/Qonys.IntegrationTests tests/Qonys.BrowserTests)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build (Qonys.slnx, $configuration)"
if ! dotnet build Qonys.slnx -c "$configuration" -nologo -v q; then
    echo "build failed"
    echo "0 passed, 0 failed, 0 skipped"
    exit 1
fi

rm -rf "$results"
mkdir -p "$results"
broken=()
for project in "${projects[@]}"; do
    name="$(basename "$project")"
    echo "== test $name"
    # A test that hangs for 10 minutes is killed (and counted as a failure) instead of blocking CI forever.
    if ! dotnet test "$project" --no-build -c "$configuration" --nologo \
            --logger "trx;LogFileName=$name.trx" \
            --results-directory "$results" --blame-hang-timeout 10m --blame-hang-dump-type none "$@"; then
        broken+=("$name: dotnet test exited with a failure")
    fi
    if [[ ! -s "$results/$name.trx" ]]; then
        broken+=("$name: no test results were written ($results/$name.trx)")
    fi
done

# Reads the TRX files. Totals come from each file's <Counters total passed failed .../>; xunit's skipped tests are
# not in the counters' notExecuted (it stays 0), so skipped = total - passed - failed, and each skipped test is
# listed from its <UnitTestResult outcome="NotExecuted"> with the reason from Output/ErrorInfo/Message.
summary="$(awk '
    function attr(s, name) {
        if (match(s, " " name "=\"[^\"]*\"")) return unxml(substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4))
        if (match(s, "^" name "=\"[^\"]*\"")) return unxml(substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3))
        return ""
    }
    function unxml(s) {
        gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
        gsub(/&#x[dDaA];/, " ", s); gsub(/&amp;/, "\\&", s); return s
    }
    function inner(s, tag,    start, rest, stop) {
        start = index(s, "<" tag ">"); if (start == 0) return ""
        rest = substr(s, start + length(tag) + 2); stop = index(rest, "</" tag ">")
        return stop == 0 ? rest : substr(rest, 1, stop - 1)
    }
    BEGIN { RS = "<UnitTestResult |<Counters " }
    FNR == 1 { next }
    /^total="/ {
        total += attr($0, "total"); passed += attr($0, "passed")
        failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
        next
    }
    {
        outcome = attr($0, "outcome"); test = attr($0, "testName")
        if (outcome == "Passed") next
        if (outcome == "Failed" || outcome == "Error" || outcome == "Timeout" || outcome == "Aborted") { print "FAILED  " test; next }
        reason = inner($0, "Message"); if (reason == "") reason = inner($0, "StdOut")
        reason = unxml(reason); gsub(/[ \t\r\n]+/, " ", reason); sub(/^ /, "", reason)
        print "SKIPPED " test " -- " (reason == "" ? "(no reason recorded, outcome " outcome ")" : reason)
    }
    END { printf "COUNTS %d %d %d\n", total, passed, failed }' "$results"/*.trx 2>/dev/null)"

echo
grep -E '^(FAILED|SKIPPED) ' <<<"$summary" | sort
read -r _ total passed failed < <(grep '^COUNTS ' <<<"$summary" || echo "COUNTS 0 0 0")
skipped=$(( total - passed - failed ))
for problem in "${broken[@]}"; do echo "PROBLEM $problem"; done
echo "results: $results (TRX), screenshots: $root/artifacts/screenshots"
echo "$passed passed, $failed failed, $skipped skipped"
if (( failed > 0 || ${#broken[@]} > 0 )); then exit 1; fi
exit 0
