"""The live screen's actions in the command palette (Ctrl+P), with Vietnamese names.
Only the actions possible right now are offered (the screen's `check_action`)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

#: (action, name in the palette, help line)
COMMANDS = [
    ("start", "Bắt đầu hội nghị", "Ghi giờ bắt đầu thực tế và mở bước đầu của chương trình"),
    ("register", "Đăng ký phát biểu", "Thêm người đăng ký phát biểu (F2)"),
    ("call_next", "Mời người tiếp theo", "Mời người đăng ký kế tiếp theo thứ tự (F3)"),
    ("call_selected", "Mời người đang chọn", "Mời người đang chọn trong hàng chờ, ngoài thứ tự (Ctrl+G)"),
    ("absent", "Đánh dấu vắng mặt", "Người đang được mời không có mặt; có thể mời lại sau (F4)"),
    ("finish", "Kết thúc lượt phát biểu", "Người đang phát biểu đã nói xong (F5)"),
    ("record", "Ghi ý kiến", "Lưu ý kiến đang gõ (F6)"),
    ("answer", "Ghi trả lời", "Ghi trả lời cho ý kiến đang chọn (F7)"),
    ("slip", "Ghi phiếu ý kiến", "Ý kiến viết trên phiếu, không phát biểu (F8)"),
    ("followup", "Ý kiến tiếp theo sau trả lời", "Ý kiến đang gõ là ý kiến tiếp của ý kiến đang chọn (F9)"),
    ("pick_field", "Chọn lĩnh vực", "Lĩnh vực của ý kiến đang gõ (Ctrl+L)"),
    ("edit_opinion", "Sửa ý kiến", "Mở ý kiến đang chọn để sửa (Ctrl+O)"),
    ("filter", "Lọc ý kiến chưa trả lời", "Lọc danh sách ý kiến theo lĩnh vực (Ctrl+F)"),
    ("next_step", "Chuyển bước tiếp theo", "Kết thúc bước hiện tại của chương trình, sang bước sau (Ctrl+N)"),
    ("previous_step", "Quay lại bước trước", "Lỡ chuyển bước: trở lại bước trước (Ctrl+B)"),
    ("end_meeting", "Kết thúc hội nghị", "Ghi giờ kết thúc hội nghị (Ctrl+T)"),
    ("view_plan", "Xem kế hoạch", "Kế hoạch và chương trình hội nghị (chỉ xem)"),
    ("leave", "Về danh sách hội nghị", "Rời màn hình này; mọi thứ đã được lưu"),
]


class LiveCommands(Provider):
    def _available(self):
        screen = self.screen
        for action, name, help_text in COMMANDS:
            if screen.check_action(action, ()):
                yield name, help_text, partial(screen.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._available():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._available():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
