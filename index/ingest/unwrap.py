"""Hard-wrapped text (lynx or w3m dumps, e-mail, terminal copies) back to one line per block.

The line model reads a page as a browser copy or a scraper gives it: one paragraph per line.
A dump wrapped at a fixed width splits every paragraph over several lines, each of which
looks like a fragment (short, no full stop, opening in lower case), so the reporting scores
like chrome. Joining the wrapped lines back first lets the same model and rules work
unchanged; text that is not wrapped passes through line for line.

A cruder renderer breaks a paragraph at each inline link or bold name instead ("The walkout,
organised by the" / "Maritime and Port Workers Union," / "began at 6pm on Wednesday."). Such
pieces are joined too, when each stops mid-sentence and the last ends one: chrome's short
lines never end a sentence however they are chained.
"""

from __future__ import annotations

import re

WRAP_MAX = 100  # wider "wrapping" is just long lines
FULL_SLACK = 18  # a line this close to the width was filled by the wrapper
HEADLINE_WORDS = 12  # a filled line of no more words, alone, may be a headline
MIN_CONTINUED, MIN_CONTINUED_LINES = 0.4, 3  # filled lines going on in lower case: share, count
# words a headline never ends on: a line ending on one stops mid-sentence
_MID_SENTENCE = frozenset(
    "a an the of to in on at by for from with into about as and or but nor that which who whose "
    "is are was were be been has have had will would can could should may might must his her "
    "their its our your my this these those than".split())
_LIST_MARK = re.compile(r"^(?:[-*•·▪+]|\d{1,3}[.)]|\[\d+\])\s")
_SPLIT_WORD = re.compile(r"[^\W\d_]-$")  # "three-" at the end of a line, "day" on the next
SPLIT_PIECES = 6  # pieces of a paragraph a renderer broke at its links, at most
SPLIT_WORDS = 10  # words of such a paragraph, at least
LINK_WORDS = 8  # words of a link's text in capitals that such a paragraph goes on through, at most
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "]", "…")
_PARAGRAPH_END = (".", "!", "?", '"', "”", "’", "…")


def wrap_width(raw: list[str]) -> int | None:
    """The width the text was wrapped at, or None when its lines were not wrapped: a wrapped
    page has lines filled to one width whose next line goes on mid-sentence, in lower case
    (menus and headline lists around the story are not wrapped and do not count)."""
    lens = list(map(len, raw))  # with trailing spaces: a cheap first look
    nonblank = len(lens) - lens.count(0)
    if nonblank < 4 or sum(n > WRAP_MAX for n in lens) > 0.1 * nonblank:
        return None  # most pages: paragraphs on long lines
    body = [s.rstrip() for s in raw]
    lens = [len(s) for s in body if s]
    if len(lens) < 4 or sum(n <= WRAP_MAX for n in lens) < 0.9 * len(lens):
        return None
    width = max(n for n in lens if n <= WRAP_MAX)
    if width < 40:
        return None
    full = [i for i, s in enumerate(body[:-1]) if len(s) >= width - FULL_SLACK and body[i + 1]]
    continued = sum(body[i + 1].lstrip()[:1].islower() for i in full)
    return width if continued >= MIN_CONTINUED * len(full) and continued >= MIN_CONTINUED_LINES else None


def logical_lines(raw: list[str], *, unwrap: bool = True) -> tuple[list[str], list[list[int]]]:
    """Non-blank lines, stripped, with the raw line numbers each one comes from; wrapped
    paragraphs are joined into one line (and a word split at the wrap is mended)."""
    width = wrap_width(raw) if unwrap else None
    if width is None:
        stripped = [s.strip() for s in raw]
        idx = [i for i, s in enumerate(stripped) if s]
        lines, owners = [stripped[i] for i in idx], [[i] for i in idx]
        return _join_split(lines, owners) if unwrap else (lines, owners)
    lines: list[str] = []
    owners: list[list[int]] = []
    prev = 0  # width of the previous raw line (0 after a blank one)
    for i, r in enumerate(raw):
        s = r.strip()
        if not s:
            prev = 0
            continue
        if width is not None and prev and _wrapped_after(prev, lines[-1], len(owners[-1]), r.rstrip(), width):
            sep = "" if _SPLIT_WORD.search(lines[-1]) and s[:1].islower() else " "
            lines[-1] = f"{lines[-1]}{sep}{s}"
            owners[-1].append(i)
        else:
            lines.append(s)
            owners.append([i])
        prev = len(r.rstrip())
    return lines, owners


def _wrapped_after(prev: int, before: str, spans: int, line: str, width: int) -> bool:
    """Whether raw `line` continues the wrapped line before it (`prev` characters wide; the
    logical line so far is `before`, from `spans` raw lines).

    A wrapper breaks a filled line, and mostly before a word in lower case. A capital after
    the break is a name or a new sentence inside a paragraph only when the next word would
    not have fitted and the paragraph is established (joined already, long, with a comma,
    stopped on a word such as "of" or "the", or ending on this line with a full stop); a
    filled line standing alone before a capital is a headline or a label.
    """
    s = line.strip()
    if _LIST_MARK.match(s) or prev < width - FULL_SLACK:
        return False
    if s[:1].islower():
        return True
    if not (before[-1:].islower() or before.endswith(",")) or prev + 1 + len(s.split(maxsplit=1)[0]) <= width:
        return False
    ends_here = len(line) < width - FULL_SLACK and s.endswith((".", "!", "?", '"', "”"))
    last = before.rsplit(maxsplit=1)[-1].lower()
    return spans > 1 or ends_here or "," in before or last in _MID_SENTENCE or len(before.split()) > HEADLINE_WORDS



def _join_split(lines: list[str], owners: list[list[int]]) -> tuple[list[str], list[list[int]]]:
    """Pieces of a paragraph a renderer broke at its inline links, joined: each piece but the last
    stops mid-sentence (on a comma or a word such as "the", or the next goes on in lower case),
    and the last ends the sentence."""
    out: list[str] = []
    outs: list[list[int]] = []
    i, n = 0, len(lines)
    while i < n:
        j, text = i, lines[i]
        while j + 1 < n and j - i + 1 < SPLIT_PIECES and _goes_on(text, lines[j + 1]):
            j += 1
            text = f"{text} {lines[j]}" if lines[j][:1] not in ",;.:" else text + lines[j]
        if j > i and text.endswith(_PARAGRAPH_END) and len(text.split()) >= SPLIT_WORDS:
            out.append(text)
            outs.append([k for t in range(i, j + 1) for k in owners[t]])
            i = j + 1
        else:
            out.append(lines[i])
            outs.append(owners[i])
            i += 1
    return out, outs


def _goes_on(before: str, line: str) -> bool:
    """Whether `line` goes on with the sentence `before` stopped in the middle of: in lower case, or a
    link's few words in capitals ("Maritime and Port Workers Union,") after a comma or a word such as
    "the", or a figure ("6-3") the sentence goes on past; not a sentence of its own ("Sign in" / "A farmer
    whose cattle escaped ..."), nor a list's next number ("... crash" / "2.")."""
    if before.endswith(_SENTENCE_END) or _LIST_MARK.match(line) or len(before.split()) < 2:
        return False
    if line[:1] in ",;" or (line.split()[0].islower() and (before[-1:].islower() or before[-1:] in ",0123456789")):
        return True  # (not a heading over a paragraph opening on a brand: "How we chose ..." / "moveBuddha's team ...")
    if line[:1].isdigit():
        return len(before.split()) >= 3 and not line.endswith(_SENTENCE_END)
    last = before.rsplit(maxsplit=1)[-1].lower()
    return (before.endswith(",") or last in _MID_SENTENCE) and len(line.split()) <= LINK_WORDS
