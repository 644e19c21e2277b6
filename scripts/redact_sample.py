"""The main job, offline: redact a sample clinical note with the bundled model.

Prints what was found (label, offsets, score; never the values) and the redacted text.
Run with `make demo`.
"""

from __future__ import annotations

import sys
import time

from presidio_gliner2 import GLiNER2
from presidio_gliner2.training.labels import PII_LABELS

SAMPLE = """Mercy General Hospital - Emergency Department
Patient: Jonathan Q. Reyes    DOB: 04/17/1961    MRN: 00731942
SSN 512-44-8391. Seen 11/02/2025 by Dr. Priya Natarajan.
Pt is a 64 yo male c/o chest pain x2 days, hx of type 2 diabetes on metformin 500 mg BID.
Lives at 418 Willow Creek Rd, Dayton, OH 45402. Daughter Maria Reyes can be reached at
(937) 555-0142 or maria.reyes@example.com. Insurance member ID WX-88213-07.
Plan: troponin q6h, f/u with cardiology in 2 weeks.
"""

LABELS = [
    "person", "date of birth", "date", "medical record number", "social security number", "street address",
    "phone number", "email address", "health plan beneficiary number", "age", "organization",
]


def redact(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, cursor = [], 0
    for start, end, label in sorted(spans):
        if start < cursor:  # overlapping finding: the earlier replacement already covers it
            start = cursor
            if start >= end:
                continue
        out += [text[cursor:start], f"<{label.upper().replace(' ', '_')}>"]
        cursor = end
    return "".join(out + [text[cursor:]])


def main() -> int:
    started = time.perf_counter()
    model = GLiNER2.from_pretrained("default")
    loaded = time.perf_counter()
    schema = {label: PII_LABELS[label].description for label in LABELS}
    result = model.extract_entities(SAMPLE, schema, include_spans=True, include_confidence=True, threshold=0.5)
    done = time.perf_counter()
    spans = []
    print(f"bundled model loaded in {loaded - started:.2f}s; analyzed {len(SAMPLE)} characters in {done - loaded:.2f}s\n")
    print("found:")
    for label, items in result["entities"].items():
        for item in items:
            spans.append((item["start"], item["end"], label))
            print(f"  {label:32} [{item['start']:4d}:{item['end']:4d}]  score {item['confidence']:.2f}")
    print("\nredacted:\n")
    print(redact(SAMPLE, spans))
    return 0


if __name__ == "__main__":
    sys.exit(main())
