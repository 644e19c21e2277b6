"""Does a name deep in a long document still get found? (issue 11: "quality under length")

Plants one sentence with a name, a date and a phone number after N words of filler (clinical
prose, not a repeated token), for several N, and reports for each window size whether the model
alone finds each value exactly, partly or not at all. Run after training; prints a Markdown table.

    python bench/length_probe.py [--model default] [--windows 384,160]
"""

from __future__ import annotations

import argparse
import random

FILLER = ("The patient rested comfortably overnight and vital signs remained stable. Pain was controlled "
          "with oral medication and the wound dressing was clean and dry. Diet was advanced as tolerated "
          "and ambulation improved with physical therapy. Labs were reviewed with the team this morning. ").split()
PLANTED = "Her daughter Maria Lopez called on 03/14/2024 from 617-555-0142 to ask about discharge."
VALUES = {"person": "Maria Lopez", "date": "03/14/2024", "phone number": "617-555-0142"}
DEPTHS = (0, 100, 250, 350, 450, 1000, 2000, 5000)


def document(depth: int, seed: int = 0) -> tuple[str, dict[str, tuple[int, int]]]:
    rng = random.Random(seed + depth)
    words = [FILLER[(i + rng.randrange(3)) % len(FILLER)] for i in range(depth)]
    head = " ".join(words) + (" " if words else "")
    text = head + PLANTED + " " + " ".join(FILLER[:40])
    spans = {label: (text.index(value), text.index(value) + len(value)) for label, value in VALUES.items()}
    return text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default")
    parser.add_argument("--windows", default="384,160", help="comma-separated window sizes in words")
    args = parser.parse_args()
    from presidio_gliner2.engine.api import GLiNER2

    model = GLiNER2.from_pretrained(args.model).eval()
    sizes = [int(w) for w in args.windows.split(",")]
    print("| words before | " + " | ".join(f"window {w}" for w in sizes) + " |")
    print("|---:|" + "---|" * len(sizes))
    for depth in DEPTHS:
        text, spans = document(depth)
        cells = []
        for size in sizes:
            model.set_window(size, min(64, size // 4))
            found = model.extract_entities(text, list(VALUES), include_spans=True)["entities"]
            marks = []
            for label, (start, end) in spans.items():
                hits = [(i["start"], i["end"]) for i in found.get(label, [])]
                marks.append("exact" if (start, end) in hits else
                             "part" if any(s < end and start < e for s, e in hits) else "missed")
            cells.append(", ".join(f"{label.split()[0]} {mark}" for label, mark in zip(spans, marks)))
        print(f"| {depth} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
