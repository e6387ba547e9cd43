#!/usr/bin/env bash
# GP Connect Conformance: runs the suite (by default against the embedded reference provider).
#   ./run-tests.sh [run] [--config FILE] [--tags EXPR] [--spec-version 1.2.x] [--dry-run] [...]
#   ./run-tests.sh validate FILE... | bench | verify-evidence RUN_FOLDER | faults | impact FROM TO | init [FILE] | help
# All logic lives in the C# command line (src/GpConnect.Conformance.Cli); this script only builds it if needed and runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/src/GpConnect.Conformance.Cli/GpConnect.Conformance.Cli.csproj"
out="$here/artifacts/cli"

# Rebuild only when the sources changed since the last good build: a file added, removed or renamed (the sorted list
# of source files differs from the stamp's) or a file newer than the stamp. Otherwise skip `dotnet build` (~4 s).
stamp="$out/.sources-stamp"
sources=(src docs/obligations Directory.Build.props Directory.Packages.props global.json)
list_sources() { (cd "$here" && find "${sources[@]}" \( -name bin -o -name obj \) -prune -o -type f "$@" -print 2>/dev/null | LC_ALL=C sort); }
fingerprint="$(list_sources | cksum)"
if [ ! -f "$out/gpconnect-conformance.dll" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$fingerprint" ] \
   || [ -n "$(list_sources -newer "$stamp" | head -n 1)" ]; then
  mkdir -p "$out"
  echo "$fingerprint" > "$stamp.new"   # written before the build, so an edit made during the build triggers the next one
  if ! build_log="$(dotnet build "$project" -c Release -o "$out" -nologo -v quiet 2>&1)"; then
    echo "$build_log" >&2
    echo "The build failed; see the errors above." >&2
    exit 2
  fi
  mv -f "$stamp.new" "$stamp"
fi

exec dotnet "$out/gpconnect-conformance.dll" "$@"
