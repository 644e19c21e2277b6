"""The main job, offline: redact a sample clinical note on the bundled model.

Presidio's AnalyzerEngine (GLiNER2 with the healthcare pack, plus Presidio's checksum and
pattern recognizers) and AnonymizerEngine, through `presidio_gliner2.Redactor`. Prints what
was found (type, offsets, score, recognizer; never the values), the document classes and the
redacted text. Run with `make demo`; `python scripts/redact_sample.py --policy surrogates
--surrogate-key KEY` shows the note with realistic fakes and shifted dates instead of placeholders.
"""

from __future__ import annotations

import argparse
import sys
import time

from presidio_gliner2 import Redactor

SAMPLE = """Mercy General Hospital - Emergency Department
Patient: Jonathan Q. Reyes    DOB: 04/17/1961    MRN: 00731942
SSN 512-44-8391. Seen 11/02/2025 by Dr. Priya Natarajan.
Pt is a 64 yo male c/o chest pain x2 days, hx of type 2 diabetes on metformin 500 mg BID.
Lives at 418 Willow Creek Rd, Dayton, OH 45402. Daughter Maria Reyes can be reached at
(937) 555-0142 or maria.reyes@example.com. Insurance member ID WX-88213-07.
Plan: troponin q6h, f/u with cardiology in 2 weeks. Mr. Reyes agrees with the plan.
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", help="a shipped policy, e.g. surrogates (default: numbered pseudonyms)")
    parser.add_argument("--surrogate-key", help="key for surrogates: the same fakes on every run")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.policy:
        redactor = Redactor(config="healthcare", policy=args.policy, surrogate_key=args.surrogate_key)
    else:
        redactor = Redactor(config="healthcare", pseudonyms=True)
    result = redactor.redact(SAMPLE)  # the first call loads the model and spaCy
    loaded = time.perf_counter()
    result = redactor.redact(SAMPLE)
    done = time.perf_counter()
    print(f"healthcare config on the bundled model: set up and first call {loaded - started:.1f}s, "
          f"then {done - loaded:.2f}s for {len(SAMPLE)} characters\n")
    print("found:")
    for finding in sorted(result.findings, key=lambda f: f["start"]):
        origin = finding.get("model_label") or finding.get("recognizer", "")
        print(f"  {finding['entity_type']:32} [{finding['start']:4d}:{finding['end']:4d}]  "
              f"score {finding['score']:.2f}  {origin}")
    print("\ndocument classes:")
    for task, labels in (result.document_classes or {}).items():
        print(f"  {task}: " + ", ".join(f"{item['label']} ({item['score']:.2f})" for item in labels))
    print("\nredacted:\n")
    print(result.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
