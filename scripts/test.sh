#!/usr/bin/env bash
# The project's one test command: builds the solution once, runs every test project (each tests/*/*.csproj) in a
# seeded random order, and ends with the line
#   N passed, N failed, N skipped
# counted from the TRX files. Extra arguments go to every `dotnet test` (e.g. ./scripts/test.sh --filter "FullyQualifiedName~Browser").
#
# The totals cannot look better than the run was:
# - a build failure counts every test project as failed;
# - each project's tests are listed first (`dotnet test --list-tests`); a listed test with no result in the TRX (the
#   test host crashed, or hung and was killed after 10 minutes) counts as failed, as does a project whose TRX is
#   missing, holds no result, or whose `dotnet test` failed without a failed test to show for it (with extra
#   arguments, a project none of whose tests match them is left out);
# - a TRX that is not in the expected format stops the count (exit 1), and its <Counters> must agree with the
#   <UnitTestResult> elements it holds;
# - PostgreSQL, RabbitMQ, nginx and browser tests skip, saying why, where their binaries (initdb/pg_ctl,
#   rabbitmq-server, nginx, /usr/bin/chromium) are missing,
#   but under CI=true (CI installs them) such a test fails instead, and any skip of a PostgreSQL, Chromium, RabbitMQ or nginx
#   test counts as a failure.
# The order's seed is QONYS_TEST_SEED when set (the same seed repeats the order), else drawn here; it is printed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration=Debug
results="$root/artifacts/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ci=false
[[ "${CI:-}" == "true" ]] && ci=true

projects=()
for csproj in tests/*/*.csproj; do [[ -e "$csproj" ]] && projects+=("$(dirname "$csproj")"); done

passed=0 failed=0 skipped=0
problems=()
finish() {
    echo
    for problem in "${problems[@]}"; do echo "PROBLEM $problem"; done
    echo "results: $results (TRX), screenshots: $root/artifacts/screenshots"
    echo "$passed passed, $failed failed, $skipped skipped"
    if (( failed > 0 || ${#problems[@]} > 0 )); then exit 1; fi
    exit 0
}

if (( ${#projects[@]} == 0 )); then
    problems+=("no test project (tests/*/*.csproj) was found")
    failed=1
    finish
fi

seed="${QONYS_TEST_SEED:-$(( (RANDOM << 15 | RANDOM) ))}"
if [[ ! "$seed" =~ ^-?[0-9]+$ ]]; then
    problems+=("QONYS_TEST_SEED='$seed' is not a whole number")
    failed=${#projects[@]}
    finish
fi
export QONYS_TEST_SEED="$seed"
echo "== test order seed $seed (QONYS_TEST_SEED=$seed ./scripts/test.sh repeats this order)"

echo "== build (Qonys.slnx, $configuration)"
if ! dotnet build Qonys.slnx -c "$configuration" -nologo -v q; then
    problems+=("the build failed: none of the ${#projects[@]} test projects ran, each counts as a failure")
    failed=${#projects[@]}
    finish
fi

rm -rf "$results"
mkdir -p "$results"

# One TRX file → one line per <UnitTestResult> ("RESULT<tab>outcome<tab>testName<tab>reason") and one
# "COUNTERS<tab>total<tab>passed<tab>failed<tab>notExecuted" line. Anything unexpected is an error (exit 2), not a zero.
read_trx() {
    awk '
    function attr(s, name) {
        if (match(s, " " name "=\"[^\"]*\"")) return unxml(substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4))
        if (match(s, "^" name "=\"[^\"]*\"")) return unxml(substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3))
        return "\001"
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
    function bad(why) { printf "%s: unexpected TRX format: %s\n", FILENAME, why > "/dev/stderr"; broken = 1; exit 2 }
    function number(s, name,    v) { v = attr(s, name); if (v !~ /^[0-9]+$/) bad("<Counters> " name "=\"" v "\""); return v + 0 }
    BEGIN { RS = "<UnitTestResult |<Counters " }
    NR == 1 { if (index($0, "<TestRun ") == 0) bad("no <TestRun> element"); next }
    /^total="/ {
        if (counters++) bad("more than one <Counters>")
        f = number($0, "failed") + number($0, "error") + number($0, "timeout") + number($0, "aborted")
        printf "COUNTERS\t%d\t%d\t%d\t%d\n", number($0, "total"), number($0, "passed"), f, number($0, "notExecuted")
        next
    }
    {
        outcome = attr($0, "outcome"); test = attr($0, "testName")
        if (outcome == "\001" || test == "\001") bad("a <UnitTestResult> without outcome or testName")
        reason = ""
        if (outcome != "Passed") {
            reason = inner($0, "Message"); if (reason == "") reason = inner($0, "StdOut")
            reason = unxml(reason); gsub(/[ \t\r\n]+/, " ", reason); sub(/^ /, "", reason)
        }
        gsub(/\t/, " ", test)
        printf "RESULT\t%s\t%s\t%s\n", outcome, test, reason
    }
    END { if (!broken && !counters) bad("no <Counters> element") }' "$1"
}

lines=()
for project in "${projects[@]}"; do
    name="$(basename "$project")"
    trx="$results/$name.trx"

    echo "== list $name"
    # The tests the run must account for. A listing that fails is a problem of its own (and the run still counts).
    if dotnet test "$project" --no-build -c "$configuration" --nologo --list-tests "$@" >"$results/$name.list.log" 2>&1; then
        awk 'listing && /^    / { sub(/^    /, ""); print } /^The following Tests are available:/ { listing = 1 }' \
            "$results/$name.list.log" >"$results/$name.listed.txt"
    else
        cat "$results/$name.list.log"
        problems+=("$name: its tests could not be listed (see $results/$name.list.log); counted as one failure")
        failed=$(( failed + 1 ))
        : >"$results/$name.listed.txt"
    fi
    listed=$(wc -l <"$results/$name.listed.txt")
    if (( listed == 0 && $# > 0 )); then
        echo "   $name: no test matches the arguments; not run"
        continue
    fi

    echo "== test $name ($listed tests listed)"
    # A test that hangs for 10 minutes is killed; the tests it and the ones after it leave unrun count as failures.
    dotnet test "$project" --no-build -c "$configuration" --nologo \
        --logger "trx;LogFileName=$name.trx" \
        --results-directory "$results" --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
    status=$?

    if [[ ! -s "$trx" ]]; then
        missing=$(( listed > 0 ? listed : 1 ))
        problems+=("$name: no test results were written ($trx): its $listed listed tests count as $missing failures")
        failed=$(( failed + missing ))
        continue
    fi
    if ! parsed="$(read_trx "$trx")"; then
        problems+=("$name: $trx could not be read (see the message above); the count stops here")
        failed=$(( failed + (listed > 0 ? listed : 1) ))
        finish
    fi

    results_in_trx=$(grep -c $'^RESULT\t' <<<"$parsed")
    p=$(grep -c $'^RESULT\tPassed\t' <<<"$parsed")
    f=$(grep -cE $'^RESULT\t(Failed|Error|Timeout|Aborted)\t' <<<"$parsed")
    s=$(( results_in_trx - p - f ))
    IFS=$'\t' read -r _ c_total c_passed c_failed _ < <(grep $'^COUNTERS\t' <<<"$parsed")
    # xunit's skipped tests are in total but not in notExecuted, so only total, passed and failed are compared.
    if (( c_total != results_in_trx || c_passed != p || c_failed != f )); then
        problems+=("$name: the TRX counters (total $c_total, passed $c_passed, failed $c_failed) disagree with its $results_in_trx results ($p passed, $f failed)")
    fi

    # Listed tests without a result: by name (a theory listed once may report several rows "Name(args)"), and by count.
    grep $'^RESULT\t' <<<"$parsed" | cut -f3 >"$results/$name.ran.txt"
    unrun_names="$(awk '
        FILENAME == ARGV[1] { ran[$0] = 1; base = $0; sub(/\(.*$/, "", base); ran_base[base] = 1; next }
        !($0 in ran) && !($0 in ran_base) { print }' "$results/$name.ran.txt" "$results/$name.listed.txt")"
    unrun=$(grep -c . <<<"$unrun_names")
    (( listed - results_in_trx > unrun )) && unrun=$(( listed - results_in_trx ))
    if (( unrun > 0 )); then
        problems+=("$name: $unrun listed tests did not run (the test host crashed or was killed); they count as failures")
        while IFS= read -r t; do [[ -n "$t" ]] && lines+=("FAILED  $t -- did not run"); done < <(head -n 20 <<<"$unrun_names")
    fi

    in_ci_failures=0
    while IFS=$'\t' read -r _ outcome test reason; do
        case "$outcome" in
            Passed) ;;
            Failed|Error|Timeout|Aborted) lines+=("FAILED  $test") ;;
            *)
                reason="${reason:-(no reason recorded, outcome $outcome)}"
                if $ci && grep -qiE 'postgres|chromium|rabbitmq|nginx' <<<"$test $reason"; then
                    lines+=("FAILED  $test -- skipped in CI, which installs what it needs: $reason")
                    in_ci_failures=$(( in_ci_failures + 1 ))
                else
                    lines+=("SKIPPED $test -- $reason")
                fi ;;
        esac
    done < <(grep $'^RESULT\t' <<<"$parsed")

    counted_failures=$(( f + unrun + in_ci_failures ))
    if (( results_in_trx == 0 && unrun == 0 )); then
        problems+=("$name: no test ran")
        counted_failures=$(( counted_failures + 1 ))
    fi
    if (( status != 0 && counted_failures == 0 )); then
        problems+=("$name: dotnet test exited with $status although no test failed; counted as one failure")
        counted_failures=1
    fi
    echo "   $name: $results_in_trx results in the TRX ($p passed, $f failed, $s skipped), $listed listed, $unrun unrun"
    passed=$(( passed + p ))
    failed=$(( failed + counted_failures ))
    skipped=$(( skipped + s - in_ci_failures ))
done

echo
printf '%s\n' "${lines[@]}" | grep . | sort
finish
