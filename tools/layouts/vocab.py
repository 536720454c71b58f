"""Vocabularies of the layout generator: header wordings, officer titles, themes, measures, other columns.

Header wordings are the point of the benchmark: ``WORDINGS`` holds, per canonical field, how councils
head that column (statements, questions, first-person forms). None of them is in schemas/headers.json at
the time of writing; ``split_wordings`` divides them by a FIXED seed into a *seen* half (which the
extraction issue may add to schemas/headers.json) and an *unseen* half that is only ever used to measure
(tests/test_layout_generator.py fails if an unseen wording appears anywhere in schemas/). ``COMMON`` are
wordings schemas/headers.json already holds; they always count as seen.
"""

from __future__ import annotations

import random
import re

# The seed of the seen/unseen split. Never change it: the unseen half must stay unseen.
SPLIT_SEED = 20261201

# Wordings schemas/headers.json already knows (always "seen").
COMMON: dict[str, tuple[str, ...]] = {
    "action": ("Action", "Actions", "What we will do", "Key actions", "Actions required"),
    "action_ref": ("Ref", "Ref No", "Action ref"),
    "outcome": ("Outcome", "Intended outcome", "What we want to achieve"),
    "objective": ("Objective", "Area for improvement"),
    "measures": ("Success measures", "How we will know", "Evidence of impact"),
    "lead_officer_raw": ("Lead officer", "Lead", "Who?", "Responsible officer"),
    "rag_raw": ("RAG", "Status", "Progress", "RAG status"),
    "milestone_raw": ("Timescale", "Deadline", "Target date", "When?"),
    "key_area": ("Key area", "Workstream"),
    "detailed_action_plan": ("Detailed action plan", "Linked plan"),
    "theme": ("Theme", "Priority"),
    "milestone_and_rag": ("Date and rating",),
    "extra": ("Comments", "Progress update", "Budget", "Commentary", "Notes"),
}

# Wordings not in schemas/headers.json when this was written; split into seen and unseen halves.
WORDINGS: dict[str, tuple[str, ...]] = {
    "action": (
        "What we have committed to", "What are we going to do?", "What will we do?", "We will",
        "Action to be delivered", "Planned action", "Steps we will take", "Agreed action", "Activity planned",
        "Intervention", "Commitment", "Our commitments", "Improvement activity", "What needs to happen",
        "Description of action", "Actions agreed", "Specific action", "Work to be done", "Proposed action",
        "What is being done?", "Deliverable", "Deliverables",
    ),
    "action_ref": (
        "Seq", "Item no", "ID", "Line", "Action code", "Ref code", "Index", "Action ID", "Reference no", "Plan ref",
        "Ref number",
    ),
    "outcome": (
        "Shared ambition", "What difference will this make?", "Outcome we expect", "Expected impact",
        "What success looks like", "Result we want", "Outcomes for children", "Intended impact",
        "What will be different?", "Planned outcome", "End result",
    ),
    "objective": (
        "Improvement area", "Why is this important?", "Our aim", "Priority objective", "Strategic objective",
        "What needs to improve?", "Problem statement", "Area of concern", "Improvement required",
        "Purpose", "Rationale", "The issue we are tackling",
    ),
    "measures": (
        "Target measure", "How will we know we have succeeded?", "Measures of impact", "Performance measure",
        "Indicators of success", "Evidence of progress", "What will success look like?", "Impact measure",
        "Outcome measures", "How we will measure it", "Success looks like", "Evidence of completion",
        "Monitoring measure",
    ),
    "lead_officer_raw": (
        "Led by", "Who is responsible?", "Accountable", "Lead manager", "Owner(s)", "Responsible person",
        "Who will do it?", "Named lead", "Senior lead", "Lead role", "Responsible manager",
        "Who leads?", "Officer responsible", "Delivery lead", "Lead service", "Who owns this?",
    ),
    "rag_raw": (
        "BRAG status", "RAG rating (current)", "Current RAG", "Overall status", "Status update",
        "Progress RAG", "Delivery status", "How are we doing?", "Current position", "Self-rating", "Assessment",
        "Direction of travel", "Confidence", "Status at Q2",
    ),
    "milestone_raw": (
        "Due by", "By when?", "Target completion", "End date", "Completion by", "Delivery date",
        "Timeline", "When will it be done?", "Date due", "Target timescale", "Expected completion",
        "Key date", "Milestone date", "Deadline date",
    ),
    "key_area": (
        "Workstream lead area", "Service area", "Board", "Sub-group", "Delivery strand", "Programme area",
        "Thematic area", "Pillar", "Domain", "Key line of enquiry",
    ),
    "detailed_action_plan": (
        "Supporting strategy", "Related strategy", "Underpinning plan", "Linked strategy", "Plan",
        "Source plan", "Associated plan", "Where detailed",
    ),
    "theme": ("Strategic priority", "Priority theme", "Key priority", "Ambition", "Theme area"),
    "milestone_and_rag": (
        "Date / RAG", "Deadline and RAG", "Timescale / status", "Due date and rating", "When and status",
    ),
    # columns with no canonical field
    "extra": (
        "Shared outcome", "Mitigation", "Resources required", "Risks", "Update this quarter", "Dependencies",
        "Barriers", "Funding", "Cost estimate", "Partner agencies", "Remarks", "Latest position",
    ),
}

# Which non-canonical column kind a wording of "extra" heads (decides the cell text it gets).
EXTRA_KINDS = {
    "Comments": "comment", "Shared outcome": "outcome", "Progress update": "comment", "Mitigation": "mitigation",
    "Budget": "budget", "Resources required": "budget", "Risks": "mitigation", "Commentary": "comment",
    "Update this quarter": "comment", "Dependencies": "mitigation", "Notes": "comment", "Barriers": "mitigation",
    "Funding": "budget", "Cost estimate": "budget", "Partner agencies": "comment", "Remarks": "comment",
    "Latest position": "comment",
}

OFFICER_TITLES = (
    "Director of Children's Services", "Assistant Director, Early Help", "Head of Safeguarding",
    "Principal Social Worker", "Service Manager, Children in Care", "Head of Quality Assurance",
    "Assistant Director, Education", "Head of Commissioning", "Strategic Lead, SEND", "Head of HR",
    "Business Intelligence Manager", "Virtual School Head", "Head of Youth Justice",
    "Designated Nurse, Safeguarding", "Independent Chair, Safeguarding Partnership",
    "Head of Workforce Development", "Corporate Parenting Lead", "Finance Business Partner",
    "Head of Fostering and Adoption", "Team Manager, Front Door",
)

THEMES = (
    "Leadership and Governance", "Practice Quality", "Early Help and Prevention", "Children in Care",
    "Care Leavers", "Workforce", "Partnerships", "Voice of the Child", "Education and SEND",
    "Performance and Quality Assurance", "Safeguarding at the Front Door", "Resources and Sufficiency",
)

MEASURES = (
    "Caseloads average no more than 18 per social worker.",
    "90% of assessments are completed within 45 working days.",
    "Audits rated good or better rise to 60%.",
    "Agency staff fall below 15% of the workforce.",
    "Every child in care has an up-to-date plan.",
    "Re-referrals within 12 months fall below 20%.",
    "Children report that they feel listened to.",
    "Supervision is recorded monthly for all staff.",
)

COMMENTS = (
    "Progress reported to the Improvement Board in March.",
    "Recruitment campaign launched; interviews scheduled.",
    "Awaiting sign-off by the Leadership Team.",
    "Delayed by staff changes; revised date agreed.",
    "Completed and evidenced in the quarterly audit.",
    "Pilot running in two localities.",
)

MITIGATIONS = (
    "Interim cover arranged through the agency framework.",
    "Monthly monitoring by the Assistant Director.",
    "Escalation to the Improvement Board if slippage continues.",
    "Additional funding requested from the Cabinet Member.",
)

INDICATORS = (
    "Contacts leading to referral", "Assessments within 45 days", "Repeat child protection plans",
    "Children in care per 10,000", "Care leavers in education, employment or training",
    "Social worker vacancy rate", "Audits rated good or better", "Visits within timescale",
)

BUDGET_LINES = (
    "Social Work Academy", "Agency staff", "Practice Improvement Managers", "Quality Assurance team",
    "Training programme", "IT case management system", "Family hubs", "Edge of care service",
)


def norm_heading(text: str) -> str:
    """How pipeline/extract/headers.py compares headings: lower case, punctuation other than ? and & dropped."""
    text = re.sub(r"[^\w\s?&]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def split_wordings(seed: int = SPLIT_SEED) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(seen, unseen): per field, the wordings of each half (COMMON is in seen). Fixed by the seed."""
    rng = random.Random(seed)
    seen: dict[str, list[str]] = {f: list(COMMON.get(f, ())) for f in WORDINGS}
    unseen: dict[str, list[str]] = {f: [] for f in WORDINGS}
    for fld, words in WORDINGS.items():
        shuffled = list(words)
        rng.shuffle(shuffled)
        half = len(shuffled) // 2
        seen[fld] += shuffled[:half]
        unseen[fld] += shuffled[half:]
    return seen, unseen


def all_wordings() -> list[str]:
    return [w for words in WORDINGS.values() for w in words]
