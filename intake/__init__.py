"""What the secretary brings: plan files (TOML), plan documents (.docx/.txt),
before-meeting sheets (CSV/XLSX), and strict parsing of typed values.

Imports `db` only; never textual, rich or reportlab, and never `reports`.
"""
