"""UI strings (Vietnamese). Screens import labels from here, so wording is in one place."""

APP_TITLE = "Đối thoại"

MEETINGS_TITLE = "Danh sách hội nghị"
COL_TITLE = "Hội nghị"
COL_DATE = "Ngày"
COL_STATUS = "Trạng thái"
NO_MEETINGS = "Chưa có hội nghị nào. Tạo bằng lệnh: doithoai new KE-HOACH.toml"

KEY_OPEN = "Mở"
KEY_VIEW_PLAN = "Xem kế hoạch"
KEY_QUIT = "Thoát"
KEY_BACK = "Quay lại"

PLAN_TITLE = "Kế hoạch hội nghị"
PLAN_ORGANISATION = "Cơ quan tổ chức"
PLAN_DATE = "Thời gian"
PLAN_VENUE = "Địa điểm"
PLAN_CHAIRS = "Chủ trì"
PLAN_SECRETARY = "Thư ký"
PLAN_LIMIT = "Thời gian mỗi lượt phát biểu"
PLAN_ATTENDANCE = "Thành phần tham dự"
PLAN_PROGRAMME = "Chương trình"
PLAN_FIELDS = "Lĩnh vực"
COL_STEP = "TT"
COL_CONTENT = "Nội dung"
COL_LEAD = "Điều hành"
COL_MINUTES = "Phút"
COL_GROUP = "Thành phần"
COL_INVITED = "Mời"
COL_PRESENT = "Có mặt"
DIALOGUE_MARK = "đối thoại"


def vn_date(iso: str) -> str:
    """'2026-06-18' -> '18/06/2026'."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"
