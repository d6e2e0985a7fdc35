"""Shapes of a line that both the run of reporting (clean.py) and the widgets around it (widgets.py)
are read by: a paragraph of reporting, a source speaking, a signed quote, a field of a fact box, a
social handle, and the cheap look-ups of short lines holding a label's words."""

from __future__ import annotations

import re

import numpy as np

from index.ingest.lines import STRONG_CHROME_RE

BOX_MAX = 24  # lines of a box under "Story continues below" (a paywall's pitch, an embedded post), at most
SIGNUP_MAX = 6  # lines of a sign-up box or share bar the run of reporting reaches over, at most
SUBHEAD_CHARS = 80  # a subheading inside the story is this short, at most
NAMED_HANDLE_CHARS = 80  # characters of a social handle with its owner's name before it, at most
LETTERS_RE = re.compile(r"[^\W\d_]+")  # a word, not a figure ("1 / 8")
REPORTED = r"\b(?:said|says|told)\b|[\"“”]"  # a source speaking: reporting's mark
REPORTED_RE = re.compile("(?i)" + REPORTED)
# a social account alone on its line (keys are lower case): "@naijacourier", "@orenk.bsky.social"
HANDLE_RE = re.compile(r"^@[a-z0-9_]{2,30}(?:\.[a-z0-9_-]{2,20}){0,2}$")
NAMED_HANDLE_RE = re.compile(r"^(?:[A-Z][\w.'’&-]*\s){1,6}@\w{2,30}(?:\s*[·•|]\s*\w{1,12}(?: ago)?)?$")
# Who said a pulled quote, under it: "Teresa Lindqvist, Jonesboro resident", "— Rick Dunleavy, coach"
SIGNED_QUOTE_RE = re.compile(r"^[—–-]\s*(?:(?:Dr|Prof|Mr|Mrs|Ms|Sen|Rep|Gov)\.?\s+)?[A-ZÀ-ÖØ-Þ][\w.'’-]+"
                             r"(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]+){0,3}(?:,\s[^.!?]{2,60})?$")
# A row of a spec sheet or a fact box: "Battery: up to 7 hours", "Codecs: AAC, SBC, LC3" (a short
# name, then a figure, a list or a few words: not a headline's "Learn About Wine: An Easy Guide")
FIELD_RE = re.compile(r"^[A-Z][\w&/()'-]*(?:\s[\w&/()'-]+){0,2}:\s+(?:.*[\d,].*|\S+(?:\s\S+){0,3})$")
TWO_SENTENCES_RE = re.compile(r"[a-z0-9)][.!?][\"”’']?\s+[\"“‘']?[A-Z]")  # one sentence ends, another begins
# the link closing a widget: "Full scoreboard ›", "View all bids", "See local inventory"
WIDGET_LINK_RE = re.compile(r"^(?:(?:view|see|explore|browse)\s+(?:all|more|the|full|our|local|document)\b[\w' ]{0,30}"
                            r"|full\s+\w+(?:\s\w+)?\s*[›»→])\W*$")

def paragraph(s: str) -> bool:
    """A paragraph of reporting, as a widget's rows and its blurb are not: a dozen words or more
    ending a sentence."""
    return len(s.split()) >= 12 and s.rstrip("”\"’").endswith((".", "!", "?")) and not STRONG_CHROME_RE.search(s)


def short_with(keys: list[str], klen: np.ndarray, limit: int, hints: tuple[str, ...]) -> list[int]:
    """Lines of `limit` characters at most holding one of the hints: a label's words, which longer lines
    (and the whole page, for lines_with) hold too often to look for them there."""
    return [j for j in np.flatnonzero(klen <= limit).tolist() if any(h in keys[j] for h in hints)]


def lines_with(doc: str, klen: np.ndarray, hints: tuple[str, ...]) -> set[int]:
    """Lines of "\n".join(keys) that contain any of the hints (str.find: no per-line work)."""
    pos: list[int] = []
    for h in hints:
        i = doc.find(h)
        while i >= 0:
            pos.append(i)
            i = doc.find(h, i + 1)
    if not pos:
        return set()
    ends = np.cumsum(klen + 1)
    return set((np.searchsorted(ends, pos, side="right")).tolist())
