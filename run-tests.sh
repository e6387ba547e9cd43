#!/usr/bin/env bash
# GP Connect Conformance: runs the suite (by default against the embedded reference provider).
#   ./run-tests.sh [run] [--config FILE] [--tags EXPR] [--spec-version 1.2.x] [--dry-run] [...]
#   ./run-tests.sh validate FILE... | bench | verify-evidence RUN_FOLDER | faults | help
# All logic lives in the C# command line (src/GpConnect.Conformance.Cli); this script only builds it if needed and runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/src/GpConnect.Conformance.Cli/GpConnect.Conformance.Cli.csproj"
out="$here/artifacts/cli"

if ! build_log="$(dotnet build "$project" -c Release -o "$out" -nologo -v quiet 2>&1)"; then
  echo "$build_log" >&2
  echo "The build failed; see the errors above." >&2
  exit 2
fi
cd "$here"
exec dotnet "$out/gpconnect-conformance.dll" "$@"
