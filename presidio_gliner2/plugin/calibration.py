"""Per-label thresholds for an entity pack, chosen on a dev set for recall (``presidio-gliner2 calibrate``).

A redactor that misses a name has leaked it; one that flags a drug name has cost a reviewer a
second. So thresholds are chosen for F2 (recall weighs four times precision) or, with a recall
floor, as the highest threshold that still reaches it.

How, for one pack label (say ``city``, reported as LOCATION):

1. The recognizer runs once over the dev set with every label at a floor threshold (0.05), so each
   candidate span keeps its score.
2. Gold spans are typed by Presidio entity: a gold label is a model label (``PII_LABELS``) or a
   coarse one (``COARSE_LABELS``: ``location`` is LOCATION or a facility's ORGANIZATION). A
   candidate is right when it overlaps a gold span of its entity. Documents that do not annotate an
   entity at all say nothing about it: its candidates there are not counted.
3. A gold span belongs to the label whose candidate overlaps it with the highest score (so the
   three LOCATION labels split the LOCATION gold between them); its recall is over those spans.
   A catch-all label (``CATCH_ALL_ENTITIES``: ``identifier`` reported as UNIQUE_IDENTIFIER) stands
   for every identifier type (``COARSE_LABELS["identifier"]``): its candidate is right on any
   identifier gold, and it owns the identifier gold spans that no label of the span's own type
   overlaps, the ones only it can redact (where both do, the specific type names the value, as the
   overlap rules report it).
4. Every threshold on a grid is scored. Written into the pack: the lowest threshold whose F2 is
   within ``tolerance`` (0.005) of the best. Why the lowest: the dev data leave wide plateaus (every
   candidate right from 0.05 to 0.95), where any pick is as good on the dev set and the best single
   point wandered between models (healthcare's phone 0.10 -> 0.95 from one model to the next); at
   the plateau's low end a name the model reads with less confidence on other text is still
   redacted. What it changed on the dev benchmark: MODEL_CARD.md, Results (v10), "Calibration,
   recall first".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from presidio_gliner2.plugin.packs import EntityLabel, Pack
from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY, GLiNER2Recognizer
from presidio_gliner2.training.evaluation import gold_spans
from presidio_gliner2.training.labels import CATCH_ALL_ENTITIES, COARSE_LABELS, PII_LABELS

FLOOR = 0.05
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))  # 0.05 .. 0.95
TOLERANCE = 0.005  # F2 a lower threshold may give up and still be chosen (docstring, 4.)


@dataclass
class LabelCalibration:
    label: str
    entity: str
    support: int  # gold spans this label claims
    candidates: int  # spans it proposes at the floor, in documents that annotate its entity
    threshold: Optional[float]  # chosen; None: no evidence, the pack's own is kept
    precision: float = 0.0
    recall: float = 0.0
    f2: float = 0.0


def gold_entities(label: str) -> frozenset[str]:
    """The Presidio entities a gold label stands for (empty for labels we do not know)."""
    if label in PII_LABELS:
        return frozenset({PII_LABELS[label].presidio})
    if label in COARSE_LABELS:
        return frozenset(PII_LABELS[m].presidio for m in COARSE_LABELS[label].members if m in PII_LABELS)
    return frozenset()


# The Presidio entities a catch-all identifier label stands for.
IDENTIFIER_ENTITIES = gold_entities("identifier")


def _covers(entity: str, gold: frozenset[str]) -> bool:
    """A result of ``entity`` is evidence on a gold span of the entities ``gold``."""
    if entity in CATCH_ALL_ENTITIES:
        return bool(gold & IDENTIFIER_ENTITIES)
    return entity in gold


def calibrate(model: str, pack: Pack, records: Sequence[dict], recall_floor: Optional[float] = None,
              batch_size: int = 8, label_descriptions: bool = True, classifiers: bool = True,
              tolerance: float = TOLERANCE) -> tuple[Pack, list[LabelCalibration]]:
    """The pack with calibrated per-label thresholds, and what each choice rests on.

    Scores depend on the whole prompt, so the recognizer asks what the deployment will ask:
    ``label_descriptions`` as the config's GLiNER2Recognizer entry sets it (the shipped configs:
    False), and the pack's document classifiers in the same pass unless ``classifiers`` is False.
    ``tolerance``: how much F2 below the best a lower threshold may score and still be chosen.
    """
    if not 0.0 <= tolerance < 1.0:
        raise ValueError(f"tolerance is an F2 difference in [0, 1), got {tolerance!r}")
    floor_pack = replace(pack, entities={e: tuple(replace(l, threshold=None) for l in labels)
                                         for e, labels in pack.entities.items()})
    recognizer = GLiNER2Recognizer(model=model, entities=floor_pack, classifiers=None if classifiers else False,
                                   threshold=FLOOR, batch_size=batch_size, label_descriptions=label_descriptions)
    results = recognizer.analyze_batch([record["input"] for record in records])
    by_label = {item.label: item for item in pack.labels()}
    # label -> (score, right) per candidate; label -> gold spans it claims
    candidates: dict[str, list[tuple[float, bool]]] = {label: [] for label in by_label}
    claimed: dict[str, list[list[float]]] = {label: [] for label in by_label}  # per gold span: hit scores
    for record, found in zip(records, results):
        rename = (record.get("meta") or {}).get("label_map") or {}
        annotated = frozenset().union(*(gold_entities(rename.get(l, l)) for l in record["output"].get("entities") or {}))
        gold = [(gold_entities(rename.get(l, l)), s, e) for l, s, e in gold_spans(record)]
        found = [r for r in found if _covers(r.entity_type, annotated)]
        for result in found:
            right = any(_covers(result.entity_type, ents) and s < result.end and result.start < e for ents, s, e in gold)
            candidates[result.recognition_metadata[MODEL_LABEL_KEY]].append((result.score, right))
        for ents, s, e in gold:
            overlapping = [r for r in found if s < r.end and r.start < e]
            hits = [r for r in overlapping if r.entity_type in ents]
            if not hits:  # only a catch-all may still redact it (docstring, 3.)
                hits = [r for r in overlapping if _covers(r.entity_type, ents)]
            if not hits:  # its own type's label owns the miss, else a catch-all
                owner = next((l for l, item in by_label.items() if item.entity in ents), None) or next(
                    (l for l, item in by_label.items() if _covers(item.entity, ents)), None)
                if owner is not None:
                    claimed[owner].append([])  # missed at any threshold: still counts against recall
                continue
            best = max(hits, key=lambda r: r.score)
            label = best.recognition_metadata[MODEL_LABEL_KEY]
            claimed[label].append([r.score for r in hits if r.recognition_metadata[MODEL_LABEL_KEY] == label])
    table = [_choose(by_label[label], candidates[label], claimed[label], recall_floor, tolerance)
             for label in by_label]
    chosen = {row.label: row.threshold for row in table if row.threshold is not None}
    entities = {e: tuple(replace(l, threshold=chosen.get(l.label, l.threshold)) for l in labels)
                for e, labels in pack.entities.items()}
    return replace(pack, entities=entities), table


def _choose(item: EntityLabel, candidates: list[tuple[float, bool]], claimed: list[list[float]],
            recall_floor: Optional[float], tolerance: float = TOLERANCE) -> LabelCalibration:
    row = LabelCalibration(item.label, item.entity, len(claimed), len(candidates), None)
    if not claimed:
        return row  # nothing to recall here: no evidence for a threshold
    scored = [_score_at(t, candidates, claimed) for t in GRID]
    if recall_floor is not None:
        reaching = [s for s in scored if s[2] >= recall_floor]
        # The highest threshold that still reaches the floor; none does: the lowest recalls the most.
        best = reaching[-1] if reaching else scored[0]
    else:
        # Recall first: the lowest threshold that scores (nearly) the best F2 (module docstring, 4.).
        top = max(s[3] for s in scored)
        best = next(s for s in scored if s[3] >= top - tolerance - 1e-9)
    row.threshold, row.precision, row.recall, row.f2 = best
    return row


def _score_at(threshold: float, candidates: list[tuple[float, bool]],
              claimed: list[list[float]]) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F2) of one label at ``threshold``."""
    right = sum(1 for score, ok in candidates if score >= threshold and ok)
    wrong = sum(1 for score, ok in candidates if score >= threshold and not ok)
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = sum(1 for scores in claimed if any(s >= threshold for s in scores)) / len(claimed)
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    return threshold, precision, recall, f2


def write_thresholds(pack_yaml: str, thresholds: dict[str, float]) -> str:
    """``pack_yaml`` with ``threshold:`` set for each label in ``thresholds``, everything else (comments,
    order, descriptions) as it was. Labels must be written ``- label: NAME`` (the shipped packs' form);
    ValueError names any that are not."""
    lines = pack_yaml.splitlines(keepends=True)
    missing = set(thresholds)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip()
        label = stripped[len("- label:"):].split("#")[0].strip() if stripped.startswith("- label:") else None
        if label not in thresholds:
            out.append(line)
            index += 1
            continue
        missing.discard(label)
        indent = " " * (len(line) - len(stripped) + 2)  # the item's keys sit under "label"
        block = [line]
        index += 1
        while index < len(lines) and lines[index].startswith(indent) and lines[index].strip():
            block.append(lines[index])
            index += 1
        block = [b for b in block if not b.lstrip().startswith("threshold:")]
        block.append(f"{indent}threshold: {thresholds[label]:.2f}\n")
        out.extend(block)
    if missing:
        raise ValueError(f"labels not written as '- label: NAME' in the pack: {sorted(missing)}")
    return "".join(out)
