"""The plan reader's score over tests/plan_corpus, and its speed on large texts.

    python bench/plan_reader.py            # score per field, invented values, time per document
    python bench/plan_reader.py --wrong    # also list every field read wrong
    python bench/plan_reader.py --held-out path/to/plan.txt   # score one more document (with its .json)

Prints: the share of the fields the corpus documents state that were read right, per
field and overall; every invented value (a value for a field the document does not
state); the median time to read one document; and the time to read texts of 0.5, 1
and 2 MB (the line "Thời gian: " followed by "ngày 1/1/2023 từ 7h30 " repeated, and a
real-looking plan repeated), with the ratio of medians between 2 MB and 1 MB (linear
reading gives about 2). Not a test: it prints, it does not assert.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.plan_documents import read_plan_document, read_plan_text  # noqa: E402
from tests.reader_corpus import Score, corpus_documents, expected_of, score  # noqa: E402

MB = 1_000_000


def time_runs(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def line_text(size: int) -> str:
    """The text of issue 14.5: one time line with a date and a time repeated."""
    unit = "ngày 1/1/2023 từ 7h30 "
    return "KẾ HOẠCH\nThời gian: " + unit * (size // len(unit.encode())) + "\n"


def plan_text(size: int) -> str:
    """A plan with every kind of section, repeated to the size."""
    unit = (ROOT / "tests" / "plan_corpus" / "t01-xa-dong-xuan-bac.txt").read_text(encoding="utf-8") + "\n"
    return unit * max(1, size // len(unit.encode()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list every field read wrong")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-size", action="store_true", help="skip the 0.5/1/2 MB timing")
    parser.add_argument("--held-out", type=Path, help="score this document (with its .json) apart")
    args = parser.parse_args()

    total, times = Score(), []
    documents = corpus_documents()
    for path in documents:
        result = read_plan_document(path)
        total.add(score(path.name, expected_of(path), result))
        times.append(time_runs(lambda: read_plan_document(path), args.runs))
    print(f"Kho kế hoạch: {len(documents)} văn bản ({sum(p.suffix == '.txt' for p in documents)} .txt, "
          f"{sum(p.suffix == '.docx' for p in documents)} .docx)")
    print(f"{'trường':<16}{'đúng':>6}{'/ có ghi':>10}{'tỉ lệ':>9}")
    for name in sorted(total.stated):
        right, stated = total.right.get(name, 0), total.stated[name]
        print(f"{name:<16}{right:>6}{stated:>10}{right / stated:>9.1%}")
    print(f"{'tất cả':<16}{sum(total.right.values()):>6}{sum(total.stated.values()):>10}{total.share:>9.1%}")
    print(f"Giá trị bịa (văn bản không ghi mà vẫn điền): {len(total.invented)}")
    for line in total.invented:
        print(f"  - {line}")
    if args.wrong:
        print(f"Đọc sai hoặc thiếu: {len(total.wrong)}")
        for line in total.wrong:
            print(f"  - {line}")
    print(f"Thời gian đọc một văn bản (trung vị): {statistics.median(times) * 1000:.1f} ms "
          f"(chậm nhất {max(times) * 1000:.1f} ms)")
    if args.held_out:
        result = read_plan_document(args.held_out)
        held = score(args.held_out.name, expected_of(args.held_out), result)
        print(f"Văn bản để riêng {args.held_out.name}: {sum(held.right.values())}/{sum(held.stated.values())} "
              f"= {held.share:.1%} (kho: {total.share:.1%}); bịa: {len(held.invented)}")
        for line in held.wrong + held.invented:
            print(f"  - {line}")
    if not args.no_size:
        print("Đọc văn bản lớn (trung vị):")
        for label, make in (("dòng “Thời gian” lặp", line_text), ("kế hoạch lặp lại", plan_text)):
            texts = {size: make(size) for size in (MB // 2, MB, 2 * MB)}
            samples: dict[int, list[float]] = {size: [] for size in texts}
            for _ in range(args.runs):  # interleaved, so a busy machine slows every size alike
                for size, text in texts.items():
                    start = time.perf_counter()
                    read_plan_text(text)
                    samples[size].append(time.perf_counter() - start)
            medians = {size: statistics.median(times) for size, times in samples.items()}
            for size, median in medians.items():
                print(f"  {label:<22}{size / MB:>4.1f} MB: {median:6.2f} s")
            print(f"  {label:<22}tỉ lệ 2 MB / 1 MB: {medians[2 * MB] / medians[MB]:.2f}")


if __name__ == "__main__":
    main()
