"""``presidio-gliner2``: train and evaluate models, validate training data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from presidio_gliner2.cli.exits import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK


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
    evaluate.add_argument("--wording", type=Path,
                          help="YAML mapping each gold label to {label, description}: ask for the labels in these "
                               "words instead of the set's own (the model alone, with wording it was not trained on; "
                               "with --configs, an extra model:unseen-wording row)")
    evaluate.add_argument("--threshold", type=float, default=0.5,
                          help="the model's threshold (with --configs: the model-alone rows'; the configs keep their packs')")
    evaluate.add_argument("--batch-size", type=int, default=8)
    evaluate.add_argument("--configs", help="dev benchmark: comma-separated deployment configs scored through the "
                                          "Presidio pipeline, next to stock Presidio + spaCy and the model alone, "
                                          "one row per input file (a set) and system")
    evaluate.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True,
                          help="with --configs: also score stock Presidio with spaCy's small model (default: yes)")
    evaluate.add_argument("--classes", action="store_true",
                          help="with --configs: also score each config with its document classifiers in the same "
                               "pass, as redact runs it (rows config:<name>+classes)")
    evaluate.add_argument("--json", type=Path, help="also write the full report as JSON")
    evaluate.add_argument("--markdown", type=Path, help="also write the per-type table as Markdown (model cards)")

    calibrate = commands.add_parser("calibrate", help="choose per-label thresholds of a pack on a dev set for recall "
                                                      "(F2, or a recall floor) and write the calibrated pack")
    calibrate.add_argument("data", nargs="+", type=Path, help="gold JSONL (.jsonl or .jsonl.gz) the team did not train on")
    calibrate.add_argument("--pack", required=True, help="pack name or YAML to calibrate")
    calibrate.add_argument("--model", default="default", help="'default', a checkpoint directory or a hub id")
    calibrate.add_argument("--recall-floor", type=float, help="the highest threshold whose recall reaches this "
                                                              "(default: the threshold with the best F2)")
    calibrate.add_argument("--tolerance", type=float, default=None,
                           help="F2 below the best that a lower threshold may score and still be chosen "
                                "(default 0.005: recall first on the plateaus a dev set leaves)")
    calibrate.add_argument("--no-descriptions", action="store_true",
                           help="prompt with label names only, as a config with label_descriptions: false does "
                                "(the shipped configs): thresholds must be chosen on the prompt they will serve")
    calibrate.add_argument("--no-classifiers", action="store_true",
                           help="leave the pack's document classifiers out of the pass (as classifiers: false does)")
    where = calibrate.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="write the calibrated pack here (a new YAML file)")
    where.add_argument("--in-place", action="store_true",
                       help="set the thresholds in the pack file itself, keeping its comments and order")

    validate = commands.add_parser("validate", help="check training JSONL: report unalignable mentions by line")
    validate.add_argument("data", nargs="+", type=Path)

    from presidio_gliner2.server.serve import add_serve_parser, run as _serve  # light: FastAPI loads in run()

    add_serve_parser(commands)

    from presidio_gliner2.cli.redact import add_parsers as add_redact_parsers, run_analyze, run_redact

    add_redact_parsers(commands)

    args = parser.parse_args(argv)
    try:
        return {"train": _train, "eval": _eval, "calibrate": _calibrate, "validate": _validate, "serve": _serve,
                "redact": run_redact, "analyze": run_analyze}[args.command](args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:  # Ctrl-C outside a file loop (e.g. while the model loads): no traceback
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


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

    wording = None
    if args.wording:
        from presidio_gliner2.training.wording import load_wording, reword

        if args.labels or args.pack:
            raise ValueError("--wording asks each document for its own gold labels in other words; it does not "
                             "combine with --labels or --pack")
        wording = load_wording(args.wording)
    if args.configs:
        return _benchmark(args, wording)
    records = [record for path in args.data for _, record in read_jsonl(path)]
    if wording:
        records = reword(records, wording)
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


def _benchmark(args, wording=None) -> int:
    from presidio_gliner2.redaction import benchmark

    configs = [name.strip() for name in args.configs.split(",") if name.strip()]
    rows = benchmark.run(args.data, configs, baseline=args.baseline, model=args.model, wording=wording, classes=args.classes,
                         model_threshold=args.threshold,
                         progress=lambda row: print(f"{row.dataset:28} {row.system:22} F2 {row.f2:.3f} "
                                                    f"leak {row.leak_rate:.3f}", file=sys.stderr))
    table = benchmark.markdown(rows)
    print(table)
    if args.json:
        args.json.write_text(json.dumps([row.to_dict() for row in rows], indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(table + "\n")
    return EXIT_OK


def format_report(report: dict) -> str:
    from presidio_gliner2.redaction.benchmark import f_beta

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
    agnostic = report["type_agnostic"]["overlap"]
    lines += ["", "exact boundaries: P R F1; any overlap: P~ R~ F1~",
              f"type-agnostic F2 (any overlap): {f_beta(agnostic['precision'], agnostic['recall']):.4f}",
              f"leak rate (gold PII characters not covered by any prediction): {report['leak_rate']:.4f}"]
    return "\n".join(lines)


def _calibrate(args) -> int:
    import yaml

    from presidio_gliner2.engine.inputs import check_unit_interval
    from presidio_gliner2.plugin.calibration import TOLERANCE, calibrate, write_thresholds
    from presidio_gliner2.plugin.packs import load_pack
    from presidio_gliner2.training.data import read_training_jsonl

    if args.recall_floor is not None:
        check_unit_interval(args.recall_floor, "--recall-floor")
    pack = load_pack(args.pack)  # before the model loads: a bad name fails fast
    records = [record for path in args.data for _, record in read_training_jsonl(path)]
    tolerance = TOLERANCE if args.tolerance is None else args.tolerance
    calibrated, table = calibrate(args.model, pack, records, recall_floor=args.recall_floor,
                                  label_descriptions=not args.no_descriptions, classifiers=not args.no_classifiers,
                                  tolerance=tolerance)
    print(f"{'label':40} {'entity':28} {'support':>7} {'cands':>6} {'thr':>5} {'P':>6} {'R':>6} {'F2':>6}")
    for row in table:
        thr = "keep" if row.threshold is None else f"{row.threshold:.2f}"
        print(f"{row.label:40} {row.entity:28} {row.support:7d} {row.candidates:6d} {thr:>5} "
              f"{row.precision:6.3f} {row.recall:6.3f} {row.f2:6.3f}")
    if args.in_place:
        if pack.source is None:
            raise ValueError("--in-place needs a pack file (a shipped name or a path), not an inline pack")
        path = Path(pack.source)
        chosen = {row.label: row.threshold for row in table if row.threshold is not None}
        path.write_text(write_thresholds(path.read_text(encoding="utf-8"), chosen), encoding="utf-8")
    else:
        path = args.out
        objective = (f"recall >= {args.recall_floor}" if args.recall_floor is not None
                     else f"lowest threshold within {tolerance} of the best F2")
        prompt = ", ".join(p for p, off in (("label names only", args.no_descriptions),
                                            ("no classifiers", args.no_classifiers)) if off) or "as configured"
        header = (f"# Calibrated by `presidio-gliner2 calibrate` ({objective}; prompt: {prompt}) on "
                  f"{', '.join(p.name for p in args.data)}, model {args.model}.\n")
        path.write_text(header + yaml.safe_dump(calibrated.to_dict(), sort_keys=False, allow_unicode=True))
    print(f"calibrated pack written to {path}", file=sys.stderr)
    return EXIT_OK


def _validate(args) -> int:
    from presidio_gliner2.training.data import validate_file

    problems = [problem for path in args.data for problem in validate_file(path)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILURE if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
