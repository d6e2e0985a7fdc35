"""Turn a raw plain-text scrape of a news page into reporting plus trustworthy metadata.

Line decisions come from lines.score_lines (a small learned model over shape, vocabulary and
neighbourhood). This module adds what a reader of the page would use: the headline is the
prominent line just above the reporting (often repeated), the outlet is a masthead near the
top or the headline's " | Outlet" suffix, and the date is a short date line in the header.
Anything below the start of the reporting is never used for metadata, because captions and
teasers there carry dates and names that belong to other stories.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from index.ingest.boilerplate import is_boilerplate, is_button_row
from index.ingest.lines import (
    BOILER_LINE_RE,
    BYLINE_RE,
    DATE_RE,
    STRONG_CHROME_RE,
    TEASER_COL,
    base_features,
    load_model,
    max_run,
    score_from_base,
)
from index.ingest.unwrap import logical_lines
from index.model import Cleaned

HEADER_SPAN = 25
HEADLINE_MAX_WORDS = 20  # 791 of 793 WCXB headlines have fewer; longer lines are a lead or a dek
OUTSIDE_TH = 0.85  # score a line outside the main run of reporting needs to be kept
GAP_TH = 0.15  # score a sentence-shaped line inside the run needs to be kept
TEASER_CUT = 0.5  # share of teaser lines after a section label that ends the run there
TEASER_PROB = 0.8  # ...unless the model is confident those lines are reporting (one-sentence news paragraphs)
BOILER_CHARS = 90  # longer lines are never a whole-line label or button
FILL_GAP, FILL_TH = 2, 0.3  # lines between kept ones taken in when the model gives them this much
DEK_WORDS = 10  # a standfirst is at least this long
SHORT_PAGE = 12  # non-blank lines of a page too short to have a run of reporting to find
INLINE_MAX = 12  # lines of headlines and names under a label inside the reporting, at most
IN_TH = 1.0  # score any other line inside the run needs (the model threshold when higher)
# A credit line closing a story: "Associated Press writer Ann Lee contributed to this report."
_CREDIT_RE = re.compile(r"(?i)(?:\bcontributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?[.)]?$"
                        r"|^\(?(?:additional\s+)?reporting\s+by\b|^\(?editing\s+by\b)")
_WORDY = re.compile(r"[^\W_]")
_END = (".", "!", "?", "…", '"', "”", "’", ")")  # non-blank lines searched for metadata when the reporting starts late
_MONTH_NUM = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_SUFFIX_RE = re.compile(r"^(?P<head>.+?)\s*(?:\s[-|–—]\s*|\s*\|\s*)(?P<site>[^-|–—]{2,40})$")
_OUTLET_WORDS = re.compile(
    r"(?i)\b(?:times|journal|news|post|herald|tribune|daily|gazette|press|media|magazine"
    r"|chronicle|telegraph|guardian|observer|star|mail|express|today|monitor|review|standard"
    r"|independent|insider|wire|network|tv|radio|broadcasting|weekly|online|digest|globe|sun"
    r"|record|courier|examiner|inquirer|reporter|bulletin|dispatch|sentinel|voice|mirror"
    r"|beacon|nation|agency|report|journalism|newspaper|herald|bbc|cnn|nbc|abc|cbs|npr|ap"
    r"|reuters|bloomberg|channel|world|pulse|register|leader|enquirer|week|informer)\b"
    r"|\.(?:com|net|org|co|news|io)\b"
)
# "© 2025 Cable News Network. A Warner Bros. Discovery Company.", "Copyright 2025 The Associated
# Press. All rights reserved.", "©2025 FOX News Network, LLC."
_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|\b(?i:copyright)\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&'’ -]*?(?:\.(?:com|co\.uk|org|net))?)"
    r"(?=\s*(?:,?\s*(?:LLC|Inc|Ltd|Limited|Corp|Company|GmbH|plc)\b|[.|,;]|\s+or\s+its"
    r"|\s+(?i:all\s+rights|powered\s+by|\d{4}\b)|$))")
_NOTICE_RE = re.compile(r"(?:copyright\b|©|\(c\)\s)")
FOOTER_SPAN = 40  # last lines of a page searched for its copyright notice
# Outlet words that, alone on a line, are a menu item rather than a masthead
_MENU_WORDS = frozenset("news register review world week today weekly online digest report record video "
                        "radio tv network wire insider magazine media press daily".split())
_SECTION_ONLY = re.compile(
    r"(?i)^(?:(?:world|us|u\.s\.|uk|local|national|international|breaking|latest|top|news"
    r"|politics|business|sports?|opinion|tech(?:nology)?|science|health|entertainment"
    r"|lifestyle|culture|asia|europe|africa|americas|middle east|economy|markets|home)\s*"
    r"(?:&|and|/|-|\|)?\s*)+$"
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?)"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|-{1,2})\s*\S"
)
# Photo captions end in (or carry) an agency credit; reporting almost never does.
_CAPTION_RE = re.compile(
    r"(?i)(?:getty ?images|\bap photo\b|photo(?:graph)?(?: by| via|:)|\bimage(?: by|:)"
    r"|\bcredit:|shutterstock|/(?:afp|reuters|ap|epa|bloomberg)\b|\bfile photo\b)"
)
# Prompts addressed to the reader (consent, accounts, mailing lists), not reporting.
_PROMPT_RE = re.compile(
    r"(?i)\b(?:cookies?|password|newsletters?|sign (?:in|up)|log ?in|subscribe|subscribing|your inbox"
    r"|support(?:ing)? (?:our|independent|quality|local) (?:\w+ ){0,2}journalism"
    r"|email address|privacy policy|terms of (?:use|service)|app key|before you go|unlock|for free|free trial)\b"
)
_SLOT_RE = re.compile(r"^[\W_]*(?:advertisements?|ads?|sponsored|share(?: this(?: article| story)?)?|print"
                      r"|e-?mail|tweet|view comments|\d+ comments?)[\W_]*$")
# A whole line that introduces a list of other stories ("Recommended Reading", "More from us").
# Narrower than boilerplate.py's labels on purpose: an ad label or a share bar sits inside the
# reporting with reporting right under it, so it must not take the lines below it along.
_LIST_LABEL_RE = re.compile(
    r"(?i)^[\W_]*(?:(?:related|recommended)(?: for you| stories| articles?| posts?| content| coverage"
    r"| reading| links?| videos?| news)?|(?:more|latest|top|popular|trending)"
    r" (?:stories|news|articles|posts|reads|videos)|more (?:from|on|in) .{1,30}|see also|read (?:also|next)"
    r"|(?:further|recommended|suggested) reading|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)"
    r"|trending(?: now)?|editor[’']?s picks|don[’']t miss)[\W_]*$"
)
# The heading of a comment thread: readers' posts follow, never more reporting.
_COMMENTS_HEAD_RE = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:on|to)\b.*)?"
    r"|(?:one|two|three)\s+(?:comments?|responses?|thoughts)\s+on\b.*|comments?\s*\(\d+\)"
    r"|(?:leave|post|add|write)\s+a\s+(?:reply|comment)|(?:join|start)\s+the\s+(?:discussion|conversation)"
    r"|reader\s+comments|comments\s+are\s+closed|what\s+do\s+you\s+think\??)[\s:.!…]*$"
)
_COMMENTS_HINTS = ("comment", "repl", "respons", "thought", "discussion", "conversation", "what do you think")
_COMMENTS_AFTER = (3, 100)  # kept lines and words of reporting a comment heading must follow
# Header lines shaped like a headline that are about the page, not its story.
_NOT_HEADLINE_RE = re.compile(
    r"(?i)\b(?:reading time|read(?:ing)? time|min(?:ute)?s? (?:read|listen)"
    r"|listen to (?:this|the) (?:article|story|audio)"
    r"|(?:open|close|toggle) (?:menu|navigation|search)|editorial (?:policies|policy|guidelines|standards)"
    r"|this (?:article|story|post) is (?:more than|over)|©|(?:fact[- ]checked|(?:medically )?reviewed|edited) by)"
    r"|\s/\s[A-Z]"
)
# A line that is nothing but a byline: "By Ann Lee", "BY ANN LEE AND TOM PARK" ("By the end of
# the day." is a sentence: its words are not capitalised names); scrapes glue "ByAnn Lee"
_BYLINE_ONLY_RE = re.compile(
    r"^[Bb][Yy]:?(?:\s+|(?=[A-Z][a-z]))[A-Z][\w.'’-]*(?:\s*(?:,|&|\band\b|\s)\s*[A-Z][\w.'’-]*){0,5}\s*$")
# "November 25, 20251:12 PM GMT": a scrape glues the time to the year
_GLUED_TIME_RE = re.compile(r"\b((?:19|20)\d{2})(?=\d{1,2}:\d{2})")
_STAMP_RE = re.compile(r"(?i)\b(?:updated|published|posted)\s*(?:on)?:")  # "TOI Desk / Updated: Nov 24, 2025"
_UPDATED_RE = re.compile(r"(?i)^(?:updated|published|posted|last updated|first published)\b")
# A byline that names the writer's beat instead of starting with "By": "Jon Henley Europe
# correspondent", "Ann Lee, Senior Editor" (a headline does not end on the writer's job)
_ROLE_BYLINE_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+){1,5}(?:(?:senior|chief|deputy|staff|contributing|associate|executive)\s+)?"
    r"(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|producer|critic)$")
_REPORTING_FROM_RE = re.compile(r"(?i)^(?:reporting|writing) (?:from|in)\b")
# A label over a player or a gallery: the line under it titles the clip, not the story
_MEDIA_LABEL_RE = re.compile(r"(?i)^(?:video|watch|play|photos?|gallery)\W*$")
# A photo credit printed as its own line above the caption ("Getty Images", "Image source, EPA");
# not a news agency's name, which aggregators print over the headline ("Reuters")
_CREDIT_LINE_RE = re.compile(
    r"(?i)^(?:image source,?\s*)?(?:[\w.'’ -]{1,30}\s(?:via|for)\s)?(?:getty images|shutterstock|alamy"
    r"|pa media|epa(?:-efe)?)(?:\s*(?:/|via)\s*[\w ]{1,30})?\W*$")


def clean_text(text: str, *, name: str | None = None) -> Cleaned:
    """Reporting, headline, outlet, date and dateline of one plain-text page.

    `name` (a file name or id) is accepted for callers' logging symmetry; the cleaner never
    derives metadata from it because file names are not the publisher's words.
    """
    model = load_model()
    return clean_scored(text, score_from_base, model["threshold"] if model else 0.5)


def clean_scored(text: str, scorer: Callable[[list[str], np.ndarray], np.ndarray],
                 threshold: float) -> Cleaned:
    """clean_text with the line scorer passed in (bench/train_line_model.py scores held-out
    pages with fold models through the same page-level pipeline)."""
    raw = text.splitlines()
    lines, owners = logical_lines(raw)
    if not lines:
        return Cleaned(paragraphs=[], kept_lines=[])
    base = base_features(lines)
    probs = scorer(lines, base)
    keys = _keys(lines)
    keep = refine(lines, probs, threshold, base=base, keys=keys)
    # a rule or a section break ("___", "* * *") carries no words
    keep &= np.array([_WORDY.search(s) is not None for s in lines], dtype=bool)
    if not keep.any() and len(lines) <= SHORT_PAGE:
        # a short note (a headline and a paragraph or two) has no run of reporting for the
        # model to find: its sentences are the story, whatever the line scores say
        keep = np.array([_prose(s) and not _CAPTION_RE.search(s) and not _PROMPT_RE.search(s)
                         for s in lines])
    first_body = int(np.argmax(keep)) if keep.any() else min(len(lines), HEADER_SPAN)

    # a page that opens with a short line and then the headline (a masthead over a pasted
    # article): the model may keep both, and the headline is the second
    head_end = first_body
    if keep.any() and len(lines[first_body].split()) < 4:
        nxt = next((j for j in np.flatnonzero(keep).tolist() if j > first_body), None)
        if nxt is not None and nxt - first_body <= 2 and _headline_like(lines[nxt]) and len(lines[nxt].split()) >= 4:
            head_end = nxt
    t_pos = find_title(lines, head_end, keep)
    if keep.any() and _sentence_headline(lines, first_body):
        t_pos = first_body
    title = outlet = None
    if t_pos is not None:
        title, outlet = split_title(lines[t_pos])
        tkey = keys[t_pos]
        for j, k in enumerate(keys):  # the headline and its repeats are not reporting
            if k == tkey:
                keep[j] = False
        if head_end != first_body:
            keep[:t_pos] = False  # nor is the masthead printed above it
        first_body = int(np.argmax(keep)) if keep.any() else first_body
    header_end = t_pos if t_pos is not None else first_body
    if outlet is None:
        outlet = find_masthead(lines[: max(header_end, 0)][:HEADER_SPAN])
    if outlet is None:
        outlet = find_copyright_holder(lines[-FOOTER_SPAN:])
    date = find_date(lines, first_body, t_pos)

    kept = [k for k, flag in enumerate(keep) if flag]
    kept_lines = [i for k in kept for i in owners[k]]
    if len(kept_lines) > len(kept):  # wrapped paragraphs, already joined
        paragraphs = [lines[k] for k in kept]
    else:
        paragraphs = _paragraphs(raw, kept_lines, blank_separated=len(lines) < 0.8 * len(raw))
    dateline = find_dateline(paragraphs[0]) if paragraphs else None
    return Cleaned(paragraphs=paragraphs, title=title, outlet=outlet, date=date,
                   dateline=dateline, kept_lines=kept_lines)


def _long_prose(s: str) -> bool:
    """A long multi-sentence paragraph whose end the scrape cut off is still reporting."""
    return (len(s.split()) >= 25 and len(re.findall(r"[.!?…][\"”’]?\s", s)) >= 1
            and not STRONG_CHROME_RE.search(s) and not BOILER_LINE_RE.match(s))


def _prose(s: str, min_words: int = 7) -> bool:
    """Sentence-shaped: several words ending in sentence punctuation, no chrome words."""
    return (len(s.split()) >= min_words and s.endswith(_END)
            and not STRONG_CHROME_RE.search(s) and not BOILER_LINE_RE.match(s))


# substrings every match of the regex above contains: most lines skip the regex (speed)
_CAPTION_HINTS = ("getty", "photo", "image", "credit", "shutterstock", "/")
_PROMPT_HINTS = ("cookie", "password", "newsletter", "sign", "log", "subscrib", "support", "inbox",
                 "email", "privacy", "terms", "app key", "before you", "unlock", "free")


def _lines_with(doc: str, klen: np.ndarray, hints: tuple[str, ...]) -> set[int]:
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


def refine(lines: list[str], probs: np.ndarray, th: float, *, base: np.ndarray | None = None,
           keys: list[str] | None = None) -> np.ndarray:
    """Page-level structure on top of per-line scores.

    Reporting is one dominant run: lines far outside it need a confident score (teasers
    and footers look like prose line by line), sentence-shaped lines inside it are kept
    even when scored low (a short quote between paragraphs), and the run is extended over
    adjacent sentence-shaped lines so the last paragraph is never cut. Lines printed twice
    are page furniture (toggles, repeated headlines, duplicated captions).
    """
    n = len(lines)
    keep = probs >= th
    if base is None:
        base = base_features(lines)
    if keys is None:
        keys = _keys(lines)
    counts = Counter(keys)
    klen = np.array([len(k) for k in keys])
    long_ = np.flatnonzero(klen > 60).tolist()
    heads: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    for i in long_:
        heads.setdefault(keys[i][:50], set()).add(keys[i])
        tails.setdefault(keys[i][-50:], set()).add(keys[i])
    # a caption printed twice differs by a credit prefix or suffix: same head or tail only, and
    # a pair of them (three or more long lines opening alike are parallel items of a list:
    # terms per region, a product's variants)
    near = np.zeros(n, dtype=bool)
    for i in long_:
        near[i] = len(heads[keys[i][:50]]) == 2 or len(tails[keys[i][-50:]]) == 2
    lowdoc = "\n".join(keys)
    cap = _lines_with(lowdoc, klen, _CAPTION_HINTS)
    prm = _lines_with(lowdoc, klen, _PROMPT_HINTS)
    bad = near | (base[:, 9] > 0) | (base[:, 10] > 0)
    for i in cap:
        bad[i] |= len(keys[i]) < 400 and _CAPTION_RE.search(keys[i]) is not None
    for i in prm:
        bad[i] |= len(keys[i]) < 250 and _PROMPT_RE.search(keys[i]) is not None
    # rows of shop buttons: never reporting, and the run of reporting reaches across them
    # (looked for where the model might keep a line, and lazily where the run is extended)
    button = np.zeros(n, dtype=bool)
    for i in np.flatnonzero((klen <= BOILER_CHARS) & (probs >= GAP_TH)).tolist():
        button[i] = is_button_row(lines[i])
    bad |= button

    def is_button(j: int) -> bool:
        return bool(button[j]) or (klen[j] <= BOILER_CHARS and is_button_row(lines[j]))
    # short lines printed twice (toggles, menus, repeated headlines) never anchor the run
    dup = (np.array([counts[k] for k in keys]) > 1) & (klen < 120)
    lens = np.rint(np.expm1(base[:, 0]))
    best, bs, be = max_run((probs - th) * np.sqrt(lens + 1) * ~(bad | dup))
    if be < 0 or best <= 0:
        return keep & ~bad & ~dup
    # a section label ("Related stories") inside the run followed by teasers ends it; a
    # label ("More from us") followed by nothing but headlines to the run's end is a list
    # of other stories, none of which is reporting
    teaser = base[:, TEASER_COL] > 0
    label = (base[:, 9] > 0) | (base[:, 10] > 0)
    heads_only = (base[:, 2] == 0) & (base[:, 1] >= np.log1p(3))
    listed = np.zeros(n, dtype=bool)
    for j in np.flatnonzero(bad[bs + 1 : be] & (klen[bs + 1 : be] < 40)).tolist():
        j += bs + 1
        if _SLOT_RE.match(keys[j]):
            continue  # an ad slot or a share bar sits inside the reporting, not after it
        if label[j] and heads_only[j + 1 : be + 1].all():
            listed[j : be + 1] = True
        rest = slice(j + 1, be + 1)
        if listed[j] or (teaser[rest].mean() >= TEASER_CUT and probs[rest].mean() < TEASER_PROB):
            be = j - 1
            break
    # an inline widget: a list label inside the run ("Recommended Reading", "Related article")
    # over one or more lines that are not sentences (headlines, authors) before the reporting resumes
    for j in np.flatnonzero((klen[bs : be + 1] < 40) & (base[bs : be + 1, 2] == 0)).tolist():
        j += bs
        if not _LIST_LABEL_RE.match(keys[j]):
            continue
        k = j + 1
        while k <= be and base[k, 2] == 0 and k - j <= INLINE_MAX:
            k += 1
        if k - j >= 2 and (k > be or base[k, 2] > 0):
            listed[j:k] = True
    # a player's or a gallery's label ("Video") titles the clip under it, not the story
    for j in np.flatnonzero(klen[:-1] < 10).tolist():
        if base[j + 1, 2] == 0 and _MEDIA_LABEL_RE.match(keys[j]):
            listed[j + 1] = True
    # reporting ends on a sentence: headline-shaped lines closing the run are teasers
    while be > bs and base[be, 2] == 0 and probs[be] < OUTSIDE_TH:
        be -= 1
    outside = np.ones(n, dtype=bool)
    outside[bs : be + 1] = False
    keep &= ~outside | ((probs >= OUTSIDE_TH) & ~dup)
    keep |= ~outside & (probs >= IN_TH)
    words = np.exp(base[:, 1]) - 1
    prose = (words >= 6.5) & (base[:, 2] > 0) & (base[:, 8] == 0) & (base[:, 9] == 0)
    keep |= ~outside & prose & (probs >= GAP_TH)
    j = be + 1
    while j < n:
        if is_button(j):
            keep[j] = False
        elif _WORDY.search(lines[j]) is None:  # a rule ("___"), then perhaps the credit line
            if j + 1 < n and _CREDIT_RE.search(lines[j + 1]):
                keep[j + 1] = True
            break
        elif (_prose(lines[j], 4) or _long_prose(lines[j])) and not (bad[j] or dup[j]):
            keep[j] = True
        elif klen[j] < 40 and _LIST_LABEL_RE.match(keys[j]):
            # a widget the model took for the end ("Recommended Stories", a few headlines): the
            # reporting goes on under it when sentences that are not teasers' blurbs follow
            k = j + 1
            while k < n and base[k, 2] == 0 and k - j <= INLINE_MAX:
                k += 1
            resumes = [t for t in (k, k + 1) if t < n and prose[t] and not (bad[t] or dup[t] or teaser[t])]
            if k - j >= 3 and len(resumes) == 2 and probs[k] >= GAP_TH:  # a list, not headline + blurb
                listed[j:k] = True
                j = k
                continue
            break
        else:
            break
        j += 1
    j = bs - 1
    while j >= 0:
        if is_button(j):
            keep[j] = False
        elif prose[j] and not (bad[j] or dup[j]) and probs[j] >= GAP_TH:
            keep[j] = True
        else:
            break
        j -= 1
    keep &= ~(bad | listed)
    # the HTML path's whole-line boilerplate (buttons, labels, lone dates) and bare bylines are
    # chrome in a scrape too; they only drop lines here, never move the run (a lone date line
    # sits between the headline and the reporting, and must not let the run grow over it)
    # (each short line the model might keep, or a gap might take in, is looked at once)
    furniture = np.zeros(n, dtype=bool)
    for i in np.flatnonzero((klen <= BOILER_CHARS) & (keep | (probs >= FILL_TH))).tolist():
        furniture[i] = _chrome_line(lines[i])
    # a copyright notice with the wire's terms after it ("Copyright 2025 The Associated Press.
    # All rights reserved. This material may not be published, broadcast...") is long, but chrome
    for i in np.flatnonzero((klen > BOILER_CHARS) & keep).tolist():
        furniture[i] = _NOTICE_RE.match(keys[i]) is not None
    keep &= ~furniture
    _fill_gaps(probs, keep, bad | furniture | listed)
    # a stray lowercase fragment ("caught") marks a broken widget: drop its run of short lines
    short = (words < 5) & (base[:, 2] == 0)
    i = bs
    while i <= be:
        j = i
        while j <= be and keep[j] and short[j]:
            j += 1
        if j - i >= 2 and any(" " not in lines[t] and lines[t][0].islower() for t in range(i, j)):
            keep[i:j] = False
        i = j + 1 if j == i else j
    _end_at_comments(keys, klen, keep, lowdoc)
    # a lone lowercase word is a widget fragment ("in", "caught") unless scored confidently
    keep &= ~((base[:, 1] < 0.8) & (base[:, 22] > 0) & (probs < OUTSIDE_TH))
    return keep


def _chrome_line(line: str) -> bool:
    """A short line that is page furniture whatever the model says: a label, a button, a
    lone date (boilerplate.py's rules, shared with the HTML path) or a bare byline ("By Ann
    Lee", "Jon Henley Europe correspondent")."""
    return is_boilerplate(line) or bool(_BYLINE_ONLY_RE.match(line) or _ROLE_BYLINE_RE.match(line))


def _fill_gaps(probs: np.ndarray, keep: np.ndarray, chrome: np.ndarray) -> None:
    """One or two lines between kept lines belong to the reporting (a subheading, a one-line
    quote, a short list) when the model half-believes it and they are not chrome."""
    kept = np.flatnonzero(keep).tolist()
    for a, b in itertools.pairwise(kept):
        if 1 < b - a <= FILL_GAP + 1:
            for j in range(a + 1, b):
                if probs[j] >= FILL_TH and not chrome[j]:
                    keep[j] = True


def _end_at_comments(keys: list[str], klen: np.ndarray, keep: np.ndarray, lowdoc: str) -> None:
    """Drop everything from a comment thread's heading on ("14 Comments", "Leave a Reply"),
    once enough reporting is kept above it that it cannot be a count in the byline."""
    heads = sorted(i for i in _lines_with(lowdoc, klen, _COMMENTS_HINTS)
                   if klen[i] < 120 and _COMMENTS_HEAD_RE.match(keys[i]))
    for i in heads:
        kept = np.flatnonzero(keep[:i])
        if len(kept) >= _COMMENTS_AFTER[0] and sum(len(keys[k].split()) for k in kept) >= _COMMENTS_AFTER[1]:
            keep[i:] = False
            return


def _key(s: str) -> str:
    return " ".join(s.lower().split())


def _keys(lines: list[str]) -> list[str]:
    """_key of every line; most lines have single spaces already, so skip the re-join."""
    return [k if "  " not in k and "\t" not in k else " ".join(k.split())
            for k in "\n".join(lines).lower().split("\n")]


def _paragraphs(raw: list[str], kept: list[int], *, blank_separated: bool) -> list[str]:
    """One paragraph per kept block: with blank-line input a block may span wrapped lines."""
    paras: list[str] = []
    prev = -2
    for i in kept:
        s = raw[i].strip()
        if blank_separated and i == prev + 1 and paras:
            paras[-1] = f"{paras[-1]} {s}"
        else:
            paras.append(s)
        prev = i
    return paras


def _headline_like(s: str) -> bool:
    """Shape of a headline: a few words, no full stop, not a widget, date or byline."""
    words = s.split()
    if not (3 <= len(words) <= HEADLINE_MAX_WORDS) or len(s) > 300:
        return False
    if s.endswith((".", ":", ",", ";")) and not s.endswith("..."):
        return False
    if BOILER_LINE_RE.match(s) or BYLINE_RE.match(s) or _UPDATED_RE.match(s):
        return False
    if DATE_RE.search(s) and len(s) < 60:
        return False
    if _ROLE_BYLINE_RE.match(s) or _REPORTING_FROM_RE.match(s):
        return False
    if _NOT_HEADLINE_RE.search(s) or _CAPTION_RE.search(s) or is_boilerplate(s) or s.count("|") >= 2:
        return False  # a reading time, a credit, a label, a row of links
    return len(STRONG_CHROME_RE.findall(s)) == 0 or len(words) > 10


def find_title(lines: list[str], first_body: int, keep: np.ndarray) -> int | None:
    """Index of the headline: the headline-shaped line nearest above the reporting.

    A line repeated near the top wins outright, because pages print the headline both in
    the breadcrumb/title bar and above the story while chrome lines rarely repeat verbatim
    at headline length. Without reporting there is no headline to trust.
    """
    if not keep.any():
        return None
    lo = max(0, first_body - HEADER_SPAN)
    cands = [j for j in range(lo, min(first_body + 1, len(lines))) if _headline_like(lines[j])]
    by = [b for b in range(lo, first_body) if _is_byline(lines[b])]
    if by and by[-1] > lo and _loose_headline(lines[by[-1] - 1]) and not any(
            by[-1] - 4 <= j < by[-1] and len(lines[j].split()) >= 4 for j in cands):
        # right above the byline with no headline-shaped line near: a headline that is a
        # sentence ("Statues? Not so much.")
        return by[-1] - 1
    if not cands:
        return None
    # of the repeated lines, the one nearest the story (menus repeat too, further up)
    counts = Counter(_key(lines[j]) for j in cands)
    for j in reversed(cands):
        if counts[_key(lines[j])] > 1 and len(lines[j].split()) >= 4:
            return j
    # the headline stands above the byline: headline-shaped lines between a byline and the
    # story are captions and widgets
    if by and any(by[-1] - 4 <= j < by[-1] and len(lines[j].split()) >= 4 for j in cands):
        cands = [j for j in cands if j < by[-1]]
    # prefer the closest candidate with at least four words; teaser-free header lines above
    # the story are usually section names or taglines that are shorter
    for j in reversed(cands):
        words = len(lines[j].split())
        if words >= 4 and not (j and (_MEDIA_LABEL_RE.match(lines[j - 1]) or _CREDIT_LINE_RE.match(lines[j - 1]))):
            # a long sentence-case line right under another headline-shaped one is the
            # standfirst, and the line above it the headline (unless that is glued-up menu)
            above = lines[j - 1]
            n_above = len(above.split())
            if j - 1 in cands and 4 <= n_above < words and len(above) <= 10 * n_above and _dek_like(lines[j]):
                return j - 1
            return j
    return cands[-1]


def _sentence_headline(lines: list[str], i: int) -> bool:
    """The model kept a headline written as a sentence: the byline under it says so (a
    standfirst sits there too, but under a headline)."""
    if i + 1 >= len(lines) or not _is_byline(lines[i + 1]) or not _loose_headline(lines[i]):
        return False
    return not any(_headline_like(lines[j]) and len(lines[j].split()) >= 4 for j in range(max(0, i - 3), i))


def _loose_headline(s: str) -> bool:
    """A headline written as a sentence, as opinion pages do ("It won't."): three to twenty
    words ending in a full stop; never a label, a date, a byline or a caption."""
    words = s.split()
    if not (1 <= len(words) <= HEADLINE_MAX_WORDS) or len(s) > 200 or s.endswith((":", ",", ";")):
        return False
    if BOILER_LINE_RE.match(s) or BYLINE_RE.match(s) or _UPDATED_RE.match(s) or (DATE_RE.search(s) and len(s) < 60):
        return False
    if _NOT_HEADLINE_RE.search(s) or _CAPTION_RE.search(s) or is_boilerplate(s) or STRONG_CHROME_RE.search(s):
        return False
    return len(words) >= 3 and s.endswith((".", "?", "!", "”", '"', "’"))


def _is_byline(s: str) -> bool:
    return len(s) < 80 and bool(_BYLINE_ONLY_RE.match(s) or _ROLE_BYLINE_RE.match(s)
                                or (BYLINE_RE.match(s) and len(s.split()) <= 8))


def _dek_like(s: str) -> bool:
    """A standfirst under a headline: a long line in sentence case (headlines are shorter, and
    those in title case capitalise most words)."""
    words = s.split()
    caps = sum(w[0].isupper() for w in words[1:])
    return len(words) >= DEK_WORDS and caps <= 0.34 * (len(words) - 1)


def split_title(line: str) -> tuple[str, str | None]:
    """Headline without a trailing " - Outlet" / " | Outlet" suffix, and that outlet."""
    m = _SUFFIX_RE.match(line)
    if m:
        site = m.group("site").strip()
        words = site.split()
        looks_site = (
            1 <= len(words) <= 5
            and not site.endswith((".", "?", "!"))
            and all(w[0].isupper() or w[0].isdigit() for w in words)
            and not _SECTION_ONLY.match(site)
        )
        if looks_site and len(m.group("head").split()) >= 3:
            return m.group("head").strip(), site
    return line, None


def find_masthead(header: list[str]) -> str | None:
    """The outlet's name printed as its own short line above the headline."""
    for s in header:
        words = s.split()
        if not (1 <= len(words) <= 6) or len(s) > 50:
            continue
        if s.endswith((".", ":", "?", "!", ",")) or DATE_RE.search(s) or BYLINE_RE.match(s):
            continue
        if words[0].lower() in ("my", "your", "our") or (len(words) == 1 and s.lower() in _MENU_WORDS):
            continue  # a menu item ("My News", "Register", "World"), not the outlet's name
        if BOILER_LINE_RE.match(s) or _SECTION_ONLY.match(s) or STRONG_CHROME_RE.search(s):
            continue
        if not all(w[0].isupper() or w[0].isdigit() or w.lower() in {"of", "the", "and", "&"}
                   for w in words):
            continue
        if _OUTLET_WORDS.search(s):
            return s
    return None


def find_copyright_holder(footer: list[str]) -> str | None:
    """The outlet named in the page's copyright notice ("© 2025 Reuters. All rights reserved"),
    when it reads as a news organisation (a blog's notice names a person)."""
    for s in reversed(footer):
        if len(s) > 250:
            continue
        m = _COPYRIGHT_RE.search(s)
        if not m:
            continue
        name = re.sub(r"(?i)^copyright\s+", "", m.group("name").strip(" ,.-–"))
        if 2 <= len(name) <= 50 and _OUTLET_WORDS.search(name) and not _SECTION_ONLY.match(name):
            return name
    return None


def find_date(lines: list[str], first_body: int, t_pos: int | None) -> dt.date | None:
    """A short date line in the header (above the reporting, or just below the headline)."""
    end = first_body
    if t_pos is not None:
        end = max(end, min(t_pos + 6, len(lines)))
    start = max(0, min(end, HEADER_SPAN) - HEADER_SPAN)
    for s in lines[start:min(end, max(HEADER_SPAN, first_body))]:
        if len(s) > 120 or _CAPTION_RE.search(s):
            continue  # a photo's caption dates the photo
        s = _GLUED_TIME_RE.sub(r"\1 ", s)
        m = DATE_RE.search(s)
        if m and (len(s) < 60 or _UPDATED_RE.match(s) or BYLINE_RE.match(s) or "|" in s or _STAMP_RE.search(s)):
            d = parse_date(m.group(0))
            if d:
                return d
    return None


def parse_date(s: str) -> dt.date | None:
    """Parse the date formats DATE_RE finds; ambiguous day/month numbers give None."""
    s = s.strip().rstrip(".")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s)
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", s)
        if m:
            a, b, y = (int(g) for g in m.groups())
            y += 2000 if y < 100 else 0
            if a > 12 >= b:
                return dt.date(y, b, a)
            if b > 12 >= a:
                return dt.date(y, a, b)
            return None
        toks = re.findall(r"[A-Za-z]+|\d+", s)
        month = next((_MONTH_NUM[t[:3].lower()] for t in toks
                      if t.isalpha() and t[:3].lower() in _MONTH_NUM), None)
        nums = [int(t) for t in toks if t.isdigit()]
        year = next((n for n in nums if n > 31), None)
        day = next((n for n in nums if n <= 31), None)
        if month and year and day:
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def find_dateline(first: str) -> str | None:
    """'SEOUL, South Korea' from 'SEOUL, South Korea — The streets…' (caps city first)."""
    m = _DATELINE_RE.match(first)
    if not m:
        return None
    place = m.group("place").strip()
    city = place.split(",")[0]
    if len(city.replace(" ", "").replace(".", "")) < 2 or len(place) > 60:
        return None
    return place
