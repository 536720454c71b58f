"""Characters -> words, the same way for both readers: pdfplumber's word grouping (which the pdfium
reader reproduces exactly), with rotated text read in its own direction and marked (`Word.rotation`).
"""

from __future__ import annotations

import itertools
import operator
from typing import Any, Callable

from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .model import TURNED, Word

LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def _cluster_order(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's make_cluster_dict: sorted distinct values, chained while within `tolerance`."""
    out: dict[float, int] = {}
    last = None
    idx = -1
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            idx += 1
        out[v] = idx
        last = v
    return out


def chars_to_words(chars: list[tuple], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Word]:
    """pdfplumber's WordExtractor(x_tolerance=1.5, y_tolerance=3 (settings.word_x_tolerance, word_y_tolerance), keep_blank_chars=False,
    extra_attrs=["size", "fontname"]).extract_words, on character tuples (text, x0, top, x1, bottom,
    rotation, size, fontname, bold, ...), except that rotated text is read in its own direction: upward
    for 90 degrees (pdfplumber reads every rotated character top to bottom, so "Score" set upward came out
    as "e", "r", "o", ...), downward for 270."""
    xt, yt = settings.word_x_tolerance, settings.word_y_tolerance
    words: list[Word] = []
    for group in _runs(chars):
        rot = group[0][5]
        if rot not in TURNED:  # lines by top (tolerance y), characters left to right (slanted text too, as pdfplumber)
            key = [ch[2] for ch in group]
            tol = yt
        else:  # rotated text: lines by x0 (tolerance x), characters along the baseline
            key = [ch[1] for ch in group]
            tol = xt
        clusters = _cluster_order(key, tol)
        # Each character's line, looked up once (sorting and grouping by it read it twice per character).
        rank = [clusters[k] for k in key]
        order = sorted(range(len(group)), key=rank.__getitem__)
        for _, idxs in itertools.groupby(order, key=rank.__getitem__):
            line = [group[i] for i in idxs]
            if rot not in TURNED:
                for own in _own_lines(line, yt):
                    own.sort(key=_X0)
                    _line_words(own, rot, xt, yt, words)
                continue
            if rot == 90:  # bottom to top
                line.sort(key=lambda ch: (-ch[4], -ch[2]))
            else:
                line.sort(key=lambda ch: (ch[2], ch[4]))
            _line_words(line, rot, xt, yt, words)
    return [w for w in words if w.text.strip()]


_X0 = operator.itemgetter(1)
_TOP = operator.itemgetter(2)


def _own_lines(line: list, yt: float, top: Callable[[Any], float] = _TOP) -> list[list]:
    """The characters of one cluster of tops parted into the lines they were printed on. pdfplumber chains
    tops within the tolerance across the whole page: text set close in one column ("and strategic" over
    "services.") joins one cluster through the tops of another column's lines between, and read left to
    right its two lines' letters alternate, each breaking the other's words ("a" "vi" "n" "c" "d" "es.").
    Each line is read alone: no line of its own lies further than the tolerance from its first top."""
    tops = [top(ch) for ch in line]
    if max(tops) - min(tops) <= yt:
        return [line]
    # Each character's line, by its top; the characters keep their order within it (the order of the
    # content, which the word grouping's sorts keep among characters at one place).
    group, first, n = [0] * len(line), 0.0, -1
    for i in sorted(range(len(line)), key=tops.__getitem__):
        if n < 0 or tops[i] - first > yt:
            n, first = n + 1, tops[i]
        group[i] = n
    out: list[list] = [[] for _ in range(n + 1)]
    for ch, g in zip(line, group):
        out[g].append(ch)
    return out


def own_lines(chars: list, yt: float, top: Callable[[Any], float] = _TOP) -> tuple[list, list[list]]:
    """The characters of pdfplumber's clusters of tops (chained within the tolerance) that hold one line
    each, in their order, and the lines of the clusters that hold more (`_own_lines`)."""
    if not chars:
        return [], []
    order = _cluster_order([top(ch) for ch in chars], yt)
    clusters: dict[int, list] = {}
    for ch in chars:  # in the content's order within each cluster
        clusters.setdefault(order[top(ch)], []).append(ch)
    single: set[int] = set()
    parted: list[list] = []
    for k, cluster in clusters.items():
        lines = _own_lines(cluster, yt, top)
        if len(lines) == 1:
            single.add(k)
        else:
            parted.extend(lines)
    return [ch for ch in chars if order[top(ch)] in single], parted


def _line_words(line: list[tuple], rot: int, xt: float, yt: float, words: list[Word]) -> None:
    """The words of one line of characters, in reading order, appended to `words`."""
    upright = rot not in TURNED
    current: list[tuple] = []
    for ch in line:
        text = ch[0]
        if text.isspace():
            if current:
                words.append(_merge(current))
            current = []
        elif text == "":  # pdfplumber: `"" in ""` (split_at_punctuation="") makes it a word of its own
            if current:
                words.append(_merge(current))
            words.append(_merge([ch]))
            current = []
        elif current and (_begins_new_upright(current[-1], ch, xt, yt) if upright
                          else _begins_new_word(current[-1], ch, rot, xt, yt)):
            words.append(_merge(current))
            current = [ch]
        else:
            current.append(ch)
    if current:
        words.append(_merge(current))


# Font sizes are compared to this many decimals: pdfminer's and PDFium's arithmetic leave a millionth of a
# point between characters of one word, which an exact comparison (pdfplumber's extra_attrs) turns into
# word breaks ("A" / "nnu" / "a" / "l"). The pdfplumber reader rounds its sizes the same way.
SIZE_DECIMALS = 2


def _runs(chars: list[tuple]) -> list[list[tuple]]:
    """The characters cut into runs of one rotation, font and size (pdfplumber's extra_attrs), in order."""
    runs: list[list[tuple]] = []
    run: list[tuple] = []
    rot, size, font, rounded = None, None, None, None
    for ch in chars:
        if ch[6] != size or ch[5] != rot or ch[7] != font:
            r = round(ch[6], SIZE_DECIMALS)
            if r != rounded or ch[5] != rot or ch[7] != font:
                run = []
                runs.append(run)
                rounded = r
            rot, size, font = ch[5], ch[6], ch[7]
        run.append(ch)
    return runs


def _begins_new_upright(prev: tuple, cur: tuple, xt: float, yt: float) -> bool:
    """_begins_new_word for text that is not turned (direction "ltr"), the commonest case, spelt out."""
    cx = cur[1]
    return cx < prev[1] or cx > prev[3] + xt or abs(cur[2] - prev[2]) > yt


def _begins_new_word(prev: tuple, cur: tuple, rot: int, xt: float, yt: float) -> bool:
    if rot not in TURNED:  # direction "ltr"
        x, y = xt, yt
        ay, cy = prev[2], cur[2]
        ax, bx, cx = prev[1], prev[3], cur[1]
    elif rot == 90:  # direction "btt": the along-line coordinate is -bottom
        x, y = yt, xt
        ay, cy = prev[1], cur[1]
        ax, bx, cx = -prev[4], -prev[2], -cur[4]
    else:  # direction "ttb"
        x, y = yt, xt
        ay, cy = prev[1], cur[1]
        ax, bx, cx = prev[2], prev[4], cur[2]
    return cx < ax or cx > bx + x or abs(cy - ay) > y


def _merge(chars: list[tuple]) -> Word:
    first = chars[0]
    if len(chars) == 1:
        return Word(LIGATURES.get(first[0], first[0]), float(first[1]), float(first[2]), float(first[3]),
                    float(first[4]), float(first[6]), first[8], first[5])
    # The characters' fields side by side (one transposition instead of a pass per field).
    texts, x0s, tops, x1s, bottoms = list(zip(*chars))[:5]
    text = "".join(texts)
    if not text.isascii():
        text = "".join([LIGATURES.get(t, t) for t in texts])
    return Word(
        text,
        float(min(x0s)),
        float(min(tops)),
        float(max(x1s)),
        float(max(bottoms)),
        float(first[6]),
        first[8],
        first[5],
    )
