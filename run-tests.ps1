#!/usr/bin/env pwsh
# GP Connect Conformance: runs the suite (by default against the embedded reference provider).
#   pwsh run-tests.ps1 [run] [--config FILE] [--tags EXPR] [--spec-version 1.2.x] [--dry-run] [...]
#   pwsh run-tests.ps1 validate FILE... | bench | verify-evidence RUN_FOLDER | faults | help
# A thin mirror of run-tests.sh: same options, same behaviour. All logic lives in the C# command line.
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot
$project = Join-Path $here 'src/GpConnect.Conformance.Cli/GpConnect.Conformance.Cli.csproj'
$out = Join-Path $here 'artifacts/cli'

$buildLog = & dotnet build $project -c Release -o $out -nologo -v quiet 2>&1
if ($LASTEXITCODE -ne 0) {
    $buildLog | Write-Error -ErrorAction Continue
    Write-Error 'The build failed; see the errors above.' -ErrorAction Continue
    exit 2
}
Set-Location $here
& dotnet (Join-Path $out 'gpconnect-conformance.dll') @args
exit $LASTEXITCODE
