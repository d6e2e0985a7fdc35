"""Per-line features for the text cleaner's line model, computed a page at a time.

A plain-text scrape loses the markup that HTML extractors lean on, so every decision comes
from what survives in text: a line's shape (length, sentence punctuation, capitals), its
vocabulary (chrome words such as "subscribe" or "cookie"), repetition within the page, and
above all its neighbourhood: reporting comes as one dominant run of prose while menus,
teasers and footers come as runs of short or formulaic lines (a headline, a one-sentence
blurb, a date, again and again).

Speed matters because cleaning runs for every indexed page: character-class counts come from
one numpy array of the page's code points (cumulative sums, no per-line Python), vocabulary
from one lowercase pass split into word sets, and the regexes that need a line of their own
(widget labels, datelines, dates) only run on the short lines they can match.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat

import numpy as np

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_RE = re.compile(
    rf"(?i)\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b"
)
# Words that make up site chrome. Strong ones are rare in reporting; weak ones are common
# in chrome but also occur in stories, so they only count as density.
STRONG_CHROME_RE = re.compile(
    r"(?i)\b(?:cookies?|subscri(?:be|ption)s?|newsletters?|sign(?:ed)? (?:in|up)|log ?(?:in|out)"
    r"|password|advertisements?|sponsored|read more|see also|related(?: articles| stories| posts)?"
    r"|more (?:stories|news|from)|follow us|copyright|rights reserved|click here|skip to"
    r"|terms of (?:use|service)|privacy policy|share (?:this|on)|comments?|leave a reply"
    r"|you may (?:also )?like|recommended|trending|most (?:read|popular)|popular posts"
    r"|inbox|unlock|free trial|download (?:the|our) app|all rights|tags?:|categor(?:y|ies)"
    r"|previous (?:post|article)|next (?:post|article)|back to top|load more|show more)\b"
)
# A whole line that is nothing but a widget label ("Advertisement", "Source link", "Share").
BOILER_LINE_RE = re.compile(
    r"(?i)^[\W_]*(?:advertisement|ad|sponsored(?: content)?|source link|share(?: this)?"
    r"|print|email|tweet|comments?|\d+ comments?|reply|close|menu|search|home|next|previous"
    r"|read more|continue reading|see more|load more|show more|related|related (?:articles|posts"
    r"|stories|news|content)|latest (?:news|articles|posts|stories)|more (?:stories|news)|tags?"
    r"|you (?:may|might) also like|recommended(?: for you)?|trending(?: now)?|popular|top stories"
    r"|what do you think\??|leave a (?:reply|comment)|back to top|log ?in|sign ?in|sign up"
    r"|subscribe(?: now)?|follow us|newsletter|skip to (?:main )?content|toggle navigation"
    r"|written by .{1,40}|posted by .{1,40}|photo|video|image|credit|getty images)[\W_]*$"
)
BOILER_MAX = 60  # widget labels are short: longer lines skip BOILER_LINE_RE (speed)
# The same vocabulary as word sets: set intersection is far faster than the alternations.
STRONG_WORDS = frozenset(
    "cookie cookies subscribe subscribed subscribes subscription subscriptions newsletter "
    "newsletters password advertisement advertisements sponsored copyright comment comments "
    "recommended trending inbox unlock tags category categories login logout signup".split()
)
STRONG_BIGRAMS = frozenset(tuple(p.split()) for p in (
    "sign in", "sign up", "log in", "log out", "read more", "see also", "related articles",
    "related stories", "related posts", "more stories", "more news", "more from", "follow us",
    "rights reserved", "click here", "skip to", "terms of", "privacy policy", "share this",
    "share on", "leave a", "you may", "also like", "most read", "most popular",
    "popular posts", "free trial", "previous post", "next post", "previous article",
    "next article", "back to", "load more", "show more", "download the", "our app"))
_BIGRAM_HEADS = frozenset(a for a, _ in STRONG_BIGRAMS)
WEAK_WORDS = frozenset(
    "home menu search share facebook twitter instagram linkedin whatsapp pinterest youtube "
    "tiktok telegram reddit email print photo photos image video watch listen podcast getty "
    "credit reuters afp shutterstock contact account register news opinion sports business "
    "entertainment lifestyle weather world politics latest more".split()
)
LEAD_RE = re.compile(r"(?i)^(?:see also|read more|related|read also|also read|more:|watch:"
                     r"|listen:|recommended:|click here|read:|more from|follow )")
BYLINE_RE = re.compile(r"(?i)^(?:by|written by|posted by|author|reporting by|words by)\b")
# ASCII bytes that are not lowercase letters become word breaks (like [a-z]+ tokens)
WORD_BREAKS = bytes(c if 97 <= c <= 122 or c == 10 or c >= 128 else 32 for c in range(256))

_S, _W, _H, _NL = 1, 2, 4, 8
_VOCAB: dict[bytes, int] = {b"\x01": _NL}
for _words, _f in ((STRONG_WORDS, _S), (WEAK_WORDS, _W), (_BIGRAM_HEADS, _H)):
    for _w in _words:
        _VOCAB[_w.encode()] = _VOCAB.get(_w.encode(), 0) | _f
_BIGRAMS_B = frozenset((a.encode(), b.encode()) for a, b in STRONG_BIGRAMS)
_LEAD_FIRST = np.array([ord(c) for c in "srmwlcf"])
_BY_FIRST = np.array([ord(c) for c in "bwpar"])

# Character classes as bit flags, looked up per code point (anything past the table: none).
_UP, _LO, _DI, _SP, _END, _SEP, _BUL, _QT = 1, 2, 4, 8, 16, 32, 64, 128
_STOP, _OPEN, _CLOSE, _COMMA = 256, 512, 1024, 2048
# (space, digit, lowercase) and (separator, quote, comma) as 21-bit fields of one int64,
# indexed by class bits, so one gather + one reduceat counts three classes per line
_FIELD = (1 << 21) - 1
_PACK_A = np.zeros(1 << 12, dtype=np.int64)
_PACK_B = np.zeros(1 << 12, dtype=np.int64)
for _v in range(1 << 12):
    for _k, (_a, _b) in enumerate(((_SP, _SEP), (_DI, _QT), (_LO, _COMMA))):
        _PACK_A[_v] |= (1 if _v & _a else 0) << (21 * _k)
        _PACK_B[_v] |= (1 if _v & _b else 0) << (21 * _k)
_CLS = np.zeros(0x2200, dtype=np.uint16)
for _c in range(65, 91):
    _CLS[_c] |= _UP | _OPEN
for _c in range(97, 123):
    _CLS[_c] |= _LO
for _c in range(48, 58):
    _CLS[_c] |= _DI
_CLS[32] |= _SP
for _ch, _f in ((".!?…\"”’)", _END), ("|»›/•", _SEP), ("-•*–—·>", _BUL), ("\"“”", _QT),
                (".!?", _STOP), ("\"“", _OPEN), ("\"”’)", _CLOSE), (",", _COMMA)):
    for _c in _ch:
        _CLS[ord(_c)] |= _f

N_LINE = 24  # shape/vocabulary columns
PAGE_COLS = 14  # neighbourhood columns appended by base_features
N_BASE = N_LINE + PAGE_COLS
TEASER_COL = N_LINE + 10  # 1 on headline + one-sentence blurb (+ date/byline) teaser lines
# Features whose values at neighbouring lines feed stage 1 (indices into the base row).
NEIGH_COLS = (0, 2, 8, 9, 13, 23)
OFFSETS = (-3, -2, -1, 1, 2, 3)


def base_features(lines: list[str]) -> np.ndarray:
    """Shape, vocabulary and neighbourhood of every (stripped, non-empty) line of a page."""
    n = len(lines)
    X = np.zeros((n, N_BASE), dtype=np.float64)
    if n == 0:
        return X
    lens = np.array([len(s) for s in lines], dtype=np.int64)
    if lens.max() > _FIELD // 2:  # counts are packed in 21-bit fields: features of a head
        lines = [s[: _FIELD // 2] for s in lines]
        lens = np.minimum(lens, _FIELD // 2)
    ends = np.cumsum(lens + 1) - 1
    starts = ends - lens
    doc = "\n".join(lines)
    cp = np.frombuffer(doc.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = _CLS[np.minimum(cp, len(_CLS) - 1)]
    nf = lens.astype(np.float64)
    last = cls[ends - 1]
    first = cls[starts]
    alnum = (cls & (_UP | _LO | _DI)) > 0
    # per-line counts of every character class at once: classes packed into 21-bit fields
    # of one integer per character (a table lookup), summed over each line with reduceat
    sp = (cls & _SP) > 0
    stop = (cls & _STOP) > 0
    opener = (cls & _OPEN) > 0
    # capitalised word starts and sentence breaks: [.!?] (+ closing quote) + space + capital
    extra = np.zeros(len(cp), dtype=np.int64)
    extra[1:] = ((cls[1:] & _UP) > 0) & ~alnum[:-1]
    extra[0] = (cls[0] & _UP) > 0
    brk = np.zeros(len(cp), dtype=bool)
    brk[:-2] = stop[:-2] & sp[1:-1] & opener[2:]
    brk[:-3] |= stop[:-3] & ((cls[1:-2] & _CLOSE) > 0) & sp[2:-1] & opener[3:]
    extra += brk.astype(np.int64) << 21
    C = np.empty((n, 8))
    for j, packed in enumerate((_PACK_A[cls], _PACK_B[cls], extra)):
        tot = np.add.reduceat(packed, starts)
        for f in range(3 if j < 2 else 2):
            C[:, 3 * j + f] = (tot >> (21 * f)) & _FIELD
    words = C[:, 0] + 1
    dig, caps = C[:, 1], C[:, 6]
    # (a quote closed by an apostrophe after its full stop ends a sentence too: "... 'extremely challenging.'")
    ends_p = ((last & _END) > 0) | ((cp[ends - 1] == 39) & (lens >= 2) & ((cls[ends - 2] & _STOP) > 0))
    lowdoc = doc.lower()
    strong, weak = _vocab_counts(lowdoc, n)
    boiler = _matches(BOILER_LINE_RE, lines, np.flatnonzero(lens < BOILER_MAX), n)
    lead = _matches(LEAD_RE, lines, np.flatnonzero(np.isin(cp[starts] | 32, _LEAD_FIRST)), n)
    date = _matches(DATE_RE, lines, np.flatnonzero((lens < 60) & (dig > 0)), n, search=True)
    byline = _matches(BYLINE_RE, lines,
                      np.flatnonzero((lens < 80) & np.isin(cp[starts] | 32, _BY_FIRST)), n)
    keys = lowdoc.split("\n")
    counts = Counter(keys)
    long_ = np.flatnonzero(lens > 50).tolist()
    heads = Counter(keys[i][:40] for i in long_)
    tails = Counter(keys[i][-40:] for i in long_)
    near = np.zeros(n)
    for i in long_:
        near[i] = heads[keys[i][:40]] > 1 or tails[keys[i][-40:]] > 1
    sent = C[:, 7] + (ends_p & (words > 6))
    X[:, 0] = np.log1p(nf)
    X[:, 1] = np.log1p(words)
    X[:, 2] = ends_p
    X[:, 3] = cp[ends - 1] == 58
    X[:, 4] = caps / words
    X[:, 5] = dig / nf
    X[:, 6] = C[:, 5] / words
    X[:, 7] = C[:, 4] > 0
    X[:, 8] = strong * 10.0 / words
    X[:, 9] = boiler
    X[:, 10] = lead
    X[:, 11] = date
    X[:, 12] = byline
    X[:, 13] = weak * 10.0 / words
    X[:, 14] = np.log([counts[k] for k in keys])
    X[:, 15] = near
    X[:, 16] = np.arange(n) / max(n - 1, 1)
    cum = np.cumsum(nf)
    X[:, 17] = (cum - nf / 2) / cum[-1]
    X[:, 18] = nf / nf.max()
    X[:, 19] = (caps > 0) & (C[:, 2] == 0)
    X[:, 20] = C[:, 3] / words
    nxt = np.minimum(starts + 1, len(cp) - 1)
    numbered = ((first & _DI) > 0) & ((lens == 1) | ((cls[nxt] & _DI) > 0)
                                      | np.isin(cp[nxt], (46, 41)))
    X[:, 21] = ((first & _BUL) > 0) | numbered
    X[:, 22] = (first & _LO) > 0
    X[:, 23] = sent
    _page_columns(X, nf, words, ends_p, sent)
    return X


def _page_columns(X: np.ndarray, lens: np.ndarray, words: np.ndarray, ends: np.ndarray,
                  sent: np.ndarray) -> None:
    """Neighbourhood: prose runs, chrome density, link-list runs and teaser patterns."""
    c = N_LINE
    prose = ((lens >= 70) & ends).astype(np.float64)
    X[:, c] = _window_mean(prose, 3)
    X[:, c + 1] = _window_mean(prose, 10)
    X[:, c + 2] = _window_mean(X[:, 8] + X[:, 9], 3)
    X[:, c + 3] = _window_mean(lens, 5) / lens.max()
    block, bs, be = _main_block(prose * 2 - 1, lens)
    X[:, c + 4] = block
    X[:, c + 5] = np.log1p(_distance_to(prose > 0))
    idx = np.arange(len(lens))
    X[:, c + 6] = np.log1p(np.maximum(bs - idx, 0))  # lines before the main run
    X[:, c + 7] = np.log1p(np.maximum(idx - be, 0))  # lines after it
    chrome = ((X[:, 8] > 0) | (X[:, 9] > 0) | (X[:, 13] > 0) | (X[:, 10] > 0)).astype(float)
    X[:, c + 8] = _window_mean(chrome, 8)
    short = ((words < 8) & ~ends).astype(np.float64)  # menu items, headlines, labels
    X[:, c + 9] = _window_mean(short, 4)
    # teasers: a headline-shaped line followed by a one-sentence blurb, then a date/byline
    head = (words >= 3) & (words <= 16) & ~ends & (X[:, 4] >= 0.4)
    blurb = ends & (words >= 6) & (words <= 45) & (sent <= 1)
    meta = (X[:, 11] > 0) | (X[:, 12] > 0) | (X[:, 9] > 0) | ((words <= 4) & ~ends)
    prev_head = np.concatenate(([False], head[:-1]))
    next_meta = np.concatenate((meta[1:], [False]))
    teaser = (blurb & prev_head) | (blurb & next_meta)
    teaser_any = teaser | np.concatenate((teaser[1:], [False]))  # the headline too
    X[:, c + 10] = teaser_any
    X[:, c + 11] = _window_mean(teaser_any.astype(np.float64), 8)
    X[:, c + 12] = _window_mean(head.astype(np.float64), 6)
    X[:, c + 13] = _window_mean(X[:, 14], 4)  # repeated lines nearby


def _window_mean(v: np.ndarray, w: int) -> np.ndarray:
    """Mean of v over [i-w, i+w], clipped at the page edges."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = len(v)
    idx = np.arange(n)
    lo = np.maximum(idx - w, 0)
    hi = np.minimum(idx + w + 1, n)
    return (c[hi] - c[lo]) / (hi - lo)


def _matches(rx: re.Pattern, lines: list[str], cand: np.ndarray, n: int,
             search: bool = False) -> np.ndarray:
    """1.0 where rx matches (at the start, unless search) a candidate line; the others are
    lines it cannot match."""
    out = np.zeros(n)
    f = rx.search if search else rx.match
    for i in cand.tolist():
        if f(lines[i]):
            out[i] = 1.0
    return out


def _vocab_counts(lowdoc: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Strong chrome words and phrases, and weak chrome words, per line, in one pass."""
    b = lowdoc.encode("utf-8", "surrogatepass").translate(WORD_BREAKS).replace(b"\n", b" \x01 ")
    toks = b.split()
    codes = np.fromiter(map(_VOCAB.get, toks, repeat(0)), dtype=np.int64, count=len(toks))
    line = np.cumsum(codes == _NL)
    strong = np.bincount(line[(codes & _S) > 0], minlength=n)[:n].astype(np.float64)
    weak = np.bincount(line[(codes & _W) > 0], minlength=n)[:n].astype(np.float64)
    for i in np.flatnonzero((codes[:-1] & _H) > 0).tolist():
        if (toks[i], toks[i + 1]) in _BIGRAMS_B:
            strong[line[i]] += 1
    return strong, weak


def max_run(weighted: np.ndarray) -> tuple[float, int, int]:
    """(sum, start, end) of the maximum-sum contiguous run (Kadane, vectorised)."""
    c = np.concatenate(([0.0], np.cumsum(weighted)))
    low_idx = np.minimum.accumulate(c[:-1])  # min prefix before each end
    # position of that minimum: last index where the running min was set
    arg = np.arange(len(c) - 1)
    set_at = np.where(c[:-1] == low_idx, arg, 0)
    arg_min = np.maximum.accumulate(set_at)
    gain = c[1:] - low_idx
    be = int(np.argmax(gain))
    return float(gain[be]), int(arg_min[be]), be


def _main_block(score: np.ndarray, lens: np.ndarray) -> tuple[np.ndarray, int, int]:
    """1 inside the maximum-sum run of (length-weighted) score, else decaying with distance."""
    _, bs, be = max_run(score * np.sqrt(lens + 1))
    idx = np.arange(len(score))
    dist = np.where(idx < bs, bs - idx, np.where(idx > be, idx - be, 0))
    return 1.0 / (1.0 + dist), bs, be


def _distance_to(mask: np.ndarray) -> np.ndarray:
    """Lines to the nearest True in mask (len(mask) if none)."""
    n = len(mask)
    pos = np.flatnonzero(mask)
    if not len(pos):
        return np.full(n, float(n))
    j = np.searchsorted(pos, np.arange(n))
    right = np.where(j < len(pos), pos[np.minimum(j, len(pos) - 1)] - np.arange(n), n)
    left = np.where(j > 0, np.arange(n) - pos[np.maximum(j - 1, 0)], n)
    return np.minimum(left, right).astype(np.float64)


def shift(v: np.ndarray, k: int, fill: float = -1.0) -> np.ndarray:
    """v moved by k lines (value of line i+k at i), padded where the page ends."""
    out = np.full_like(v, fill)
    n = len(v)
    if abs(k) >= n:  # a page shorter than the window: every neighbour is off the page
        return out
    if k > 0:
        out[: n - k] = v[k:]
    elif k < 0:
        out[-k:] = v[: n + k]
    else:
        out[:] = v
    return out


def stage1_features(base: np.ndarray, vocab: np.ndarray | None = None) -> np.ndarray:
    """Base rows plus a few features at the three lines either side (-1 off the page), and
    the vocabulary score (line_vocab.py) of the line and around it when there is one."""
    n = len(base)
    pad = max(-min(OFFSETS), max(OFFSETS))
    padded = np.full((n + 2 * pad, len(NEIGH_COLS)), -1.0)
    padded[pad : pad + n] = base[:, NEIGH_COLS]
    cols = [base] + [padded[pad + k : pad + k + n] for k in OFFSETS]
    if vocab is not None:
        cols.append(np.stack([vocab, _window_mean(vocab, 1), _window_mean(vocab, 4),
                              shift(vocab, -1), shift(vocab, 1)], axis=1))
    return np.hstack(cols)


def stage2_features(x1: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """Stage-1 features plus stage-1 scores around the line and the block they form; scores
    relative to the page's own distribution act as a per-page threshold."""
    n = len(p1)
    if n == 0:
        return np.zeros((0, x1.shape[1] + 23))
    lens = np.exp(x1[:, 0]) - 1
    extra = [p1, _window_mean(p1, 2), _window_mean(p1, 6), _window_mean(p1, 15)]
    extra += [shift(p1, k) for k in OFFSETS]
    block, bs, be = _main_block(p1 * 2 - 1, lens)
    extra.append(block)
    extra.append(np.full(n, p1.mean()))
    extra.append(p1 - np.median(p1))
    extra.append(np.log1p(_distance_to(p1 > 0.5)))
    run_med = float(np.median(p1[bs : be + 1]))
    extra.append(p1 - run_med)
    idx = np.arange(n)
    extra.append(np.log1p(np.maximum(bs - idx, 0)))
    extra.append(np.log1p(np.maximum(idx - be, 0)))
    # one-sided context: a heading or list item inside reporting has reporting both above
    # and below it; a menu or teaser block has it on one side at most
    for w in (4, 12):
        before, after = _side_means(p1, w)
        extra += [before, after, np.minimum(before, after)]
    return np.hstack([x1, np.stack(extra, axis=1)])


def _side_means(v: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean of v over the w lines above and the w lines below each line (0 off the page)."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = len(v)
    idx = np.arange(n)
    lo = np.maximum(idx - w, 0)
    hi = np.minimum(idx + 1 + w, n)
    before = (c[idx] - c[lo]) / np.maximum(idx - lo, 1)
    after = (c[hi] - c[idx + 1]) / np.maximum(hi - idx - 1, 1)
    return before, after

