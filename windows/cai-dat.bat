@echo off
rem Install doithoai for this Windows user: uv (if missing), then the app as a uv tool.
rem Double-click it. Uses the wheel next to this file (doithoai-*.whl) if there is one,
rem else the source folder this file sits in (windows\..). No administrator rights needed.
chcp 65001 >nul
setlocal
set "PATH=%USERPROFILE%\.local\bin;%PATH%"
echo === Cài đặt ứng dụng Đối thoại (doithoai) ===
echo.

where uv >nul 2>&1
if errorlevel 1 (
    echo Đang cài uv, công cụ cài đặt Python ^(cần mạng^)...
    powershell -NoProfile -ExecutionPolicy Bypass -Command "irm https://astral.sh/uv/install.ps1 | iex"
    if errorlevel 1 goto :failed
)

set "SOURCE="
for %%F in ("%~dp0doithoai-*.whl") do set "SOURCE=%%~fF"
if not defined SOURCE if exist "%~dp0..\pyproject.toml" set "SOURCE=%~dp0.."
if not defined SOURCE (
    echo Không tìm thấy bộ cài: đặt tệp doithoai-*.whl cạnh tệp này, hoặc chạy tệp này trong thư mục mã nguồn.
    goto :failed
)

echo Đang cài doithoai từ %SOURCE% ...
uv tool install --force --python 3.11 "%SOURCE%"
if errorlevel 1 goto :failed
uv tool update-shell >nul 2>&1

echo.
echo Đã cài xong. Mở ứng dụng: nhấp đúp tệp doi-thoai.bat, hoặc gõ doithoai trong Windows Terminal.
pause
exit /b 0

:failed
echo.
echo Cài đặt không thành công. Kiểm tra kết nối mạng rồi chạy lại tệp này; nếu vẫn lỗi, chụp màn hình này gửi người hỗ trợ.
pause
exit /b 1
