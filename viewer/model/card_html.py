"""Turns an annotation card into the rich text of the info panel.

Pure functions (no Qt) so the panel's content can be tested without a
display. Sections after the essentials are collapsible: their headings are
links (``toggle:<section>``) the panel answers by re-rendering with that
section opened or closed. "Show on model" links (``play:exercise:<id>``,
``play:stretch:<id>``) start a motion on the leg; ``select:<id>`` links
select another structure; a reference's ``https:`` link opens in the browser.
"""

from __future__ import annotations

from html import escape

from annotations.text import pose_text

COLLAPSIBLE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("exercises", "Exercises"),
    ("stretches", "Stretches"),
    ("tests", "Clinical tests"),
    ("injuries", "Injuries"),
    ("help", "When to seek help"),
)

STYLE = """
<style>
h1 { font-size: 17pt; margin: 0 0 2px 0; color: #f2efe9; }
.latin { color: #b9b3a8; font-style: italic; margin: 0 0 6px 0; }
.part { color: #ffd27a; margin: 0 0 6px 0; }
.summary { margin: 6px 0 10px 0; }
h2 { font-size: 11pt; color: #ffd27a; margin: 12px 0 4px 0; }
h3 { font-size: 10.5pt; margin: 8px 0 2px 0; color: #f2efe9; }
td.key { color: #b9b3a8; padding-right: 10px; white-space: nowrap; vertical-align: top; }
td { vertical-align: top; padding-bottom: 3px; }
a { color: #8cc4ff; text-decoration: none; }
.note { color: #b9b3a8; font-size: 9pt; }
table.compare th { text-align: left; color: #b9b3a8; padding-right: 8px; }
table.compare td { padding-right: 8px; }
</style>
"""


def _list(items) -> str:
    items = [escape(str(item)) for item in items if str(item).strip()]
    return "<ul style='margin-top:0'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def references_html(references) -> str:
    """References as a list: the citation, then a link to follow, marked if nobody checked it."""
    if not references:
        return ""
    items = []
    for ref in references:
        link = escape(ref.link, quote=True)
        mark = "" if ref.checked else " <span class='note'>(link not yet checked)</span>"
        items.append(
            f"<li>{escape(ref.citation(identifiers=False))} "
            f"<a href='{link}'>{escape(ref.link_text)}</a>{mark}</li>"
        )
    return "<ul style='margin-top:0'>" + "".join(items) + "</ul>"


def _section_heading(key: str, title: str, count: int, expanded: set[str]) -> str:
    arrow = "▾" if key in expanded else "▸"
    suffix = f" ({count})" if count else ""
    return f"<h2><a href='toggle:{key}'>{arrow} {escape(title)}{suffix}</a></h2>"


def _facts_table(card) -> str:
    rows = []
    if card.location:
        rows.append(("Where", escape(card.location)))
    if card.origin:
        rows.append(("Origin", escape(card.origin)))
    if card.insertion:
        rows.append(("Insertion", escape(card.insertion)))
    if card.innervation is not None:
        nerve = card.innervation
        text = f"{escape(nerve.nerve)} ({escape(nerve.roots)})"
        if nerve.note:
            text += f"<br><span class='note'>{escape(nerve.note)}</span>"
        rows.append(("Nerve", text))
    if card.roots:
        rows.append(("Roots", escape(card.roots)))
    if card.course:
        rows.append(("Course", escape(card.course)))
    if card.roof:
        rows.append(("Roof", escape(card.roof)))
    if card.floor:
        rows.append(("Floor", escape(card.floor)))
    if card.blood_supply:
        rows.append(("Blood supply", escape(card.blood_supply)))
    if card.joints_crossed:
        rows.append(("Crosses", escape(", ".join(card.joints_crossed))))
    if card.actions:
        actions = "; ".join(f"{a.joint} {a.movement}" for a in card.actions)
        rows.append(("Actions", escape(actions)))
    if not rows:
        return ""
    body = "".join(f"<tr><td class='key'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0'>{body}</table>"


def _exercise_html(exercise, catalogue) -> str:
    primary = ", ".join(catalogue.display_name(m) for m in exercise.primary)
    secondary = ", ".join(catalogue.display_name(m) for m in exercise.secondary)
    html = f"<h3>{escape(exercise.name)}</h3>"
    if exercise.summary:
        html += f"<p style='margin:0'>{escape(exercise.summary)}</p>"
    if primary:
        html += f"<p class='note'>Works: {escape(primary)}"
        html += f"; also {escape(secondary)}" if secondary else ""
    else:
        movers = ", ".join(exercise.other_muscles)
        html += f"<p class='note'>Driven by {escape(movers)}; of the modelled muscles, "
        html += f"{escape(secondary)} assist"
    if exercise.hold_seconds:
        html += f". Hold {exercise.hold_seconds} s at the end"
    html += f". Equipment: {escape(', '.join(exercise.equipment) or 'none')}."
    html += f" Dose: {escape(exercise.dosage)}" if exercise.dosage else ""
    html += "</p>" + _ordered(exercise.steps)
    if exercise.safety:
        html += "<p class='note' style='margin-bottom:0'>Safety</p>" + _list(exercise.safety)
    html += _notes_html(exercise.notes)
    html += _cited_html(catalogue, exercise.references)
    html += (
        f"<p><a href='play:exercise:{exercise.id}'>▶ Show on model</a> "
        f"<span class='note'>({pose_text(exercise.start)} → {pose_text(exercise.end)})</span></p>"
    )
    return html


def _cited_html(catalogue, ids) -> str:
    if not ids:
        return ""
    return "<p class='note' style='margin-bottom:0'>Sources</p>" + references_html(
        catalogue.cited(ids)
    )


def _stretch_html(stretch, catalogue) -> str:
    html = f"<h3>{escape(stretch.name)}</h3>"
    if stretch.summary:
        html += f"<p style='margin:0'>{escape(stretch.summary)}</p>"
    if stretch.style == "dynamic":
        dose = f"Dynamic: {stretch.repetitions}" if stretch.repetitions else "Dynamic"
    else:
        dose = f"Hold {stretch.hold_seconds:g} s"
        dose += f", {stretch.repetitions}" if stretch.repetitions else ""
    html += f"<p class='note'>{escape(dose)} · {escape(stretch.region)}.</p>"
    html += _ordered(stretch.steps)
    if stretch.safety:
        html += "<p class='note' style='margin-bottom:0'>Safety</p>" + _list(stretch.safety)
    html += _notes_html(stretch.notes)
    html += _cited_html(catalogue, stretch.references)
    html += f"<p class='note'>{escape(stretch.side_note)}</p>"
    poses = pose_text(stretch.pose)
    if stretch.style == "dynamic" and stretch.start is not None:
        poses = f"{pose_text(stretch.start)} ↔ {poses}"
    html += (
        f"<p><a href='play:stretch:{stretch.id}'>▶ Show on model</a> "
        f"<span class='note'>({poses})</span></p>"
    )
    return html


def _test_html(test, catalogue) -> str:
    """A clinical test: how it is done, what normal and abnormal look like, its sources."""
    html = f"<h3>{escape(test.name)}</h3><p style='margin:0'>{escape(test.summary)}</p>"
    html += _ordered(test.steps)
    html += f"<p class='note' style='margin-bottom:0'>Normal</p>{_list(test.normal)}"
    html += f"<p class='note' style='margin-bottom:0'>Abnormal</p>{_list(test.abnormal)}"
    html += _notes_html(test.notes) + _cited_html(catalogue, test.references)
    if test.pose is not None:
        html += (
            f"<p><a href='play:test:{test.id}'>▶ Show on model</a> "
            f"<span class='note'>({pose_text(test.pose)}) {escape(test.side_note)}</span></p>"
        )
    return html


def _notes_html(notes) -> str:
    """A teacher's own notes (from ``--annotations``), shown where they were added."""
    return "".join(f"<p class='note'>Note: {escape(note)}</p>" for note in notes)


def _ordered(steps) -> str:
    return "<ol style='margin-top:0'>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>"


def _injury_html(injury, catalogue) -> str:
    html = f"<h3>{escape(injury.name)}</h3>"
    for title, items in (
        ("Signs", injury.signs),
        ("Causes", injury.causes),
        ("Prevention", injury.prevention),
        ("Recovery", injury.recovery),
    ):
        if items:
            html += f"<p class='note' style='margin-bottom:0'>{title}</p>{_list(items)}"
    return html + _cited_html(catalogue, injury.references)


def _comparison_html(card, catalogue) -> str:
    rows = getattr(card, "comparison", None) or []
    if not rows:
        return ""
    body = "".join(
        f"<tr><td><a href='select:{row.muscle}'>"
        f"{escape(catalogue.display_name(row.muscle))}</a></td>"
        f"<td>{escape(row.primary_function)}</td>"
        f"<td>{escape(', '.join(row.common_exercises))}</td></tr>"
        for row in rows
    )
    return (
        "<h2>At a glance</h2><table class='compare' cellspacing='0'>"
        "<tr><th>Muscle</th><th>Main job</th><th>Common exercises</th></tr>"
        f"{body}</table>"
    )


def _links(catalogue, ids) -> str:
    return ", ".join(f"<a href='select:{i.split('.')[0]}'>{escape(catalogue.display_name(i))}</a>"
                     for i in ids)  # fmt: skip


def _nerve_and_region_html(card, catalogue) -> str:
    """What a nerve supplies and what its loss costs; a region's borders and contents."""
    html = ""
    if card.kind == "nerve":
        supplied = _links(catalogue, card.supplies) if card.supplies else "no muscle (sensory)"
        html += f"<h2>Supplies (highlighted with it)</h2><p>{supplied}</p>"
        if card.other_supply:
            html += _list(card.other_supply)
        html += "<h2>What if it were injured</h2>" + _list(card.if_injured)
    if card.borders:
        html += "<h2>Borders</h2>" + _list(card.borders)
    if card.contents:
        html += "<h2>Contents</h2>" + _list(card.contents)
    if card.contains:
        html += f"<p>Shown with it: {_links(catalogue, card.contains)}</p>"
    return html


def overview_html(catalogue) -> str:
    overview = catalogue.overview
    html = STYLE + f"<h1>{escape(overview.title)}</h1>"
    html += "".join(f"<p>{escape(p)}</p>" for p in overview.paragraphs)
    if overview.how_to:
        html += "<h2>How to use</h2><table cellspacing='0'>"
        html += "".join(
            f"<tr><td class='key'>{escape(h.action)}</td><td>{escape(h.how)}</td></tr>"
            for h in overview.how_to
        )
        html += "</table>"
    if overview.when_to_seek_help:
        html += "<h2>When to seek help</h2>" + _list(overview.when_to_seek_help)
    html += f"<p class='note'>{escape(catalogue.disclaimer)}</p>"
    return html


def card_html(
    catalogue,
    card_id: str,
    part_id: str | None = None,
    expanded: set[str] | frozenset[str] = frozenset(),
    length_line: str = "",
) -> str:
    """Rich text of one card; ``part_id`` adds a note on the clicked part."""
    card = catalogue.card(card_id)
    expanded = set(expanded)
    html = STYLE + f"<h1>{escape(card.name)}</h1>"
    if card.latin_name:
        html += f"<p class='latin'>{escape(card.latin_name)}"
        if card.synonyms:
            html += f" · also called {escape(', '.join(card.synonyms))}"
        html += "</p>"
    part = catalogue.get_part(part_id) if part_id else None
    if part is not None:
        html += f"<p class='part'><b>{escape(part.name)}</b>: {escape(part.origin)}"
        html += f" {escape(part.note)}" if part.note else ""
        html += "</p>"
    if length_line:
        html += f"<p class='part'>{escape(length_line)}</p>"
    html += f"<p class='summary'>{escape(card.summary)}</p>"
    html += _facts_table(card)
    if card.kind == "group" and card.members:
        links = ", ".join(
            f"<a href='select:{m}'>{escape(catalogue.display_name(m))}</a>" for m in card.members
        )
        html += f"<p>Members: {links}</p>"
    html += _comparison_html(card, catalogue)
    html += _nerve_and_region_html(card, catalogue)
    if card.landmarks:
        html += "<h2>Landmarks</h2>" + _list(card.landmarks)
    if card.functions:
        html += "<h2>In daily life and sport</h2>" + _list(card.functions)
    if card.training_tips:
        html += "<h2>Training tips</h2>" + _list(card.training_tips)
    html += _notes_html(card.notes)
    exercises = catalogue.exercises_for(card_id)
    stretches = catalogue.stretches_for(card_id)
    tests = catalogue.tests_for(card_id)
    sections = {
        "exercises": (
            len(exercises),
            lambda: "".join(_exercise_html(e, catalogue) for e in exercises),
        ),
        "stretches": (
            len(stretches),
            lambda: "".join(_stretch_html(s, catalogue) for s in stretches),
        ),
        "tests": (len(tests), lambda: "".join(_test_html(t, catalogue) for t in tests)),
        "injuries": (
            len(card.injuries),
            lambda: "".join(_injury_html(i, catalogue) for i in card.injuries),
        ),
        "help": (len(card.when_to_seek_help), lambda: _list(card.when_to_seek_help)),
    }
    for key, title in COLLAPSIBLE_SECTIONS:
        count, body = sections[key]
        if not count:
            continue
        html += _section_heading(key, title, count, expanded)
        if key in expanded:
            html += body()
    references = catalogue.card_references(card_id)
    if references:
        html += "<h2>References</h2>" + references_html(references)
    html += f"<p class='note'>{escape(catalogue.disclaimer)}</p>"
    return html


#: Credit for the bone surfaces (shown in About; the README says the same).
BONE_SOURCE = (
    'the right-leg skeleton of Rajagopal et al. (2016), "Full-Body Musculoskeletal Model for '
    'Muscle-Driven Simulation of Human Gait", IEEE Trans. Biomed. Eng. 63(10):2068-2079, '
    "as packaged by MyoSuite (Caggiano et al. 2022) in the myo-sim package, Apache-2.0; "
    "read from the installed package, scaled to the atlas's adult."
)


def about_html(catalogue, version: str) -> str:
    """The About box: version, what the atlas is, the educational note, references."""
    references = references_html(catalogue.references())
    return (
        f"<h3>Leg Atlas {escape(version)}</h3>"
        "<p>A 3D atlas of the muscles at the back of the leg: the hamstrings and the calf.</p>"
        f"<p><i>{escape(catalogue.disclaimer)}</i></p>"
        f"<p><b>Bones</b>: {BONE_SOURCE}</p>"
        f"<p><b>References</b></p>{references}"
    )
