"""Text -> canonical values: RAG status, lead officers, milestones. Pure functions; vocabularies are data
under schemas/ (status_vocabulary.json, glossary.json, officers.json). Issues come back without page/seq: the caller
(records assembly) knows where the cell was and adds them."""

from pipeline.normalise.milestones import Milestone, parse_milestone, rating_only, split_date_and_rating
from pipeline.normalise.officers import (
    DocumentContext,
    Holder,
    canonical_leads,
    canonical_officers,
    canonical_role,
    parse_holders,
    split_officers,
    unify_within_document,
)
from pipeline.normalise.rag import (
    Palette,
    StatusResult,
    Swatch,
    colour_distance,
    hex_colour,
    resolve_status,
    status_from_wording,
)

__all__ = [
    "DocumentContext",
    "Holder",
    "Milestone",
    "Palette",
    "StatusResult",
    "Swatch",
    "canonical_leads",
    "canonical_officers",
    "canonical_role",
    "colour_distance",
    "hex_colour",
    "parse_holders",
    "parse_milestone",
    "resolve_status",
    "rating_only",
    "split_date_and_rating",
    "split_officers",
    "status_from_wording",
    "unify_within_document",
]
