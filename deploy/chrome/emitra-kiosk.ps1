<#
.SYNOPSIS
Starts Google Chrome full-screen on the e-Mitra+ kiosk's address with its own profile, and starts
it again whenever it exits: a kiosk must come back by itself.

.EXAMPLE
powershell -NoProfile -ExecutionPolicy Bypass -File emitra-kiosk.ps1 -Url https://emitra-hub.example.in

.EXAMPLE
$env:EMITRA_KIOSK_URL = 'https://emitra-hub.example.in'; .\emitra-kiosk.ps1
#>
param(
	# The kiosk's address; EMITRA_KIOSK_URL when not given.
	[string]$Url = $env:EMITRA_KIOSK_URL,
	# Chrome's profile for the kiosk, kept apart from anyone's own browsing.
	[string]$ProfileDir = $(if ($env:EMITRA_PROFILE_DIR) { $env:EMITRA_PROFILE_DIR } else { Join-Path $env:LOCALAPPDATA 'eMitraKiosk\ChromeProfile' }),
	# Seconds to wait before starting Chrome again.
	[int]$RestartDelaySeconds = $(if ($env:EMITRA_RESTART_DELAY) { [int]$env:EMITRA_RESTART_DELAY } else { 3 })
)

$ErrorActionPreference = 'Stop'

if (-not $Url) {
	Write-Error "Give the kiosk's address: emitra-kiosk.ps1 -Url https://emitra-hub.example.in (or set EMITRA_KIOSK_URL)"
	exit 2
}

$candidates = @(
	$env:CHROME_BIN,
	(Join-Path $env:ProgramFiles 'Google\Chrome\Application\chrome.exe'),
	(Join-Path ${env:ProgramFiles(x86)} 'Google\Chrome\Application\chrome.exe'),
	(Join-Path $env:LOCALAPPDATA 'Google\Chrome\Application\chrome.exe')
) | Where-Object { $_ -and (Test-Path $_) }
$chrome = $candidates | Select-Object -First 1
if (-not $chrome) {
	Write-Error 'Google Chrome is not installed (deploy/chrome/README.md, step 1).'
	exit 3
}

New-Item -ItemType Directory -Force -Path $ProfileDir | Out-Null

# --kiosk-printing prints silently to the default printer (the Canon, chosen by the policy);
# the others keep a citizen from zooming, swiping back or meeting Chrome's own dialogs.
$arguments = @(
	'--kiosk',
	'--kiosk-printing',
	'--disable-pinch',
	'--overscroll-history-navigation=0',
	'--noerrdialogs',
	'--no-first-run',
	"--user-data-dir=`"$ProfileDir`"",
	"`"$Url`""
)

while ($true) {
	# After a power cut Chrome would offer to "restore pages"; the kiosk opens its own page anyway.
	$preferences = Join-Path $ProfileDir 'Default\Preferences'
	if (Test-Path $preferences) {
		$text = [IO.File]::ReadAllText($preferences)
		$text = $text.Replace('"exited_cleanly":false', '"exited_cleanly":true') -replace '"exit_type":"[^"]*"', '"exit_type":"Normal"'
		[IO.File]::WriteAllText($preferences, $text)
	}
	Write-Host "$(Get-Date -Format s) starting $chrome on $Url"
	$process = Start-Process -FilePath $chrome -ArgumentList $arguments -PassThru
	$process.WaitForExit()
	Write-Warning "$(Get-Date -Format s) Chrome exited (code $($process.ExitCode)); starting it again in $RestartDelaySeconds s"
	Start-Sleep -Seconds $RestartDelaySeconds
}
