"""Widgets a news page prints among and around its story: players and their clips, embedded posts, polls,
quote boxes and tables of figures, sports facts, glossaries, boxes of numbers to call, quizzes, an editor's
letter, a live page's key events. They are found once per page, before the run of reporting is chosen,
and none of their lines is reporting however sure the line model is of it: their rows read like
sentences one at a time, but their shape (a label, rows, a button or a signature) gives them away."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from index.ingest.boilerplate import EMBED_SIGNATURE_RE, STOCK_QUOTE_RE, is_boilerplate
from index.ingest.line_shapes import (
    BOX_MAX,
    FIELD_RE,
    HANDLE_RE,
    LETTERS_RE,
    NAMED_HANDLE_CHARS,
    NAMED_HANDLE_RE,
    REPORTED_RE,
    SIGNED_QUOTE_RE,
    SIGNUP_MAX,
    SUBHEAD_CHARS,
    TWO_SENTENCES_RE,
    WIDGET_LINK_RE,
    lines_with,
    paragraph,
    short_with,
)
from index.ingest.text_meta import CLOCK_RE, CREDIT_LINE_RE, DURATION_RE, MEDIA_LABEL_RE, find_dateline, name_like

SHORT_SENTENCE_WORDS = 4  # words of the shortest sentence that breaks a box of figures
FIGURE_LINES = 3  # lines of nothing but figures ("$139.6B", "+0.8%") that make a box of figures
BOX_ROWS_MAX = 40  # lines of a labelled box of rows (a sports page's facts, a glossary), label to last row, at most
STATS_FIGURES = 0.2  # figures per word of a row of such a box that ends like a sentence, at least
STATS_NAMES = 0.25  # commas and semicolons per word of such a row (a line-up), at least
FIGURE_SHARE = 0.3  # share of a box's lines, from its first to its last line of figures, that are figures
SUMMARY_POINTS = 6  # points of a machine's summary between its label and its note, at most
KEY_EVENTS_MAX = 16  # lines of a live page's list of key events, label to the first entry, at most
CLIP_LINES = 3  # lines of a player's block between its label and its running time, at most
POLL_MAX = 8  # lines of a poll, label to button, at most
RULES_MAX = 8  # lines of the rules for comments, label to link, at most
HANDLE_CHARS = 45  # characters of a social account's handle, at most
CONTACT_CHARS = 90  # characters of a line of a box of numbers to call, at most
EMBED_GAP = 2  # lines of a post's own text between two of the lines a platform prints round it, at most
EMBED_MARK_CHARS = 80  # characters of such a platform's line, at most
_PLATFORMS = r"(?:instagram|facebook|x|twitter|tiktok|youtube|threads|bluesky|linkedin|reddit)"
# The lines only a platform prints round a post embedded in a story ("View this post on Instagram", "A post
# shared by ...", "Skip X post by ...", "View on Facebook", "End of Instagram post by ...", "Allow X content?")
EMBED_MARK_RE = re.compile(
    rf"^(?:(?:view|see)\s+(?:this\s+post\s+|more\s+)?on\s+{_PLATFORMS}|(?:skip|end\s+of)\s+{_PLATFORMS}\s+"
    rf"(?:post|content|video)|allow\s+{_PLATFORMS}\s+content\??|a\s+post\s+shared\s+by\b|embed\s+from\s+{_PLATFORMS}"
    r"|view\s+profile$)")
_EMBED_HEAD_RE = re.compile(rf"^(?:view\s+this\s+post\s+on|skip\s+{_PLATFORMS}|embed\s+from)\b")
_EMBED_END_RE = re.compile(rf"^(?:(?:view|see)\s+(?:more\s+)?on\s+{_PLATFORMS}|end\s+of\s+{_PLATFORMS})\b")
# ... and the lines it shares with other widgets: the platform's name, counts, a verified mark, a follow button
_EMBED_ROW_RE = re.compile(
    r"^(?:verified|follow|·|add\s+a\s+comment\W*|accept\s+and\s+continue|view\s+all\s+[\d,.]+k?\s+comments"
    r"|instagram|facebook|twitter|tiktok|threads|bluesky|reddit|read\s+[\d,.]+k?\s+replies"
    r"|[\d,.]+[km]?(?:\s+(?:likes|reactions|comments|shares|retweets|reposts|replies|upvotes|points|views))?)$")
# an account's name on the platform over them: "jodiepryceofficial", "@pennockbakehouse"
_ACCOUNT_RE = re.compile(r"^@?[a-z0-9._]{3,30}$")
# A sponsor's name over its slot in a newsletter
_SPONSOR_HINTS = ("presented by", "together with", "sponsored", "brought to you")
_SPONSOR_RE = re.compile(r"^(?:presented\s+by|together\s+with|sponsored\s+by|brought\s+to\s+you\s+by"
                         r"|sponsored(?:\s+content)?)\b")
# A number to call: "0800 555 333", "(902) 555-0177", "Call 101", "Life-threatening emergency: 000"
_CONTACT_RE = re.compile(r"(?:^|[\s:(])(?:\+?\d{1,3}[ .-])?(?:\(\d{2,4}\)\s?|\d{2,4}[ .-])\d{3}[ .-]?\d{3,4}\b"
                         r"|\b(?i:call|dial|text|phone|tel)\.?\s*:?\s*\d{3,}\b|(?i:emergency|police|ambulance)\S*\s*:\s*\d{3}$")
_POLL_BUTTON_RE = re.compile(r"^(?:vote(?: now)?|submit(?: vote)?|(?:view|see|show) results|results)\W*$")
_FIGURES_RE = re.compile(r"\d")
# what marks a box of figures as a market's: a signed change ("▼ -1.94 (-4.84%)", "+0.8%"), a
# quote's fields, an exchange's prefix ("NASDAQ: VOLT")
_MARKET_RE = re.compile(r"^[▲▼△▽]|^[+\-−–]\s?\d[\d,.]*\s?%|\(\s?[+\-−–]\d[\d,.]*\s?%\s?\)"
                        r"|\b(?:market cap|52[- ]week|day(?:'s)? range|p/e|prev(?:ious)? close|get (?:a )?quote"
                        r"|watchlist|delayed\s*(?:quote|data|price|[-–—·]|by \d)|today's change|current price)\b"
                        r"|^(?:nyse|nasdaq|lse|tsx|asx|sgx|nse|bse|hkex):")
_SYMBOL_RE = re.compile(r"^[A-Z]{2,5}(?:\.[A-Z]{1,3})?$")  # a stock's ticker symbol: "HRLN", "HRLN.LH"
_RULES_RE = re.compile(r"^(?:the |our )?(?:rules (?:of|for) (?:replying|commenting|posting|comments|discussion)"
                       r"|(?:comment|commenting|community|discussion) rules)\W*$")
_POLL_RE = re.compile(r"^(?:(?:quick |reader |today'?s |our |daily |weekly )?poll|(?:have )?your say)\W*$")
# (a post's time gives no year, as the network prints this year's posts: a byline's date has one)
_POST_TIME_RE = re.compile(r"^[·•\s]*(?:\d{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\s+\d{1,2})\s+at\s+"
                           r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?[·•\s]*$")
_STATS_LABEL_RE = re.compile(
    r"^[\W_]*(?:match\s+(?:facts|stats|statistics)|box\s*score|(?:team\s+)?line-?ups|scorers|scorecard|brief\s+scores"
    r"|the\s+scores|(?:player|rider|driver)\s+ratings|(?:championship|drivers'?|riders'?|league|points|group)\s+"
    r"(?:standings|table)|standings|injury\s+list|(?:stage|race)\s+(?:\d+\s+)?results?|results\s+\(day\s+\d+\)"
    r"|key\s+moments|medal\s+table|leaderboard)(?:\s*[:(–-][^.!?]{0,30})?[\W_]*$")
_GLOSSARY_RE = re.compile(r"^[\W_]*(?:glossary|key\s+terms|jargon\s+buster|(?:explainer|explained)\s*:\s*[^.!?]{0,40}"
                          r"terms|(?:the\s+)?terms\s+(?:explained|to\s+know))[\W_]*$")
# a glossary's entry: "Raised bog: A dome-shaped bog fed only by rainfall."
_TERM_RE = re.compile(r"^[A-Z][\w'’()/ -]{1,40}\s?:\s+[A-Z][^:]{8,}$")
_HELP_LABEL_RE = re.compile(r"^[\W_]*(?:need\s+(?:help|to\s+talk|support|someone\s+to\s+talk\s+to)|where\s+to\s+get"
                            r"\s+(?:help|support)|get\s+help|support\s+is\s+available|help\s+is\s+available)[\W_]*$")
_QUIZ_COUNT_RE = re.compile(r"^question\s+\d{1,2}\s*(?:of|/)\s*\d{1,2}$")
_QUIZ_END_RE = re.compile(r"^(?:check|submit|see|show|reveal)\s+(?:my\s+|your\s+|the\s+)?(?:answers?|results?|score)"
                          r"|^share\s+(?:my\s+|your\s+)?(?:score|results?)|^(?:try|play)\s+again\W*$")
_DEAR_READER_RE = re.compile(r"^dear (?:readers?|subscribers?|friends?|supporters?|members?)\W*$")
# a summary a machine wrote: its note and its label
_MACHINE_NOTE_RE = re.compile(r"\b(?:ai|machine)[- ]generated\b|\bgenerated\s+(?:using|with|by)\s+(?:ai|artificial)")
_SUMMARY_BOX_RE = re.compile(r"summary|key (?:points|takeaways)|takeaways|highlights|in short|at a glance")
# a live page's list of its key events
_KEY_EVENTS_RE = re.compile(r"^(?:key\s+(?:events|moments|updates|developments)|highlights)\W*$")

def find_widgets(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, lowdoc: str,
                 is_button: Callable[[int], bool]) -> np.ndarray:
    """The lines of the widgets a page prints among and around its story, wherever they stand (players
    and their clips, embedded posts, polls, quote boxes and tables of figures, the rules for comments, a
    sponsor's slot, numbers to call): none of them is reporting, however sure the model is of a line."""
    n = len(lines)
    listed = np.zeros(n, dtype=bool)
    # a player's or a gallery's label ("Video") titles the clip under it, and a photo credit
    # printed as its own line ("Getty Images") the caption under it: neither is the story
    # (and "Open this photo in gallery:" stands over the picture's caption, a sentence; not over the
    # lead, whose dateline says it is the story: "CALGARY — Calgary-based Athabasca Midstream ...")
    for j in np.flatnonzero(klen[:-1] < 40).tolist():
        media = MEDIA_LABEL_RE.match(keys[j]) or CREDIT_LINE_RE.match(keys[j])
        if media and (base[j + 1, 2] == 0 or (" this " in keys[j] and find_dateline(lines[j + 1]) is None)):
            listed[j : j + 2] = True
    # and a clip's title stands over its running time ("How to stay safe in a storm" / "2:05"),
    # an embedded post's text over its signature ("— Name (@handle) March 3, 2025")
    # (and a player's whole block, label to running time: "Video" / its title / a sentence
    # describing it, "Our reporter visits ..." / "3:04")
    for j in np.flatnonzero(klen[1:] <= 8).tolist():
        if DURATION_RE.match(keys[j + 1]):
            player = next((m for m in range(j, max(-1, j - CLIP_LINES - 1), -1) if MEDIA_LABEL_RE.match(keys[m])), None)
            if player is not None:
                listed[player : j + 2] = True
            elif base[j, 2] == 0:
                listed[j] = True
    for j in lines_with(lowdoc, klen, ("(@",)):
        if j and klen[j] <= 100 and EMBED_SIGNATURE_RE.match(lines[j]):
            listed[j - 1] = True
    listed |= handle_posts(lines, keys, klen, base, lowdoc, n)  # (the named ones once the run is known)
    listed |= _embedded_posts(keys, klen)
    # a poll: its label, the question, the answers and the button ("Quick Poll" / "How much snow are you
    # expecting?" / "Less than 6 inches" / ... / "Vote")
    for j in lines_with(lowdoc, klen, ("poll", "your say")):
        if klen[j] <= 20 and _POLL_RE.match(keys[j]) and j + 1 < n and lines[j + 1].rstrip().endswith("?"):
            k = j + 2
            while k < n and k - j <= POLL_MAX and klen[k] <= 60 and base[k, 2] == 0:
                k += 1
                if _POLL_BUTTON_RE.match(keys[k - 1]):  # the button closes it (and "View results" beside it)
                    k += int(k < n and _POLL_BUTTON_RE.match(keys[k]) is not None)
                    break
            listed[j:k] = True
    # (or with no label: the question over two answers or more and the button, "Do you think she was right to
    # resign?" / "Yes – she had to go" / "No – ..." / "Don't know" / "Vote")
    for j in lines_with(lowdoc, klen, ("vote", "submit")):
        if klen[j] <= 12 and _POLL_BUTTON_RE.match(keys[j]):
            t = j - 1
            while t > 0 and j - t <= POLL_MAX and klen[t] <= 60 and base[t, 2] == 0 and not lines[t].endswith("?"):
                t -= 1
            if j - t >= 3 and lines[t].endswith("?") and klen[t] <= 200:
                listed[t : j + 1 + int(j + 1 < n and _POLL_BUTTON_RE.match(keys[j + 1]) is not None)] = True
    # a stock's quote box: its symbol and the company's name over its price and change ("HRLN" /
    # "Harrow & Lane Group PLC" / "412.60" / "-67.50 (-14.06%)"), in either order
    for j in lines_with(lowdoc, klen, ("%)",)):
        if klen[j] <= 30 and STOCK_QUOTE_RE.match(keys[j]):
            top = next((t for t in range(j - 1, max(-1, j - 4), -1) if _SYMBOL_RE.match(lines[t])), None)
            if top is not None:
                top -= int(top > 0 and klen[top - 1] <= 40 and base[top - 1, 2] == 0 and j - top < 3)
                listed[top : j + 1] = True
    # a box of figures: a quote box, a markets table, an earnings snapshot ("CRMK" / "$38.12" / "▼ -1.94
    # (-4.84%)" / "Market cap" / "$139.6B"): three lines of figures or more among short lines with no
    # sentence between them, with the labels over and among them and a source or a button under them
    for a, b in _figure_boxes(keys, klen, base):
        end = b + 1
        while end < n and end - b <= 2 and klen[end] <= 40 and (
                keys[end].startswith(("source", "data:", "chart:")) or is_boilerplate(lines[end])
                or WIDGET_LINK_RE.match(keys[end]) or _MARKET_RE.search(keys[end])):
            end += 1
        listed[a:end] = True
    # a box of numbers to call ("Where to get help:" / "Family violence crisis line: 0800 555 333" / "Sexual harm
    # helpline: 0800 555 044"): two such lines in a row or more, and the label over them
    contact = np.zeros(n, dtype=bool)
    for j in np.flatnonzero((klen <= CONTACT_CHARS) & (base[:, 5] > 0)).tolist():  # (lines with figures)
        contact[j] = _CONTACT_RE.search(lines[j]) is not None and not lines[j].rstrip().endswith((".", "!", "?")) \
            and REPORTED_RE.search(lines[j]) is None
    for j in np.flatnonzero(contact[:-1] & contact[1:]).tolist():
        listed[j : j + 2] = True
        if j and not contact[j - 1] and klen[j - 1] <= 40 and base[j - 1, 2] == 0:
            listed[j - 1] = True
    # the rules for comments over the thread ("The rules of replying:" / "Be respectful. ..." / ... /
    # "Review the Townline Community Guidelines."): from the label to its link
    for j in lines_with(lowdoc, klen, ("rules",)):
        if klen[j] <= 40 and _RULES_RE.match(keys[j]):
            k = next((t for t in range(j + 1, min(j + RULES_MAX + 1, n)) if "guidelines" in keys[t]), j)
            listed[j : k + 1] = True
    # a sponsor's slot in a newsletter ("Presented by Ledgerly", its pitch, "Start your free
    # trial"): from the sponsor's name to the button, when a button closes it
    for j in lines_with(lowdoc, klen, _SPONSOR_HINTS):
        if klen[j] < 60 and base[j, 2] == 0 and _SPONSOR_RE.match(keys[j]):
            k = next((t for t in range(j + 1, min(j + SIGNUP_MAX + 1, n)) if is_button(t)), None)
            if k is not None:
                listed[j : k + 1] = True
    # a summary a machine wrote, its label to its note ("AI generated summary" / three points / "This summary
    # was generated using AI and reviewed by our editors."): the page's gloss, not its reporting
    for j in lines_with(lowdoc, klen, ("generated", "summary")):
        if klen[j] > 160 or not _MACHINE_NOTE_RE.search(keys[j]) or not is_boilerplate(lines[j]):
            continue
        label = next((k for k in range(j - 1, max(-1, j - SUMMARY_POINTS - 2), -1)
                      if klen[k] <= 40 and _SUMMARY_BOX_RE.search(keys[k])), None)
        if label is not None:
            listed[label : j + 1] = True
        elif j + 1 < n and klen[j] <= 40:  # (the note as the label: "AI-generated summary. May contain errors.")
            k = j + 1
            while k < n and k - j <= SUMMARY_POINTS and base[k, 2] > 0 and klen[k] <= 300 \
                    and not REPORTED_RE.search(lines[k]) and find_dateline(lines[k]) is None:
                k += 1
            listed[j:k] = True
    # a post embedded as a social network prints it: its author over its time, the post, its counts and any
    # translation in brackets ("Carra Ferry Action Group" / "11 March at 22:14" / "Tonight's meeting: ..." /
    # "312 · 88 comments · 194 shares")
    for j in np.flatnonzero(klen[:-1] <= 40).tolist():
        # (its author's name, not a live page's entry headline over its time)
        if j and " at " in keys[j] and _POST_TIME_RE.match(keys[j]) and klen[j - 1] <= 60 \
                and base[j - 1, 2] == 0 and name_like(lines[j - 1]) and klen[j + 1] <= 600:
            k = j + 2
            while k < n and k - j <= 3 and klen[k] <= 300 and (is_boilerplate(lines[k]) or keys[k].startswith("(")):
                k += 1
            listed[j - 1 : k] = True
    # a sports page's box of facts under its label: line-ups, scorers, box scores, statistics, standings, ratings,
    # results ("Match facts" / "Coal City Warriors: Obi, Ugwu, ..." / ...): rows of names and figures, however
    # well the model scores them, to the first paragraph of prose
    for j in np.flatnonzero(klen <= 40).tolist():
        if not _STATS_LABEL_RE.match(keys[j]):
            continue
        # (to the story's own subheading, a line with no figure over a paragraph: "Defense finds an answer")
        k = _rows_end(klen, j, lambda t: _stats_row(lines[t], keys[t]) and not (
            t + 1 < n and not _FIGURES_RE.search(keys[t]) and not lines[t].endswith(".")
            and FIELD_RE.match(lines[t]) is None and paragraph(lines[t + 1])))
        if k - j > FIGURE_LINES:
            listed[j:k] = True
    # a glossary of the story's terms under its label ("Glossary" / "Black mass: The powder left after batteries
    # are shredded ..." / "Hydrometallurgy: Recovering metals by dissolving them in liquids.")
    for j in short_with(keys, klen, 40, ("glossary", "terms", "jargon")):
        if _GLOSSARY_RE.match(keys[j]):
            k = _rows_end(klen, j, lambda t: _TERM_RE.match(lines[t]) is not None)
            if k - j > 2:
                listed[j:k] = True
    # a box of help lines under its label ("Need to talk?" / "If you're struggling, you don't have to cope alone." /
    # "Harbour Line: call 0800 555 0199, free, 24/7" / ...): to the last line with a number to call
    for j in short_with(keys, klen, 40, ("help", "talk", "support")):
        if _HELP_LABEL_RE.match(keys[j]):
            calls = [t for t in range(j + 1, min(n, j + SIGNUP_MAX + 1))
                     if klen[t] <= CONTACT_CHARS * 2 and _CONTACT_RE.search(lines[t])]
            # (one instruction a line: a story's own "Where to get help" section goes on in paragraphs)
            if calls and not any(klen[t] > CONTACT_CHARS * 2
                                 or (klen[t] > CONTACT_CHARS and TWO_SENTENCES_RE.search(lines[t]))
                                 for t in range(j + 1, calls[-1] + 1)):
                listed[j : calls[-1] + 1] = True
    # a quiz: its label, title and pitch over the counted questions, each with its answers, and its buttons
    # ("QUIZ" / "How water-wise are you?" / ... / "Question 1 of 5" / a question / answers / ... / "Check my answers")
    counters = [j for j in short_with(keys, klen, 20, ("question",)) if _QUIZ_COUNT_RE.match(keys[j])]
    if len(counters) >= 2:
        a = counters[0]
        while a > 0 and counters[0] - a < 3 and klen[a - 1] <= 100 and len(lines[a - 1].split()) <= 15:
            a -= 1
        b = counters[-1] + 1
        while b < n and b - counters[-1] <= POLL_MAX and klen[b] <= 120 and (base[b, 2] == 0 or lines[b].endswith("?")):
            b += 1
        while b < n and klen[b] <= 40 and (is_button(b) or _QUIZ_END_RE.match(keys[b])):
            b += 1
        listed[a:b] = True
    # an editor's letter to the readers, an appeal (its label, "Dear reader," / paragraphs / "— Name, Editor"):
    # it runs from the greeting to the signature, and a button to act on it may follow
    for j in short_with(keys, klen, 30, ("dear ",)):
        if not _DEAR_READER_RE.match(keys[j]):
            continue
        k = next((t for t in range(j + 1, min(n, j + BOX_MAX))
                  if klen[t] <= 80 and SIGNED_QUOTE_RE.match(lines[t])), None)
        if k is not None:
            top = j - int(j > 0 and klen[j - 1] <= 40 and base[j - 1, 2] == 0)
            listed[top : k + 1 + int(k + 1 < n and is_button(k + 1))] = True
    # a live page's list of its key events (headlines, perhaps each under its time) over the entries: it
    # runs to the first entry, the last time over a paragraph ("Key events" / "State Highway 6 closed ..." /
    # ... / "Show key events only" / "2:48pm" / "More evacuations ordered ..." / a paragraph)
    for j in lines_with(lowdoc, klen, ("key ", "highlights")):
        if klen[j] > 30 or not _KEY_EVENTS_RE.match(keys[j]):
            continue
        k = j + 1
        while k < n and k - j <= KEY_EVENTS_MAX and base[k, 2] == 0 and klen[k] <= SUBHEAD_CHARS * 2:
            k += 1
        if k < n and k - j <= KEY_EVENTS_MAX and k - j >= 3:
            clocks = [t for t in range(j + 1, k) if CLOCK_RE.match(keys[t])]
            entry = clocks[-1] if clocks and k - clocks[-1] <= 4 else k  # (the first entry's time and headline)
            listed[j:entry] = True
    return listed


def handle_posts(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, lowdoc: str,
                 bs: int) -> np.ndarray:
    """An embedded post printed as its author's name, the handle alone on a line, the post, and its
    time or counts ("Naija Courier" / "@NaijaCourier" / "JUST IN: Petrol now ..." / "1.4K reactions · ...")
    (or the author's name and handle on one line, "Wade Pryor @SenWadePryor", "NSW SES @NSWSES · 6h",
    in the story or under it, past the run's start bs: a byline over the lead may carry its writer's handle)."""
    n = len(lines)
    listed = np.zeros(n, dtype=bool)
    for j in lines_with(lowdoc, klen, ("@",)):
        named = j > bs and klen[j] <= NAMED_HANDLE_CHARS and NAMED_HANDLE_RE.match(lines[j]) is not None
        if named or (klen[j] <= HANDLE_CHARS and HANDLE_RE.match(keys[j])):
            listed[j] = True
            if j and klen[j - 1] <= 40 and base[j - 1, 2] == 0:
                listed[j - 1] = True
            if j + 1 < n and not HANDLE_RE.match(keys[j + 1]) and klen[j + 1] <= 300:
                listed[j + 1] = True
                if j + 2 < n and klen[j + 2] <= 60 and base[j + 2, 2] == 0:
                    listed[j + 2] = True
    return listed


def _rows_end(klen: np.ndarray, j: int, is_row: Callable[[int], bool]) -> int:
    """The line after the rows under the label at j (BOX_ROWS_MAX of them at most, none a long paragraph)."""
    k = j + 1
    while k < len(klen) and k - j <= BOX_ROWS_MAX and klen[k] <= 300 and is_row(k):
        k += 1
    return k


def _stats_row(line: str, key: str) -> bool:
    """A row of a sports page's box of facts: figures or a list of names ("Cross 12-26 6-7 33, Lindgren ...",
    "Aces: 17 / 21", "St Fiachra's: C Ryan (1-9), N Brennan (0-5)", "Subs not used: Doyle, Hartigan"), or a short
    heading within it ("SACRAMENTO (127)", "Varga / Delacroix"); not a paragraph of prose."""
    words = len(line.split())
    figures = len(re.findall(r"\d+", key))
    parts = key.count(",") + key.count(";")
    if paragraph(line) and figures < STATS_FIGURES * words and parts < STATS_NAMES * words:
        return False  # (a paragraph of the report, with a score or a time in it; a line-up is names in a list)
    return figures >= 1 or parts >= 2 or (words <= 6 and not line.endswith(".")) or FIELD_RE.match(line) is not None


def _figure_boxes(keys: list[str], klen: np.ndarray, base: np.ndarray) -> list[tuple[int, int]]:
    """Each box of figures on the page, from its first line to its last line of figures: short lines,
    none a sentence, FIGURE_LINES of them or more figures with two words at most ("+0.8%", "P/E 14.2"),
    and a market's mark among them."""
    boxes: list[tuple[int, int]] = []
    # (a company's name, "Crestmark Bancorp Inc.", and a change in brackets end like sentences)
    short = (klen <= 40) & ((base[:, 2] == 0) | (np.expm1(base[:, 1]) < SHORT_SENTENCE_WORDS))
    i, n = 0, len(keys)
    while i < n:
        if not short[i]:
            i += 1
            continue
        j = i
        while j < n and short[j]:
            j += 1
        figs = [t for t in range(i, j) if _FIGURES_RE.search(keys[t]) and len(LETTERS_RE.findall(keys[t])) <= 2]
        if len(figs) >= FIGURE_LINES and len(figs) >= FIGURE_SHARE * (figs[-1] + 1 - i) \
                and any(_MARKET_RE.search(keys[t]) for t in range(i, j)):
            boxes.append((i, figs[-1]))
        i = j
    return boxes


def _embedded_posts(keys: list[str], klen: np.ndarray) -> np.ndarray:
    """A post embedded from a social network, as the platform prints it round the post's text: the account
    ("jodiepryceofficial" / "Verified" / "View profile"), "View this post on Instagram", the text, its counts
    ("12,482 likes") and links ("View all 1,906 comments"); or a broadcaster's consent box round it ("Skip X post
    by ..." / "Allow X content?" / ... / "End of X post by ..."). Lines of the platform's own one or more, the
    rows it shares with other widgets around them, and the post's text between them (two lines at most)."""
    n = len(keys)
    listed = np.zeros(n, dtype=bool)
    short = np.flatnonzero(klen <= EMBED_MARK_CHARS).tolist()
    marks = [j for j in short if EMBED_MARK_RE.match(keys[j]) or _EMBED_ROW_RE.match(keys[j])]
    groups: list[list[int]] = []
    for j in marks:
        # (a post's text stands inside its embed, not before the next one's head nor after its end: a list of
        # brands, each a name and a paragraph over its account's post, "View this post on Instagram" / "A post
        # shared by Patagonia (@patagonia)", keeps its names and paragraphs)
        gap = j - groups[-1][-1] - 1 if groups else EMBED_GAP + 1
        if gap <= EMBED_GAP and not (gap and (_EMBED_HEAD_RE.match(keys[j]) or _EMBED_END_RE.match(keys[j - gap - 1]))):
            groups[-1].append(j)
        else:
            groups.append([j])
    for group in groups:
        own = [j for j in group if EMBED_MARK_RE.match(keys[j])]
        if not own or (len(group) < 2 and not keys[own[0]].startswith(("skip", "end of", "a post", "allow"))):
            continue
        a, b = group[0], group[-1]
        # (the account's name over the first: a handle, or a page's name over its "·" / "Follow")
        # (perhaps over its display name: "envagency.ts" / "Tanjung Seri Environment Agency" / "View profile")
        if a and klen[a - 1] <= 60 and (_ACCOUNT_RE.match(keys[a - 1]) or keys[a] in ("·", "follow", "verified")):
            a -= 1
        elif a > 1 and klen[a - 1] <= 60 and _ACCOUNT_RE.match(keys[a - 2]):
            a -= 2
        listed[a : b + 1] = True
    return listed
