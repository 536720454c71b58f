"""Milestone/timescale cells -> the period they name.

    parse_milestone(text, published=None) -> Milestone(start, end, kind, issues)
    split_date_and_rating(text)            -> (date_text, rating_text | None)

`start` is the first day of the named period and `end` its last day (the deadline). Kinds and readings:

  day             '31/03/2023', '9.12.16', '31st March 2023', '2023-03-31'   UK day-first; d/m/y never m/d/y
  month           'March 2023', 'Sept 22', 'Sep-22', 'End of June 2023', 'End Oct 03', '03/2023'
  quarter         'Q1 2023' = Jan-Mar 2023 (calendar);
                  'Q3 2023/24' = Oct-Dec 2023 (UK financial year: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar)
  season          meteorological: Spring Mar-May, Summer Jun-Aug, Autumn Sep-Nov, Winter Dec-Feb (Winter 2023 =
                  Dec 2023-Feb 2024; Winter 2022/23 the same winter as 'Winter 2022')
  term            English school terms in whole months: Autumn term Sep-Dec, Spring term Jan-Apr, Summer term
                  May-Jul (the summer term starts after Easter, in mid April; whole months keep the terms from
                  overlapping). With a school year ('Spring term 2022/23') autumn takes the first year,
                  spring and summer the second.
  year            '2023', 'End of 2023'
  financial_year  '2023/24', '2023-24', 'FY 2023/24' = 1 Apr 2023 - 31 Mar 2024
  open_ended      'September 2022 onwards', 'From April 2023', 'March 2023 and ongoing': start only, end None
  ongoing         'Ongoing', 'Termly', 'Annual', 'Quarterly', 'Monthly', 'BAU', ...: recurring, no dates
  unknown         'TBC', 'TBA', 'N/A', empty: deliberately undated, no dates and no issue;
                  anything unreadable: no dates and a milestone-unparsed issue

Two-digit years are 20yy. Ranges ('April - June 2023', 'Sept 2022 to March 2023') take the start of the first
period and the end (and kind) of the second. 'End of', 'By', 'Early', 'Mid', 'Late' and the like do not change
the period. A trailing rating ('March 2023 - Green') is ignored when the whole text does not parse; use
split_date_and_rating to keep it.

Implausible dates are kept and flagged (milestone-implausible): with a publication date, a period ending more
than settings.implausible_months_before months before it, or starting more than settings.implausible_years_after
years after it; without one, a year outside settings.earliest_year..latest_year (pipeline.settings).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from pipeline.quality import DataIssue
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from pipeline.textfold import fold_quotes

# The tolerances are in pipeline.settings.ExtractSettings, passed in as `settings`:
# - implausible_months_before: a plan's milestones look forward, but actions completed shortly before
#   publication keep their dates: Sefton's plan (published 30 Sep 2022) has four in March 2022, all complete.
#   Six months before publication accepts those and flags seq 11's "February 2022" (probably a typo for 2023);
# - implausible_years_after: improvement plans run 1-3 years; more than 10 years ahead is a typo ("2203");
# - earliest_year, latest_year: without a publication date, only dates decades away from any plan are flagged;
# - yearless_tie_days: a month printed without a year is read as the occurrence nearest the publication date
#   unless the next nearest is within this many days more (six months from publication is as likely either side);
# - scan_max_words: the widest window of words tried as one period when a cell is scanned for several dates
#   ('Sept 2022 to March 2023' is five words after cleaning; 'by the end of March 2023' six);
# - max_combined_words: the longest cell read as a date and a rating; real ones are under ten words.

KINDS = ("day", "month", "quarter", "season", "term", "year", "financial_year", "open_ended", "ongoing", "unknown",
         "week", "started", "relative", "conditional")  # the order of the schema's milestone_kind enum



@dataclass(frozen=True)
class Milestone:
    start: date | None
    end: date | None
    kind: str
    issues: tuple[DataIssue, ...] = field(default=())
    # Every deadline (last day of each period read as a deadline) in printed order; `end` is the earliest.
    deadlines: tuple[date, ...] = field(default=())


# --------------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"'?(\d{4}|\d{2})"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"

# Recurring activity: kind ongoing, no dates.
_ONGOING = frozenset({
    "ongoing", "on going", "continuous", "continual", "continuing", "throughout", "termly", "half termly",
    "annual", "annually", "yearly", "quarterly", "monthly", "bi monthly", "six monthly", "6 monthly", "weekly",
    "fortnightly", "daily", "regular", "regularly", "as required", "as and when", "as needed", "business as usual",
    "bau", "in place", "every term", "each term", "each year", "every year",
})
# Deliberately undated: kind unknown, no dates, no issue.
_UNDATED = frozenset({
    "tbc", "tba", "tbd", "n a", "na", "to be confirmed", "to be agreed", "to be determined", "to be decided",
    "not applicable", "none", "",
})
_LEADING = re.compile(
    r"^(?:by\s+the\s+end\s+of|by\s+end\s+of|by\s+the\s+end|by\s+end|by|end\s+of|the\s+end\s+of|end|before|"
    r"no\s+later\s+than|due(?:\s+by)?|deadline|target(?:\s+date)?|(?:to\s+be\s+)?complete[d]?\s+by|until|"
    r"within|in|during|early|mid|late|beginning\s+of|start\s+of|calendar\s+year|the)[\s:,\-]+"
)
_OPEN_SUFFIX = re.compile(r"^(.*?)[\s,\-]*(?:onwards?|and\s+beyond|(?:and|then|&)\s+ongoing|ongoing|going\s+forward)$")
_OPEN_PREFIX = re.compile(r"^(?:ongoing\s+)?(?:from|starting|commencing|beginning|start|begins?)\s+(.+)$")
_RANGE = re.compile(r"\s+(?:-|to|until|till|through)\s+|(?<=[a-z])\s?-\s?(?=[a-z])|(?<=\d)\s?-\s?(?=[a-z])")


def _year(text: str) -> int:
    y = int(text)
    return 2000 + y if len(text) <= 2 else y


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _span(y1: int, m1: int, y2: int, m2: int) -> tuple[date, date]:
    return date(y1, m1, 1), _month_end(y2, m2)


def _clean(text: str) -> str:
    t = fold_quotes(text)
    t = " ".join(t.lower().split())
    return t.strip(" .;:,-")


# --------------------------------------------------------------------------------------------------
# Single periods. Each parser takes cleaned text and returns (start, end, kind) or None.


def _day(s: str):
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})", s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        else:
            m = re.fullmatch(rf"{_ORD}\s+(?:of\s+)?{_MONTH}[\s,\-]*{_YEAR}", s)
            if m:
                d, mo, y = int(m.group(1)), _MONTHS[m.group(2)], _year(m.group(3))
            else:
                m = re.fullmatch(rf"{_MONTH}\s+{_ORD},?\s+(\d{{4}})", s)
                if not m:
                    return None
                mo, d, y = _MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return day, day, "day"


def _month(s: str):
    m = re.fullmatch(rf"{_MONTH}[\s,\-/]*{_YEAR}", s)
    if m:
        mo, y = _MONTHS[m.group(1)], _year(m.group(2))
    else:
        m = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{4})", s)
        if not m or not 1 <= int(m.group(1)) <= 12:
            return None
        mo, y = int(m.group(1)), int(m.group(2))
    return (*_span(y, mo, y, mo), "month")


def _financial_years(a: str, b: str) -> int | None:
    """First calendar year of the financial year 'a/b', or None when b is not the year after a."""
    y1 = _year(a)
    y2 = _year(b) if len(b) == 4 else (y1 // 100) * 100 + int(b)
    return y1 if y2 == y1 + 1 else None


_FY = r"(?:fy|f/y|financial\s+year)?\s*(\d{4}|\d{2})\s*[/\-]\s*(\d{4}|\d{2})(?:\s*financial\s+year|\s*fy)?"


def _quarter(s: str):
    q = a = b = None
    m = re.fullmatch(rf"(?:q|quarter\s*)([1-4])[\s,]*(?:of\s+)?{_FY}", s)
    if m:
        q, a, b = int(m.group(1)), m.group(2), m.group(3)
    else:
        m = re.fullmatch(rf"{_FY}\s*(?:q|quarter\s*)([1-4])", s)
        if m:
            a, b, q = m.group(1), m.group(2), int(m.group(3))
    if q is not None and a is not None and b is not None:  # a quarter of a UK financial year: Q1 = Apr-Jun
        y = _financial_years(a, b)
        if y is None:
            return None
        first = 3 * q + 1
        if first > 12:
            first, y = first - 12, y + 1
        return (*_span(y, first, y, first + 2), "quarter")
    m = re.fullmatch(r"(?:q|quarter\s*)([1-4])[\s,]*(?:of\s+)?(?:cy\s*)?(\d{4}|\d{2})", s)
    if m:
        q, y = int(m.group(1)), _year(m.group(2))
    else:
        m = re.fullmatch(r"(\d{4})\s*(?:q|quarter\s*)([1-4])", s)
        if not m:
            return None
        y, q = int(m.group(1)), int(m.group(2))
    first = 3 * q - 2  # a calendar quarter: Q1 = Jan-Mar
    return (*_span(y, first, y, first + 2), "quarter")


def _financial_year(s: str):
    m = re.fullmatch(_FY, s)
    if not m:
        return None
    y = _financial_years(m.group(1), m.group(2))
    if y is None:
        return None
    return (*_span(y, 4, y + 1, 3), "financial_year")


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_TERMS = {"autumn": (9, 12), "fall": (9, 12), "spring": (1, 4), "summer": (5, 7)}


def _season_or_term(s: str):
    m = re.fullmatch(
        r"(spring|summer|autumn|fall|winter)(\s+(?:school\s+)?term)?\s*(?:of\s+)?" + _YEAR
        + r"(?:\s*[/\-]\s*(\d{4}|\d{2}))?(\s+term)?",
        s,
    )
    if not m:
        return None
    name, y = m.group(1), _year(m.group(3))
    school_year = m.group(4) is not None
    if school_year and _financial_years(m.group(3), m.group(4)) is None:
        return None
    if m.group(2) or m.group(5):
        if name == "winter":
            return None
        first, last = _TERMS[name]
        if school_year and name in ("spring", "summer"):
            y += 1
        return (*_span(y, first, y, last), "term")
    if name == "winter":
        return (*_span(y, 12, y + 1, 2), "season")
    first, last = _SEASONS[name]
    if school_year and name in ("spring", "summer"):
        y += 1
    return (*_span(y, first, y, last), "season")


def _whole_year(s: str):
    m = re.fullmatch(r"(?:cy\s*)?(\d{4})", s)
    if not m:
        return None
    y = int(m.group(1))
    return (*_span(y, 1, y, 12), "year")


def _year_range(s: str):
    """'2024-2029', '2024/2027': whole calendar years (a pair of consecutive years is a financial year)."""
    m = re.fullmatch(r"(?:cy\s*)?(\d{4})\s*[/\-]\s*(\d{4})", s)
    if not m or not int(m.group(1)) < int(m.group(2)):
        return None
    return (*_span(int(m.group(1)), 1, int(m.group(2)), 12), "year")


def _week(s: str):
    """'w/c 12 June 2023', 'week commencing 12/06/2023': the seven days from that day."""
    m = re.fullmatch(r"(?:w/?c|w/b|week\s+(?:commencing|beginning|starting))[\s:.]*(.+)", s)
    got = _day(m.group(1).strip()) if m else None
    if not got:
        return None
    return got[0], got[0] + timedelta(days=6), "week"


_PARSERS = (_day, _week, _month, _quarter, _financial_year, _year_range, _season_or_term, _whole_year)


def _strip_leading(s: str) -> str:
    while True:
        t = _LEADING.sub("", s, count=1)
        if t == s:
            return s
        s = t


def _period(s: str):
    s = _strip_leading(s)
    for parse in _PARSERS:
        got = parse(s)
        if got:
            return got
    return None


def _range(s: str):
    """'April - June 2023', 'Sept 2022 to March 2023': start of the first, end and kind of the second."""
    for m in _RANGE.finditer(s):
        left, right = s[: m.start()].strip(), s[m.end() :].strip()
        r = _period(right)
        if not r or not left:
            continue
        first = _period(left)
        if first is None:  # the first period may borrow the second's year: 'April - June 2023'
            year = r[1].year
            first = _period(f"{_strip_leading(left)} {year}")
            if first and first[0] > r[0]:
                first = _period(f"{_strip_leading(left)} {year - 1}")
        if first and first[0] <= r[1]:
            return first[0], r[1], r[2]
    return None


def _parse_core(s: str):
    """(start, end, kind) for cleaned text, or None when it cannot be read."""
    words = re.sub(r"[\-/]", " ", s).strip()
    words = " ".join(words.split())
    if s in _UNDATED or words in _UNDATED or re.fullmatch(r"[\-?]+", s):
        return None, None, "unknown"
    if words in _ONGOING:
        return None, None, "ongoing"
    got = _period(s) or _range(s)
    if got:
        return got
    for pattern in (_OPEN_SUFFIX, _OPEN_PREFIX):
        m = pattern.match(s)
        if m and m.group(1):
            inner = _period(m.group(1).strip(" ,-")) or _range(m.group(1).strip(" ,-"))
            if inner:
                return inner[0], None, "open_ended"
    return None



# --------------------------------------------------------------------------------------------------
# Cells that are not one period: several dates, starts, durations, conditions

# Words that make the next period a start ('Commenced Oct 24', 'Start ... September 24') or a deadline.
_START_CUES = frozenset({"commenced", "commencing", "commence", "started", "starting", "start", "began", "begun",
                         "begin", "begins", "beginning", "from", "since"})
_END_CUES = frozenset({"by", "to", "until", "till", "end", "before", "deadline", "due", "complete", "completed"})
# Words after which a month or season printed without a year is read as a date ('by mid-June').
_YEARLESS_CUES = frozenset({"by", "end", "mid", "early", "late", "until", "till", "in", "before", "from", "during",
                            "of", "beginning", "start"})
_CLAUSES = re.compile(r"[;,()\[\]]|\.(?=\s|$)|\s/\s|\s-\s(?=[a-z]{4,}\s)")
_YEARLESS = re.compile(rf"(?:(?:early|mid|late)[\s\-]+)?(?:{_MONTH}|(?:spring|summer|autumn)(?:\s+term)?)")
_DURATION = re.compile(r"(?:within\s+|in\s+|next\s+)?(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s*(year|yr|month|week)s?\b")
_CONDITION = re.compile(
    r"^(?:once|on|upon|when|after|following|subject\s+to|dependent\s+(?:on|upon)|depending\s+on|pending|as\s+soon\s+as|"
    r"at\s+the\s+point|linked\s+to|in\s+line\s+with|aligned\s+(?:to|with))\b")


@dataclass(frozen=True)
class _Found:
    start: date
    end: date
    kind: str
    role: str  # "start" or "end"
    yearless: bool = False


def _scan_clause(clause: str, yearless: list[tuple[int, str, str]], found: list[_Found], max_words: int) -> None:
    """Periods printed in one clause, left to right; a start cue before a period makes it a start."""
    tokens = clause.split()
    i, cue = 0, "end"
    while i < len(tokens):
        word = tokens[i].strip("'\".:")
        if word in _START_CUES:
            cue = "start"
        got, j = _longest_period(tokens, i, max_words)
        if got and i > 0 and re.fullmatch(r"quarter|term|fy|[a-z]+\d[a-z\d]*", tokens[i - 1]):
            got = None  # the period is the tail of a date we cannot read ('Q5 2023'): not a date of its own
        if got:
            found.append(_Found(got[0], got[1], got[2], cue))
            i, cue = j, "end"
            continue
        bare = re.sub(r"^(?:early|mid|late)-", "", word)
        if i + 1 < len(tokens) and tokens[i + 1].strip(".:") == "term" and _YEARLESS.fullmatch(bare):
            bare, i = f"{bare} term", i + 1
        if _YEARLESS.fullmatch(bare) and (i == 0 or tokens[i - 1].strip(".:") in _YEARLESS_CUES or word != bare):
            if bare != "may" or word != bare or i > 0:
                yearless.append((len(found), bare, cue))
                found.append(_Found(date.min, date.min, "", cue, yearless=True))
                cue = "end"
        i += 1


def _longest_period(tokens: list[str], i: int, max_words: int):
    for j in range(min(len(tokens), i + max_words), i, -1):
        text = " ".join(tokens[i:j]).strip(" -")
        if not re.search(r"\d", text):
            continue
        got = _period(text) or _range(text)
        if got:
            return got, j
    return None, i + 1


def _resolve_yearless(found: list[_Found], yearless, published: date | None,
                      tie_days: int) -> tuple[list[_Found], list[str]]:
    """Months/seasons printed without a year take the year of the nearest dated period in the same cell, else the
    occurrence nearest the publication date (a plan looks ahead, a report looks back: nearest serves both);
    when the two occurrences either side are about as near (`tie_days`), it stays unread and reported."""
    out, notes = list(found), []
    for n, text, _cue in yearless:
        dated = [(abs(k - n), f.end.year) for k, f in enumerate(found) if not f.yearless]
        year, source = (min(dated)[1], "the other date in the cell") if dated else (None, "")
        if year is None and published is not None:
            year = _nearest_year(text, published, tie_days)
            source = f"the publication date ({published.isoformat()})"
        got = _period(f"{text} {year}") if year is not None else None
        if got:
            out[n] = _Found(got[0], got[1], got[2], found[n].role)
            notes.append(f"{text!r} has no year; {year} taken from {source}")
        else:
            notes.append(f"{text!r} has no year that can be told from the cell or the publication date")
    return [f for f in out if not f.yearless], notes


def _nearest_year(text: str, published: date, tie_days: int) -> int | None:
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        got = _period(f"{text} {year}")
        if got:
            middle = got[0] + (got[1] - got[0]) / 2
            options.append((abs((middle - published).days), year))
    options.sort()
    if not options or (len(options) > 1 and options[1][0] - options[0][0] < tie_days):
        return None
    return options[0][1]


def _combine(found: list[_Found]) -> tuple[date | None, date | None, str, tuple[date, ...]]:
    deadlines = [f for f in found if f.role == "end"]
    starts = [f.start for f in found]
    if deadlines:
        first = min(deadlines, key=lambda f: f.end)
        return min(starts), first.end, first.kind, tuple(f.end for f in deadlines)
    return min(starts), None, "started", ()


def _relative(s: str, published: date | None):
    """'1-2 years', '3-5 years', 'within 6 months': a duration from the publication date (the longer bound)."""
    m = _DURATION.search(s)
    if not m or re.search(r"\d", s[: m.start()] + s[m.end() :]):
        return None
    months = int(m.group(2) or m.group(1)) * {"year": 12, "yr": 12, "month": 1, "week": 0}[m.group(3)]
    if published is None:
        return None, None, f"{m.group(0)!r} is a duration and no publication date was given to date it"
    end = _add_months(published, months) if m.group(3) != "week" else \
        published + timedelta(weeks=int(m.group(2) or m.group(1)))
    return published, end, f"{m.group(0)!r} read as a duration from the publication date ({published.isoformat()})"


def _parse_free(s: str, published: date | None, settings: ExtractSettings):
    """(start, end, kind, deadlines, notes) for a cell that is not one period, or None."""
    found: list[_Found] = []
    yearless: list[tuple[int, str, str]] = []
    for clause in _CLAUSES.split(s):
        if clause.strip():
            _scan_clause(clause.strip(" -"), yearless, found, settings.scan_max_words)
    found, notes = _resolve_yearless(found, yearless, published, settings.yearless_tie_days)
    if found:
        return (*_combine(found), notes)
    rel = _relative(s, published)
    if rel:
        return rel[0], rel[1], "relative", (rel[1],) if rel[1] else (), [rel[2]]
    if _CONDITION.match(s):
        return None, None, "conditional", (), []
    return None

# --------------------------------------------------------------------------------------------------
# Public API


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _implausible(start: date | None, end: date | None, published: date | None, kind: str = "",
                 settings: ExtractSettings = DEFAULT_SETTINGS) -> str | None:
    if start is None and end is None:
        return None
    if published is not None:
        last = end or start
        if kind == "started":  # work that began long before publication is what 'commenced' reports
            last = None
        earliest = _add_months(published, -settings.implausible_months_before)
        if last is not None and last < earliest:
            return (f"ends {last.isoformat()}, more than {settings.implausible_months_before} months before publication "
                    f"({published.isoformat()})")
        if start is not None and start > _add_months(published, 12 * settings.implausible_years_after):
            return (f"starts {start.isoformat()}, more than {settings.implausible_years_after} years after publication "
                    f"({published.isoformat()})")
        return None
    years = [d.year for d in (start, end) if d is not None]
    if min(years) < settings.earliest_year or max(years) > settings.latest_year:
        return f"year outside {settings.earliest_year}-{settings.latest_year}"
    return None


def parse_milestone(text: str | None, published: date | None = None,
                    settings: ExtractSettings = DEFAULT_SETTINGS) -> Milestone:
    """The period a milestone cell names (see the module docstring for every form read).

    Issues carry field="milestone" and value=the text; the caller adds page and seq. Dates are never
    changed: an implausible one is kept and flagged.
    """
    if text is None:
        return Milestone(None, None, "unknown")
    s = _clean(text)
    got = _parse_core(s)
    if got is None and "(" in s:  # an aside in brackets: 'Quarter 2 (Jul - Sep), 2024/25'
        got = _parse_core(_clean(re.sub(r"\s*\([^()]*\)", "", s)))
    if got is None and s.split(" ")[0] not in _START_CUES:  # 'Commenced 2024' is a start, not a rating and a date
        date_text, rating = split_date_and_rating(text, settings)
        if rating is not None:
            got = _parse_core(_clean(date_text))
    if got is not None:
        start, end, kind = got
        return _checked(text, Milestone(start, end, kind, (), (end,) if end else ()), published, settings)
    free = _parse_free(s, published, settings)
    if free is None:
        issue = DataIssue("milestone-unparsed", f"cannot read {text!r} as a date or period",
                          field="milestone", value=text)
        return Milestone(None, None, "unknown", (issue,))
    start, end, kind, deadlines, notes = free
    code = "milestone-relative" if kind == "relative" else "milestone-year-inferred"
    issues = tuple(DataIssue(code, note, field="milestone", value=text) for note in notes)
    return _checked(text, Milestone(start, end, kind, issues, deadlines), published, settings)


def _checked(text: str, ms: Milestone, published: date | None, settings: ExtractSettings) -> Milestone:
    why = _implausible(ms.start, ms.end, published, ms.kind, settings)
    if not why:
        return ms
    issue = DataIssue("milestone-implausible", f"{text!r} {why}; kept as printed", field="milestone", value=text)
    return replace(ms, issues=(*ms.issues, issue))


_STRICT_HOWS = frozenset({"exact", "prefix", "colour-word", "letter", "percent"})
_SEPARATORS = re.compile(r"\s*[-\u2013\u2014|:;,]\s*|\s+")


def _is_rating(text: str, settings: ExtractSettings) -> bool:
    from pipeline.normalise.rag import status_from_wording

    if not text.strip():
        return False
    rag, how = status_from_wording(text, settings)
    # A rating printed as glyphs ("\u2714", a dot whose colour is the status) is the rating as printed,
    # whatever status the glyph stands for.
    return how == "symbol" or (rag != "unknown" and how in _STRICT_HOWS)


def _is_date(text: str) -> bool:
    return bool(text.strip()) and _parse_core(_clean(text)) is not None


def rating_only(text: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """Does a date-and-rating cell print only its rating ("Complete", "Not started"), and no date?
    ("Ongoing" and "TBC" are timescales.)"""
    s = " ".join(text.split())
    return _is_rating(s, settings) and not _is_date(s)


def split_date_and_rating(text: str | None, settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[str, str | None]:
    """Split a cell holding a date and a rating: 'March 2023 - Green' -> ('March 2023', 'Green');
    'Q2 2023/24 (Amber)' -> ('Q2 2023/24', 'Amber'); 'Complete: June 2022' -> ('June 2022', 'Complete').
    A cell without both comes back whole: (text, None)."""
    if text is None:
        return "", None
    s = " ".join(text.split())
    if s.count(" ") >= settings.max_combined_words:
        # A date-and-rating cell is a few words; trying every split of a long text costs its square.
        return s, None
    m = re.fullmatch(r"(.*?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]", s)
    if m and _is_rating(m.group(2), settings) and _is_date(m.group(1)):
        return m.group(1), m.group(2)
    for sep in _SEPARATORS.finditer(s):
        left, right = s[: sep.start()].strip(), s[sep.end() :].strip()
        if not left or not right:
            continue
        if _is_rating(right, settings) and _is_date(left):
            return left, right
        if _is_rating(left, settings) and _is_date(right):
            return right, left
    return s, None
