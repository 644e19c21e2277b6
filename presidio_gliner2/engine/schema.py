"""Schemas: what to extract, described in plain language.

``Schema`` is the builder users chain (``.entities``, ``.classification``,
``.structure(...).field(...)``, ``.relations``); ``build()`` returns the same dict
shape as the reference library, and raw dicts of that shape are accepted too.
``compile_schema`` validates either form and turns it into ``Task`` objects, in the
order the model was trained to see them: structures, entities, relations,
classifications.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Pattern, Union

from presidio_gliner2.engine.inputs import check_unit_interval

Dtype = Literal["str", "list"]
RAW_SCHEMA_KEYS = frozenset(
    {
        "entities",
        "entity_descriptions",
        "classifications",
        "json_structures",
        "json_descriptions",
        "relations",
        "relation_descriptions",
    }
)
CLASSIFICATION_KEYS = frozenset(
    {"task", "labels", "multi_label", "cls_threshold", "top_k", "class_act", "prompt", "examples",
     "label_descriptions", "true_label"}
)
ENTITY_CONFIG_KEYS = frozenset({"description", "dtype", "threshold", "validators"})


def check_threshold(value: Any, what: str) -> Optional[float]:
    """None, or a number in [0, 1]; anything else is a ValueError naming ``what``."""
    if value is None:
        return None
    return check_unit_interval(value, f"{what}: threshold")


def _check_name(name: Any, what: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{what} must be a non-empty string, got {name!r}")
    return name


def _check_dtype(dtype: Any, what: str) -> str:
    if dtype not in ("str", "list"):
        raise ValueError(f"dtype of {what} must be 'str' or 'list', got {dtype!r}")
    return dtype


@dataclass
class RegexValidator:
    """Keep a span only if its text matches (``mode="full"``) or contains (``"partial"``)
    ``pattern``; ``exclude=True`` inverts the test."""

    pattern: Union[str, Pattern[str]]
    mode: Literal["full", "partial"] = "full"
    exclude: bool = False
    flags: int = re.IGNORECASE

    def __post_init__(self) -> None:
        if self.mode not in ("full", "partial"):
            raise ValueError(f"mode must be 'full' or 'partial', got {self.mode!r}")
        try:
            self._compiled = self.pattern if isinstance(self.pattern, re.Pattern) else re.compile(self.pattern, self.flags)
        except re.error as exc:
            raise ValueError(f"Invalid regex {self.pattern!r}: {exc}") from None

    def validate(self, text: str) -> bool:
        match = (self._compiled.fullmatch if self.mode == "full" else self._compiled.search)(text)
        return (match is None) if self.exclude else (match is not None)

    __call__ = validate


def parse_field_spec(spec: Union[str, dict]) -> tuple[str, Dtype, Optional[list[str]], Optional[str]]:
    """``"name::str|list::[a|b]::description"`` (parts after the name in any order) or
    ``{"name", "dtype", "choices", "description"}`` -> (name, dtype, choices, description).

    The dtype defaults to ``list``, or to ``str`` when choices are given.
    """
    if isinstance(spec, dict):
        unknown = set(spec) - {"name", "dtype", "choices", "description", "threshold"}
        if unknown:
            raise ValueError(f"Unknown keys {sorted(unknown)} in field spec {spec!r}")
        name = _check_name(spec.get("name"), "Field name")
        choices = spec.get("choices")
        dtype = _check_dtype(spec.get("dtype", "str" if choices else "list"), f"field {name!r}")
        return name, dtype, _check_choices(choices, name), spec.get("description")
    if not isinstance(spec, str):
        raise ValueError(f"A field spec must be a string or a dict, got {type(spec).__name__}")
    name, *parts = spec.split("::")
    if not name.strip():
        raise ValueError(f"Field spec {spec!r} has no field name before '::'")
    dtype: Optional[str] = None
    choices, description = None, None
    for part in parts:
        if part in ("str", "list"):
            dtype = part
        elif part.startswith("[") and part.endswith("]"):
            choices = _check_choices([c.strip() for c in part[1:-1].split("|")], name)
        elif not part.strip():
            raise ValueError(f"Field spec {spec!r} has an empty part between '::' separators")
        elif part.startswith("[") or part.endswith("]"):
            raise ValueError(f"Field spec {spec!r}: choices must look like [a|b|c], got {part!r}")
        else:
            description = part
    return name, dtype or ("str" if choices else "list"), choices, description


def _check_choices(choices: Any, name: str) -> Optional[list[str]]:
    if choices is None:
        return None
    if not isinstance(choices, (list, tuple)) or not choices:
        raise ValueError(f"Choices of field {name!r} must be a non-empty list, got {choices!r}")
    for choice in choices:
        if not isinstance(choice, str) or not choice.strip():
            raise ValueError(f"Field {name!r} has an empty or non-string choice in {list(choices)!r}")
    return list(choices)


class StructureBuilder:
    """Fields of one structure; calling any ``Schema`` method on it closes the structure."""

    def __init__(self, schema: "Schema", name: str):
        self.schema = schema
        self.name = _check_name(name, "Structure name")
        self.fields: "OrderedDict[str, Any]" = OrderedDict()
        self.descriptions: "OrderedDict[str, str]" = OrderedDict()
        self.field_order: list[str] = []
        self._finished = False

    def field(
        self,
        name: str,
        dtype: Dtype = "list",
        choices: Optional[list[str]] = None,
        description: Optional[str] = None,
        threshold: Optional[float] = None,
        validators: Optional[list[RegexValidator]] = None,
        **_record_options: Any,
    ) -> "StructureBuilder":
        _check_name(name, f"Field name in structure {self.name!r}")
        _check_dtype(dtype, f"field {self.name}.{name}")
        choices = _check_choices(choices, name)
        threshold = check_threshold(threshold, f"field {self.name}.{name}")
        self.fields[name] = {"value": "", "choices": choices} if choices else ""
        self.field_order.append(name)
        if description:
            self.descriptions[name] = description
        self.schema._field_metadata[f"{self.name}.{name}"] = {
            "dtype": dtype, "threshold": threshold, "choices": choices, "validators": list(validators or [])
        }
        return self

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        if not self.fields:
            raise ValueError(f"Structure {self.name!r} has no fields; add at least one with .field(...)")
        self.schema._field_orders[self.name] = self.field_order
        self.schema.schema["json_structures"].append({self.name: self.fields})
        if self.descriptions:
            self.schema.schema["json_descriptions"][self.name] = self.descriptions

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or not hasattr(Schema, name):
            raise AttributeError(f"'StructureBuilder' has no attribute {name!r}")
        self.schema._close_structure()
        return getattr(self.schema, name)


class Schema:
    """Builder for a composed extraction schema, run in one encoder pass."""

    def __init__(self) -> None:
        self.schema: dict[str, Any] = {
            "json_structures": [],
            "classifications": [],
            "entities": OrderedDict(),
            "relations": [],
            "json_descriptions": {},
            "entity_descriptions": OrderedDict(),
            "relation_descriptions": OrderedDict(),
        }
        self._field_metadata: dict[str, dict] = {}
        self._entity_metadata: dict[str, dict] = {}
        self._relation_metadata: dict[str, dict] = {}
        self._field_orders: dict[str, list[str]] = {}
        self._entity_order: list[str] = []
        self._relation_order: list[str] = []
        self._active: Optional[StructureBuilder] = None

    def _close_structure(self) -> None:
        if self._active is not None:
            active, self._active = self._active, None
            active._finish()

    def entities(
        self,
        entity_types: Union[str, list[str], dict[str, Union[str, dict]]],
        dtype: Dtype = "list",
        threshold: Optional[float] = None,
        validators: Optional[list[RegexValidator]] = None,
    ) -> "Schema":
        """Entity labels: a name, a list, or {name: description or {description, dtype, threshold, validators}}."""
        self._close_structure()
        for name, config in _label_configs(entity_types, "entity").items():
            unknown = set(config) - ENTITY_CONFIG_KEYS
            if unknown:
                raise ValueError(f"Unknown keys {sorted(unknown)} in the config of entity {name!r}")
            self.schema["entities"][name] = ""
            if name not in self._entity_order:
                self._entity_order.append(name)
            self._entity_metadata[name] = {
                "dtype": _check_dtype(config.get("dtype", dtype), f"entity {name!r}"),
                "threshold": check_threshold(config.get("threshold", threshold), f"entity {name!r}"),
                "validators": list(config.get("validators", validators) or []),
            }
            if "description" in config:
                self.schema["entity_descriptions"][name] = config["description"]
        return self

    def classification(
        self,
        task: str,
        labels: Union[list[str], dict[str, str]],
        multi_label: bool = False,
        cls_threshold: float = 0.5,
        top_k: Optional[int] = None,
        **options: Any,
    ) -> "Schema":
        """A document classification task; ``options``: class_act, prompt, examples."""
        self._close_structure()
        unknown = set(options) - {"class_act", "prompt", "examples"}
        if unknown:
            raise ValueError(f"Unknown options {sorted(unknown)} for classification task {task!r}")
        config = {"task": task, "labels": labels, "multi_label": multi_label, "cls_threshold": cls_threshold, **options}
        if top_k is not None:
            config["top_k"] = top_k
        if isinstance(labels, dict):
            config["labels"] = list(labels)
            config["label_descriptions"] = dict(labels)
        _check_classification(config)
        self.schema["classifications"].append(config)
        return self

    def structure(self, name: str, **_record_options: Any) -> StructureBuilder:
        """Start a structure; chain ``.field(...)`` calls on the returned builder."""
        self._close_structure()
        self._active = StructureBuilder(self, name)
        return self._active

    def relations(
        self, relation_types: Union[str, list[str], dict[str, Union[str, dict]]], threshold: Optional[float] = None
    ) -> "Schema":
        """Relation types (head -> tail): a name, a list, or {name: description or {description, threshold}}."""
        self._close_structure()
        for name, config in _label_configs(relation_types, "relation").items():
            unknown = set(config) - {"description", "threshold"}
            if unknown:
                raise ValueError(f"Unknown keys {sorted(unknown)} in the config of relation {name!r}")
            self.schema["relations"].append({name: {"head": "", "tail": ""}})
            if name not in self._relation_order:
                self._relation_order.append(name)
            self._field_orders[name] = ["head", "tail"]
            self._relation_metadata[name] = {
                "threshold": check_threshold(config.get("threshold", threshold), f"relation {name!r}")
            }
            if config.get("description"):
                self.schema["relation_descriptions"][name] = config["description"]
        return self

    def build(self) -> dict[str, Any]:
        self._close_structure()
        return self.schema

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Schema":
        """From ``{"entities", "structures": {name: {"fields": [...]}}, "classifications", "relations"}``."""
        if not isinstance(data, dict):
            raise ValueError(f"A schema must be a dict, got {type(data).__name__}")
        unknown = set(data) - {"entities", "structures", "classifications", "relations"}
        if unknown:
            raise ValueError(f"Unknown schema keys {sorted(unknown)}; expected entities, structures, classifications, relations")
        schema = cls()
        if data.get("entities") is not None:
            schema.entities(data["entities"])
        for name, struct in (data.get("structures") or {}).items():
            fields = struct.get("fields") if isinstance(struct, dict) else struct
            if not isinstance(fields, list):
                raise ValueError(f"Structure {name!r} needs a list of fields")
            builder = schema.structure(name)
            for spec in fields:
                field_name, dtype, choices, description = parse_field_spec(spec)
                threshold = spec.get("threshold") if isinstance(spec, dict) else None
                builder.field(field_name, dtype=dtype, choices=choices, description=description, threshold=threshold)
        for config in data.get("classifications") or []:
            if not isinstance(config, dict):
                raise ValueError(f"Each classification must be a dict, got {config!r}")
            config = dict(config)
            schema.classification(config.pop("task", None), config.pop("labels", None), **config)
        if data.get("relations") is not None:
            schema.relations(data["relations"])
        return schema

    @classmethod
    def from_json(cls, text: str) -> "Schema":
        return cls.from_dict(json.loads(text))


def classification_schema(tasks: dict) -> Schema:
    """The schema of ``classify_text``: {task: labels, or {"labels": [...], other options}}."""
    if not isinstance(tasks, dict) or not tasks:
        raise ValueError("tasks must be a non-empty dict of {task: labels or {labels: [...], ...}}")
    schema = Schema()
    for name, config in tasks.items():
        if isinstance(config, dict) and "labels" in config:
            options = dict(config)
            schema.classification(name, options.pop("labels"), **options)
        else:
            schema.classification(name, config)
    return schema


def json_schema(structures: dict) -> Schema:
    """The schema of ``extract_json``: {structure: [field specs]}."""
    if not isinstance(structures, dict) or not structures:
        raise ValueError("structures must be a non-empty dict of {name: [field specs]}")
    schema = Schema()
    for name, fields in structures.items():
        if not isinstance(fields, (list, tuple)) or not fields:
            raise ValueError(f"Structure {name!r} needs a non-empty list of field specs")
        builder = schema.structure(name)
        for spec in fields:
            field_name, dtype, choices, description = parse_field_spec(spec)
            builder.field(field_name, dtype=dtype, choices=choices, description=description)
    return schema


def _label_configs(value: Any, what: str) -> "OrderedDict[str, dict]":
    if isinstance(value, str):
        value = [value]
    if isinstance(value, (list, tuple)):
        if not value:
            raise ValueError(f"The {what} label list is empty")
        return OrderedDict((_check_name(name, f"An {what} label"), {}) for name in value)
    if isinstance(value, dict):
        if not value:
            raise ValueError(f"The {what} label dict is empty")
        configs: "OrderedDict[str, dict]" = OrderedDict()
        for name, config in value.items():
            _check_name(name, f"An {what} label")
            if isinstance(config, str):
                configs[name] = {"description": config}
            elif isinstance(config, dict):
                configs[name] = dict(config)
            elif config is None:
                configs[name] = {}
            else:
                raise ValueError(f"The config of {what} {name!r} must be a description string or a dict")
        return configs
    raise ValueError(f"{what.capitalize()} types must be a string, a list or a dict, got {type(value).__name__}")


def _check_classification(config: dict) -> None:
    task = _check_name(config.get("task"), "A classification task name")
    unknown = set(config) - CLASSIFICATION_KEYS
    if unknown:
        raise ValueError(f"Unknown keys {sorted(unknown)} in classification task {task!r}")
    labels = config.get("labels")
    if not isinstance(labels, (list, tuple)) or not labels:
        raise ValueError(f"Classification task {task!r} needs a non-empty list of labels, got {labels!r}")
    for label in labels:
        _check_name(label, f"A label of classification task {task!r}")
    if len(set(labels)) != len(labels):
        raise ValueError(f"Classification task {task!r} repeats a label: {list(labels)!r}")
    threshold = config.get("cls_threshold", 0.5)
    if check_threshold(threshold, f"classification task {task!r} (cls_threshold)") is None:
        raise ValueError(f"cls_threshold of classification task {task!r} must be a number in [0, 1]")
    top_k = config.get("top_k")
    if top_k is not None and (not isinstance(top_k, int) or isinstance(top_k, bool) or top_k < 1):
        raise ValueError(f"top_k of classification task {task!r} must be an integer >= 1, got {top_k!r}")
    if config.get("class_act", "auto") not in ("auto", "softmax", "sigmoid"):
        raise ValueError(f"class_act of classification task {task!r} must be 'softmax', 'sigmoid' or 'auto'")


# ---------------------------------------------------------------------------
# Compiled form: what encoding and decoding consume.


@dataclass
class Field:
    name: str
    dtype: Dtype = "list"
    threshold: Optional[float] = None
    choices: Optional[list[str]] = None
    validators: list = field(default_factory=list)


@dataclass
class Task:
    kind: Literal["json_structures", "entities", "relations", "classifications"]
    name: str  # structure / relation / classification task name; "entities"
    fields: list[Field]  # labels, fields, head/tail, or class labels, in prompt order
    prompt: str  # the single prompt element: name, ": prompt", descriptions, examples
    output_order: list[str]  # the order results are reported in
    threshold: Optional[float] = None  # relation-wide threshold
    classification: Optional[dict] = None  # the task's config, for classifications

    @property
    def marker(self) -> str:
        return {"json_structures": "[C]", "entities": "[E]", "relations": "[R]", "classifications": "[L]"}[self.kind]


@dataclass
class CompiledSchema:
    tasks: list[Task]
    relation_order: list[str]  # relations always reported, even when empty
    classification_tasks: list[str]

    @property
    def choice_tasks(self) -> list[Task]:
        return [t for t in self.tasks if t.kind == "json_structures" and any(f.choices for f in t.fields)]


def compile_schema(schema: Union[Schema, dict]) -> CompiledSchema:
    """Validate a builder or a raw dict and lay out its tasks in model order."""
    if isinstance(schema, StructureBuilder):  # a chain that ended on .field(...)
        schema = schema.schema
    if isinstance(schema, Schema):
        raw = schema.build()
        meta = schema
    elif isinstance(schema, dict):
        raw, meta = _raw_schema(schema), None
    else:
        raise ValueError(f"A schema must be a Schema or a dict, got {type(schema).__name__}")

    tasks: list[Task] = []
    tasks += _structure_tasks(raw, meta)
    entity_task = _entity_task(raw, meta)
    if entity_task:
        tasks.append(entity_task)
    tasks += _relation_tasks(raw, meta)
    tasks += [_classification_task(config) for config in raw.get("classifications", [])]
    if not tasks:
        raise ValueError("The schema is empty: add entities, classifications, structures or relations")
    return CompiledSchema(
        tasks=tasks,
        relation_order=list(meta._relation_order) if meta else [],
        classification_tasks=[c["task"] for c in raw.get("classifications", [])],
    )


def _raw_schema(schema: dict) -> dict:
    unknown = set(schema) - RAW_SCHEMA_KEYS
    if unknown:
        raise ValueError(f"Unknown schema keys {sorted(unknown)}; expected some of {sorted(RAW_SCHEMA_KEYS)}")
    raw = dict(schema)
    entities = raw.get("entities")
    if isinstance(entities, (list, tuple, str)):
        raw["entities"] = {name: "" for name in _label_configs(entities, "entity")}
    elif isinstance(entities, dict):
        _label_configs(entities, "entity") if not entities else None
        for name in entities:
            _check_name(name, "An entity label")
    elif entities is not None:
        raise ValueError(f"Schema 'entities' must be a list or a dict, got {type(entities).__name__}")
    for config in raw.get("classifications") or []:
        if not isinstance(config, dict):
            raise ValueError(f"Each classification must be a dict, got {type(config).__name__}")
        _check_classification(config)
    for item in raw.get("json_structures") or []:
        if not isinstance(item, dict) or not item:
            raise ValueError("Each json_structures item must be a non-empty {name: {field: value}} dict")
        for name, fields in item.items():
            _check_name(name, "Structure name")
            if not isinstance(fields, dict) or not fields:
                raise ValueError(f"Structure {name!r} needs a non-empty dict of fields")
    for item in raw.get("relations") or []:
        if not isinstance(item, dict) or not item:
            raise ValueError("Each relations item must be a non-empty {name: {head, tail}} dict")
    return raw


def _prompt(name: str, fields: list[str], descriptions: dict, prompt: Optional[str] = None, examples=()) -> str:
    text = f"{name}: {prompt}" if prompt else name
    for label, description in (descriptions or {}).items():
        if label in fields:
            text += f" [DESCRIPTION] {label}: {description}"
    for example_input, output in examples or ():
        if output in fields:
            text += f" [EXAMPLE] {example_input} [OUTPUT] {output}"
    return text


def _structure_tasks(raw: dict, meta: Optional[Schema]) -> list[Task]:
    grouped: "OrderedDict[str, list[dict]]" = OrderedDict()
    for item in raw.get("json_structures") or []:
        for name, fields in item.items():
            grouped.setdefault(name, []).append(fields)
    tasks = []
    for name, occurrences in grouped.items():
        names: list[str] = []
        choices: dict[str, list[str]] = {}
        for occurrence in occurrences:
            for field_name, value in occurrence.items():
                if field_name not in names:
                    names.append(field_name)
                if isinstance(value, dict) and "choices" in value and "value" in value:
                    choices[field_name] = _check_choices(value["choices"], field_name)
        fields = []
        for field_name in names:
            info = meta._field_metadata.get(f"{name}.{field_name}", {}) if meta else {}
            fields.append(
                Field(field_name, info.get("dtype", "list"), info.get("threshold"), choices.get(field_name),
                      info.get("validators", []))
            )
        descriptions = (raw.get("json_descriptions") or {}).get(name, {})
        order = meta._field_orders.get(name, names) if meta else names
        tasks.append(Task("json_structures", name, fields, _prompt(name, names, descriptions), order))
    return tasks


def _entity_task(raw: dict, meta: Optional[Schema]) -> Optional[Task]:
    names = list((raw.get("entities") or {}).keys())
    if not names:
        return None
    fields = []
    for name in names:
        info = meta._entity_metadata.get(name, {}) if meta else {}
        fields.append(Field(name, info.get("dtype", "list"), info.get("threshold"), None, info.get("validators", [])))
    descriptions = raw.get("entity_descriptions") or {}
    order = meta._entity_order if meta else names
    return Task("entities", "entities", fields, _prompt("entities", names, descriptions), order)


def _relation_tasks(raw: dict, meta: Optional[Schema]) -> list[Task]:
    grouped: "OrderedDict[str, list[str]]" = OrderedDict()
    for item in raw.get("relations") or []:
        for name, fields in item.items():
            if name not in grouped:
                grouped[name] = list(fields.keys()) if isinstance(fields, dict) else ["head", "tail"]
    descriptions = raw.get("relation_descriptions") or {}
    tasks = []
    for name, field_names in grouped.items():
        threshold = meta._relation_metadata.get(name, {}).get("threshold") if meta else None
        fields = [Field(f) for f in field_names]
        prompt = _prompt(name, field_names, {}, descriptions.get(name))
        tasks.append(Task("relations", name, fields, prompt, ["head", "tail"], threshold=threshold))
    return tasks


def _classification_task(config: dict) -> Task:
    labels = list(config["labels"])
    prompt = _prompt(config["task"], labels, config.get("label_descriptions") or {}, config.get("prompt"),
                     config.get("examples"))
    return Task("classifications", config["task"], [Field(label) for label in labels], prompt, labels,
                classification=config)
