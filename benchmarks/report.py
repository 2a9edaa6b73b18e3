"""The benchmark's output: a text table for the terminal and RESULTS.md."""

from __future__ import annotations

from benchmarks.findings import FINDINGS, NOTES


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = (
        f"{value:.0f}"
        if abs(value) >= 100
        else f"{value:.3g}"
        if abs(value) < 10
        else f"{value:.1f}"
    )
    return f"{text} {unit}".strip()


def _rows(report: dict) -> list[list[str]]:
    rows = []
    for row in report["budget"]:
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else "-"
        rows.append(
            [
                row["label"],
                _number(row["value"], row["unit"]),
                _number(row["floor"], row["unit"]),
                ratio,
                row["budget"],
                row["result"],
            ]
        )
    return rows


HEADER = ["Figure", "Leg Atlas", "Bare floor", "Ratio", "Budget", "Result"]


def text_table(report: dict) -> str:
    rows = [HEADER, *_rows(report)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    machine = report["machine"]
    details = report["details"]
    lines += [
        "",
        f"{machine['cpu']}, {machine['cores']} cores; {' / '.join(machine['gl_renderer'][1:2])}",
        f"median of {details['repeats']} repeat(s)"
        + (" (quick mode: small counts)" if details["quick"] else "")
        + f"; {report['duration_s']:.0f} s",
    ]
    if report["misses"]:
        lines.append(
            "misses: " + ", ".join(report["misses"]) + " (causes in benchmarks/RESULTS.md)"
        )
    return "\n".join(lines)


def _markdown_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _details(report: dict) -> list[str]:
    session = report["details"]["app_session"]
    floor = report["details"]["cold_start_floor"][-1]
    app_marks = report["details"]["cold_start_app"][-1]["marks_s"]
    floor_marks = floor["marks_s"]
    rotation = session["rotation"][-1]
    slider = session["pose_slider"][-1]
    growth = session["memory_selections"]
    lost = session["none_lost_per"]
    return [
        f"- Scene: {session['triangles']:,} triangles; 3D view {session['view_size_px'][0]}x"
        f"{session['view_size_px'][1]} inside a {session['window_size_px'][0]}x"
        f"{session['window_size_px'][1]} window; the floor's view is "
        f"{floor['view_size_px'][0]}x{floor['view_size_px'][1]} with "
        f"{floor['multi_samples']}x MSAA (pyvistaqt's default).",
        "- The window is usable (menus, tree, search, cards; a placeholder where the leg "
        "will be) before VTK, pyvista and matplotlib load: loaded at that moment: "
        + (
            ", ".join(report["details"]["cold_start_app"][-1]["toolkits_loaded_at_first_window"])
            or "none of them"
        )
        + ". The bare Qt window is a PySide6 main window with menus, a filled tree and a "
        "rich-text dock, nothing of the atlas.",
        "- Memory by part (RSS growth as each loads, MB): "
        + ", ".join(
            f"{name.replace('_', ' ')} {value:.0f}"
            for name, value in report["details"]["memory_parts"]["parts_mb"].items()
        )
        + f"; total {report['details']['memory_parts']['total_mb']:.0f} MB. The leg's VTK arrays "
        f"themselves are {report['details']['memory_parts']['mesh_arrays_mb']:.1f} MB.",
        "- Cold start marks (s from launch, app): "
        + ", ".join(f"{name} {value:.2f}" for name, value in app_marks.items())
        + "; floor: "
        + ", ".join(f"{name} {value:.2f}" for name, value in floor_marks.items())
        + ".",
        f"- Pick: click to card text {session['pick_to_card_text_ms']:.0f} ms, to the next "
        f"painted frame {session['pick_ms']:.0f} ms.",
        "- Rotation is a real left-button drag (one mouse move per frame, through VTK's "
        f"trackball style); turning the camera in code and calling pyvista's `render()` costs "
        f"{session['rotation_by_render_call']['median_ms']:.0f} ms per frame "
        f"({session['rotation_by_render_call']['renders_per_frame']:.1f} renders) in the app, "
        f"{floor['rotation_by_render_call']['median_ms']:.0f} ms in the floor.",
        f"- VTK renders per shown frame: rotation {rotation['renders_per_frame']:.1f}, "
        f"pose slider {slider['renders_per_frame']:.1f}, floor rotation "
        f"{floor['rotation']['renders_per_frame']:.1f}; 90th percentile frame: rotation "
        f"{rotation['p90_ms']:.0f} ms, pose slider {slider['p90_ms']:.0f} ms.",
        f"- While a drag or a moving pose slider lasts, the view draws at "
        f"{session['still_frame']['scale_during_drag']:g} of its size "
        f"(`viewer/render/interactive_quality.py`) with the coarse twins of "
        f"`viewer/render/detail.py` ({session.get('triangles_while_moving', 0):,} triangles; "
        f"a slider step re-poses only them); the rotation and slider frames above are "
        f"those cheap frames. The sharp frame after the release is shown "
        f"{session['still_frame_ms']:.0f} ms after it. The view is a raster widget "
        f"(`viewer/gui/raster_view.py`: VTK renders off screen, Qt paints the picture); a "
        f"plain QOpenGLWidget that only clears, in a window of the app's size, takes "
        f"{session['empty_gl_widget_frame_ms']:.0f} ms per frame: the window-wide OpenGL "
        f"composition that pyvistaqt's view paid under every frame, and this one avoids.",
        f"- Selections: {growth['selections']} drawn, {growth['ms_per_selection']:.0f} ms each; "
        f"resident memory {growth['before_mb']:.0f} -> {growth['after_mb']:.0f} MB.",
        "- References to `None` lost by PySide6 per operation: "
        + ", ".join(f"{name} {value:.1f}" for name, value in lost.items())
        + ".",
    ]


def _load_line(machine: dict) -> list[str]:
    """How busy the machine was (other programs slow every absolute figure; ratios hold)."""
    if "load_average" not in machine:
        return []
    start, end = machine["load_average"]
    return [
        f"- Load average (1 min, {machine['cores']} cores): {start:.1f} at the start, "
        f"{end:.1f} at the end; above the core count, other programs shared the CPU and "
        "absolute times are longer than on an idle machine (the floors, measured in the same "
        "run, were slowed alike)."
    ]


def markdown_report(report: dict) -> str:
    machine = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py --write-results` (`make bench` prints the same "
        "table). Figures are medians of the repeats after a warm-up; the bare floor is a plain "
        "`pyvistaqt.QtInteractor` with default settings showing the same meshes, measured in "
        "the same run.",
        "",
        f"- Date: {report['date']}",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB RAM",
        f"- OpenGL: {'; '.join(s.split(':', 1)[-1].strip() for s in machine['gl_renderer'])}",
        f"- Display: Xvfb {machine['display']}; {machine['os']}",
        f"- Python {machine['python']}, VTK {machine['vtk']}, PyVista {machine['pyvista']}, "
        f"pyvistaqt {machine['pyvistaqt']}, PySide6 {machine['pyside6']}",
        f"- Repeats: {report['details']['repeats']}"
        + (" (quick mode)" if report["details"]["quick"] else "")
        + f"; run took {report['duration_s']:.0f} s",
        *_load_line(machine),
        "",
        _markdown_table(_rows(report)),
        "",
        "## Details",
        "",
        *_details(report),
        "",
    ]
    misses = report["misses"]
    if misses:
        lines += ["## Misses: profiled causes and fixes", ""]
        for key in misses:
            label = next(row["label"] for row in report["budget"] if row["key"] == key)
            lines += [f"### {label}", "", FINDINGS.get(key, "Not profiled yet."), ""]
    lines += ["## Notes", "", NOTES, ""]
    return "\n".join(lines)
