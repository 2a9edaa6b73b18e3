"""``legatlas list`` and ``legatlas info ID``: the atlas's content, without a window.

Content only: nothing here loads VTK or Qt, so both answer at once.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from annotations.text import card_as_dict, card_as_text, describable_ids
from meshes.parts import LAYER_TABLE, parts_of
from viewer.commands.common import load_catalogue
from viewer.commands.errors import CommandError


def register(subparsers) -> None:
    list_parser = subparsers.add_parser(
        "list",
        help="list every structure and part with its name, group and layer",
        description="List every structure and part with its name, group and layer, "
        "then the layers with their keys in the window.",
    )
    list_parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    list_parser.set_defaults(func=run_list)
    info_parser = subparsers.add_parser(
        "info",
        help="show the card of a structure, part, group, exercise or stretch",
        description="Show a card as readable text: a structure (soleus), a part "
        "(biceps_femoris.short_head), a group (hamstrings), an exercise or stretch id, "
        "or 'overview'.",
    )
    info_parser.add_argument("id", metavar="ID", help="for example soleus or hamstrings")
    info_parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    info_parser.set_defaults(func=run_info)


def listing(catalogue) -> dict[str, Any]:
    """Structures (each with its parts), groups and layers as JSON-able data."""
    structures = []
    for structure_id in catalogue.structure_ids:
        card = catalogue.card(structure_id)
        parts = []
        for part in parts_of(structure_id):
            parts.append(
                {"id": part.id, "name": catalogue.display_name(part.id), "layer": part.layer}
            )
        structures.append(
            {
                "id": structure_id,
                "name": catalogue.display_name(structure_id),
                "kind": card.kind,
                "group": card.group or None,
                "group_name": catalogue.display_name(card.group) if card.group else None,
                "layers": list(dict.fromkeys(part["layer"] for part in parts)),
                "parts": parts,
            }
        )
    groups = [
        {
            "id": group_id,
            "name": catalogue.display_name(group_id),
            "members": catalogue.card(group_id).members,
        }
        for group_id in catalogue.group_ids
    ]
    layers = [{"id": layer.id, "name": layer.title, "key": layer.key} for layer in LAYER_TABLE]
    return {"structures": structures, "groups": groups, "layers": layers}


def run_list(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    data = listing(load_catalogue(arguments))
    if arguments.json:
        print(json.dumps(data, indent=2))
        return 0
    rows = [("ID", "NAME", "GROUP", "LAYER")]
    for structure in data["structures"]:
        group = structure["group_name"] or "-"
        rows.append((structure["id"], structure["name"], group, ", ".join(structure["layers"])))
        if len(structure["parts"]) > 1:
            rows += [
                ("  " + p["id"], "  " + p["name"], group, p["layer"]) for p in structure["parts"]
            ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for *cells, layer in rows:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=True)]
        print("  ".join([*padded, layer]))
    print()
    for group in data["groups"]:
        print(f"Group {group['id']} ({group['name']}): {', '.join(group['members'])}")
    keys = ", ".join(f"{layer['id']} ({layer['key']})" for layer in data["layers"])
    print(f"Layers (key in the window): {keys}")
    return 0


def run_info(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    catalogue = load_catalogue(arguments)
    valid = describable_ids(catalogue)
    arguments.id = catalogue.resolve(arguments.id)  # a former id (deadlift) still works
    if arguments.id not in valid:
        raise CommandError(f"unknown id {arguments.id!r}; valid ids: {', '.join(valid)}", status=2)
    if arguments.json:
        print(json.dumps(card_as_dict(catalogue, arguments.id), indent=2))
    else:
        print(card_as_text(catalogue, arguments.id), end="")
    return 0
