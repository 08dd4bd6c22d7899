@echo off
rem Start doithoai, in Windows Terminal when it is installed (it shows Vietnamese and the
rem app's colours properly; the old console window works too). Arguments are passed on.
chcp 65001 >nul
setlocal
set "PATH=%USERPROFILE%\.local\bin;%PATH%"

where doithoai >nul 2>&1
if errorlevel 1 (
    echo Chưa cài ứng dụng Đối thoại: hãy nhấp đúp tệp cai-dat.bat trước.
    pause
    exit /b 1
)

if not defined WT_SESSION (
    where wt >nul 2>&1
    if not errorlevel 1 (
        start "" wt --title "Đối thoại" cmd /c "chcp 65001 >nul & doithoai %*"
        exit /b 0
    )
)

doithoai %*
if errorlevel 1 pause
