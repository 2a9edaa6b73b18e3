"""Property: whatever bytes a teacher's folder holds, the loader answers with
a catalogue or an ``AnnotationError``, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import AnnotationError, load_annotations
from annotations.references import Reference
from annotations.schema import DataFile, Exercise, Stretch

FIELD_NAMES = sorted(
    {
        *DataFile.model_fields,
        *Exercise.model_fields,
        *Stretch.model_fields,
        *Reference.model_fields,
        "soleus",
        "x",
    }
)
HEADERS = [
    "[card]",
    "[[exercise]]",
    "[[stretch]]",
    "[notes]",
    "[overview]",
    "[card.parts.x]",
    "[[reference]]",
    "[[clinical_test]]",
]

scalars = st.one_of(
    st.integers(-1000, 1000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda number: {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(number), repr(number))
    ),
    st.booleans().map(lambda flag: str(flag).lower()),
    st.text(max_size=12).map(lambda text: '"' + text.replace("\\", "").replace('"', "") + '"'),
    st.just("1979-05-27T07:32:00Z"),
    st.sampled_from(['"soleus"', '"quadriceps"', '"gastrocnemius"', '"deadlift"']),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=3).map(
            lambda table: "{" + ", ".join(f"{k} = {v}" for k, v in table.items()) + "}"
        ),
    ),
    max_leaves=8,
)
lines = st.one_of(
    st.sampled_from(HEADERS),
    st.builds(lambda key, value: f"{key} = {value}", st.sampled_from(FIELD_NAMES), values),
    st.text(max_size=30),
)
tomlish = st.lists(lines, max_size=15).map("\n".join).map(lambda text: text.encode("utf-8"))
garbage = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode), tomlish)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents=st.lists(garbage, min_size=1, max_size=3))
def test_garbage_files_give_a_catalogue_or_an_annotation_error(contents):
    with tempfile.TemporaryDirectory() as folder:
        for index, content in enumerate(contents):
            # The last file is the folder's reference list, which has its own schema.
            name = "references.toml" if index == len(contents) - 1 else f"garbage{index}.toml"
            (Path(folder) / name).write_bytes(content)
        try:
            catalogue = load_annotations([folder])
        except AnnotationError as error:
            message = str(error)
            assert message.startswith(folder) and "\n" not in message.strip()
        else:
            assert catalogue.card("soleus").name == "Soleus"
