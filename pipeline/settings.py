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

    # --- readers: characters into words ---------------------------------------------------------------
    word_x_tolerance: float = _tol(
        1.5, "pt", "a gap along the line wider than this starts a new word (pdfplumber's x_tolerance, as both readers use it)")
    word_y_tolerance: float = _tol(
        3.0, "pt", "characters whose tops differ by more than this are on different lines (pdfplumber's y_tolerance)")
    blank_ink: float = _tol(0.01, "pt", "a text object narrower or flatter than this has no ink: a space")
    duplicate_cover: float = _tol(
        0.9, "× box", "share of an unread text object's box that read text must cover for it to be a copy (fake bold), not lost")

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
    min_header_fields: int = _tol(3, "fields", "fields a table's header must name when the action is not among them")
    min_action_header_fields: int = _tol(
        2, "fields", "fields an action table's header must name, the action among them (the action and its "
        "owner, date, status or measures)")
    heading_word_share: float = _tol(
        0.5, "× words", "share of a line's words that must be heading vocabulary for a header band to open on it")
    gutter_min_width: float = _tol(3.0, "pt", "narrowest white gutter in the body that parts two headings")

    # --- grid: columns and rows of an action table -----------------------------------------------------
    rule_y_cluster: float = _tol(1.5, "pt", "horizontal rules closer than this are one rule (double borders)")
    rule_cover: float = _tol(0.6, "× column width", "share of a column's width a rule must span to close its cell")
    anchor_tolerance: float = _tol(
        2.0, "pt", "text blocks whose tops are this close start one row (unruled tables)")
    fill_in_cell: float = _tol(0.5, "× fill width", "share of a fill's width (and of its height or the row's) lying in a cell to be its colour")

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

    # --- normalise: statuses ----------------------------------------------------------------------------
    fuzzy_status: float = _tol(
        88.0, "rapidfuzz ratio",
        "a status wording this close to a vocabulary phrase is its typo ('Not strated' 91); other words score far less "
        "('Deferred' / 'delayed' 53); below it the status is unknown or the fill's, and reported")
    max_colour_distance: float = _tol(
        25.0, "CIE76 ΔE",
        "a fill this close to a palette swatch has its status: fills drift 5-15 (tints, CMYK), RAG colours are 30+ apart")

    # --- normalise: lead officers ------------------------------------------------------------------------
    fuzzy_officer: float = _tol(
        90.0, "rapidfuzz ratio", "an officer wording this close to a catalogue entry is its typo or variant")
    fuzzy_officer_max_edits: int = _tol(
        3, "edits", "... and at most this many letters apart, so long titles differing in one word stay apart")
    fuzzy_unify_min_len: int = _tol(
        12, "characters", "holders shorter than this are never unified fuzzily within a document (acronyms, short names)")
    definition_max_words: int = _tol(
        8, "words", "words before '(ABC)' read as the title the document defines the abbreviation for")

    # --- normalise: milestones ----------------------------------------------------------------------------
    implausible_months_before: int = _tol(
        6, "months", "a deadline ending more than this before publication is reported as implausible (a typo'd year)")
    implausible_years_after: int = _tol(
        10, "years", "a deadline starting more than this after publication is reported as implausible")
    earliest_year: int = _tol(1990, "year", "without a publication date, a year before this is implausible")
    latest_year: int = _tol(2100, "year", "... and a year after this")
    yearless_tie_days: int = _tol(
        45, "days", "a month without a year is left unread when its occurrences either side of publication are this near")
    scan_max_words: int = _tol(7, "words", "longest run of words read as one date inside a longer milestone text")
    max_combined_words: int = _tol(
        30, "words", "a 'milestone and RAG' cell longer than this is prose, not a date and a rating")

    # --- the document's producer (set from the PDF's metadata when it is read, not a tolerance) -----------
    # Its line breaker breaks after a slash inside a word ("children/" / "young"): HTML engines on Pango
    # (WeasyPrint) do; office suites (LibreOffice, Word) and ReportLab break only at a space, so a line
    # ending on a slash before a word broke at a space after it (pipeline.extract.text.joins_close).
    slash_breaks: bool = False

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


@dataclass(frozen=True)
class DiffSettings:
    """Every tolerance of `planpipe diff` (pipeline.diff), with its reason; passed to `diff_plans`."""

    # --- similarity of two actions: weights of each field's text similarity --------------------------
    # Weights of fields missing on either side are dropped and the rest renormalised, so a layout without
    # objectives is not penalised.
    weight_action: float = _tol(0.55, "× similarity", "the action text decides most")
    weight_measures: float = _tol(
        0.25, "× similarity", "measures ('how we will know') are usually carried over when an action is reworded")
    weight_theme: float = _tol(
        0.05, "× similarity", "theme, objective, outcome and lead break ties between look-alike actions ('Review ...')")
    weight_objective: float = _tol(0.05, "× similarity", "as weight_theme")
    weight_outcome: float = _tol(0.05, "× similarity", "as weight_theme")
    weight_lead: float = _tol(0.05, "× similarity", "as weight_theme")

    # --- pairing -------------------------------------------------------------------------------------------
    match_min: float = _tol(
        0.62, "similarity",
        "a pair is kept at this: unrelated actions of one plan score up to about 0.6, one action reworded 0.75 and more")
    text_match_min: float = _tol(
        0.85, "similarity", "a pair whose action text alone is this similar is kept whatever its context (moved theme)")

    # --- splits and merges ---------------------------------------------------------------------------------
    part_coverage_min: float = _tol(
        0.6, "× content words", "a part's content words must mostly appear in the whole it is a piece of")
    part_gain_min: float = _tol(
        0.15, "× content words", "... and adding the part must raise the share of the whole's words its partner covers by this")
    part_similarity_min: float = _tol(
        0.62, "similarity", "... and the part must be as similar to the whole as a paired action is (match_min)")

    @property
    def weights(self) -> dict[str, float]:
        """Field -> weight, in the order the similarities are summed."""
        return {"action": self.weight_action, "measures": self.weight_measures, "theme": self.weight_theme,
                "objective": self.weight_objective, "outcome": self.weight_outcome, "lead": self.weight_lead}


DEFAULT_DIFF_SETTINGS = DiffSettings()


def tolerance_rows(settings: type = ExtractSettings) -> list[tuple[str, Any, str, str]]:
    """(name, default, unit, why) of every tolerance of a settings class, in the order declared."""
    return [
        (f.name, f.default, f.metadata["unit"], f.metadata["why"])
        for f in dataclasses.fields(settings)
        if "why" in f.metadata
    ]
