#!/usr/bin/env pwsh
# GP Connect Conformance: runs the suite (by default against the embedded reference provider).
#   pwsh run-tests.ps1 [run] [--config FILE] [--tags EXPR] [--spec-version 1.2.x] [--dry-run] [...]
#   pwsh run-tests.ps1 validate FILE... | bench | verify-evidence RUN_FOLDER | faults | impact FROM TO | init [FILE] | help
# A thin mirror of run-tests.sh: same options, same behaviour. All logic lives in the C# command line.
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot
$project = Join-Path $here 'src/GpConnect.Conformance.Cli/GpConnect.Conformance.Cli.csproj'
$out = Join-Path $here 'artifacts/cli'

# Rebuild only when the sources changed since the last good build: a file added, removed or renamed (the sorted list
# of source files differs from the stamp's) or a file newer than the stamp. Otherwise skip `dotnet build` (~4 s).
$stamp = Join-Path $out '.sources-stamp'
$sources = 'src', 'docs/obligations', 'Directory.Build.props', 'Directory.Packages.props', 'global.json' |
    ForEach-Object { Join-Path $here $_ } | Where-Object { Test-Path $_ }
$files = @(Get-ChildItem -Path $sources -File -Recurse | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
$list = ($files | ForEach-Object { [IO.Path]::GetRelativePath($here, $_.FullName).Replace('\', '/') } | Sort-Object -CaseSensitive) -join "`n"
$fingerprint = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($list)))
$stale = -not (Test-Path (Join-Path $out 'gpconnect-conformance.dll')) -or -not (Test-Path $stamp) -or
    ((Get-Content -Raw $stamp).Trim() -ne $fingerprint)
if (-not $stale) {
    $stampTime = (Get-Item $stamp).LastWriteTimeUtc
    $stale = [bool]($files | Where-Object { $_.LastWriteTimeUtc -gt $stampTime } | Select-Object -First 1)
}
if ($stale) {
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    Set-Content -Path "$stamp.new" -Value $fingerprint   # written before the build, so an edit made during the build triggers the next one
    $buildLog = & dotnet build $project -c Release -o $out -nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $buildLog | Write-Error -ErrorAction Continue
        Write-Error 'The build failed; see the errors above.' -ErrorAction Continue
        exit 2
    }
    Move-Item -Force "$stamp.new" $stamp
}

& dotnet (Join-Path $out 'gpconnect-conformance.dll') @args
exit $LASTEXITCODE
