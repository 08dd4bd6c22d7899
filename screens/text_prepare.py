"""UI strings (Vietnamese) for preparing a meeting: the meeting form, the plan file,
the opinions gathered beforehand. Kept apart from text.py so the live screen's
wording and this stay easy to review separately."""

from db.fields import MEETING, SECRETARY

# -- the meeting list: keys --
KEY_NEW = "Tạo"
KEY_EDIT = "Sửa"
KEY_COPY = "Chép"
KEY_SAVE_PLAN = "Ghi tệp"
KEY_BEFORE = "Ý kiến trước"
KEY_READ_DOCUMENT = "Đọc văn bản"

# -- the meeting form --
FORM_NEW = "Tạo hội nghị mới"
FORM_EDIT = "Sửa kế hoạch hội nghị số {id}"
FORM_COPY = "Hội nghị mới, chép từ hội nghị số {id} (chỉ kế hoạch, không chép người đăng ký và ý kiến)"
FORM_FROM_DOCUMENT = "Hội nghị mới, đọc từ văn bản {source}"
FORM_HELP = "Tab/Enter: ô sau · *: bắt buộc · trong danh sách: ctrl+n thêm, ctrl+r xóa, ctrl+↑↓ đổi chỗ"
SECTION_DETAILS = MEETING.label
SECTION_SECRETARY = SECRETARY.label
SECTION_PROGRAMME_HELP = "ctrl+t: đánh dấu bước Nhân dân phát biểu, đối thoại (chỉ một bước)"
SECTION_REPORT = ("Đọc từ văn bản: đối chiếu từng mục; {n} mục chưa tìm thấy hoặc chưa chắc "
                  "được ghi chú màu vàng ngay dưới ô cần điền")
REPORT_DETAILS = "Chi tiết: mục nào lấy từ dòng nào của văn bản"

#: The meeting's and the secretary's labels, as db.fields declares them.
LABELS = {spec.key: spec.label for spec in MEETING.specs} | {
    f"secretary.{spec.key}": spec.label for spec in SECRETARY.specs}
#: Placeholders of the form's lists, by (list, key); the columns' names come from db.fields.
ROW_PLACEHOLDERS = {
    ("chairs", "name"): "Họ và tên", ("chairs", "title"): "ví dụ: Chủ tịch UBND xã",
    ("attendance", "group"): "ví dụ: Nhân dân các thôn …", ("programme", "content"): "nội dung bước",
    ("delegates", "name"): "Họ và tên", ("delegates", "title"): "ví dụ: Phó Chủ tịch UBND huyện",
    ("officials", "name"): "Họ và tên", ("officials", "title"): "ví dụ: Công chức Địa chính - Xây dựng",
    ("notice_recipients", "text"): "ví dụ: Thường trực Đảng ủy xã (b/c)",
    ("minutes_recipients", "text"): "ví dụ: Lưu: VT, Hồ sơ",
    ("timeline", "task"): "ví dụ: Ra thông báo kết luận", ("timeline", "due"): "dd/mm/yyyy",
}
PLACEHOLDERS = {
    "title": "ví dụ: Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân …",
    "organisation": "Ủy ban nhân dân xã …", "parent": "(không bắt buộc)",
    "place_name": "ví dụ: Kè Sắt", "venue": "Hội trường UBND xã …",
    "date": "dd/mm/yyyy", "start": "HH:MM", "end": "HH:MM",
}
PLACEHOLDERS_SECRETARY = {"name": "người ghi biên bản", "title": "(không bắt buộc)"}
HINTS = {"date": "ví dụ 18/06/2026", "start": "ví dụ 07:30", "end": "không bắt buộc",
         "speaking_limit_minutes": "phút"}
COL_NUMBER = "TT"
ROWS_EMPTY = "(chưa có dòng nào — ctrl+n để thêm)"
DIALOGUE_MARK = "đối thoại"
FLAG_LABEL = "Bước đối thoại"

KEY_SAVE = "Lưu"
KEY_CANCEL = "Quay lại"
KEY_ADD_ROW = "Thêm dòng"
KEY_REMOVE_ROW = "Xóa dòng"
KEY_MOVE_UP = "Lên"
KEY_MOVE_DOWN = "Xuống"
KEY_DIALOGUE_STEP = "Bước đối thoại"

FORM_INVALID = "Chưa lưu: còn {n} chỗ cần sửa (dòng chữ đỏ dưới ô)."
FORM_SAVED_NEW = "Đã tạo hội nghị số {id}."
FORM_SAVED_EDIT = "Đã lưu kế hoạch hội nghị số {id}."
FORM_UNSAVED = "Còn thay đổi chưa lưu: nhấn Esc lần nữa để bỏ, hoặc ctrl+s để lưu."
FORM_NOT_PLANNED = "Hội nghị số {id} đã bắt đầu; không sửa kế hoạch được nữa (có thể sao chép)."

# -- a path to read or write --
PATH_SAVE_PLAN = "Ghi kế hoạch hội nghị số {id} ra tệp (.toml)"
PATH_READ_BEFORE = "Nhập ý kiến trước hội nghị từ tệp CSV hoặc Excel (.xlsx)"
PATH_READ_DOCUMENT = "Đọc kế hoạch từ văn bản (.docx hoặc .txt)"
PATH_HELP = "Gõ đường dẫn tệp (→ để nhận gợi ý) · Enter: đồng ý · Esc: hủy"
PATH_EMPTY = "Chưa nhập đường dẫn."
PATH_MISSING = "Không có tệp {path}."
PATH_IS_DIR = "{path} là thư mục, không phải tệp."
PATH_NO_DIR = "Không có thư mục {path}."
PATH_EXISTS = "Tệp {path} đã có: nhấn Enter lần nữa để ghi đè."
PLAN_WRITTEN = "Đã ghi kế hoạch vào {path}"
PLAN_WRITE_FAILED = "Không ghi được {path}: {reason}"
KEY_OK = "Đồng ý"

# -- opinions gathered before the meeting --
BEFORE_TITLE = "Ý kiến trước hội nghị — hội nghị số {id}: {title}"
BEFORE_EMPTY = "Chưa có ý kiến nào. Nhấn i để nhập từ tệp CSV/Excel, a để gõ từng ý kiến."
BEFORE_COUNT = "{n} ý kiến trước hội nghị, {answered} đã có trả lời."
KEY_BEFORE_ADD = "Gõ thêm ý kiến"
KEY_BEFORE_IMPORT = "Nhập từ tệp"
COL_NO = "Số"
COL_AUTHOR = "Người viết"
COL_ADDRESS = "Địa chỉ"
COL_FIELD_SHORT = "Lĩnh vực"
COL_OPINION = "Nội dung"
COL_OUTCOME = "Kết quả"
COL_KEY = "STT"
BEFORE_IMPORTED = "Đã nhập {inserted} ý kiến; {skipped} ý kiến đã có từ trước, bỏ qua."
BEFORE_NOTHING = "Không có dòng nào nhập được."

PREVIEW_TITLE = "Xem trước: {source} ({detail})"
PREVIEW_COLUMNS = "Các cột đã hiểu (tiêu đề ở dòng {row})"
PREVIEW_COL_COLUMN = "Cột"
PREVIEW_COL_HEADER = "Tiêu đề trong tệp"
PREVIEW_COL_AS = "Hiểu là"
PREVIEW_IGNORED = "bỏ qua — {note}"
PREVIEW_ROWS = "Các dòng nhập được: {new} mới, {existing} đã có (sẽ bỏ qua)"
PREVIEW_COL_ROW = "Dòng"
PREVIEW_COL_STATE = "Tình trạng"
PREVIEW_STATE_NEW = "mới"
PREVIEW_STATE_EXISTING = "đã có"
PREVIEW_PROBLEMS = "Các dòng không đọc được: {n} (sửa trong tệp rồi nhập lại; các dòng khác vẫn nhập được)"
PREVIEW_NO_PROBLEMS = "Không có dòng lỗi."
PREVIEW_ROW_PROBLEM = "Dòng {row}: {message}"
PREVIEW_FILE_PROBLEM = "{message}"
KEY_IMPORT = "Nhập {n} ý kiến"
KEY_IMPORT_NONE = "Không có gì để nhập"

TYPED_TITLE = "Gõ một ý kiến trước hội nghị"
TYPED_LABELS = {
    "author": "Người viết phiếu", "address": "Địa chỉ (thôn, xóm)", "field": "Lĩnh vực",
    "content": "Nội dung ý kiến *", "answered_by": "Người trả lời", "answer": "Nội dung trả lời",
    "outcome": "Kết quả", "agency": "Cơ quan được giao", "deadline": "Thời hạn (dd/mm/yyyy)",
}
TYPED_NO_FIELD = "(chưa phân loại)"
TYPED_NO_OUTCOME = "(chưa trả lời)"
TYPED_SAVED = "Đã thêm một ý kiến trước hội nghị."
TYPED_DUPLICATE = "Ý kiến này (cùng người, cùng nội dung) đã có; không thêm lần nữa."

KEY_IMPORT_ROWS = "Nhập các dòng mới"
