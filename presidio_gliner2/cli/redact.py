"""``presidio-gliner2 redact`` and ``presidio-gliner2 analyze``.

redact: .txt, .jsonl and .csv files (``redaction/documents.py`` reads, redacts and writes them,
each output complete or absent). One JSON report lists positions, entity types, scores and
operators of every finding per record, never a value.

analyze: Presidio-style JSON results for one text (argument, --file or stdin).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

from presidio_gliner2.cli.exits import EXIT_CODES, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from presidio_gliner2.engine.backends import BACKENDS
from presidio_gliner2.resources import load_yaml
from presidio_gliner2.redaction.documents import FORMATS, read_text, redact_file, write_atomic
from presidio_gliner2.redaction.operators import CATALOGUE, offered
REPORT_NAME = "redaction-report.json"


class UsageError(Exception):
    """Bad command line: exit code 2, nothing written."""


def add_parsers(commands) -> None:
    """Register the ``redact`` and ``analyze`` subcommands on cli.py's subparsers."""
    formatter = argparse.RawDescriptionHelpFormatter
    redact = commands.add_parser(
        "redact", help="write redacted copies of .txt/.jsonl/.csv files and a findings report",
        description="Redact PII in .txt, .jsonl and .csv files with a GLiNER2 + Presidio analyzer.",
        epilog=EXIT_CODES, formatter_class=formatter)
    redact.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _analyzer_options(redact)
    redact.add_argument("--out-dir", type=Path, help="write copies here (same file names); default: next to "
                                                     "each input as NAME.redacted.EXT")
    redact.add_argument("--overwrite", action="store_true", help="replace existing output files")
    redact.add_argument("--report", type=Path, help=f"findings report (JSON, no values); default: {REPORT_NAME} "
                                                    "in --out-dir, else next to the first input")
    redact.add_argument("--text-field", default="text", help="the field of each .jsonl record to redact (default: text)")
    redact.add_argument("--columns", help="comma-separated .csv columns to redact (default: every column)")
    redact.add_argument("--operator", default="replace", choices=[op.name for op in offered()],
                        help="operator for every entity type: " + "; ".join(op.menu for op in offered())
                             + " (default: replace)")
    redact.add_argument("--operators", type=Path, metavar="YAML",
                        help="per-entity operators: a YAML mapping ENTITY|DEFAULT -> {type: ..., params}")
    redact.add_argument("--pseudonyms", action="store_true",
                        help="numbered placeholders (<PERSON_1>), consistent within each document")
    redact.add_argument("--policy", help="operators per document class: a shipped policy name "
                                         "(by_document_type, surrogates) or a YAML file")
    redact.add_argument("--salt", help="salt for --operator hash (at least 16 bytes; default: random per value)")
    redact.add_argument("--key", help="AES key for --operator encrypt (16, 24 or 32 characters); "
                                      "prefer $PRESIDIO_GLINER2_KEY so it stays out of shell history")
    redact.add_argument("--surrogate-key", help="key for surrogate and date_shift (at least 16 characters): the "
                                                "same fake and the same date shift in every document (one key per "
                                                "patient); prefer $PRESIDIO_GLINER2_SURROGATE_KEY; default: new per document")
    redact.add_argument("--max-shift-days", type=int, default=365,
                        help="--operator date_shift/surrogate move dates by up to N days either way (default: 365)")
    redact.add_argument("--mask-char", default="*", help="character for --operator mask (default: *)")
    redact.add_argument("--keep-last", type=int, default=0, help="--operator mask keeps the last N letters/digits")
    redact.add_argument("--no-progress", action="store_true", help="no progress bar")

    analyze = commands.add_parser(
        "analyze", help="print Presidio-style JSON results for one text",
        description="Analyze one text and print Presidio-style JSON (entity_type, start, end, score).",
        epilog=EXIT_CODES, formatter_class=formatter)
    analyze.add_argument("text", nargs="?", help="the text ('-' or nothing with no --file: read stdin)")
    analyze.add_argument("--file", type=Path, help="analyze this UTF-8 text file instead")
    _analyzer_options(analyze)
    analyze.add_argument("--explain", action="store_true", help="include analysis_explanation")
    analyze.add_argument("--classify", action="store_true",
                         help='print {"results": [...], "document_classes": {...}} instead of the bare list')


def _analyzer_options(parser) -> None:
    parser.add_argument("--config", default="general",
                        help="deployment config: general, healthcare, finance or a YAML path (default: general)")
    parser.add_argument("--model", help="override the GLiNER2 model of the config (a checkpoint directory)")
    parser.add_argument("--backend", choices=BACKENDS,
                        help="where the GLiNER2 encoder runs (default: the config's, else $PRESIDIO_GLINER2_BACKEND, "
                             "else torch); the onnx ones need pip install 'presidio-gliner2[onnx]'")
    parser.add_argument("--entities", help="comma-separated entity types (default: every one the config supports)")
    parser.add_argument("--score-threshold", type=float, help="minimum score for every result")
    parser.add_argument("--language", default="en")


# ------------------------------------------------------------------------------------ redact

def run_redact(args) -> int:
    try:
        _check_analyzer_options(args)
        jobs = _plan(args)
        operators = _operators(args)
    except UsageError as exc:
        print(f"usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        redactor = _redactor(args, operators)
    except Exception as exc:  # noqa: BLE001 - any failure to build the analyzer fails the run
        print(f"error: could not build the analyzer: {_describe(exc)}", file=sys.stderr)
        return EXIT_FAILURE

    files, totals, failed, interrupted = [], Counter(), 0, False
    for source, target, fmt in jobs:
        entry = {"input": str(source), "output": str(target), "format": fmt}
        try:
            records = redact_file(redactor, source, target, fmt, text_field=args.text_field,
                                  columns=_split(args.columns), progress=not args.no_progress)
        except KeyboardInterrupt:  # Ctrl-C: this file has no output (written whole or not at all)
            interrupted = True
            failed += 1
            files.append({**entry, "status": "interrupted", "output": None})
            break
        except Exception as exc:  # noqa: BLE001 - report, keep going, exit 1
            failed += 1
            entry.update(status="failed", error=_describe(exc), output=None)
            print(f"error: {source}: {_describe(exc)}", file=sys.stderr)
        else:
            counts = Counter(f["entity_type"] for r in records for f in r["findings"])
            totals.update(counts)
            entry.update(status="ok", records=records, entity_counts=dict(sorted(counts.items())))
        files.append(entry)

    report_path = args.report or ((args.out_dir or jobs[0][0].parent) / REPORT_NAME)
    report = {"config": str(args.config), "model": args.model, "files": files, "interrupted": interrupted,
              "totals": {"files": len(files), "failed": failed, "entity_counts": dict(sorted(totals.items())),
                         "findings": sum(totals.values())}}
    try:
        write_atomic(report_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        print(f"error: could not write the report {report_path}: {_describe(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    _print_summary(totals, files, failed, report_path)
    if interrupted:
        print(f"interrupted: {len(jobs) - len(files)} file(s) not started; the report lists what was finished",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILURE if failed else EXIT_OK


def _check_analyzer_options(args) -> None:
    """Usage errors found before the model loads (exit 2, nothing written): the config, the policy
    and the threshold must exist and make sense, key and salt must be usable."""
    from presidio_gliner2.resources import resolve

    for kind, value, flag in (("config", args.config, "--config"), ("policy", getattr(args, "policy", None), "--policy")):
        if value is not None:
            try:
                resolve(kind, value)
            except (FileNotFoundError, ValueError) as exc:
                raise UsageError(f"{flag}: {exc}") from None
    _check_entities(args)
    if args.score_threshold is not None and not 0.0 <= args.score_threshold <= 1.0:
        raise UsageError(f"--score-threshold must be in [0, 1], got {args.score_threshold}")
    if getattr(args, "salt", None) is not None and len(args.salt.encode()) < 16:
        raise UsageError("--salt must be at least 16 bytes: a short salt makes the hashes guessable")
    if getattr(args, "key", None) is not None and len(args.key.encode()) not in (16, 24, 32):
        raise UsageError("--key must be 16, 24 or 32 characters (an AES-128/192/256 key)")
    surrogate_key = _surrogate_key(args)
    if surrogate_key is not None and len(surrogate_key) < 16:
        raise UsageError("--surrogate-key (or $PRESIDIO_GLINER2_SURROGATE_KEY) must be at least 16 characters: "
                         "a short key lets anyone who guesses it link fakes to originals")


def _surrogate_key(args):
    if not hasattr(args, "surrogate_key"):
        return None
    return args.surrogate_key or os.environ.get("PRESIDIO_GLINER2_SURROGATE_KEY") or None


def _check_entities(args) -> None:
    """--entities against what the config supports, read from the file (no model, no spaCy). A
    config that cannot be read, or that leaves the NLP engine to add entities, is left to the
    analyzer build, which fails on it as before."""
    from presidio_gliner2.redaction.analyzers import supported_entities

    wanted = _split(args.entities)
    if not wanted:
        return
    try:
        known = supported_entities(args.config, args.language)
    except Exception:  # noqa: BLE001 - not a usage error: building the analyzer reports it (exit 1)
        return
    unknown = sorted(set(wanted) - known) if known is not None else []
    if unknown:
        raise UsageError(f"--entities: unknown entity type(s) {unknown} for config {args.config!r} and language "
                         f"{args.language!r}; it supports {', '.join(sorted(known))}")


def _plan(args) -> list[tuple[Path, Path, str]]:
    if args.keep_last < 0:
        raise UsageError("--keep-last must be >= 0")
    if args.out_dir is not None and args.out_dir.exists() and not args.out_dir.is_dir():
        raise UsageError(f"--out-dir {args.out_dir} is not a directory")
    jobs, targets = [], set()
    for source in args.paths:
        fmt = FORMATS.get(source.suffix.lower())
        if fmt is None:
            raise UsageError(f"{source}: unsupported file type (use {', '.join(FORMATS)})")
        if not source.is_file():
            raise UsageError(f"{source}: no such file")
        if args.out_dir is not None:
            target = args.out_dir / source.name
        else:
            target = source.with_name(f"{source.stem}.redacted{source.suffix}")
        if target.resolve() == source.resolve():
            raise UsageError(f"{source}: the output would overwrite the input; choose another --out-dir")
        if target.resolve() in targets:
            raise UsageError(f"{source}: two inputs would write the same output {target}")
        if target.exists() and not args.overwrite:
            raise UsageError(f"{target} exists (use --overwrite)")
        targets.add(target.resolve())
        jobs.append((source, target, fmt))
    if args.columns is not None and not any(fmt == "csv" for _, _, fmt in jobs):
        raise UsageError("--columns applies to .csv inputs only")
    return jobs


def _operators(args) -> dict:
    operators: dict = {}
    if args.operators is not None:
        if not args.operators.is_file():
            raise UsageError(f"--operators {args.operators}: no such file")
        try:
            operators = load_yaml(args.operators, "--operators") or {}
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if not isinstance(operators, dict):
            raise UsageError(f"--operators {args.operators} must map entity types to operators")
    if args.salt is not None and args.operator != "hash":
        raise UsageError("--salt goes with --operator hash")
    if args.key is not None and args.operator != "encrypt":
        raise UsageError("--key goes with --operator encrypt")
    if args.keep_last and args.operator != "mask":
        raise UsageError("--keep-last goes with --operator mask")
    if args.max_shift_days != 365 and args.operator not in ("surrogate", "date_shift"):
        raise UsageError("--max-shift-days goes with --operator surrogate or date_shift")
    default: dict = {"type": args.operator}
    if args.operator == "hash" and args.salt:
        default["salt"] = args.salt
    elif args.operator == "encrypt":
        key = args.key or os.environ.get("PRESIDIO_GLINER2_KEY")
        if not key:
            raise UsageError("--operator encrypt needs --key or $PRESIDIO_GLINER2_KEY")
        default["key"] = key
    elif args.operator in ("surrogate", "date_shift"):
        if not 1 <= args.max_shift_days <= 36500:
            raise UsageError("--max-shift-days must be between 1 and 36500")
        default.update(min_days=-args.max_shift_days, max_days=args.max_shift_days)
    elif args.operator == "mask":
        if args.keep_last:
            default.update(masking_char=args.mask_char, keep_last=args.keep_last)
        else:
            default.update(CATALOGUE["mask"].implied, masking_char=args.mask_char)
    if args.pseudonyms and args.operator != "replace":
        raise UsageError("--pseudonyms picks the operator itself; drop --operator")
    if args.pseudonyms:
        default = {"type": "pseudonym"}
    operators.setdefault("DEFAULT", default)
    try:
        from presidio_gliner2.redaction.operators import operator_map

        operator_map(operators)
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    return operators


def _redactor(args, operators):
    from presidio_gliner2.redaction.analyzers import build_analyzer
    from presidio_gliner2.redaction.redactor import Redactor

    analyzer = build_analyzer(args.config, model=args.model, backend=args.backend)
    return Redactor(analyzer=analyzer, operators=operators, policy=args.policy, language=args.language,
                    score_threshold=args.score_threshold, entities=_split(args.entities),
                    surrogate_key=_surrogate_key(args))


def _print_summary(totals: Counter, files: list, failed: int, report_path: Path) -> None:
    width = max([len(e) for e in totals] + [len("entity")])
    lines = [f"{'entity':{width}}  count"]
    lines += [f"{entity:{width}}  {count}" for entity, count in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append(f"{len(files) - failed} of {len(files)} file(s) redacted; report: {report_path}")
    print("\n".join(lines), file=sys.stderr)


# ----------------------------------------------------------------------------------- analyze

def run_analyze(args) -> int:
    try:
        _check_analyzer_options(args)
        text = _analyze_input(args)
    except UsageError as exc:
        print(f"usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"error: {_describe(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        from presidio_gliner2.redaction.analyzers import build_analyzer
        from presidio_gliner2.redaction.redactor import Redactor

        redactor = Redactor(analyzer=build_analyzer(args.config, model=args.model, backend=args.backend), language=args.language,
                            score_threshold=args.score_threshold, entities=_split(args.entities))
        results, classes = redactor.analyze_and_classify(text, return_decision_process=args.explain)
        payload = [result_json(r, args.explain) for r in results]
        if args.classify:
            payload = {"results": payload, "document_classes": classes}
    except Exception as exc:  # noqa: BLE001 - any failure is exit 1, never "no PII"
        print(f"error: {_describe(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    print(json.dumps(payload, indent=2, ensure_ascii=False))
    return EXIT_OK


def _analyze_input(args) -> str:
    if args.file is not None and args.text not in (None, "-"):
        raise UsageError("give either TEXT or --file, not both")
    if args.file is not None:
        if not args.file.is_file():
            raise UsageError(f"{args.file}: no such file")
        return read_text(args.file)
    if args.text is not None and args.text != "-":
        return args.text
    return sys.stdin.read()


def result_json(result, explain: bool = False) -> dict:
    """One RecognizerResult in the shape of Presidio's REST /analyze response."""
    metadata = {k: v for k, v in (result.recognition_metadata or {}).items()}
    out = {"entity_type": result.entity_type, "start": result.start, "end": result.end,
           "score": round(float(result.score), 4), "analysis_explanation": None,
           "recognition_metadata": metadata}
    if explain and result.analysis_explanation is not None:
        out["analysis_explanation"] = result.analysis_explanation.to_dict()
    return out


# ------------------------------------------------------------------------------------ helpers

def _split(value: Optional[str]) -> Optional[list[str]]:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def _describe(exc: BaseException) -> str:
    # Exceptions from our code and Presidio's carry no text; the type name helps when the message is empty.
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
