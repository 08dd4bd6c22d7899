"""UI strings (Vietnamese). Screens import labels from here, so wording is in one place."""

APP_TITLE = "Đối thoại"

MEETINGS_TITLE = "Danh sách hội nghị"
COL_TITLE = "Hội nghị"
COL_DATE = "Ngày"
COL_STATUS = "Trạng thái"
NO_MEETINGS = "Chưa có hội nghị nào. Tạo bằng lệnh: doithoai new KE-HOACH.toml"

KEY_OPEN = "Mở"
KEY_VIEW_PLAN = "Xem kế hoạch"
KEY_DOCUMENTS = "In biên bản"
KEY_PALETTE = "Tất cả lệnh"
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

# -- the chair's display (screens/chair.py) --
CHAIR_TITLE = "Màn hình chủ trì"
CHAIR_NO_LIVE = "Chưa có hội nghị nào đang diễn ra…"
CHAIR_NO_LIVE_HINT = "Màn hình sẽ tự hiện khi thư ký bắt đầu hội nghị."
CHAIR_NOT_STARTED = "Hội nghị chưa bắt đầu…"
CHAIR_ENDED = "Hội nghị đã kết thúc lúc {at}."
CHAIR_NOT_FOUND = "Không có hội nghị số {id}."
CHAIR_STEP = "Bước {position}/{total}"
CHAIR_NO_STEP = "Chưa vào chương trình"
CHAIR_STEP_TIME = "{elapsed} / {minutes} phút"
CHAIR_SPEAKING = "Đang phát biểu"
CHAIR_NOBODY = "Chưa mời ai phát biểu"
CHAIR_SPEAKER_NO = "Số {reg_no}"
CHAIR_FIELD = "Lĩnh vực: {field}"
CHAIR_LIMIT = "giới hạn {limit}"
CHAIR_QUEUE = "Danh sách đăng ký · {waiting} người chờ"
CHAIR_QUEUE_ABSENT = " · {absent} vắng"
CHAIR_QUEUE_EMPTY = "Không còn ai đăng ký đang chờ."
CHAIR_ABSENT_MARK = "vắng"
CHAIR_MORE_SPEAKERS = "… và {n} người nữa"
CHAIR_WAITING = "Ý kiến chờ trả lời · {n}"
CHAIR_WAITING_EMPTY = "Không có ý kiến nào đang chờ trả lời."
CHAIR_MORE_OPINIONS = "… và {n} ý kiến nữa"
CHAIR_NO_FIELD = "Chưa phân loại"
CHAIR_SLIP = "Phiếu ý kiến"
CHAIR_BEFORE = "Phiếu trước hội nghị"
CHAIR_COUNTS_TOTAL = "{n} ý kiến"
#: Short outcome labels for the counts line (key: Outcome value, "" for not answered).
CHAIR_OUTCOMES = {
    "": "chờ trả lời",
    "answered": "đã trả lời",
    "assigned": "giao giải quyết",
    "forwarded": "kiến nghị cấp trên",
    "noted": "tiếp thu",
}
CHAIR_OFFLINE = "Mất kết nối với tệp dữ liệu… đang thử lại (đọc được lần cuối lúc {at})"
CHAIR_NEXT = "Tiếp theo"
CHAIR_AFTER = "Sau đó"
#: What happened to the store's file under the chair's display (key: db.queries_chair.FileChange).
CHAIR_FILE_CHANGED = {
    "replaced": "Tệp dữ liệu {path} đã bị thay bằng tệp khác lúc {at}; đang mở tệp mới…",
    "truncated": "Tệp dữ liệu {path} bị cắt ngắn lúc {at} (có thể đang bị chép đè); đang mở lại…",
    "removed": "Tệp dữ liệu {path} đã bị xóa hoặc đổi tên lúc {at}; số liệu trên màn hình là cũ, "
               "đang chờ tệp trở lại…",
}
CHAIR_FILE_REOPENED = "Đã mở lại tệp dữ liệu lúc {at} (tệp cũ đã bị thay hoặc cắt ngắn)."

# -- the end of the meeting: conclusion, attendance, printing, seal -----------------
END_TITLE = "Kết thúc hội nghị"
END_KEY_SAVE = "Lưu"
END_KEY_PRINT = "In biên bản"
END_KEY_SEAL = "Niêm phong"
END_CONCLUSION = "Kết luận của chủ trì"
END_CONCLUSION_HINT = "Gõ hoặc sửa kết luận của chủ trì hội nghị…"
END_ATTENDANCE = "Thành phần tham dự: số người có mặt"
END_OUT_DIR = "Thư mục lưu tệp PDF:"
END_PROVISIONAL = "in ra là bản ghi tạm"
END_SEALED = "đã niêm phong lúc"
END_REOPENED = "niêm phong đã bị mở lúc"
END_SAVED = "Đã lưu kết luận và số người có mặt."
END_PRINTING = "Đang in biên bản và dự thảo thông báo kết luận…"
END_PRINTED = "Đã in xong, các tệp ở:"
END_FONT_ERROR = "Không in được vì phông chữ"
END_FONT_WARNING = "Lưu ý phông chữ"
END_WRITE_ERROR = "Không ghi được tệp vào thư mục"
END_SEAL_TITLE = "Niêm phong biên bản"
END_SEAL_MESSAGE = ("Sau khi niêm phong, biên bản không sửa được nữa (trừ khi mở niêm phong, việc đó được ghi "
                    "vào nhật ký). Mã niêm phong được in ở chân trang các văn bản. Niêm phong ngay?")
END_SEALED_NOW = "Đã niêm phong; in lại (F9) để mã niêm phong có ở chân trang các văn bản."
