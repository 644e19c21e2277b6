"""``presidio-gliner2``: train and evaluate models, validate training data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from presidio_gliner2.cli.exits import EXIT_FAILURE, EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="presidio-gliner2", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="fine-tune a model from a YAML config (presidio_gliner2/training/configs/*.yaml)")
    train.add_argument("--config", required=True, type=Path)
    train.add_argument("--output-dir", help="override output_dir")
    train.add_argument("--max-steps", type=int, help="override max_steps")
    train.add_argument("--max-minutes", type=float, help="override max_minutes")

    evaluate = commands.add_parser("eval", help="precision/recall/F1 per label and leak rate on gold JSONL")
    evaluate.add_argument("data", nargs="+", type=Path)
    evaluate.add_argument("--model", default="default", help="'default', a checkpoint directory or a hub id")
    evaluate.add_argument("--labels", help="comma-separated model labels asked of every document, or 'all' for every label "
                               "the bundled model knows (default: each document's own annotated labels)")
    evaluate.add_argument("--descriptions", action=argparse.BooleanOptionalAction, default=True,
                          help="prompt with the labels' descriptions (when they fit the encoder)")
    evaluate.add_argument("--labels-per-prompt", type=int,
                          help="ask for the labels in groups of this size, one prompt each "
                               "(default: 8 with descriptions, 16 without, as the bundled model was trained)")
    evaluate.add_argument("--pack", help="evaluate an entity pack (name or YAML) through GLiNER2Recognizer: its labels, "
                                         "descriptions, thresholds and classifiers prompt the model")
    evaluate.add_argument("--threshold", type=float, default=0.5)
    evaluate.add_argument("--batch-size", type=int, default=8)
    evaluate.add_argument("--json", type=Path, help="also write the full report as JSON")
    evaluate.add_argument("--markdown", type=Path, help="also write the per-type table as Markdown (model cards)")

    validate = commands.add_parser("validate", help="check training JSONL: report unalignable mentions by line")
    validate.add_argument("data", nargs="+", type=Path)

    from presidio_gliner2.server.serve import add_serve_parser, run as _serve  # light: FastAPI loads in run()

    add_serve_parser(commands)

    from presidio_gliner2.cli.redact import add_parsers as add_redact_parsers, run_analyze, run_redact

    add_redact_parsers(commands)

    args = parser.parse_args(argv)
    try:
        return {"train": _train, "eval": _eval, "validate": _validate, "serve": _serve,
                "redact": run_redact, "analyze": run_analyze}[args.command](args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE


def _train(args) -> int:
    from presidio_gliner2.training.trainer import TrainConfig, Trainer

    config = TrainConfig.from_yaml(args.config, output_dir=args.output_dir, max_steps=args.max_steps,
                                   max_minutes=args.max_minutes)
    best = Trainer(config).train()
    print(f"best checkpoint: {best}")
    return EXIT_OK


def _eval(args) -> int:
    from presidio_gliner2 import GLiNER2
    from presidio_gliner2.training.data import read_jsonl
    from presidio_gliner2.training.evaluation import evaluate_model, markdown_report
    from presidio_gliner2.training.labels import PII_LABELS

    records = [record for path in args.data for _, record in read_jsonl(path)]
    if args.pack:
        return _eval_pack(args, records)
    schema = None  # each document is asked for the labels it is annotated for
    if args.labels:
        labels = ([label.strip() for label in args.labels.split(",") if label.strip()]
                  if args.labels != "all" else list(PII_LABELS))
        schema = {l: (PII_LABELS[l].description if args.descriptions and l in PII_LABELS else None) for l in labels}
    group = args.labels_per_prompt if args.labels_per_prompt is not None else (8 if args.descriptions else 16)
    if group < 1:
        raise ValueError("--labels-per-prompt must be at least 1")
    model = GLiNER2.from_pretrained(args.model)
    report = evaluate_model(model, records, schema, threshold=args.threshold, batch_size=args.batch_size,
                            labels_per_prompt=group, descriptions=args.descriptions,
                            known_descriptions={name: label.description for name, label in PII_LABELS.items()}).to_dict()
    print(format_report(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    if args.markdown:
        args.markdown.write_text(markdown_report(report) + "\n")
    return EXIT_OK


def _eval_pack(args, records) -> int:
    from presidio_gliner2 import GLiNER2Recognizer
    from presidio_gliner2.plugin.pack_eval import evaluate_pack

    recognizer = GLiNER2Recognizer(model=args.model, entities=args.pack, threshold=args.threshold,
                                   batch_size=args.batch_size)
    report = evaluate_pack(recognizer, records)
    print(f"pack: {report['pack']} (gold labels it does not ask for, left out: "
          f"{', '.join(report['excluded_gold_labels']) or 'none'})")
    print(format_report(report))
    if "document_type" in report:
        print(f"document_type accuracy: {report['document_type']['accuracy']:.3f} "
              f"on {report['document_type']['documents']} documents whose type the pack lists")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return EXIT_OK


def format_report(report: dict) -> str:
    lines = [f"documents: {report['documents']}", "",
             f"{'label':32} {'support':>7} {'P':>6} {'R':>6} {'F1':>6}   {'P~':>6} {'R~':>6} {'F1~':>6}"]
    for label, scores in report["per_label"].items():
        exact, overlap = scores["exact"], scores["overlap"]
        lines.append(f"{label:32} {exact['support']:7d} {exact['precision']:6.3f} {exact['recall']:6.3f} "
                     f"{exact['f1']:6.3f}   {overlap['precision']:6.3f} {overlap['recall']:6.3f} {overlap['f1']:6.3f}")
    for name in ("micro", "type_agnostic"):
        exact, overlap = report[name]["exact"], report[name]["overlap"]
        lines.append(f"{name:32} {exact['support']:7d} {exact['precision']:6.3f} {exact['recall']:6.3f} "
                     f"{exact['f1']:6.3f}   {overlap['precision']:6.3f} {overlap['recall']:6.3f} {overlap['f1']:6.3f}")
    lines += ["", "exact boundaries: P R F1; any overlap: P~ R~ F1~",
              f"leak rate (gold PII characters not covered by any prediction): {report['leak_rate']:.4f}"]
    return "\n".join(lines)


def _validate(args) -> int:
    from presidio_gliner2.training.data import validate_file

    problems = [problem for path in args.data for problem in validate_file(path)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILURE if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
