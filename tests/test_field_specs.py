"""Field specs ("name::str::[a|b]::description") and schema validation."""

import math

import pytest

from presidio_gliner2.engine.schema import Schema, compile_schema, parse_field_spec


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("name", ("name", "list", None, None)),
        ("name::str", ("name", "str", None, None)),
        ("name::str::Full name", ("name", "str", None, "Full name")),
        ("kind::[equity|bond]", ("kind", "str", ["equity", "bond"], None)),
        ("kind::[equity | bond]::list", ("kind", "list", ["equity", "bond"], None)),
        ("type::[equity|bond]::str::Type of instrument", ("type", "str", ["equity", "bond"], "Type of instrument")),
        ("note::Free text, with: colons", ("note", "list", None, "Free text, with: colons")),
        ({"name": "x", "dtype": "str", "description": "d"}, ("x", "str", None, "d")),
        ({"name": "x", "choices": ["a", "b"]}, ("x", "str", ["a", "b"], None)),
    ],
)
def test_field_specs_parse(spec, expected):
    assert parse_field_spec(spec) == expected


@pytest.mark.parametrize("spec", ["::str", "name::", "a::[x|]", "a::[|]", "a::[x", "a::str::::d", {"dtype": "str"}, 7])
def test_malformed_field_specs_are_value_errors_that_quote_the_spec(spec):
    with pytest.raises(ValueError):
        parse_field_spec(spec)


@pytest.mark.parametrize("threshold", [-0.1, 1.5, math.nan, "0.5"])
def test_thresholds_outside_unit_interval_are_rejected_with_the_label_named(threshold):
    with pytest.raises(ValueError, match="person"):
        Schema().entities({"person": {"threshold": threshold}})


def test_unknown_raw_schema_keys_are_named():
    with pytest.raises(ValueError, match="entites"):
        compile_schema({"entites": ["person"]})


@pytest.mark.parametrize(
    "build",
    [
        lambda: Schema().entities([]),
        lambda: Schema().entities({}),
        lambda: Schema().classification("doc", []),
        lambda: Schema().relations([]),
        lambda: compile_schema({"entities": []}),
        lambda: compile_schema({"classifications": [{"task": "doc", "labels": []}]}),
        lambda: compile_schema(Schema()),
    ],
)
def test_empty_label_lists_and_empty_schemas_are_rejected(build):
    with pytest.raises(ValueError):
        build()


def test_builder_chains_and_compiles_in_model_task_order():
    schema = (
        Schema()
        .classification("doc", {"note": "a clinical note", "bill": "an invoice"})
        .entities({"person": "a human name", "mrn": {"description": "chart number", "threshold": 0.7}})
        .structure("patient").field("name", dtype="str", description="full name").field("sex", choices=["m", "f"])
        .relations({"treats": "doctor treats patient"})
    )
    tasks = compile_schema(schema).tasks
    assert [t.kind for t in tasks] == ["json_structures", "entities", "relations", "classifications"]
    structure, entities, relation, classification = tasks
    assert structure.prompt == "patient [DESCRIPTION] name: full name"
    assert structure.fields[1].choices == ["m", "f"] and structure.fields[1].dtype == "list"
    assert entities.prompt == "entities [DESCRIPTION] person: a human name [DESCRIPTION] mrn: chart number"
    assert entities.fields[1].threshold == 0.7
    assert relation.prompt == "treats: doctor treats patient"
    assert [f.name for f in relation.fields] == ["head", "tail"]
    assert classification.prompt == "doc [DESCRIPTION] note: a clinical note [DESCRIPTION] bill: an invoice"


def test_from_dict_reads_the_friendly_form():
    schema = Schema.from_dict(
        {
            "entities": ["person"],
            "structures": {"claim": {"fields": [{"name": "amount", "dtype": "str"}, "payer::str"]}},
            "classifications": [{"task": "doc", "labels": ["a", "b"], "multi_label": True}],
            "relations": ["pays"],
        }
    )
    kinds = [t.kind for t in compile_schema(schema).tasks]
    assert kinds == ["json_structures", "entities", "relations", "classifications"]
