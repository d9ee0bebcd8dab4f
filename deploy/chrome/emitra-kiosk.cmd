@echo off
rem Starts the e-Mitra+ kiosk browser; put a shortcut to this file in the kiosk user's Startup folder.
rem Usage: emitra-kiosk.cmd https://emitra-hub.example.in   (or set EMITRA_KIOSK_URL)
if "%~1"=="" (
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0emitra-kiosk.ps1"
) else (
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0emitra-kiosk.ps1" -Url "%~1"
)
