#!/usr/bin/env bash
# The project's one run command: builds the web app (saying what it does at each step), then serves it in demo mode
# (embedded SQLite under src/Qonys.Web/.qonys/, the demo data set, the demo accounts) and prints the URL and accounts.
# Extra arguments go to the app (e.g. ./scripts/run.sh --urls http://0.0.0.0:8080).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS

echo "== 1/3 restoring NuGet packages (first run: downloads them, about half a minute)"
dotnet restore "$root/src/Qonys.Web" -v q -nologo

if [[ ! -e "$root/src/Qonys.Web/node_modules/.package-lock.json" ]]; then
    echo "== 2/3 compiling Qonys.Engines and Qonys.Web; first build: installing htmx, ECharts and Pico from npm (about a minute)"
else
    echo "== 2/3 compiling Qonys.Engines and Qonys.Web"
fi
dotnet build "$root/src/Qonys.Web" --no-restore -nologo -v m -clp:NoSummary \
    | sed -nE 's#^ *([A-Za-z.]+) -> .*#   built \1#p'
echo "   build done in $(( SECONDS - started )) s"

echo "== 3/3 starting: migrating the SQLite database, loading the demo data set on first start (a few seconds), then serving"
cd "$root/src/Qonys.Web"
exec dotnet run --no-build --no-launch-profile -- "$@"
