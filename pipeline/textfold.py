"""Typographic punctuation folded to plain ASCII, for comparing wordings (never for what is written).

Plans print the same heading, status or officer with curly or straight quotes, en or em dashes and
no-break spaces depending on the word processor; every stage that compares text folds it here first, so
they all agree on what counts as the same wording.
"""

from __future__ import annotations

# Curly quotes and apostrophe look-alikes (modifier letter apostrophe, grave accent) to ' and ", en and
# em dashes to "-", the no-break space to a space.
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ",
})


def fold_quotes(text: str) -> str:
    """`text` with its typographic quotes, dashes and no-break spaces as plain ASCII."""
    return text.translate(FOLD)
