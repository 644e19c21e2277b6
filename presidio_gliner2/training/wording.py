"""Ask for a gold set's labels in other words (``presidio-gliner2 eval --wording FILE``).

GLiNER2's promise is that a user writes the labels and descriptions of their own data
("place name: a town, region, river or building") and the model finds them. A model scored only
with the label names it was trained on says nothing about that. A wording file renames each gold
label and gives it a description; evaluation then prompts with those, and scores predictions
against the gold label they stand for.

The file is YAML, one entry per gold label::

    person:
      label: human name
      description: names a particular human being is called by, such as given and family names

Every gold label of the evaluated records needs an entry: a label asked in its training wording
would make the score look better than the question it claims to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence


@dataclass(frozen=True)
class Wording:
    """How one gold label is asked for."""

    label: str
    description: str


def load_wording(path: Path) -> dict[str, Wording]:
    """The wording file at ``path``: gold label -> Wording. Fails on a malformed entry or on two
    gold labels asked the same way (their predictions could not be told apart)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{path}: a wording file maps each gold label to {{label: ..., description: ...}}")
    wording: dict[str, Wording] = {}
    for gold, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != {"label", "description"} or \
                not all(isinstance(value, str) and value.strip() for value in entry.values()):
            raise ValueError(f"{path}: the entry for gold label {gold!r} needs exactly a non-empty 'label' "
                             "and 'description'")
        wording[str(gold)] = Wording(entry["label"].strip(), entry["description"].strip())
    asked = [item.label.lower() for item in wording.values()]
    repeated = sorted({label for label in asked if asked.count(label) > 1})
    if repeated:
        raise ValueError(f"{path}: several gold labels are asked as {', '.join(map(repr, repeated))}; give each "
                         "its own label")
    return wording


def reword(records: Sequence[dict], wording: dict[str, Wording]) -> list[dict]:
    """Copies of ``records`` whose entity labels are asked in ``wording``'s words.

    Each copy's ``meta.label_map`` maps the new label back to the gold one, so evaluation
    (``evaluate_model``) reports per gold label; ``output.entity_descriptions`` carries the
    descriptions. Fails, naming the labels, when a record has a gold label the wording lacks."""
    missing = sorted({label for record in records for label in (record["output"].get("entities") or {})
                      if label not in wording})
    if missing:
        raise ValueError(f"the wording file has no entry for gold label(s) {', '.join(map(repr, missing))}: add "
                         "a label and description for each")
    reworded = []
    for record in records:
        entities = record["output"].get("entities") or {}
        output = {**record["output"],
                  "entities": {wording[label].label: mentions for label, mentions in entities.items()},
                  "entity_descriptions": {wording[label].label: wording[label].description for label in entities}}
        meta = {**(record.get("meta") or {}), "label_map": {wording[label].label: label for label in entities}}
        reworded.append({**record, "output": output, "meta": meta})
    return reworded


def reword_known(records: Sequence[dict], wording: dict[str, Wording]) -> list[dict]:
    """Copies of ``records`` with every label ``wording`` knows asked in its words; the rest kept.

    Unlike ``reword`` this takes records whose labels are written many ways (generated data asks
    "dob" or "DATE_OF_BIRTH"): a label is looked up by the model label its record's
    ``meta.label_map`` gives it, else by its own name. The trainer's checkpoint pick uses it
    (``TrainConfig.pick_wording``), so a label with no entry stays asked as written rather than
    failing the run. ``meta.label_map`` of each copy maps every shown label to its model label."""
    reworded = []
    for record in records:
        entities = record["output"].get("entities") or {}
        descriptions = record["output"].get("entity_descriptions") or {}
        known = (record.get("meta") or {}).get("label_map") or {}
        new_entities, new_descriptions, label_map = {}, {}, {}
        for label, mentions in entities.items():
            model_label = known.get(label, label)
            item = wording.get(model_label)
            shown = item.label if item is not None and item.label not in new_entities else label
            if shown in new_entities:  # two labels asked the same way: keep this one as written
                shown = label
            new_entities[shown] = mentions
            description = item.description if shown != label else descriptions.get(label)
            if description:
                new_descriptions[shown] = description
            label_map[shown] = model_label
        output = {**record["output"], "entities": new_entities, "entity_descriptions": new_descriptions}
        reworded.append({**record, "output": output, "meta": {**(record.get("meta") or {}), "label_map": label_map}})
    return reworded
