"""Lead-officer cells -> canonical roles, and the Sefton Phase 1 reference officers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalise import canonical_officers, split_officers

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference" / "sefton-phase1-plan.json"

AD_EDU = "Assistant Director of Education"
AD_HP = "Assistant Director of Help and Protection"
AD_SRQA = "Assistant Director of Safeguarding Review and Quality Assurance"
AD_CFC = "Assistant Director of Cared for Children"
ADS_CSC = "Assistant Directors of Children's Social Care"
JOINT = "Joint Sefton NHS Place Director and Executive Director of Social Care and Health"
HR = "Human Resources"
PSW = "Principal Social Worker"
DCS = "Director of Children's Services"

CASES = [
    # one role, printed several ways
    ("Assistant Director for Education", [AD_EDU]),
    ("Assistant Director of Education", [AD_EDU]),
    ("Assitant Director for Education", [AD_EDU]),
    ("Assistant Director Education", [AD_EDU]),
    ("AD Education", [AD_EDU]),
    ("assistant director of education", [AD_EDU]),
    ("Assistant Director Help and Protection", [AD_HP]),
    ("Assistant Director of Help & Protection", [AD_HP]),
    ("Assistant Director Help and Protection.", [AD_HP]),
    ("Asistant Director Help & Protecton", [AD_HP]),
    ("Assistant Director Safeguarding Review & Quality Assurance", [AD_SRQA]),
    ("Assistant Director of Safeguarding, Review and QA", [AD_SRQA]),
    ("Assistant Director Cared for Children", [AD_CFC]),
    ("Executive Director of Children\u2019s Services", ["Executive Director of Children's Services"]),
    ("Executive Director of Children's Services", ["Executive Director of Children's Services"]),
    ("Exec Dir Children\u2019s Services", ["Executive Director of Children's Services"]),
    ("Executive Director (People)", ["Executive Director of People"]),
    ("Executive Director for Corporate Resources and Customer Services",
     ["Executive Director of Corporate Resources and Customer Services"]),
    ("Joint Sefton NHS Place Director and Executive Director Social Care and Health", [JOINT]),
    ("Service Manager Fostering", ["Service Manager for Fostering"]),
    ("SM Fostering", ["Service Manager for Fostering"]),
    ("Virtual Headteacher", ["Virtual School Headteacher"]),
    ("All Senior Leadership team", ["Senior Leadership Team"]),
    ("Sefton Safeguarding Partnership Scrutineer", ["Safeguarding Partnership Scrutineer"]),
    ("Principle Social Worker", [PSW]),
    ("PSW", [PSW]),
    ("DCS", [DCS]),
    ("IRO", ["Independent Reviewing Officer"]),
    ("HR", [HR]),
    ("Chief Executive", ["Chief Executive"]),
    ("CEO", ["Chief Executive"]),
    ("  Head of   Service ", ["Head of Service"]),
    ("\u2022 Team Manager", ["Team Manager"]),
    # several people or bodies in one cell
    ("Children\u2019s Assistant Directors & HR", [ADS_CSC, HR]),
    ("Assistant Directors Children\u2019s Social Care with HR", [ADS_CSC, HR]),
    ("Assistant Director Safeguarding Review & Quality Assurance\nPrincipal Social Worker", [AD_SRQA, PSW]),
    ("Assistant Director Cared for Children\nLead Member Children\u2019s Social Care",
     [AD_CFC, "Lead Member for Children's Social Care"]),
    ("DCS & PSW", [DCS, PSW]),
    ("DCS and PSW", [DCS, PSW]),
    ("Head of Service/Team Manager", ["Head of Service", "Team Manager"]),
    ("Head of Service, Team Manager", ["Head of Service", "Team Manager"]),
    ("Director of Finance and Head of HR", ["Director of Finance", "Head of Human Resources"]),
    ("Chief Executive and Leader of the Council", ["Chief Executive", "Leader of the Council"]),
    ("AD Education; AD Help and Protection", [AD_EDU, AD_HP]),
    ("PSW\nPSW", [PSW]),
    # not in the catalogue: kept as printed, tidied, abbreviations written out
    ("Council and partners", ["Council and partners"]),
    ("Jane Smith, Head of Service", ["Jane Smith, Head of Service"]),
    ("Head of Service Jane Smith", ["Jane Smith, Head of Service"]),
    ("Named Person, Head of Service", ["Named Person, Head of Service"]),
    ("Joint Place Director and Executive Director of Social Care and Health",
     ["Joint Place Director and Executive Director of Social Care and Health"]),
    ("Assistant Director of Health", ["Assistant Director of Health"]),
    ("Children\u2019s Commissioner.", ["Children's Commissioner"]),
    ("", []),
    (None, []),
]


@pytest.mark.parametrize(("raw", "roles"), CASES, ids=[c[0] for c in CASES])
def test_officer_cell_gives_canonical_roles_in_printed_order(raw, roles):
    assert canonical_officers(raw)[0] == roles


def test_officer_cases_cover_at_least_forty_strings():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("Assistant Director for Education", []),
        ("Assitant Director for Education", ["officer-fuzzy"]),
        ("Council and partners", []),  # a partner organisation, read by structure
        ("Jane Smith, Head of Service", []),  # a named person with a title
        ("Director of Children's Services and Jane Smith", []),
        ("see above", ["officer-unknown"]),  # names no role, team, organisation or person
        ("Director of Children's Services\nsee above", ["officer-unknown"]),
        (None, []),  # the caller, which knows about inherited cells, reports officer-missing
        ("  ", []),
    ],
)
def test_officer_issues_report_fuzzy_and_unknown_roles(raw, codes):
    assert [i.code for i in canonical_officers(raw)[1]] == codes


def test_officer_issue_carries_field_and_printed_value_without_page_or_seq():
    (issue,) = canonical_officers("Principal Social Worker\nsee above")[1]
    assert (issue.field, issue.value, issue.page, issue.seq) == ("lead_officer", "see above", None, None)


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        ("Assistant Director Safeguarding Review & Quality Assurance",
         ["Assistant Director Safeguarding Review & Quality Assurance"]),
        ("Executive Director for Corporate Resources and Customer Services",
         ["Executive Director for Corporate Resources and Customer Services"]),
        ("Joint Sefton NHS Place Director and Executive Director Social Care and Health",
         ["Joint Sefton NHS Place Director and Executive Director Social Care and Health"]),
        ("Children\u2019s Assistant Directors & HR", ["Children's Assistant Directors", "HR"]),
        ("Jane Smith and John Brown", ["Jane Smith", "John Brown"]),  # two named people
        ("Organisation Development & Staff Engagement", ["Organisation Development & Staff Engagement"]),
        ("Commercial Ethics and Sustainability Lead", ["Commercial Ethics and Sustainability Lead"]),
        ("Council and partners", ["Council and partners"]),  # one collective holder: 'partners' is not a title
    ],
)
def test_split_never_cuts_inside_a_title(raw, parts):
    assert split_officers(raw) == parts


# ---------------------------------------------------------------------------------------------------
# The Sefton Phase 1 reference plan


def _sefton_officers() -> dict[int, str]:
    actions = json.loads(REFERENCE.read_text(encoding="utf-8"))["actions"]
    return {a["seq"]: a["lead_officer"] for a in actions}


def test_sefton_all_spellings_of_one_role_map_to_one_value():
    raws = set(_sefton_officers().values())
    by_role: dict[str, set[str]] = {}
    for raw in raws:
        for role in canonical_officers(raw)[0]:
            by_role.setdefault(role, set()).add(raw)
    assert by_role[AD_EDU] == {
        "Assistant Director for Education", "Assistant Director of Education", "Assitant Director for Education",
    }
    assert by_role[AD_HP] == {
        "Assistant Director Help and Protection", "Assistant Director of Help & Protection",
        "Assistant Director Help and Protection.",
    }
    assert by_role[AD_SRQA] == {
        "Assistant Director Safeguarding Review & Quality Assurance",
        "Assistant Director Safeguarding Review & Quality Assurance\nPrincipal Social Worker",
    }


def test_sefton_two_multi_officer_cells_split_into_two_roles_each():
    officers = _sefton_officers()
    assert canonical_officers(officers[22])[0] == [AD_SRQA, PSW]
    assert canonical_officers(officers[89])[0] == [AD_CFC, "Lead Member for Children's Social Care"]


def test_sefton_every_cell_gives_at_least_one_role_and_no_unknown_string():
    officers = _sefton_officers()
    results = {seq: canonical_officers(raw) for seq, raw in officers.items()}
    assert all(roles for roles, _ in results.values())
    unknown = sorted({i.value for _, issues in results.values() for i in issues if i.code == "officer-unknown"})
    # 33 distinct printed cells; 'Council and partners' (a body, not a role) is read as a partner organisation.
    assert unknown == []
    distinct_roles = {r for roles, _ in results.values() for r in roles}
    assert len(distinct_roles) == 28


# ---------------------------------------------------------------------------------------------------
# Holders by structure: kinds, glossary, the document's own abbreviations, variants within a document

from pipeline.normalise import DocumentContext, canonical_leads, parse_holders, unify_within_document  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize(
    ("raw", "holders"),
    [
        ("Asst. Dir. Education", [("Assistant Director of Education", "role")]),  # title words, then the catalogue
        ("Snr Mgr Commissioning", [("Senior Manager Commissioning", "role")]),
        ("ICB", [("Integrated Care Board", "partner")]),
        ("NHS Kent and Medway", [("NHS Kent and Medway", "partner")]),
        ("District Councils", [("District Councils", "partner")]),
        ("People Strategy Team", [("People Strategy Team", "team")]),
        ("Peter Catchpole / Carol Pilson", [("Peter Catchpole", "person"), ("Carol Pilson", "person")]),
        ("Corporate Director Amanda Beer", [("Amanda Beer, Corporate Director", "person")]),
        ("DCS", [("Director of Children's Services", "role")]),
        ("see above", [("see above", "unknown")]),
    ],
)
def test_lead_cell_holders_get_a_kind_and_a_canonical_form(raw, holders):
    assert [(h.canonical, h.kind) for h in parse_holders(raw)[0]] == holders


def test_canonical_leads_gives_parallel_forms_and_kinds():
    forms, kinds, issues = canonical_leads("DPH, CPH and PH Specialists, PH District Coordinator")
    assert forms == ["Director of Public Health", "Consultant in Public Health", "Public Health Specialists",
                     "Public Health District Coordinator"]
    assert kinds == ["role"] * 4 and issues == []


def test_document_definitions_expand_abbreviations_and_override_the_glossary():
    text = "The Family Hubs (FH) programme is led by the Project Manager (PM). CPH (Children's Public Health) leads."
    context = DocumentContext.from_text(text)
    assert context.abbreviations == {"FH": "Family Hubs", "PM": "Project Manager", "CPH": "Children's Public Health"}
    assert canonical_leads("FH workforce leads", context)[0] == ["Family Hubs workforce leads"]
    assert canonical_leads("CPH lead", context)[0] == ["Children's Public Health lead"]
    assert canonical_leads("CPH lead")[0] == ["Consultant in Public Health lead"]  # the glossary without it


def test_document_definition_needs_matching_initials():
    assert DocumentContext.from_text("as agreed with the board (SLT)").abbreviations == {}
    assert DocumentContext.from_text("").abbreviations == {}


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present")
def test_document_definitions_read_from_a_real_report():
    # Ofsted's Sefton report (corpus/council/README.md) defines its abbreviations in lower case.
    import pdfplumber

    with pdfplumber.open(CORPUS / "council" / "sefton-2022-ofsted-ilacs-inspection.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    context = DocumentContext.from_text(text)
    assert context.abbreviations["IROs"] == "Independent Reviewing Officers"
    assert context.abbreviations["MASH"] == "Multi-agency Safeguarding Hub"


def test_variants_of_one_holder_in_a_document_are_unified_onto_the_most_frequent():
    cells = [parse_holders(raw)[0] for raw in ["CPH lead", "CPH lead", "CPH leads", "Head of Enviroment",
                                               "Head of Environment", "Head of Environment"]]
    unified, issues = unify_within_document(cells)
    assert [[h.canonical for h in cell] for cell in unified] == [
        ["Consultant in Public Health lead"]] * 3 + [["Head of Environment"]] * 3
    assert [(n, i.code, i.value) for n, i in issues] == [(2, "officer-fuzzy", "CPH leads"),
                                                        (3, "officer-fuzzy", "Head of Enviroment")]


def test_short_holders_are_not_unified_by_one_edit():
    cells = [parse_holders(raw)[0] for raw in ["Head of IT", "Head of ICT", "Head of ICT"]]
    assert unify_within_document(cells)[1] == []


def test_a_holder_with_an_extra_word_is_another_holder_not_a_variant():
    cells = [parse_holders(raw)[0] for raw in ["WFD", "WFD", "FH WFD"]]
    assert unify_within_document(cells)[1] == []


def test_control_characters_never_reach_the_canonical_form():
    # Kent's plan prints its hyphen with a glyph some readers map to U+0002 (corpus/council/README.md).
    forms, kinds, _ = canonical_leads("Corporate Lead\x02 Strategy, Strategy Officer")
    assert forms == ["Corporate Lead Strategy", "Strategy Officer"] and kinds == ["role", "role"]
