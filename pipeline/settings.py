"""One settings object for extraction: every tolerance, with the reason for its value, and the
registry overrides of one publication.

`ExtractSettings` is passed into the stages as an argument (no module globals, no hidden context), so a
run is fully described by its inputs. Tolerances are in PDF points or in shares of the font size or of the
page, never coordinates of one document. The README's tolerance table is generated from this class
(`tolerance_rows`), and a test fails when the two differ.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _tol(default: float, unit: str, why: str) -> Any:
    """A tolerance field: its default, its unit and why it has that value (for the README table)."""
    return field(default=default, metadata={"unit": unit, "why": why})


@dataclass(frozen=True)
class ExtractSettings:
    # --- readers: drawn rectangles -------------------------------------------------------------------
    rule_max_thickness: float = _tol(
        2.5, "pt", "a filled rectangle thinner than this is a ruling line (Word and LibreOffice draw borders so)")
    fill_min_side: float = _tol(3.0, "pt", "a filled rectangle at least this big both ways is a cell fill")

    # --- text: words into lines, paragraphs and chunks -------------------------------------------------
    line_y_tolerance: float = _tol(
        0.45, "× font size",
        "words whose vertical centres differ by less than this share one line (superscripts stay on it)")
    paragraph_gap: float = _tol(
        0.55, "× font size", "a gap between lines beyond this, over the line's own height, starts a paragraph")
    paragraph_extra_gap: float = _tol(
        0.2, "× font size",
        "... or a gap this much wider than the cell's usual line spacing (a paragraph space set tighter)")
    chunk_gap: float = _tol(0.75, "× font size", "words further apart than this are in different cells")
    chunk_gap_min: float = _tol(3.5, "pt", "... and words closer than this are never in different cells")

    # --- page furniture --------------------------------------------------------------------------------
    head_zone: float = _tol(0.10, "× page height", "top share of the page where running heads live")
    foot_zone: float = _tol(0.12, "× page height", "bottom share of the page where footers live")
    watermark_size: float = _tol(
        4.0, "× median font size", "a word this many times the page's usual size is a watermark ('DRAFT'), not text")
    repeat_share: float = _tol(0.3, "× pages", "a line repeated (digits ignored) on this share of pages is furniture")

    # --- headers: headings to fields -------------------------------------------------------------------
    fuzzy_heading: float = _tol(
        88, "rapidfuzz ratio", "a heading needs this ratio to match a synonym fuzzily ('Responsable' -> lead)")
    fuzzy_min_len: int = _tol(
        7, "characters", "headings shorter than this must match exactly, or 'Lead' would match 'Leads to'")
    max_header_lines: int = _tol(4, "lines", "text lines one header row may take ('The Outcomes We Are / Aiming For')")
    min_header_fields: int = _tol(3, "fields", "fields an action table's header must name, the action among them")
    heading_word_share: float = _tol(
        0.5, "× words", "share of a line's words that must be heading vocabulary for a header band to open on it")
    gutter_min_width: float = _tol(3.0, "pt", "narrowest white gutter in the body that parts two headings")

    # --- grid: columns and rows of an action table -----------------------------------------------------
    rule_y_cluster: float = _tol(1.5, "pt", "horizontal rules closer than this are one rule (double borders)")
    rule_cover: float = _tol(0.6, "× column width", "share of a column's width a rule must span to close its cell")
    anchor_tolerance: float = _tol(
        2.0, "pt", "text blocks whose tops are this close start one row (unruled tables)")
    fill_in_cell: float = _tol(0.5, "× fill area", "share of a fill that must lie in a cell to be its colour")

    # --- tables across pages ---------------------------------------------------------------------------
    header_max_straddle: float = _tol(
        0.12, "× words", "a header whose next lines cross its columns more than this heads prose, not a table")
    continuation_max_straddle: float = _tol(
        0.04, "× words", "a headerless page continues a table if at most this share of its words cross its columns")

    # --- legend ----------------------------------------------------------------------------------------
    legend_max_gap: float = _tol(250.0, "pt", "a legend's wording sits right of its swatch within this distance")
    legend_max_width: float = _tol(
        0.45, "× page width", "swatches wider than this are banners or header fills, not legend keys")

    # --- generic tables: ruled -------------------------------------------------------------------------
    rule_snap: float = _tol(2.0, "pt", "rules whose positions differ by less than this are one line")
    rule_join: float = _tol(3.0, "pt", "collinear segments with a gap up to this are one rule (cell-by-cell borders)")
    rule_touch: float = _tol(3.0, "pt", "a horizontal and a vertical rule touch when they come this close")
    min_rule: float = _tol(4.0, "pt", "rules shorter than this are ignored (tick marks, bullets drawn as lines)")
    edge_cover: float = _tol(0.5, "× boundary", "a boundary between two cells is drawn when rules cover this share")
    overhang: float = _tol(6.0, "pt", "a rule end this far past the outermost crossing rule is an extra grid line")
    full_width: float = _tol(0.9, "× table width", "a rule covering this share of the table runs across it")
    min_band_splits: int = _tol(2, "gaps", "a ruled band is split into text rows only with at least this many gaps")

    # --- generic tables: text-aligned ------------------------------------------------------------------
    min_table_lines: int = _tol(3, "lines", "a text-aligned table needs this many lines of two or more chunks")
    max_line_gap: float = _tol(2.6, "× line height", "a larger gap between consecutive lines ends a region")
    max_single_run: int = _tol(
        3, "lines", "single-chunk lines allowed in a row inside a region (section headings, wrapped labels)")
    gutter_support: int = _tol(3, "lines", "a gutter must show as a gap between chunks in this many lines")
    gutter_cross_share: float = _tol(
        0.12, "× lines", "... and may be crossed by at most this share of multi-chunk lines (spanning headings)")
    first_col_share: float = _tol(0.3, "× lines", "the row-start column holds text in at least this share of lines")
    wide_chunk: float = _tol(
        0.45, "× region width", "lines at a region's ends with a chunk this wide are prose (notes, captions)")
    gutter_step: float = _tol(1.0, "pt", "step of the gutter scan")

    # --- registry overrides (sources/<id>.toml [overrides]) ----------------------------------------------
    # Only these pages hold action tables (None: all pages).
    pages: tuple[int, ...] | None = None
    # Headings a registry entry adds or pins: (wording as printed, field) pairs, "ignore:column" to drop
    # a column. Pairs, not a dict, so that settings stay hashable and can key the stages' caches.
    headings: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_overrides(cls, overrides: dict | None, **tolerances: Any) -> ExtractSettings:
        """Settings for a publication whose registry entry has these (validated) overrides."""
        overrides = overrides or {}
        pages = overrides.get("pages")
        headings = tuple(sorted(dict(overrides.get("headings", {})).items()))
        return cls(pages=tuple(pages) if pages else None, headings=headings, **tolerances)


DEFAULT_SETTINGS = ExtractSettings()


def tolerance_rows() -> list[tuple[str, Any, str, str]]:
    """(name, default, unit, why) of every tolerance, in the order declared."""
    return [
        (f.name, f.default, f.metadata["unit"], f.metadata["why"])
        for f in dataclasses.fields(ExtractSettings)
        if "why" in f.metadata
    ]
