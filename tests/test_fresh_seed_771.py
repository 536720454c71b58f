"""Behaviours found on fresh layout seeds 771 on, and on the open failures of earlier seeds (unseen
wordings). Each case names the layout it came from and what it scored before and after."""

from __future__ import annotations

from pipeline.extract.columns import profile, resolve
from pipeline.extract.headers import find_all_headers, find_headers
from tests.pages import load_page

DELIVERABLES = ["Develop and agree a workforce strategy and an action plan that supports it.",
                "Recruit a Participation Officer to lead the work with young people.",
                "Review the support given to care leavers in education and training.",
                "Deliver a targeted recruitment drive for senior managers and leaders.",
                "Introduce a quality assurance framework across the whole service."]
TITLES = ["People Strategy and Action Plan", "Improve Outcomes Programme", "People Strategy and Action Plan",
          "Improve Outcomes Programme", "Safeguarding and Quality Assurance Service Plan"]
MEASURES = ["We will see an increase in employees accessing quality training and development.",
            "Children report that they feel listened to and that their views shape the service.",
            "Fewer children wait more than six weeks for an assessment of their needs.",
            "Turnover of staff and the vacancy rate will reduce over the year.",
            "Feedback from audits will evidence that managers have capacity to oversee practice."]


def test_a_heading_set_loose_beside_a_turned_heading_is_one_heading_not_a_group_heading():
    """LibreOffice set a two-level header's lines 5 pt apart (more than GROUP_GAP of a 9 pt size): "Key
    line" / "of" / "enquiry" stood over its own next line and beside a turned "Line", and was dropped as a
    group heading over both; "of enquiry" then read as a body cell and no header was found (layout 76100007,
    seed 761: 0 -> 99.2%)."""
    page = load_page("turned-heading-beside-a-heading-set-loose")
    [header] = find_headers(page)
    assert "Key line of enquiry" in [c.text for c in header.cells]
    assert {"action", "measures", "lead_officer", "milestone_and_rag"} <= set(header.fields)


def test_a_group_heading_over_level_sub_headings_stays_a_group_heading_at_the_bands_leading():
    """The control: "Monitoring" stands over "Lead role" and "What will success look like?", both opening
    on the line under it at the band's own leading; it groups them (layout 61100032, seed 611, 100%)."""
    page = load_page("group-heading-at-the-bands-leading")
    actions, others = find_all_headers(page)[:2]
    cells = {c.text: c.field for h in [*actions, *others] for c in h.cells}
    assert cells.get("Lead role") == "lead_officer"
    assert not any(text.startswith("Monitoring") for text in cells)


def test_an_action_column_chosen_by_its_cells_is_chosen_again_by_the_whole_tables_cells():
    """A header low on its page had two rows under it, whose "Related strategy" titles both opened on a
    verb-like word ("Improve ..."), and took the action; over the whole table "Deliverable" opens on a verb
    in every row and "Related strategy" in few (layout 75100018, seed 751: 0 -> 61.8%)."""
    fields = ["action", "measures", "measures"]
    profiles = [profile(TITLES), profile(MEASURES), profile(DELIVERABLES)]
    cued: list[list[str]] = [[], ["measures"], ["measures"]]
    out = resolve(fields, profiles, [False] * 3, [True, False, False], cued)
    assert out[2] == "action" and out[0] != "action"
    # A heading that names the action keeps it, whatever its cells open on.
    named: list[list[str]] = [["action"], ["measures"], ["measures"]]
    assert resolve(fields, profiles, [False] * 3, [True, False, False], named)[0] == "action"
