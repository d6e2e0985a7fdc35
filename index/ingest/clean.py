"""Turn a raw plain-text scrape of a news page into reporting plus trustworthy metadata.

Line decisions come from lines.score_lines (a small learned model over shape, vocabulary and
neighbourhood); refine() adds the page's structure a reader sees (one dominant run of
reporting, teaser lists and boxes around it; widgets.py finds the widgets, which weigh nothing
when the run is chosen). text_meta.py reads the header for headline, outlet and date.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from index.ingest.boilerplate import (
    ROLE_NOUNS,
    is_boilerplate,
    is_button_row,
    is_stamp,
)
from index.ingest.foreign_chrome import ADS as FOREIGN_ADS
from index.ingest.foreign_chrome import FOREIGN_CREDIT_HINTS, FOREIGN_CREDIT_RE, READ_ALSO
from index.ingest.line_shapes import (
    BOX_MAX,
    FIELD_RE,
    HANDLE_RE,
    LETTERS_RE,
    NAMED_HANDLE_CHARS,
    NAMED_HANDLE_RE,
    REPORTED,
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
from index.ingest.lines import (
    BOILER_LINE_RE,
    DATE_RE,
    STRONG_CHROME_RE,
    TEASER_COL,
    base_features,
    load_model,
    max_run,
    score_from_base,
)
from index.ingest.text_meta import (
    BYLINE_ONLY_RE,
    CAPTION_RE,
    CLOCK_RE,
    CREDIT_LINE_RE,
    HEADER_SPAN,
    LIVE_ENTRIES,
    NAME_WORDS,
    ROLE_BYLINE_RE,
    ROLE_LINE_RE,
    SIGN_OFF_RE,
    author_line,
    common_word,
    date_line,
    find_date,
    find_dateline,
    find_outlet,
    find_title,
    headline_like,
    lead_dateline,
    looks_like_person,
    name_like,
    repeated_outlet,
    sentence_headline,
    split_title,
    story_header,
)
from index.ingest.unwrap import logical_lines
from index.ingest.widgets import EMBED_MARK_RE, find_widgets, handle_posts
from index.model import Cleaned

FAR_LINES = 10  # lines from the run of reporting beyond which only sentences are kept
OUTSIDE_TH = 0.65  # score a line outside the main run of reporting needs to be kept (0.85 for one model: the
# two members' mean is less sure of a paragraph cut off from the run by a long widget)
GAP_TH = 0.15  # score a sentence-shaped line inside the run needs to be kept
TEASER_CUT = 0.5  # share of teaser lines after a section label that ends the run there
TEASER_CORE = 3  # sentences of the run outside teaser blocks for those blocks to be trimmed off
TEASER_BLOCK = 3  # teasers in a row that make a teaser block wherever it stands
TEASER_PAIRS = 2  # teasers (headline + blurb, source, age) under a section label that end the run there
PARAGRAPH_WORDS = 20  # words of a line of several sentences that is a paragraph, not a teaser's blurb
NOTICE_CHARS = 150  # a copyright notice is this long at most
NOTICE_AFTER = 3  # sentences of the run above a copyright notice that it closes
TOPICS_MIN = 3  # short lines under a topics label ("Tags:", "Read more about:") that close the story there
LABEL_TAIL = 4  # lines under a label inside the run, none two paragraphs in a row, that end the run there
TEASER_PROB = 0.8  # ...unless the model is confident those lines are reporting (one-sentence news paragraphs)
BOILER_CHARS = 90  # longer lines are never a whole-line label or button
FILL_GAP, FILL_TH = 2, 0.3  # lines between kept ones taken in when the model gives them this much
INTRO_WORDS = 5  # words of a sentence introducing a list of the story's, at least
ITEM_CHARS = 300  # characters of an item of such a list, at most
SHORT_PAGE = 12  # non-blank lines of a page too short to have a run of reporting to find
PULLED_RATIO = 1.5  # a paragraph is this much longer than a quote pulled out of it, at least
PULLED_SIGNED_CHARS = 15  # ... or this long, signed by its speaker under it
PULLED_MIN_CHARS = 60  # a pulled quote found inside a paragraph is this long (a subheading quoting one is shorter)
SHARED_MIN = 0.6  # share of a line a copy of it (a caption with a credit added) prints too
SLOTS_MAX = 3  # ad slots in a row the run of reporting steps over
ENTRY_MAX = 14  # lines of a live page's entry, its time to the next one's, at most
QUESTION_HEADLINE_WORDS = 12  # a question this short under a headline is another headline, not a blurb
BOX_MIN = 4  # lines of a box round a chain paper's "Article content" marker, at least
SLOT_TH = 0.05  # score of a sentence under them that says the story goes on (not a teaser's blurb)
AD_HEADLINE_WORDS = 14  # words of a paid link's headline, at most
BARE_ITEM_WORDS = 7  # words of each headline under a bare "Read more", at least
INLINE_MAX = 12  # lines of headlines and names under a label inside the reporting, at most
WIDGET_MAX = 8  # lines of a widget closed by its link, label to link, at most
SUBHEAD_SHORTER = 1  # words a subheading under a list of headlines is shorter than each of them, at least
SUBHEAD_WORDS = 6  # and its words, at most
CHROME_WORDS_PER = 20  # a sentence this many words long may use one of chrome's words in passing
TITLE_CASE = 0.7  # share of a title-case headline's words that open on a capital, at least
LONG_HEADLINE_WORDS = 22  # words of a headline under a list's label, at most
KICKER_WORDS = 3  # words of a teaser's kicker in capitals over its headline, at most
LEAD_CAPTION_CHARS = 250  # characters of the lead picture's caption, at most
ITEM_WORDS = 3  # words of a headline in a list, at least
TITLE_CHARS = 60  # characters of a newsletter's or a box's name, at most
BIO_CHARS = 400  # characters of a writer's bio, at most
GALLERY_CAPTIONS = 3  # captions under a gallery's label that a short label closes, without counters
GALLERY_MAX = 16  # lines of a gallery's captions and counters, at most
CREDIT_WORDS = 8  # words of a photo credit on its own line, at most
CREDIT_CHARS = 80  # and its characters
CAPTION_MIN, CAPTION_MAX = 5, 35  # words of a caption over a credit line
PROMPT_LONG, PROMPT_SURE = 80, 0.8  # a sentence the model is sure of, using a prompt's word in passing
IN_TH = 1.0  # score any other line inside the run needs (the model threshold when higher)
# A credit line closing a story: "Associated Press writer Ann Lee contributed to this report.", "With files from ..."
_CREDIT_RE = re.compile(r"(?i)(?:\bcontributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?[.)]?$"
                        r"|^\(?(?:additional\s+)?reporting\s+by\b|^\(?edit(?:ing|ed)\s+by\b"
                        # ("— With files from ...", "With inputs from ONA")
                        r"|^[—–-]?\s*with\s+(?:files|(?:a\s+)?reports?|assistance|inputs?)\s+from\b"
                        # the agencies credited: "— AMP", "MERIDIAN, AMP" (a broadcaster's "Source: ... and news
                        # agencies" stays chrome, as tests/test_news_layouts.py's aljazeera page has it)
                        r"|(?-i:^[—–-]\s*[A-Z]{2,10}(?:\s*[,/]\s*[A-Z]{2,10}){0,3}$|^[A-Z]{2,10}(?:\s*,\s*[A-Z]{2,10}){1,3}$)"
                        r"|(?-i:^With\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}$))")  # "With Tamsin Okoye-Brandt"
_PRICE_RE = re.compile(r"[$€£¥]\s?\d|\d\s?%|^[+\-−–]\s?\d|^\d[\d,]*\.\d+$")  # a quote box's price or change
_AGENCY_CREDIT_RE = re.compile(r"^\(?[A-Z]{2,6}\)?\.?$")  # a wire's name closing its story: "(ANSA).", "EFE", "(PAP)"
_CREDIT_HINTS = ("contributed", "reporting by", "editing by", "edited by", "with ", "— ", "– ")
_WORDY = re.compile(r"[^\W_]")
_NUMBERED_RE = re.compile(r"(?i)^(?:(?:step|part|chapter|day|week|phase|tip|stage|no\.?)\s*\d+|\d+\s*[.):-])")
# The link under each item of a round-up, printed once per item
_MORE_LINK_RE = re.compile(r"^(?:continue reading|read more|keep reading|read (?:the )?full (?:story|article|post)"
                           r"|view (?:the )?(?:post|recipe|project))\W*$")
# The photographer and the agency or paper, alone on a line under a caption ("Kent Nakamura/ABN", "Cole Jansen,
# The Continental Sports"), or the photographer working for it ("Tomás Reyes for The Meridian Review")
_PHOTOGRAPHER = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]+){1,2})"
_CREDITED_OUTLET = r"[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3}$"
_NAME_CREDIT_RE = re.compile(rf"^{_PHOTOGRAPHER}(?:\s?/\s?|,\s+The\s){_CREDITED_OUTLET}")
_FOR_CREDIT_RE = re.compile(rf"^{_PHOTOGRAPHER}\sfor\s(?:The\s)?{_CREDITED_OUTLET}")
# (the pronouns in any case but "US", the country: "... reporters at the US Capitol on Friday.")
_NOT_CAPTION_RE = re.compile(r"\b(?:[Ii]|[Ww][Ee]|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Mm]y|OUR|YOU|YOUR|MY)\b"
                             r"|(?i:" + REPORTED + ")")
# An ad's copy: a call to act opening one of its sentences ("Book now with ...", "Call 570-555-0148."),
# its sponsor named, or a business's name before a dash and its offer
_AD_COPY_RE = re.compile(r"(?:^|[.!?:]\s+)(?:Shop|See|Call|Visit|Book|Buy|Order|Discover|Get|Try|Save|Sign up"
                         r"|Apply|Download|Meet|Find|Explore|Start|Learn|Join|Register)\b"
                         r"|(?i:\bsponsored (?:by|content)\b)"
                         r"|^[A-Z][\w&'’]*(?:\s[A-Z][\w&'’]*){0,4} - ")
# a gallery's label, its counters and what closes it: "Photos: County board debates ...", "In
# Pictures", "Matatu strike in pictures"; "3 of 8"; "Photos: Jane Doe", "(Jane Doe / Outlet)", "View Gallery"
_GALLERY_HINTS = ("photo", "picture", "galler", "image", "slideshow")
_GALLERY_LABEL_RE = re.compile(r"^(?:(?:in\s+)?(?:photos?|pictures|images)|(?:(?:photo|picture|image)\s+)?gallery"
                               r"|slideshow)(?:\s*\(\d{1,3}\)|\s*[:|–—-]\s*[^.!?]{0,80})?$"  # "PHOTO GALLERY (8)"
                               r"|^[^.!?]{3,60}\bin (?:pictures|photos|images)$")
_GALLERY_COUNT_RE = re.compile(r"^(?:photo\s+|image\s+)?\d{1,2}\s*(?:of|/)\s*\d{1,2}$")
# a caption after its counter, on one line: "1/6 Residents gather in the main square", "3 of 8 A crane ..."
_COUNTED_CAPTION_RE = re.compile(r"^(?:(?i:photo|image|picture|slide)\s+)?\d{1,2}\s*(?:of|/)\s*\d{1,2}:?\s+[A-Z\"'‘“]")
# a picture's credit under its label, perhaps in brackets: "Photos: Jane Doe", "(Image: Northumbria Police)",
# "(Jane Doe / Outlet)"
_LABELLED_CREDIT_RE = re.compile(r"^\(?(?:photo|image|picture|pic|credit)s?\s*(?:by\b|:)\s*[^.!?()]{2,60}\)?$"
                                 r"|^\([^()]{3,60}/[^()]{2,60}\)$")
_GALLERY_CONTROL_RE = re.compile(r"^(?:next|previous|prev)\s+(?:photo|image|slide|picture)\W*$"
                                 r"|^(?:view|see|open|browse)\s+(?:the\s+)?(?:full\s+)?(?:gallery|slideshow|all\s+photos)\W*$")
# a bio's opening: "Priya reports on U.S. retail ...", "Daniel covers retail and consumer goods ..."
_BIO_OPENING_RE = re.compile(r"^[\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\s+"
                             r"(?:covers|reports\s+on|writes\s+(?:about|on)|has\s+(?:covered|reported\s+on)"
                             # (the outlet's own job: "Milica is Balkan Wire's Belgrade correspondent.")
                             r"|is\s+(?:a|an|the|[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}['’]s)\s+"
                             rf"(?:[\w-]+\s+){{0,3}}(?:{ROLE_NOUNS}))\b")
_SIGNUP_FIELD_RE = re.compile(r"^(?:your |enter (?:your )?)?e-?mail(?: address)?\W*(?:\((?:required|optional)\))?\W*$")
_PITCH_RE = re.compile(r"newsletter|inbox|deliver|sign(?:ing)? up|subscrib|e-?mail")  # a newsletter's pitch
_GALLERY_CREDIT_RE = re.compile(r"^[^.!?:/]{2,30}/[^.!?/]{2,40}$|^(?:\S+\s){1,2}(?i:photos?)\s+\S[^.!?]{1,40}$")
# the outlet and the photographer, no space around the slash: "GhanaBeat/Kwabena Asante-Mensah"
_OUTLET_CREDIT_RE = re.compile(r"^[A-Za-z][\w&.'’]{1,29}/[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]+){0,3}$")
# a teaser's headline worded as its own sentences: "Texas lost 2,000 teachers in five years. Here's where they
# went.", "Istanbul's quake preparedness: How many buildings are still at risk?"
_TEASER_SHAPE_RE = re.compile(r"^[^.!?]{10,120}[.?]\s+Here[’']s (?:why|what|how|where|who|when)\b[^.!?]{0,40}[.!]?$"
                              r"|^[^.!?:]{3,50}:\s[A-Z][^.!?:]{5,100}\?$")
_ABBREVIATION_END_RE = re.compile(r"(?:\b[ap]\.m|\bU\.[SK]|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St))\.$")
# a section's own "More" label, which _list_label does not read ("More Free Agency")
_MORE_SECTION_RE = re.compile(r"^More\s+(?:[A-Z][\w&'’-]*\s?){1,3}$")
_QUOTE_MARKS = "\"'‘’“”"
# an item of a list: "• four container ships ...", "2. 19 stations"
_ITEM_RE = re.compile(r"^(?:[-*•·▪–+]|\d{1,2}[.)])\s+\S")
_TOPICS_RE = re.compile(r"^(?:tags?|topics?|categories|filed under|related topics|(?:read )?more about"
                        r"|more on (?:these|this) topics?|explore more on (?:these|this) topics?)\W*$")
# a list of the story's sources under its label closes it too ("Sources" / "Ramanathan-Cole P, et al. ...")
_SOURCES_RE = re.compile(r"^(?:sources?|references|citations|bibliography|further\s+reading)\W*$")
_CITATION_RE = re.compile(r"\bet\s+al\b|\bdoi\b|https?://|\(\s?(?:19|20)\d\d[a-z]?\s?\)|\.\s(?:19|20)\d\d[;.]|\bsources\b")
_ATTRIBUTION_RE = re.compile(r"^[—–-]?\s*[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]+){0,2},\s[^.!?]{2,50}$")
_BARE_MORE_RE = re.compile(r"^read more\W*$")
_NEXT_LABEL_RE = re.compile(r"^[\W_]*(?:up next|next(?: article| story| up)?|read next|coming up next"
                            r"|more from (?:this section|[\w&' -]{1,30}))[\W_]*$")
_READ_CONTROL_RE = re.compile(r"^(?:(?:tap|click|swipe)\s+(?:here\s+)?to\s+read(?:\s+more)?"
                              r"|read\s+(?:now|the\s+story|story))\W*$")
# A link under a list to more of it: "Watch more videos", "See all stories", "Load more"
_MORE_ITEMS_RE = re.compile(r"(?i)^(?:watch|view|see|read|show|load|explore|browse|get)\s+(?:more|all)\b")
_END = (".", "!", "?", "…", '"', "”", "’", ")")  # how a sentence of prose ends
_NOTICE_RE = re.compile(r"(?:copyright\b|©|\(c\)\s)")
# Prompts addressed to the reader (consent, accounts, mailing lists), not reporting.
_PROMPT_RE = re.compile(
    # (a subscription's price before the bare word: "Subscribe for $39 a year.")
    r"(?i)\b(?:subscribe (?:now |today )?(?:for|from|at|starting at) (?:just |only )?[$£€]\s?\d+"
    r"|cookies?|password|newsletters?|sign (?:in|up)|log ?in|subscribe|subscribing|your inbox|unsubscribe at any ?time"
    r"|support(?:ing)? (?:our |independent |quality |local )?(?:[\w-]+ ){0,2}journalism"
    r"|email address|privacy policy|terms of (?:use|service)|app key|^before you go|unlock|free trial"
    r"|(?:read|try|join|register|download|start|watch|listen|subscribe|access|sign up|get (?:it|started|access))\b"
    r"[^.]{0,30}\bfor free"
    # the outlet's appeal and its funders' note: "Northside Corner is a nonprofit newsroom. We rely on members",
    # "Local Democracy Reporting is Public Interest Journalism funded through NZ On Air"
    r"|(?:journalism|reporting|newsroom|coverage|this (?:story|article|report|project|series))\b[^.]{0,40}? "
    r"(?:is |was |are )?(?:made possible|supported|(?:co-)?funded|underwritten|paid for) (?:by|through|in part by)"
    r"|(?:supported|funded) by (?:readers|our readers|members|listeners|viewers|donors)|readers like you"
    r"|every contribution|time to join us|^(?:write to|contact) .{1,60} at \S+@|(?:free to|may) republish"
    r"|republish this (?:story|article)|(?:(?:does|do)n[’']t have|there[’']s no) (?:a )?paywall"
    r"|chip in \$|give today|donate today|become a (?:member|supporter|donor) today"
    r"|(?:we rely|relies) on (?:readers|members|donations|your support)|we want to hear from you"
    r"|(?:non-?profit|independent),? (?:non-?partisan )?newsroom|our stories may be republished|sponsored(?=:)"
    r"|non-?profit (?:network|news organi[sz]ation) of|follow us on (?:facebook|instagram|x|twitter|telegram|tiktok"
    r"|linkedin|whatsapp|threads|bluesky|youtube)|if you (?:like|enjoyed|liked) what you (?:read|see)"
    r"|follow [\w ]{1,40} on (?:facebook|instagram|x|twitter|tiktok)\b[^.]{0,40}\.\s+send (?:us )?your"
    r"|reader-(?:funded|supported)|becom(?:e|ing) a paid (?:member|subscriber)"
    r"|(?:whatsapp|telegram) channel|click here to follow"
    r"|(?:delivered (?:straight |directly |right )?|straight )to your (?:inbox|whatsapp|phone)"
    r"|join(?:ing)? our (?:[\w'’ ]{0,40}(?:whatsapp|telegram) (?:community|channel|group)|community)"
    r"|\bdelivered (?:every|each|weekday|daily|weekly)\b"
    # a betting site's small print: "21+. Gambling problem? Call 1-800-GAMBLER.", "may receive compensation from"
    r"|gambling problem|\bmay receive (?:compensation|a commission) from\b"
    # a call for the readers' stories: "Get in touch with our news team ...", "Email news@x with your stories."
    r"|get in touch with (?:our|the) (?:news ?)?(?:team|newsroom|desk)|^e-?mail \S+@\S+ with your (?:stories|news|tips)"
    r"|^get (?:the |our |[\w'’]+'s )?[\w'’ ]{0,40}(?:brief|briefing|newsletter|digest|roundup|bulletin)$"
    r"|support for [^.]{1,60} comes from|get more [\w ]{1,30} news like this"
    r"|(?:news|breaking|weather) alerts?\b[^.]{0,60}\b(?:straight|directly|right) to your (?:phone|device|inbox)"
    r"|\bfor (?:a )?reprint of this (?:article|story)|\btry (?:it )?free for \d+ days"
    r"|^get [\w&'’ .-]{2,40} in print$"  # the print edition's offer: "Get High Plains Grain & Grower in print"
    # a call for tips, pictures and questions: "Got a story?", "Have photos or video of the storm? Send them ..."
    r"|^(?:do you have|have you got|have|got) (?:a |any )?(?:news |story )?(?:tips?|photos?|videos?|pictures?|images?"
    r"|(?:more )?information|info|a story|story|footage|questions?|(?:some|any)thing to (?:say|add))\b[^?]{0,100}(?=\?)"
    # the outlet's disclaimer under a column: "The views expressed ... do not necessarily reflect those of ..."
    r"|\b(?:does|do) not necessarily (?:reflect|represent))\b"
)
# the prompts' words that reporting also uses: "cookies, bagels and doughnuts", "a password manager"
_PROMPT_WORD_RE = re.compile(r"cookies?|password|newsletters?|log ?in|subscribe|subscribing|unlock|email address"
                             r"|privacy policy|terms of (?:use|service)")
# the page's own word that the story goes on under a box: "Story continues below", "This advertisement has
# not loaded yet, but your article continues below."
_CONTINUES_RE = re.compile(r"\b(?:story|article|content|page|text)\s+continues\s+(?:below|after|under)\b"
                           r"|^continues\s+below\W*$|\bcontinue\s+reading\s+below\b|^article\s+content$")
_SLOT_RE = re.compile(r"^[\W_]*(?:advertisements?(?: \d{1,2})?|ads?|sponsored|share(?: this(?: article| story)?)?|print"
                      r"|e-?mail|tweet|view comments|\d+ comments?|" + FOREIGN_ADS + r")[\W_]*$")
# A widget of paid links: "Sponsored Stories", "Around the Web"
_ADS_LABELS = (r"(?:sponsored|promoted|partner|paid) (?:stories|content|links|posts)|around the web"
               r"|from (?:our|the) partners")
_ADS_LABEL_RE = re.compile(rf"^(?:{_ADS_LABELS})")
# A whole line that introduces a list of other stories ("Recommended Reading", "More from us").
# Narrower than boilerplate.py's labels on purpose: an ad label or a share bar sits inside the
# reporting with reporting right under it, so it must not take the lines below it along.
_LIST_LABEL_RE = re.compile(
    r"(?i)^[\W_]*(?:(?:related|recommended)(?: for you| stories| articles?| posts?| content| coverage"
    r"| reading| links?| videos?| news)?|(?:more|latest|top|popular|trending)(?: [\w-]+)?"
    r" (?:stories|news|articles|posts|reads|videos|headlines)|(?:more|also|latest) (?:from|on|in) .{1,30}|see also"
    r"|(?:in )?other (?:news|stories|headlines)"
    r"|read (?:also|next|this next)"
    r"|(?:further|recommended|suggested) reading|you (?:may|might) (?:also )?like|also read|read more\s*:"
    r"|also of interest|related (?:guides|topics|features|explainers|analysis|podcasts)"
    r"|(?:explore|read|see|find) more (?:on|about|from) this (?:story|topic|series)"
    r"|related from .{1,30}|related(?: [\w-]+){1,2} (?:stories|articles|coverage|reads|news|links)"
    r"|read more (?:from|on|in|about) .{1,30}"
    r"|most (?:read|popular|viewed|shared|watched)(?: (?:news|stories|articles|today|now|this week|in [\w ]{1,20}"
    r"|[\w-]+))?"  # ("Most Read Politics")
    r"|trending(?: now)?|(?:editor|staff)(?:[’']?s|s[’'])? picks|don[’']t miss"
    # the same labels on English pages of Spanish, French and Portuguese papers
    r"|(?:tambi[ée]n )?te puede interesar|lo m[áa]s le[íi]do|(?:[àa] )?lire aussi|vous aimerez aussi|leia tamb[ée]m"
    r"|mais lidas|" + READ_ALSO + r"|" + _ADS_LABELS + ")"
    # "Trending on KBN News", "Most read on the Courier", "Trending in Calder"
    r"(?: (?:on|at|from|in) .{1,30})?[\W_]*$"
)
# a headline closing on its date in brackets: "County board orders review of overtime (Sept. 2025)"
_DATED_HEADLINE_RE = re.compile(r"^[^.!?]{10,120}\((?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}\)$")
# A press release's notes after its text
_NOTES_HEAD_RE = re.compile(r"^(?:notes?\s+to\s+editors|(?:media|press|investor)\s+(?:contacts?|inquiries|enquiries)"
                             r"|(?:cautionary\s+(?:note|statement)s?\s+regarding\s+)?forward[- ]looking\s+"
                             r"(?:statements?|information)|safe\s+harbou?r\s+statement|qualified\s+persons?"
                             r"|for\s+(?:further|more)\s+information,?\s+(?:please\s+)?contact)\W*$")
# what a release's paragraph on its issuer says of it: a company, an agency, where it is headquartered
_ISSUER_RE = re.compile(r"\b(?:inc|corp|ltd|llc|plc|gmbh)\b|\b(?:headquartered|founded\s+in|company|corporation|agency"
                        r"|department|organi[sz]ation|non-?profit|firm|provider|manufacturer|developer)\b"
                        r"|\b(?:nasdaq|nyse|tsx|lse|asx)\s*:|\bwww\.")
# a release's boilerplate about its issuer, under its text: "About Solvane Robotics", "About the Department"
_ABOUT_HEAD_RE = re.compile(r"^About\s+(?:the\s+)?[A-Z][\w.,&'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z&][\w.,&'’-]*){0,6}$")
# The heading of a comment thread: readers' posts follow, never more reporting.
_COMMENTS_HEAD_RE = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:on|to)\b.*)?"
    r"|(?:one|two|three)\s+(?:comments?|responses?|thoughts)\s+on\b.*|comments?\s*\(\d+\)"
    r"|(?:leave|post|add|write)\s+a\s+(?:reply|comment)|(?:join|start)\s+the\s+(?:discussion|conversation)"
    r"|(?:reader|readers[’']?)\s+comments(?:\s*\(\d+\))?|comments\s+are\s+closed|what\s+do\s+you\s+think\??)[\s:.!…]*$"
    r"|^we\s+(?:welcome|encourage|invite)\s+(?:your\s+)?(?:comments|readers[’']?\s+comments)\b"  # the thread's rules
    r"|^welcome\s+to\s+the\s+(?:discussion|conversation|comments)\b"
)
_COMMENTS_HINTS = ("comment", "repl", "respons", "thought", "discussion", "conversation", "what do you think")
_NOTES_HINTS = ("to editors", "contact", "inquiries", "enquiries", "forward", "harbor", "harbour", "qualified")
_COMMENTS_AFTER = (3, 100)  # kept lines and words of reporting a comment heading must follow


def clean_text(text: str, *, name: str | None = None) -> Cleaned:
    """Reporting, headline, outlet, date and dateline of one plain-text page.

    `name` (a file name or id) is accepted for callers' logging symmetry; the cleaner never
    derives metadata from it because file names are not the publisher's words.
    """
    model = load_model()
    return clean_scored(text, score_from_base, model["threshold"] if model else 0.5)


def clean_scored(text: str, scorer: Callable[[list[str], np.ndarray], np.ndarray],
                 threshold: float, *, unwrap: bool = True) -> Cleaned:
    """clean_text with the line scorer passed in (bench/train_line_model.py scores held-out
    pages with fold models through the same page-level pipeline, on the benchmark's own
    lines: `unwrap=False` leaves hard-wrapped lines as they are)."""
    raw = text.splitlines()
    lines, owners = logical_lines(raw, unwrap=unwrap)
    if not lines:
        return Cleaned(paragraphs=[], kept_lines=[])
    base = base_features(lines)
    probs = scorer(lines, base)
    keys = _keys(lines)
    keep = refine(lines, probs, threshold, base=base, keys=keys)
    # a rule or a section break ("___", "* * *") carries no words
    for i in np.flatnonzero(keep).tolist():
        keep[i] = _WORDY.search(lines[i]) is not None
    # a date line or a writer's over the story is the header's, however the model scores it, and so
    # is what the model kept over the header's date line (the headline, its standfirst, the byline)
    header: list[int] = []
    over_stamp: list[int] = []
    for i in np.flatnonzero(keep).tolist():
        if _prose(lines[i]):
            stamps = [t for t in range(header[0], i) if date_line(lines[t])] if header else []
            over_stamp = [t for t in header if stamps and t < stamps[-1]]
            keep[over_stamp] = False
            break
        header.append(i)
        keep[i] = not (date_line(lines[i]) or author_line(lines[i]))
    if not keep.any() and len(lines) <= SHORT_PAGE:
        # a short note (a headline and a paragraph or two) has no run of reporting for the
        # model to find: its sentences are the story, whatever the line scores say
        keep = np.array([_prose(s) and not CAPTION_RE.search(s) and not _PROMPT_RE.search(s)
                         for s in lines])
    first_body = int(np.argmax(keep)) if keep.any() else min(len(lines), HEADER_SPAN)

    # a page that opens with a short line and then the headline (a masthead over a pasted
    # article): the model may keep both, and the headline is the second
    head_end = first_body
    if keep.any() and len(lines[first_body].split()) < 4:
        nxt = next((j for j in np.flatnonzero(keep).tolist() if j > first_body), None)
        if nxt is not None and nxt - first_body <= 2 and headline_like(lines[nxt]) and len(lines[nxt].split()) >= 4:
            head_end = nxt
    t_pos = find_title(lines, head_end, keep)
    if keep.any() and sentence_headline(lines, first_body):
        t_pos = first_body
    # (of the header lines the model kept over the date, the headline is the first: the standfirst follows)
    heads = [t for t in over_stamp if len(lines[t].split()) >= 4 and headline_like(lines[t])]
    if heads and t_pos in over_stamp and t_pos > heads[0]:
        t_pos = heads[0]
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
    _drop_widget_items(lines, keep, base)
    header_end = t_pos if t_pos is not None else first_body
    if outlet is None:
        outlet = find_outlet(lines, header_end, first_body) or repeated_outlet(lines, ~keep)
    date = find_date(lines, first_body, t_pos)

    kept = [k for k, flag in enumerate(keep) if flag]
    kept_lines = [i for k in kept for i in owners[k]]
    if len(kept_lines) > len(kept):  # wrapped paragraphs, already joined
        paragraphs = [lines[k] for k in kept]
    else:
        paragraphs = _paragraphs(raw, kept_lines, blank_separated=len(lines) < 0.8 * len(raw))
    dateline = lead_dateline(paragraphs)
    return Cleaned(paragraphs=paragraphs, title=title, outlet=outlet, date=date,
                   dateline=dateline, kept_lines=kept_lines)


def _sentences_apart(lines: list[str], rows: np.ndarray, probs: np.ndarray, th: float, above: int,
                     seen: dict[int, tuple[int, bool, bool, bool] | None]) -> bool:
    """Sentences the model believes among `rows` (lines of the page in order, the dropped ones
    left out), two or more, but never two in a row, and no closing credit: a grid of other
    stories, each sentence a blurb under a headline of its own (a question too: "Who really
    profits from the taxi industry?"), under a story of more words (`above`) than all its
    blurbs. A story going on has its paragraphs one under another (the second may be a short
    one: "Congratulations to the happy couple!"), or paragraphs of several sentences, half of
    them or more (a blurb may have two); a guide's list has no sentences, or most of the guide
    is under its label; a footnote's number between two notes does not part them. `seen`
    keeps each line's reading for the next label's rows, which are the tail of these."""
    full, short, said, several = [], [], 0, 0
    for r in rows.tolist():
        if r not in seen:
            seen[r] = _sentence_reading(lines[r], bool(probs[r] >= th))
        reading = seen[r]
        if reading is None:
            continue  # a footnote's number
        words, is_full, is_short, is_several = reading
        if words < 0:
            return False  # the story's closing credit
        full.append(is_full)
        short.append(is_short)
        said += words if is_full else 0
        several += is_several
    pairs = zip(full, short, full[1:], short[1:], strict=False)
    return sum(full) >= 2 and 2 * several < sum(full) and not any((a and d) or (b and c) for a, b, c, d in pairs) \
        and above > said


def _sentence_reading(line: str, believed: bool) -> tuple[int, bool, bool, bool] | None:
    """(words, a sentence of seven words or more, a sentence, a paragraph of several sentences)
    for _sentences_apart; words -1 for a closing credit, None for a bare number."""
    if len(line) < 400 and _CREDIT_RE.search(line):
        return -1, False, False, False
    if _bare_number(line):
        return None
    text = line.rstrip("'\"’”")
    words = len(text.split())
    # (a source who "did not comment" is no chrome; a clip's title, "... (01:25)", no sentence)
    sentence = believed and words >= 3 and text.endswith((".", "!", "…")) \
        and (REPORTED_RE.search(text) is not None or not _chrome_words(text)) and not BOILER_LINE_RE.match(text)
    full = sentence and words >= 7
    return words, full, sentence, full and words >= PARAGRAPH_WORDS and TWO_SENTENCES_RE.search(line) is not None


def _long_prose(s: str) -> bool:
    """A long multi-sentence paragraph whose end the scrape cut off is still reporting."""
    return (len(s.split()) >= 25 and len(re.findall(r"[.!?…][\"”’]?\s", s)) >= 1
            and not _chrome_words(s) and not BOILER_LINE_RE.match(s))


def _prose(s: str, min_words: int = 7) -> bool:
    """Sentence-shaped: several words ending in sentence punctuation, no chrome words."""
    return (len(s.split()) >= min_words and s.endswith(_END)
            and not _chrome_words(s) and not BOILER_LINE_RE.match(s))


def _continuation_boxes(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, probs: np.ndarray,
                        th: float, bad: np.ndarray, lowdoc: str) -> tuple[np.ndarray, dict[int, int]]:
    """The boxes a page says the story goes on under ("Advertisement 2" / "Story continues below" / a
    paywall's pitch / an embedded post / "Article content"), each up to the line the reporting resumes
    at (_resumes), and a map from each box's first line to that line. A box is chrome that neither ends
    the run nor weighs against it. It may stand over its marker too, from the last paragraph: a
    registration wall over a chain paper's "Article content", which stands between any two paragraphs
    and so makes a box only round a wall or a widget (BOX_MIN lines)."""
    n = len(lines)
    box = np.zeros(n, dtype=bool)
    boxed: dict[int, int] = {}
    for j in sorted(lines_with(lowdoc, klen, ("continue", "article content"))):
        if klen[j] > 120 or not _CONTINUES_RE.search(keys[j]) or bad[j]:
            continue
        e = j + 1
        while e < n and e - j <= BOX_MAX and not _resumes(lines, keys, klen, base, probs, th, e):
            e += 1
        if e >= n or e - j > BOX_MAX:
            continue
        top = j
        while top > 0 and j - top < SLOTS_MAX and klen[top - 1] < 40 and _SLOT_RE.match(keys[top - 1]):
            top -= 1
        t = top - 1
        while t >= 0 and j - t <= BOX_MAX and (probs[t] < GAP_TH or is_boilerplate(lines[t])
                                               or _prompt(keys[t], sure=False)):
            t -= 1
        if t >= 0 and t < top - 1 and j - t <= BOX_MAX and _paragraph_row(base[t]):
            top = t + 1
        if keys[j] == "article content" and e - top < BOX_MIN:
            continue
        box[top:e] = True
        boxed[top] = e
    return box, boxed


def _paragraph_row(row: np.ndarray) -> bool:
    """A sentence of six words or more, by its base_features row."""
    return bool(row[2] > 0 and row[1] >= np.log1p(6))


def _resumes(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, probs: np.ndarray, th: float,
             e: int) -> bool:
    """Whether the reporting resumes at line e under a box the page says the story continues below:
    a line the model believes, a paragraph however low it is scored (not an embedded post's text
    under its handle, nor the box's own pitch), a subheading over a paragraph, a live page's entry time."""
    if klen[e] <= 20 and CLOCK_RE.match(keys[e]):
        return True
    if is_boilerplate(lines[e]) or _prompt(keys[e], sure=False):
        return False
    if probs[e] >= th:
        return True
    if _paragraph_row(base[e]) and probs[e] >= SLOT_TH and not _under_handle(lines, keys, e):
        return True
    return bool(probs[e] >= GAP_TH and klen[e] <= SUBHEAD_CHARS and e + 1 < len(lines) and base[e + 1, 2] > 0
                and probs[e + 1] >= GAP_TH)


def _live_entries(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray,
                  bs: int, be: int, keep: np.ndarray, paragraph: np.ndarray) -> None:
    """A live page's entries around the run (each a clock time, a headline, a byline, a paragraph or
    two, a share row): the run is one entry the model believes, and the paragraphs of the entries
    chained to it by their times are reporting too, however low the model scores them (short, cut
    apart by share rows). Not an embedded post's text under its handle."""
    clocks = [j for j in np.flatnonzero((klen <= 20) & (base[:, 5] > 0)).tolist() if CLOCK_RE.match(keys[j])]
    before = [c for c in clocks if c < bs]
    if len(clocks) < LIVE_ENTRIES or not before or bs - before[-1] > ENTRY_MAX:
        return
    i = clocks.index(before[-1])
    lo = hi = i
    while lo > 0 and clocks[lo] - clocks[lo - 1] <= ENTRY_MAX:
        lo -= 1
    while hi + 1 < len(clocks) and clocks[hi + 1] - clocks[hi] <= ENTRY_MAX:
        hi += 1
    if hi - lo + 1 < LIVE_ENTRIES or clocks[hi] < be - ENTRY_MAX:
        return
    for c, nxt in zip(clocks[lo : hi + 1], [*clocks[lo + 1 : hi + 1], clocks[hi] + ENTRY_MAX], strict=True):
        for t in range(c + 1, min(nxt, len(lines))):
            if paragraph[t] and not _under_handle(lines, keys, t):
                keep[t] = True


def _under_handle(lines: list[str], keys: list[str], t: int) -> bool:
    """Line t is an embedded post's text, under its author's handle ("@MBWildfireSvc", "NSW SES @NSWSES")."""
    return t > 0 and len(keys[t - 1]) <= NAMED_HANDLE_CHARS and (
        HANDLE_RE.match(keys[t - 1]) is not None or NAMED_HANDLE_RE.match(lines[t - 1]) is not None)


def _timed(keys: list[str], lines: list[str], t: int) -> bool:
    """Line t stands under a clock time, perhaps with a label between ("11:58am" / "Key Event")."""
    return (t > 0 and CLOCK_RE.match(keys[t - 1]) is not None) or (
        t > 1 and CLOCK_RE.match(keys[t - 2]) is not None and len(keys[t - 1]) <= 20 and is_boilerplate(lines[t - 1]))


def _reads_on(s: str) -> bool:
    """A sentence that carries the story on past the run of reporting: short prose or a long
    paragraph the scrape cut off."""
    return _prose(s, 4) or _long_prose(s)


def _chrome_words(s: str) -> bool:
    """Chrome's words ("comments", "recommended", "subscription") in a line, more than a long
    sentence uses in passing ("... especially to Trump's comments.")."""
    found = STRONG_CHROME_RE.findall(s)
    return bool(found) and len(found) * CHROME_WORDS_PER > len(s.split())


# substrings every match of the regex above contains: most lines skip the regex (speed)
_CAPTION_HINTS = ("getty", "photo", "foto", "submitted", "handout", "image", "credit", "shutterstock", "/",
                  "supplied", "picture", "illustration", "graphic", " for ", "provided by", "courtesy", " — ", " – ",
                  ", 20", ", 19", "inset:", *FOREIGN_CREDIT_HINTS)
_PROMPT_HINTS = ("cookie", "password", "newsletter", "sign", "log", "subscrib", "support", "inbox",
                 "email", "privacy", "terms", "app key", "before you", "unlock", "free", "funded", "made possible",
                 "underwritten", "paid for", "rely on", "relies on", "hear from you", "newsroom", "republish",
                 "sponsored", "readers like", "paywall", "chip in", "contribution", "join us", "write to",
                 "give today", "donate today", "become a", "follow us", "what you read", "non-profit", "nonprofit",
                 "whatsapp channel", "click here to follow", "comes from", "news like this", "to your phone", "contact",
                 "to your device", "got a", "got any", "have a", "have any", "have photo", "have video", "have more",
                 "have info", "have question", "have you got", "do you have", "have some", "got some", "necessarily",
                 "reprint", "try it free", "try free", "in print", "delivered", "whatsapp", "telegram",
                 "our community", "brief", "digest", "roundup", "bulletin", "straight to your", "gambling",
                 "compensation", "commission", "get in touch", "with your")


@dataclass
class _Page:
    """A page as refine() reads it: its lines, their lower-case keys and lengths, the base features and
    the model's scores, and the masks worked out before the run of reporting is chosen, which the walks
    from the run's ends over the lines around it read."""

    lines: list[str]
    keys: list[str]
    klen: np.ndarray
    base: np.ndarray
    probs: np.ndarray
    th: float
    bad: np.ndarray  # chrome wherever it stands: captions, prompts, galleries, buttons, boxes (grows)
    button: np.ndarray  # rows of shop buttons, among the lines the model might keep
    dup: np.ndarray  # short lines printed twice: toggles, menus, repeated headlines
    teasers: np.ndarray  # lines of a list of other stories (headline and blurb pairs)
    teaser: np.ndarray  # lines shaped like a teaser's, in a list or not
    label: np.ndarray  # a section's or a list's label
    prose: np.ndarray  # sentences of some length, no label: paragraphs of reporting if anything is

    def is_button(self, j: int) -> bool:
        return bool(self.button[j]) or (self.klen[j] <= BOILER_CHARS and is_button_row(self.lines[j]))

    def chrome(self, j: int) -> bool:
        """A line no walk over a box between paragraphs stops at."""
        return bool(self.bad[j]) or self.is_button(j) or is_boilerplate(self.lines[j])

    def believed(self, t: int) -> bool:
        """A paragraph of reporting the model believes at t (no box's line, no teaser's blurb)."""
        return t < len(self.lines) and bool(self.prose[t]) and self.probs[t] >= self.th \
            and not (self.bad[t] or self.dup[t] or self.teasers[t])


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
    # (a quote pulled out of a paragraph is the shorter of a pair, and the paragraph stays)
    # (and most of the shorter one is printed in the longer: two items of a list may end on
    # the same clause, "... for both small and large web applications.", and both are reporting)
    near = np.zeros(n, dtype=bool)
    for i in long_:
        for group, tail in ((heads[keys[i][:50]], False), (tails[keys[i][-50:]], True)):
            if len(group) == 2:
                short, longer = sorted(group, key=len)
                shared = len(os.path.commonprefix([short[::-1], longer[::-1]] if tail else [short, longer]))
                # (of two quotes, the longer is the paragraph a pull quote was cut from, however little longer:
                # "'The message is simple: swim between the flags ...'" over "'Swim between the flags ...'")
                quotes = short[:1] in _QUOTE_MARKS and longer[:1] in _QUOTE_MARKS
                # (and the longer goes on past the shared words in a credit, not in a clause of reporting: a
                # standfirst may open as the lead does, "Residents ... from Monday under ..." / "Residents ... from
                # Monday, after the national utility said ...")
                near[i] |= shared >= SHARED_MIN * len(short) and (
                    keys[i] == short or (len(longer) < PULLED_RATIO * len(short) and not quotes
                                         and len((longer[:-shared] if tail else longer[shared:]).split())
                                         <= CREDIT_WORDS + 2))
    lowdoc = "\n".join(keys)
    # (and a quote pulled from the middle of a paragraph, printed alone between its quote marks; a short
    # one when a dash and the speaker's name sign it: '"The net is real sleep."' / "— Dr. Sunniva Achterberg")
    for i in np.flatnonzero((klen >= PULLED_SIGNED_CHARS) & (klen <= 300)).tolist():
        if keys[i][0] in _QUOTE_MARKS and keys[i].rstrip(".,!?")[-1:] in _QUOTE_MARKS and (
                klen[i] >= PULLED_MIN_CHARS or (i + 1 < n and SIGNED_QUOTE_RE.match(lines[i + 1]) is not None)):
            inner = keys[i].strip(_QUOTE_MARKS + ".,!?;: ")
            near[i] |= lowdoc.count(inner) > counts[keys[i]]  # (inside another line, not a copy of this one)
    cap = lines_with(lowdoc, klen, _CAPTION_HINTS)
    prm = lines_with(lowdoc, klen, _PROMPT_HINTS)
    bad = near | (base[:, 9] > 0) | (base[:, 10] > 0)
    for i in cap:
        # (a wire's sign-off closing the story, "... results of the pilot. — VP", with nothing of the
        # story under it, is no caption's credit: "... Mayo Hospital in Lahore. — APP" stands in the story)
        text = SIGN_OFF_RE.sub("", lines[i]) if i + 1 == n or not _reads_on(lines[i + 1]) else lines[i]
        bad[i] |= len(keys[i]) < 400 and CAPTION_RE.search(text) is not None
    for i in prm:
        bad[i] |= len(keys[i]) < 250 and _prompt(keys[i], sure=klen[i] >= PROMPT_LONG and probs[i] >= PROMPT_SURE)
    # a newsletter's name over its pitch and the form ("The Morning Docket" / "Get the day's legal news ...
    # Delivered weekday mornings." / "Email address" / "Sign Up")
    for i in sorted(prm):
        if 0 < i < n - 1 and bad[i] and _PITCH_RE.search(keys[i]) and klen[i - 1] <= TITLE_CHARS \
                and base[i - 1, 2] == 0 and not bad[i - 1] \
                and (is_button_row(lines[i + 1]) or _SIGNUP_FIELD_RE.match(keys[i + 1])):
            bad[i - 1] = True
    # (and whatever its pitch says: the box's name and one line under it over the form's email field, "📬 Get
    # the Morning Brief" / "The five stories you need, before your first kopi." / "Your email")
    for i in lines_with(lowdoc, klen, ("mail",)):
        # (not a share bar's bare "Email" button)
        if 2 <= i and 5 < klen[i] <= 40 and _SIGNUP_FIELD_RE.match(keys[i]) and klen[i - 2] <= TITLE_CHARS \
                and base[i - 2, 2] == 0 and klen[i - 1] <= BIO_CHARS // 2 and not REPORTED_RE.search(lines[i - 1]):
            bad[i - 2 : i] = True
    # an ad's copy under its slot ("Advertisement" / "Meet the 2026 Lexa Hybrid. ... Visit your local
    # dealer for offers."): it calls the reader to act, or names its sponsor
    for j in lines_with(lowdoc, klen, ("advert", "sponsor", "anzeige")):
        t = j + 1
        while t < n and klen[t] < 50 and ("advert" in keys[t] or _SLOT_RE.match(keys[t])):
            t += 1
        slot = klen[j] < 50 and ("advertisement" in keys[j] or "anzeige" in keys[j] or _SLOT_RE.match(keys[j]))
        # (perhaps under its title: "Webinar: Managing inland supply chains" / "Join our panel ... on 2 July.")
        titled = t + 1 < n and base[t, 2] == 0 and klen[t] <= BOILER_CHARS
        copy = t + int(titled)
        if slot and copy < n and klen[copy] < 250 and _AD_COPY_RE.search(lines[copy]) \
                and not REPORTED_RE.search(lines[copy]):
            bad[t : copy + 1] = True
    # a picture's caption over the credit naming its photographer and agency ("A man searches ...
    # on Tuesday morning." / "Houston Carrow / KBN News"): a sentence describing the picture (a
    # bare "Getty Images" or "Photography by ..." may follow a paragraph, the picture uncaptioned)
    # (or a caption with no full stop over a credit in brackets: "Corrigan was jailed at Newcastle Crown
    # Court on Tuesday" / "(Image: Northumbria Police)")
    for i in sorted(cap | lines_with(lowdoc, klen, (", the ", " for "))):
        if 0 < i and klen[i] <= CREDIT_CHARS and ("/" in lines[i] or _NAME_CREDIT_RE.match(lines[i])
                                                  or _for_credit(lines[i]) or FOREIGN_CREDIT_RE.match(lines[i])) \
                and _credit_only(lines[i]) and _caption_shaped(lines[i - 1]):
            bad[i - 1 : i + 1] = True
        elif 0 < i and klen[i] <= CREDIT_CHARS and keys[i].startswith("(") and _LABELLED_CREDIT_RE.match(keys[i]) \
                and base[i - 1, 2] == 0 and np.expm1(base[i - 1, 1]) >= CAPTION_MIN:
            bad[i - 1 : i + 1] = True
    # a gallery: its label, its captions (each a sentence describing a picture, perhaps between
    # counters) and its credit or its controls ("Photos: Flood in pictures" / "1 of 8" / "Crews
    # clear a road ..." / ... / "Photos: Jane Doe"): none of it is the story, wherever it stands
    gallery = np.zeros(n, dtype=bool)
    for j in lines_with(lowdoc, klen, _GALLERY_HINTS):
        gallery[j : _gallery_end(lines, keys, j)] = True
    bad |= gallery
    # rows of shop buttons: never reporting, and the run of reporting reaches across them
    # (looked for where the model might keep a line, and lazily where the run is extended)
    button = np.zeros(n, dtype=bool)
    for i in np.flatnonzero((klen <= BOILER_CHARS) & (probs >= GAP_TH)).tolist():
        button[i] = is_button_row(lines[i])
    bad |= button
    # short lines printed twice (toggles, menus, repeated headlines) never anchor the run
    dup = (np.array([counts[k] for k in keys]) > 1) & (klen < 120)
    # a block of teasers (headline + one-sentence blurb, source, age) is a list of other
    # stories, however much each blurb reads like reporting: the run does not start or end in one
    # (nor in the labels and lists of headlines between such blocks: "Trending on ...")
    # (unless the teasers are the run: a guide's steps, each a heading and a one-line summary)
    in_list = _teaser_blocks(lines, base)
    teasers, blocks = in_list >= TEASER_PAIRS, in_list >= TEASER_BLOCK
    words = np.exp(base[:, 1]) - 1
    label = (base[:, 9] > 0) | (base[:, 10] > 0)
    prose = (words >= 6.5) & (base[:, 2] > 0) & (base[:, 8] == 0) & (base[:, 9] == 0)
    pg = _Page(lines, keys, klen, base, probs, th, bad, button, dup, teasers, base[:, TEASER_COL] > 0, label, prose)
    is_button = pg.is_button
    box, boxed = _continuation_boxes(lines, keys, klen, base, probs, th, bad, lowdoc)
    bad |= box
    # a link box between two paragraphs ("Read more:" / a headline, "Also read" / two headlines) weighs
    # nothing in the run of reporting, so the run reaches over it to the story's lead above
    bad |= _link_boxes(lines, keys, klen, base, probs, th)
    lens = np.rint(np.expm1(base[:, 0]))
    # (nor do widgets, players and polls weigh against it: a story's last paragraphs under one stay in it)
    widget = find_widgets(lines, keys, klen, base, lowdoc, is_button)
    # (nor does a list the story introduces: "He said the walkout would affect:" / "• four container ships ...")
    items = _introduced_items(lines, keys, klen, probs)
    best, bs, be = max_run((probs - th) * np.sqrt(lens + 1) * ~(bad | dup | widget | items))
    if be < 0 or best <= 0:
        return keep & ~bad & ~dup
    # the lead picture's caption over its credit opens the run ("Riders wait at a stage along Moi
    # Avenue. The county says ..." / "[Photo: AfriPortal/James Wekesa]"): the story starts under it
    # (a lead paragraph, over an uncaptioned picture, opens on its dateline)
    if bs + 2 <= be and bad[bs + 1] and klen[bs] <= LEAD_CAPTION_CHARS and _credit_only(lines[bs + 1]) \
            and find_dateline(lines[bs]) is None:
        bad[bs] = True
        bs += 2
    inside = slice(bs, be + 1)
    sentence = base[:, 2] > 0
    # the best run of reporting with the teasers left out, when it stands apart from the run [r0, r1]
    # (two sentences at least) and weighs more than `floor`
    apart = (probs - th) * np.sqrt(lens + 1) * ~(bad | dup | teasers)

    def elsewhere(r0: int, r1: int, floor: float) -> tuple[float, int, int] | None:
        alt, a0, a1 = max_run(apart)
        fits = a1 >= 0 and alt > floor and (a1 < r0 - 1 or a0 > r1 + 1) and sentence[a0 : a1 + 1].sum() >= 2
        return (alt, a0, a1) if fits else None

    if blocks[inside].any() and (sentence[inside] & ~blocks[inside]).sum() < TEASER_CORE:
        # the run is a list of other stories ("Trending", numbered): a short story elsewhere
        # on the page, apart from any such list, is the reporting
        if (found := elsewhere(bs, be, 0.0)) is not None:
            best, bs, be = found
            inside = slice(bs, be + 1)
    if blocks[inside].any() and (sentence[inside] & ~blocks[inside]).sum() >= TEASER_CORE:
        edge = teasers | ~sentence
        r0, r1 = bs, be
        while bs < be and edge[bs]:
            bs += 1
        while be > bs and edge[be]:
            be -= 1
        # (a grid of other stories whose few odd items, a puzzle's blurb of two sentences, fall outside
        # its blocks: what is left of the run once its teasers are trimmed off weighs less than a run
        # of reporting elsewhere on the page, which is the story)
        if (found := elsewhere(r0, r1, float(apart[bs : be + 1].sum()))) is not None:
            best, bs, be = found
            inside = slice(bs, be + 1)
    # a section label ("Related stories") inside the run followed by teasers ends it; a
    # label ("More from us") followed by nothing but headlines to the run's end is a list
    # of other stories, none of which is reporting
    teaser = pg.teaser
    heads_only = (base[:, 2] == 0) & (base[:, 1] >= np.log1p(3))
    listed = np.zeros(n, dtype=bool)
    # a pulled quote's attribution under it ("Teresa Lindqvist, Jonesboro resident"; dropped, but
    # not a label that could end the run)
    for i in np.flatnonzero(near[:-1]).tolist():
        listed[i + 1] = klen[i + 1] <= 60 and (_ATTRIBUTION_RE.match(lines[i + 1]) is not None
                                              or SIGNED_QUOTE_RE.match(lines[i + 1]) is not None)
    # a list's label over a grid of other stories ends the run when nothing under it carries a
    # story on: reporting goes on in paragraphs, one under another; a grid gives each sentence a
    # headline of its own (perhaps its source and age: "The Averly Courier" / a headline / its
    # blurb / "5h ago"), and none of it is kept, however sure the model is of a blurb
    seen: dict[int, tuple[int, bool, bool, bool] | None] = {}
    for j in np.flatnonzero(klen[bs + 1 : be] < 40).tolist():
        j += bs + 1
        if not (label[j] or _list_label(keys[j]) or _MORE_SECTION_RE.match(lines[j])):
            continue
        under = np.flatnonzero(~bad[j + 1 : be + 1]) + j + 1
        if len(under) >= LABEL_TAIL and _sentences_apart(
                lines, under, probs, th, int(words[bs:j][sentence[bs:j] & (probs[bs:j] >= th)].sum()), seen):
            listed[j : be + 1] = True
            be = j - 1
            break
    for j in np.flatnonzero(bad[bs + 1 : be] & (klen[bs + 1 : be] < 40)).tolist():
        j += bs + 1
        if _SLOT_RE.match(keys[j]) or (counts[keys[j]] > 1 and _MORE_LINK_RE.match(keys[j])) \
                or _credit_only(lines[j]) or gallery[j] or box[j] or widget[j]:
            continue  # an ad slot, a share bar, a photo's credit, each item's "Continue reading", a gallery, an
            # embedded post's counts ("214 comments"): inside the reporting
        if label[j] and heads_only[j + 1 : be + 1].all():
            listed[j : be + 1] = True
        rest = slice(j + 1, be + 1)
        count, end = _teasers(lines, base, j + 1, be) if label[j] else (0, j)
        if count >= TEASER_PAIRS and end <= be and _reads_on(lines[end]) and probs[end] >= th and not bad[end]:
            continue  # a box of other stories with the story going on under it: an inline list
        # (what follows the label is judged without the ad slots and sign-up boxes among it)
        under = np.flatnonzero(~(bad | items)[rest]) + j + 1
        if listed[j] or (len(under) and teaser[under].mean() >= TEASER_CUT and probs[under].mean() < TEASER_PROB) \
                or count >= TEASER_PAIRS:
            be = j - 1
            break
    # the site's copyright notice closes the story: a station's weather widget and its lists under it
    # are not reporting, however sure the model is of them (a video's notice over the lead closes nothing)
    for j in sorted(lines_with(lowdoc, klen, ("rights reserved",))):
        if bs < j <= be and klen[j] <= NOTICE_CHARS and _NOTICE_RE.search(keys[j]) \
                and sentence[bs:j].sum() >= NOTICE_AFTER:
            listed[j : be + 1] = True
            be = j - 1
            break
    # another story's own header under a label naming it the next one closes this one: a site that loads the
    # next article in full under it ("Up next" / "Schools" / "Hollister Elementary gets a new roof ..." / "By
    # Marcus Feld" / "Published March 14, 2024")
    for j in short_with(keys, klen, 40, ("next", "more from")):
        if bs < j <= be and _NEXT_LABEL_RE.match(keys[j]) and sentence[bs:j].sum() >= NOTICE_AFTER \
                and any(story_header(lines, h) for h in (j + 1, j + 2) if h <= be):
            listed[j : be + 1] = True
            be = j - 1
            break
    # a list of the story's topics ("Read more about:" / "State budget 2025" / "Knesset" / ...) closes
    # it: what follows (an editor's appeal, a bio, comments) is the site's, however it reads
    for j in np.flatnonzero(klen[bs + 1 : be] < 30).tolist():
        j += bs + 1
        if _TOPICS_RE.match(keys[j]) and j + TOPICS_MIN < n and \
                ((klen[j + 1 : j + TOPICS_MIN + 1] <= 40) & (base[j + 1 : j + TOPICS_MIN + 1, 2] == 0)).all():
            listed[j : be + 1] = True
            be = j - 1
            break
    # (and so does a list of its sources: "Sources" / "Ramanathan-Cole P, et al. Time-restricted eating ... 2024.")
    for j in short_with(keys, klen, 30, ("source", "reference", "citation", "bibliography", "reading")):
        if bs < j <= be and _SOURCES_RE.match(keys[j]) and sentence[bs:j].sum() >= NOTICE_AFTER \
                and any(_CITATION_RE.search(lines[t]) for t in range(j + 1, min(j + 3, n))):
            listed[j : be + 1] = True
            be = j - 1
            break
    _inline_lists(lines, keys, klen, base, bs, be, listed, keep)
    # a widget inside the story closed by its link: a short label under a paragraph, a few rows
    # and "Full scoreboard ›", "View all bids", "Explore the data" (no such rows are reporting)
    for j in np.flatnonzero((klen[bs + 1 : be + 1] <= 40) & (base[bs + 1 : be + 1, 2] == 0)).tolist():
        j += bs + 1
        if not WIDGET_LINK_RE.match(keys[j]):
            continue
        i = j - 1
        while i > bs and j - i <= WIDGET_MAX and not paragraph(lines[i]):
            i -= 1
        if 3 <= j - i <= WIDGET_MAX and paragraph(lines[i]) and base[i + 1, 2] == 0 and klen[i + 1] <= 40:
            listed[i + 1 : j + 1] = True
    listed |= widget | handle_posts(lines, keys, klen, base, lowdoc, bs)
    # reporting ends on a sentence: headline-shaped lines closing the run are teasers (not
    # the rows of a spec sheet, "Charging: USB-C and Qi wireless")
    while be > bs and base[be, 2] == 0 and probs[be] < OUTSIDE_TH and not SIGN_OFF_RE.search(lines[be]) \
            and not (FIELD_RE.match(lines[be]) and FIELD_RE.match(lines[be - 1])):
        be -= 1
    outside = np.ones(n, dtype=bool)
    outside[bs : be + 1] = False
    # (far from the run, a line the model is sure of must be a sentence: a tabloid's feed of long
    # headlines, each under its kicker, "Smitten" / "Singer puts on a loved-up display ...")
    # (or one opening a list: "The full list of winners follows:")
    far = np.ones(n, dtype=bool)
    far[max(0, bs - FAR_LINES) : be + FAR_LINES + 1] = False
    for i in np.flatnonzero(far & (probs >= OUTSIDE_TH) & (base[:, 2] == 0)).tolist():
        far[i] = not (lines[i].endswith(":") and words[i] >= 5)
    keep &= ~outside | ((probs >= OUTSIDE_TH) & ~dup & ~teasers & ~(far & (base[:, 2] == 0)))
    keep |= ~outside & (probs >= IN_TH)
    keep |= ~outside & prose & (probs >= GAP_TH)
    # a paragraph kept apart from the run carries its neighbours the model believes with it (the rest of
    # that block of the story, under a widget the run stopped at)
    # (but not past another story's own header under the run: a site that loads the next article in full
    # under this one, "Next article" / its headline / its byline / its paragraphs)
    kept_after = np.flatnonzero(keep[be + 1 :])
    if len(kept_after):
        # (looked for only over the lines with a date within five lines under them: base's date column)
        cum = np.concatenate([[0], np.cumsum(base[:, 11] > 0)])
        rows = np.arange(be + 1, be + 1 + int(kept_after[-1]))
        dated = cum[np.minimum(rows + 6, n)] > cum[np.minimum(rows + 1, n)]
        after = next((h for h in rows[dated & (base[rows, 2] == 0)].tolist() if story_header(lines, h)), n)
        keep[after:] &= ~outside[after:]
    apart_kept = np.flatnonzero(outside & keep & prose).tolist()
    for i in apart_kept:
        for step in (-1, 1):
            t = i + step
            while 0 <= t < n and outside[t] and not keep[t] and prose[t] and probs[t] >= th \
                    and not (bad[t] or dup[t] or teasers[t]):
                keep[t] = True
                t += step
    # (and a wire's credit inside the run, however low the model scores it: "With files from Lindsey Oakes")
    for j in lines_with(lowdoc, klen, _CREDIT_HINTS):
        keep[j] |= bool(not outside[j] and klen[j] < 300 and _CREDIT_RE.search(lines[j]) and not (bad[j] or dup[j]))
    _walk_down(pg, be, boxed, widget, keep, listed)
    _walk_up(pg, bs, box, keep)
    _live_entries(lines, keys, klen, base, bs, be, keep, prose & ~(bad | dup | teasers | listed))
    # a list the story introduces is the story's where the line introducing it is kept or inside the run
    for j in np.flatnonzero(items).tolist():
        t = j - 1
        while items[t]:
            t -= 1
        if keep[t] or not (outside[t] or bad[t] or dup[t]):
            keep[t] = keep[j] = True
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
        furniture[i] = _NOTICE_RE.match(keys[i]) is not None or is_boilerplate(lines[i])
    # and a writer's bio takes the name printed over it ("ELENA MARCHETTI" / "Marchetti covers ..."), and
    # under the name, a bio naming the writer by first name only is one ("Priya Raman" / "Priya reports on ...")
    # (looked for where either line is kept, or a gap may take the name in)
    for i in np.flatnonzero((keep[:-1] | keep[1:] | (probs[:-1] >= FILL_TH)) & (klen[:-1] <= BOILER_CHARS)).tolist():
        name = keys[i].split()
        if len(name) <= NAME_WORDS and name_like(lines[i]) and keys[i + 1].split()[0] in name:
            if is_boilerplate(lines[i + 1]):
                furniture[i] = True
            elif klen[i + 1] <= BIO_CHARS and _BIO_OPENING_RE.match(lines[i + 1]):
                furniture[i : i + 2] = True
        # (or the name over the role, perhaps over the bio: "Cathal McIlwaine-Ross" / "Transport Correspondent"
        # / "Cathal covers transport ...")
        elif len(name) <= NAME_WORDS and name_like(lines[i]) and klen[i + 1] <= TITLE_CHARS \
                and ROLE_LINE_RE.match(lines[i + 1]):
            furniture[i : i + 2] = True
            if i + 2 < n and klen[i + 2] <= BIO_CHARS and keys[i + 2].split()[0] in name \
                    and _BIO_OPENING_RE.match(lines[i + 2]):
                furniture[i + 2] = True
        # (or the bio under a label, boilerplate's "About the author": "Sarah Whitcombe has reported on ...")
        elif keys[i].startswith("about") and klen[i + 1] <= BIO_CHARS and _BIO_OPENING_RE.match(lines[i + 1]) \
                and is_boilerplate(lines[i]):
            furniture[i : i + 2] = True
    keep &= ~furniture
    # the story's subheading under a box inside the run ("You've read 2 of 3 free articles" / ... / "Sign in" /
    # "Parents push back" / its paragraphs): no gap between kept lines takes it in, the box is not kept
    boxes = bad | furniture | listed
    for j in range(bs + 1, min(be, n - 2)):
        if not keep[j] and boxes[j - 1] and keep[j + 1] and keep[j + 2] and prose[j + 1] and prose[j + 2] \
                and klen[j] <= SUBHEAD_CHARS and base[j, 2] == 0 and probs[j] >= GAP_TH \
                and 2 <= len(keys[j].split()) <= SUBHEAD_WORDS and lines[j][:1].isupper() and not lines[j].isupper() \
                and not (boxes[j] or dup[j] or teasers[j] or label[j] or is_button(j) or is_boilerplate(lines[j])
                         or _PROMPT_RE.search(lines[j]) or label[j - 1] or _list_label(keys[j - 1])):
            keep[j] = True
    # a live page's entry: its time, its headline, perhaps its writer's name, its paragraphs ("9:31 p.m." /
    # "Senate passes stopgap bill, 67-31" / "Elena Marchetti" / ...): the headline is the story's, the name is not
    # (perhaps under a label, "Key Event", and over a byline, "By Tom Aldous")
    for j in np.flatnonzero((klen[:-5] <= 20) & (base[:-5, 5] > 0)).tolist():
        if not CLOCK_RE.match(keys[j]):
            continue
        top = j + 1 + int(klen[j + 1] <= 20 and is_boilerplate(lines[j + 1]))
        names = [t for t in (top, top + 1, top + 2)  # (over the headline or under)
                 if looks_like_person(lines[t]) or BYLINE_ONLY_RE.match(lines[t])][:1]
        h = top + int(names == [top])
        body = h + 1 + int(names == [h + 1])
        # (printed twice when a list of the key events repeats it, each copy under its time)
        listed_twice = dup[h] and all(_timed(keys, lines, t) for t, k in enumerate(keys) if k == keys[h])
        if base[h, 2] == 0 and 3 <= words[h] <= 2 * SUBHEAD_WORDS and klen[h] <= 2 * SUBHEAD_CHARS \
                and not (bad[h] or (dup[h] and not listed_twice) or boxes[h] or names == [h]) \
                and keep[body] and prose[body]:
            keep[h] = True
            for t in names:
                keep[t], boxes[t] = False, True
    _fill_gaps(probs, keep, boxes)
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
    _end_at_comments(lines, keys, klen, keep, lowdoc, widget)
    # a lone lowercase word is a widget fragment ("in", "caught") unless scored confidently
    keep &= ~((base[:, 1] < 0.8) & (base[:, 22] > 0) & (probs < OUTSIDE_TH))
    # the agency's credit right under the story's last paragraph is the story's: "(ANSA).", "EFE", "With inputs
    # from ONA" (not a label or a word of the page's own: "TAGS", "MORE")
    kept = np.flatnonzero(keep)
    t = int(kept[-1]) + 1 if len(kept) else n
    if t < n and klen[t] <= 40 and not (bad[t] or dup[t]) and prose[t - 1] and not is_boilerplate(lines[t]) and (
            (_AGENCY_CREDIT_RE.match(lines[t]) and not common_word(keys[t].strip("()."))
             and not any(_PRICE_RE.search(lines[u]) for u in range(t + 1, min(n, t + 5))))  # (a ticker's quote box)
            or _CREDIT_RE.search(lines[t])):
        keep[t] = True
    return keep


def _introduced_items(lines: list[str], keys: list[str], klen: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """The items of a list a sentence of the story introduces ("The new fares on the main routes are:" /
    "• Kipsanga – Mauche: Sh250, up from Sh200" / ...): two marked items or more under a sentence of some
    words ending on a colon that the model half-believes (a box's label is a few words, "Key points:")."""
    n = len(lines)
    items = np.zeros(n, dtype=bool)
    for j in np.flatnonzero((klen[:-2] <= 400) & (probs[:-2] >= GAP_TH)).tolist():
        if not _introduces(keys[j]):
            continue
        k = j + 1
        while k < n and klen[k] <= ITEM_CHARS and _ITEM_RE.match(lines[k]):
            k += 1
        if k - j > 2:
            items[j + 1 : k] = True
    return items


def _introduces(line: str) -> bool:
    """A sentence of some words ending on a colon: what introduces a list, or a quote."""
    return line.endswith(":") and len(line.split()) >= INTRO_WORDS


def _walk_down(pg: _Page, be: int, boxed: dict[int, int], widget: np.ndarray, keep: np.ndarray,
               listed: np.ndarray) -> None:
    """From the run's last line down: the story's last paragraphs, its closing credit, and the reporting
    going on under a widget, a list's label, ad slots or a sign-up box, are kept; the boxes it steps over
    are listed. The walk stops at the first line that is none of these."""
    lines, keys, klen, base, probs, th = pg.lines, pg.keys, pg.klen, pg.base, pg.probs, pg.th
    bad, dup, teasers, prose = pg.bad, pg.dup, pg.teasers, pg.prose
    is_button, chrome = pg.is_button, pg.chrome
    teaser, label, believed = pg.teaser, pg.label, pg.believed
    n = len(lines)
    j = be + 1
    resumed = False  # the reporting went on under a widget: what the model believes there is kept
    while j < n:
        k = boxed.get(j, n)
        if k < n and probs[k] >= SLOT_TH and not (dup[k] or teasers[k]) and (
                prose[k] or (klen[k] <= SUBHEAD_CHARS and k + 1 < n and prose[k + 1])):
            listed[j:k] = True
            j, resumed = k, True
            continue
        k = j
        while k < n and k - j < BOX_MAX and (widget[k] or chrome(k)):
            k += 1
        if widget[j:k].any():
            # a widget (a player, an embedded post), perhaps among chrome, with the story going on under it: a
            # paragraph the model believes, or one with a source speaking in it, however low the model scores it
            need = GAP_TH if k < n and REPORTED_RE.search(lines[k]) else th
            if k < n and prose[k] and probs[k] >= need and not (bad[k] or dup[k] or teasers[k]):
                listed[j:k] = True
                j, resumed = k, True
                continue
        if is_button(j):
            keep[j] = False
        elif _WORDY.search(lines[j]) is None:  # a rule ("___"), then perhaps the credit line
            if j + 1 < n and _CREDIT_RE.search(lines[j + 1]):
                keep[j + 1] = True
            break
        elif klen[j] < 300 and _CREDIT_RE.search(lines[j]):  # "Reporting by ...; Editing by ..."
            keep[j] = True
            if resumed and not (j + 1 < n and _CREDIT_RE.search(lines[j + 1])):
                break  # (the credit closes the story: a box under it, "Recalled products" / its items, is not
                # the story going on)
        elif _reads_on(lines[j]) and not (bad[j] or dup[j]):
            keep[j] = True
        elif klen[j] <= CREDIT_CHARS and _credit_only(lines[j]) and j + 1 < n \
                and _list_label(keys[j + 1]):
            # an uncaptioned picture's credit over an inline list ("Photo: Pieter Dekker/ANP" / "Read this next")
            j += 1
            continue
        elif klen[j] < 40 and _SLOT_RE.match(keys[j]):
            # ad slots (and the caption of a picture) with the story going on under them: the
            # slot says the page is still inside the story, so a sentence the model half-believes will do
            k = j + 1
            while k < n and k - j < SLOTS_MAX and klen[k] < 40 and _SLOT_RE.match(keys[k]):
                k += 1
            k += int(k < n and base[k, 2] == 0 and klen[k] < 200)
            if k < n and prose[k] and probs[k] >= SLOT_TH and not (bad[k] or dup[k] or teasers[k]):
                listed[j + 1 : k] = True
                j, resumed = k, True
                continue
            break
        elif klen[j] < 40 and _list_label(keys[j]):
            # a widget the model took for the end ("Recommended Stories", a few headlines): the
            # reporting goes on under it when sentences that are not teasers' blurbs follow
            # (and a photo or two, each over its credit line, which the line under it does not
            # make a teaser's blurb)
            k = _past_credited_captions(lines, listed_end := _list_end(lines, base, j, n - 1))
            resumes = [t for t in (k, k + 1) if t < n and prose[t] and not (
                bad[t] or dup[t] or (teaser[t] and not (t == k > listed_end)))]
            # (or one paragraph with a source speaking in it, the story's last before the paywall's prompt)
            # (however like a blurb it reads: a prompt, not another teaser, follows it)
            said = k + 1 < n and prose[k] and not (bad[k] or dup[k]) and chrome(k + 1) \
                and REPORTED_RE.search(lines[k]) is not None
            if k - j >= 3 and (len(resumes) == 2 or said) and probs[k] >= GAP_TH:  # a list, not headline + blurb
                k = _list_stop(lines, j, k) if k == listed_end else k
                listed[j:k] = True
                j, resumed = k, True
                continue
            break
        elif klen[j] <= SUBHEAD_CHARS and base[j, 2] == 0 and not (bad[j] or dup[j] or teasers[j] or label[j]) \
                and all(t < n and _reads_on(lines[t]) and probs[t] >= GAP_TH
                        and not (bad[t] or dup[t] or teasers[t]) for t in (j + 1, j + 2)):
            # the story's own subheading ("Role reversal"), with two paragraphs of it under it (a
            # list of teasers has one blurb under each headline)
            keep[j] = probs[j] >= GAP_TH
        elif resumed and probs[j] >= th and not (bad[j] or dup[j] or teasers[j]):
            keep[j] = True
        else:
            # a sign-up box inside the story (its name, a prompt, a field, a button), with
            # more reporting the model believes under it
            k = _signup_end(lines, j, bad, is_button, base)
            # (perhaps over the story's next subheading: "Landlord concerns" / two paragraphs)
            t = k + int(k + 2 < n and klen[k] <= SUBHEAD_CHARS and base[k, 2] == 0 and not (bad[k] or dup[k])
                        and believed(k + 1) and believed(k + 2))
            # (a source speaking under the box carries the story on however low the model scores it)
            need = GAP_TH if t < n and REPORTED_RE.search(lines[t]) else th
            if k > j and t < n and prose[t] and probs[t] >= need and not (bad[t] or dup[t]):
                listed[j:k] = True
                j, resumed = k, True
                continue
            # (or one line of a widget, a player's or a gallery's glued text, with two paragraphs
            # the model believes under it)
            if not label[j] and believed(j + 1) and believed(j + 2):
                listed[j] = True
                j, resumed = j + 1, True
                continue
            # (or a few lines of chrome, a gallery's caption and controls: "FILE - Water flows ..." / "1 of 3" /
            # "Previous" / "Next", with two paragraphs the model believes under them)
            k = j
            while k < n and k - j < SIGNUP_MAX and chrome(k):
                k += 1
            if k - j >= 2 and believed(k) and believed(k + 1) and not any(
                    _list_label(keys[t]) or _TOPICS_RE.match(keys[t]) for t in range(j, k)):
                listed[j:k] = True
                j, resumed = k, True
                continue
            # (or a link's label over one headline, "Read More" / "Fintan Roche: The rent cap is popular. That
            # doesn't make it the right policy", with two paragraphs the model believes under it; a headline
            # closes on no full stop, where the paragraph a "Read more" button unfolds does)
            if klen[j] < 40 and (label[j] or _MORE_LINK_RE.match(keys[j])) and j + 1 < n \
                    and klen[j + 1] <= SUBHEAD_CHARS * 2 and lines[j + 1][-1:].isalnum() \
                    and believed(j + 2) and believed(j + 3):
                listed[j : j + 2] = True
                j, resumed = j + 2, True
                continue
            break
        j += 1


def _walk_up(pg: _Page, bs: int, box: np.ndarray, keep: np.ndarray) -> None:
    """From the run's first line up: the lead over a sign-up box, ad slots, a box the page says the story
    continues under, or boxes of related articles is kept; the walk stops at the header."""
    lines, keys, klen, base, probs, th = pg.lines, pg.keys, pg.klen, pg.base, pg.probs, pg.th
    bad, dup, prose = pg.bad, pg.dup, pg.prose
    is_button, chrome = pg.is_button, pg.chrome
    j = bs - 1
    while j >= 0:
        if is_button(j):
            keep[j] = False
        elif prose[j] and not (bad[j] or dup[j]) and probs[j] >= GAP_TH:
            keep[j] = True
        elif j and _reads_on(lines[j]) and prose[j - 1] and not (bad[j] or dup[j] or bad[j - 1] or dup[j - 1]) \
                and min(probs[j], probs[j - 1]) >= GAP_TH:
            keep[j] = True  # (a short sentence between two paragraphs: "Then Nolan Brisbois took over.")
        elif box[j]:
            # a box the page says the story continues under, whole: the paragraph over it is the story's
            k = j
            while k >= 0 and box[k]:
                k -= 1
            if k >= 0 and prose[k] and not dup[k] and probs[k] >= SLOT_TH:
                j = k
                continue
            break
        else:
            # a sign-up box between the lead and the rest of the story: the lead is above it
            # (prompts and buttons only: a byline or a date line sits under a headline)
            # (or boxes of related articles, each a label over a headline: "Related Articles" / "Drivers face ...")
            k, boxed = j, False
            while k >= 0 and j - k < (INLINE_MAX if boxed else SIGNUP_MAX) and DATE_RE.search(lines[k]) is None:
                if not chrome(k):
                    if not (k and base[k, 2] == 0 and _list_label(keys[k - 1])):
                        break
                    boxed = True
                k -= 1
            # (a player's and a sign-up form's lines together, all of them chrome, may run longer: "Video
            # Loading" / "Click to play" / ... / "Enter email" / "Subscribe" / "Invalid Email" / "Advertisement";
            # the lead over them must then be believed)
            long_box = False
            while k >= 0 and SIGNUP_MAX <= j - k < BOX_MAX and chrome(k):
                k, long_box = k - 1, True
            slots = all(klen[t] < 40 and _SLOT_RE.match(keys[t]) for t in range(k + 1, j + 1)) \
                or box[k + 1 : j + 1].any()
            # (ad slots sit between paragraphs; a sign-up box ends a lead)
            need = GAP_TH if slots and not long_box else th
            if k < j and k >= 0 and bad[k + 1 : j + 1].any() and prose[k] and not dup[k] and probs[k] >= need:
                j = k
                continue
            break
        j -= 1


def _link_boxes(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, probs: np.ndarray,
                th: float) -> np.ndarray:
    """A list's label and its headlines standing between paragraphs the model believes, found before the
    run of reporting is: a bare "Read more" only over two headlines of a headline's length at least, or
    one under "Read more:" (round-ups print it under each item, over the next item's heading)."""
    n = len(lines)
    boxes = np.zeros(n, dtype=bool)
    for j in np.flatnonzero((klen[1:] < 40) & (base[1:, 2] == 0)).tolist():
        j += 1
        bare = _BARE_MORE_RE.match(keys[j]) is not None  # (one headline will do under "Read more:")
        # (under a sentence of the story, however short and low it scores: "It didn't work.")
        if not (bare or _list_label(keys[j])) or probs[j - 1] < GAP_TH or not _prose(lines[j - 1], 2):
            continue
        k = _list_end(lines, base, j, n - 1)
        # (the story goes on under it in two paragraphs, not in the next teaser's blurb)
        if k + 1 >= n or k - j < 2 or k - j > 4 or not all(probs[t] >= th and _reads_on(lines[t]) for t in (k, k + 1)) \
                or _teasers(lines, base, j + 1, n - 1, labelled=True)[0] >= TEASER_PAIRS:
            continue
        # (a card's control under its headline says it is a link: "READ MORE" / a headline / "Tap to read")
        control = k - 1 > j + 1 and _READ_CONTROL_RE.match(keys[k - 1]) is not None
        stop = k if control else _list_stop(lines, j, k)
        items = range(j + 1, stop - int(control))
        if all(_headline_shaped(lines[t], base[t], labelled=True)
               and (not bare or len(lines[t].split()) >= BARE_ITEM_WORDS) for t in items) \
                and (not bare or len(items) >= (1 if keys[j].endswith(":") or control else 2)):
            boxes[j:stop] = True
    return boxes


def _inline_lists(lines: list[str], keys: list[str], klen: np.ndarray, base: np.ndarray, bs: int, be: int,
                  listed: np.ndarray, keep: np.ndarray) -> None:
    """Mark the inline widgets of the run [bs, be] in `listed`: a list label inside the run
    ("Recommended Reading", "Related article"), or just above it when a caption over its credit
    kept the run from starting higher, over lines that are not sentences (headlines, authors)
    or over headlines with their blurbs, before the reporting resumes. The story's own
    subheading found under such a list is set in `keep`."""
    top = max(0, bs - INLINE_MAX)
    for j in np.flatnonzero((klen[top : be + 1] < 40) & (base[top : be + 1, 2] == 0)).tolist():
        j += top
        # (a bare "Read more" is a label only over two or more headlines of a headline's length:
        # round-ups print it under each item, over the next item's heading, perhaps numbered)
        bare = _BARE_MORE_RE.match(keys[j]) is not None
        if not (bare or _list_label(keys[j])):
            continue
        # (its items may be headlines with their blurbs: "Trending Now", "1. Fed officials ...",
        # "Several policymakers said ...", two of them at least, to the run's end or with the
        # story, or its subheading, going on under them)
        count, end = _teasers(lines, base, j + 1, be, labelled=True)
        if count >= TEASER_PAIRS and (end > be or any(_reads_on(lines[t]) for t in (end, end + 1) if t <= be)):
            listed[j:end] = True
            continue
        ads = _ADS_LABEL_RE.match(keys[j]) is not None
        k = _list_end(lines, base, j, be, ads=ads)
        if k - j >= 2 and (k > be or base[k, 2] > 0):
            stop = _list_stop(lines, j, k, ads=ads) if k <= be else k
            # (an ad slot under the headlines is no item)
            items = [t for t in range(j + 1, stop) if not _SLOT_RE.match(keys[t])]
            if bare and not (len(items) >= 2 and all(len(lines[t].split()) >= BARE_ITEM_WORDS
                                                     and _headline_shaped(lines[t], base[t]) for t in items)):
                continue
            listed[j:stop] = True
            keep[stop] |= stop < k  # the story's own subheading, which _list_stop found under the list


def _teaser_blocks(lines: list[str], base: np.ndarray) -> np.ndarray:
    """For every line, the number of teasers in the block it belongs to (0 outside any;
    _teasers), from one pass over the page."""
    n = len(base)
    count = np.zeros(n, dtype=np.int64)
    k = 0
    while k < n - 1:
        c, end = _teasers(lines, base, k, n - 1)
        count[k:end] = c
        k = end if c else k + 1
    return count


def _teasers(lines: list[str], base: np.ndarray, k: int, last: int, *, labelled: bool = False) -> tuple[int, int]:
    """Teasers of other stories in a row from line k, and the line after the last: what a
    section label's list or a feed is made of. A teaser is a headline with a one-sentence
    blurb, in sentence case or title case alike, and perhaps its number above it and its
    source or age beside it ("The Coastal Ledger", "2h", "Courts | Yesterday"); without a
    blurb, that age, a date or a sponsor's name says it is one. A numbered heading ("Step 2 -
    Protecting your data") is a guide's own structure, not a teaser, unless a list's label is
    over it (`labelled`: "Trending Now", "1. Fed officials signal ...")."""
    count = 0
    blurbs = True  # a list's first teaser says whether its teasers have blurbs
    while k + 1 <= last:
        j = k + int(_bare_number(lines[k]) or (k < last and _kicker(lines[k], base[k])))
        if j > last or not _headline_shaped(lines[j], base[j], labelled=labelled):
            break
        head = j
        j += 1
        meta = 0
        blurb = stamped = False
        while meta < 2 and j <= last and _teaser_meta(lines[j], base[j]):  # the source and the age
            stamped |= _stamp(lines[j], base[j])
            meta += 1
            j += 1
        # (a short question under a headline is the next headline, not its blurb: "Can plastic-eating
        # bacteria clean up our oceans?")
        if blurbs and j <= last and _blurb(base[j]) and not (lines[j].rstrip().endswith("?")
                                                             and len(lines[j].split()) <= QUESTION_HEADLINE_WORDS):
            blurb = True
            j += 1
            while meta < 2 and j <= last and _teaser_meta(lines[j], base[j]) and _stamp(lines[j], base[j]):
                meta += 1
                j += 1
        if not (blurb or stamped):
            break
        if labelled and blurb and j < last and base[j, 2] > 0 and base[j + 1, 2] > 0 \
                and not _headline_shaped(lines[j], base[j], labelled=True) \
                and (count == 0 or len(lines[head].split()) <= SUBHEAD_WORDS):
            break  # a subheading with paragraphs under it: the story goes on (not a second headline
            # with its blurb, as long as the first)
        blurbs = blurbs and (blurb or count > 0)  # a paragraph under dated headlines is no blurb
        count += 1
        k = j
    return count, k


def _headline_shaped(line: str, row: np.ndarray, *, labelled: bool = False) -> bool:
    words = np.expm1(row[1])
    # (under a list's label, numbered items and questions are headlines too: "1. Fed officials signal
    # ...", "Will the €63 monthly pass survive?")
    # (and headlines in title case, however long, ending on a quote: "Star Opens Up About Her Year: 'I Had to
    # Find Myself Again'")
    return bool((row[2] == 0 or (labelled and (line.endswith("?") or _title_case_headline(row))))
                and 3 <= words <= (LONG_HEADLINE_WORDS if labelled else 16) and row[9] == 0
                and row[10] == 0 and (labelled or (row[21] == 0 and not _NUMBERED_RE.match(line)))
                and not EMBED_MARK_RE.match(line.lower()))  # (nor a platform's line: "End of Instagram post by ...")


def _abbreviated_headline(line: str, row: np.ndarray) -> bool:
    """A headline whose last word is an abbreviation, one sentence at most: "Board weighs closing three
    stations after 9 p.m.", "Jobs report lifts U.S." (its full stop is no sentence's end)."""
    return bool(row[23] <= 1 and 3 <= np.expm1(row[1]) <= 16 and _ABBREVIATION_END_RE.search(line))


def _title_case_headline(row: np.ndarray) -> bool:
    """A headline in title case, which may close on a full stop or a quote like a sentence."""
    return bool(row[4] >= TITLE_CASE and 3 <= np.expm1(row[1]) <= LONG_HEADLINE_WORDS)


def _kicker(line: str, row: np.ndarray) -> bool:
    """A teaser's kicker over its headline, in capitals: "HIDDEN GEM", "BAG BATTLE"."""
    return bool(line.isupper() and row[2] == 0 and np.expm1(row[1]) <= KICKER_WORDS)  # (the cheap test first)


def _blurb(row: np.ndarray) -> bool:
    return bool(row[2] > 0 and 6 <= np.expm1(row[1]) <= 45 and row[23] <= 1)


def _teaser_meta(line: str, row: np.ndarray) -> bool:
    """A teaser's source or age: a few words that are not a sentence (an age may end on a full
    stop: "11:42 a.m."); not an ad slot, which stands between the story's paragraphs."""
    return len(line) <= 50 and bool((row[2] == 0 and np.expm1(row[1]) <= 6) or is_stamp(line)) \
        and _SLOT_RE.match(line.strip().lower()) is None


def _stamp(line: str, row: np.ndarray) -> bool:
    """A teaser's age, date or sponsor."""
    return bool(row[11] > 0) or is_stamp(line)


def _bare_number(line: str) -> bool:
    return len(line) <= 3 and line.rstrip(".)").isdigit()


def _signup_end(lines: list[str], j: int, bad: np.ndarray, is_button: Callable[[int], bool],
                base: np.ndarray) -> int:
    """The line after a sign-up box starting at j (j itself when there is none): up to
    SIGNUP_MAX lines of prompts, buttons and labels, perhaps under a short name or two,
    with at least one prompt to sign up or subscribe among them."""
    k = j
    prompt = pressed = False
    while k < len(lines) and k - j < SIGNUP_MAX:
        if _LIST_LABEL_RE.match(lines[k]):
            return j  # "More from The Ledger": a list of other stories follows, not the story
        if bad[k] or is_button(k) or is_boilerplate(lines[k]):
            prompt |= _PROMPT_RE.search(lines[k]) is not None
            pressed |= prompt and is_button(k)
        elif prompt and not pressed and k + 1 < len(lines) and k + 1 - j < SIGNUP_MAX and (
                is_button(k + 1) or _SIGNUP_FIELD_RE.match(lines[k + 1].lower()) or _PROMPT_RE.search(lines[k + 1])):
            pass  # the newsletter's pitch between the prompt and its form ("Our political team on the week's ...")
        elif prompt or k - j >= 2 or base[k, 2] > 0 or np.expm1(base[k, 1]) > 6:
            break  # only a name or two ("Gadgetline Deals") comes before the prompt
        k += 1
    return k if prompt else j


def _list_end(lines: list[str], base: np.ndarray, j: int, last: int, *, ads: bool = False) -> int:
    """The first line after the label at j that is a sentence (or past `last`), looking at
    INLINE_MAX lines at most: where a list of headlines and names under a label stops (a
    headline with its date in brackets, "County orders review of overtime (Sept. 2025)",
    is no sentence; under "Sponsored Stories", `ads`, nor is a short clickbait line: "Americans Over
    50 Are Saying Goodbye to Expensive Cable. Here's Why.")."""
    k = j + 1
    while k <= last and k - j <= INLINE_MAX:
        # (a headline in title case may close on a full stop: "Airlines Posted Record Traffic. Complaints Rose, Too.")
        # (no headline introduces a list: "He said the walkout would affect:" is the story going on)
        if _introduces(lines[k]) or not (
                base[k, 2] == 0 or _DATED_HEADLINE_RE.search(lines[k]) or _title_case_headline(base[k])
                or _abbreviated_headline(lines[k], base[k]) or _TEASER_SHAPE_RE.search(lines[k])
                or (ads and len(lines[k].split()) <= AD_HEADLINE_WORDS)
                or (k > j + 1 and k < last and _blurb(base[k]) and all(
                    _headline_shaped(lines[t], base[t]) and not (_credit_only(lines[t]) or _introduces(lines[t]))
                    for t in (k - 1, k + 1)))):
            break  # (a one-sentence blurb between two of its headlines is one of its items; a
            # caption over its credit is not)
        k += 1
    return k


def _list_stop(lines: list[str], j: int, k: int, *, ads: bool = False) -> int:
    """Where the list under the label at j stops, given the sentence at k under it: at k, or
    at the story's own subheading over k ("Threat shifts east"), shorter than every headline
    of the list (two at least, or one paid link's, or one twice its length) and with two paragraphs under it; not a
    link closing the list ("Watch more videos")."""
    sub = k - 1
    # (the list's headlines: not a player's label, a running time or a source between them)
    items = [w for t in range(j + 1, sub) if (w := len(LETTERS_RE.findall(lines[t]))) >= ITEM_WORDS]
    words = len(lines[sub].split())
    # (one headline will do when the subheading is half its length at most: "Also read:" / "The men who painted
    # Bollywood: the last of Mumbai's hoarding artists" / "A city of halls")
    if (len(items) >= (1 if ads else 2) or (len(items) == 1 and 2 * words <= items[0])) \
            and words <= SUBHEAD_WORDS and words + SUBHEAD_SHORTER <= min(items, default=0) \
            and not (name_like(lines[sub]) or is_boilerplate(lines[sub]) or WIDGET_LINK_RE.match(lines[sub].lower())
                 or _MORE_ITEMS_RE.match(lines[sub])) \
            and all(t < len(lines) and _reads_on(lines[t]) for t in (k, k + 1)):
        return sub
    return k


def _gallery_end(lines: list[str], keys: list[str], j: int) -> int:
    """The line after a gallery labelled at j (its captions, perhaps each with its credit, closed by a
    credit or controls, or counted "1 of 8", or by a short label under three captions or more): j
    when line j opens none. A title may stand between the label and the first counter or caption
    ("Photo Gallery" / "First day of school in the capital" / "1/7")."""
    n = len(lines)
    if len(keys[j]) > 70 or not _GALLERY_LABEL_RE.match(keys[j]):
        return j
    k = j + 1
    if k + 1 < n and len(keys[k]) <= 70 and not _caption_shaped(lines[k]) and (
            _GALLERY_COUNT_RE.match(keys[k + 1]) or (_caption_shaped(lines[k + 1]) and not is_boilerplate(lines[k]))):
        k += 1
    captions, counted = 0, False
    while k < n and k - j <= GALLERY_MAX:
        if _GALLERY_COUNT_RE.match(keys[k]):
            counted = True
        elif _COUNTED_CAPTION_RE.match(lines[k]):
            counted, captions = True, captions + 1
        elif (_caption_shaped(lines[k]) or (counted and _GALLERY_COUNT_RE.match(keys[k - 1])
                                            and len(lines[k].split()) <= CAPTION_MAX)) \
                and not REPORTED_RE.search(lines[k]):
            captions += 1  # (under its counter, a caption needs no full stop: "2 of 5" / "Water on Bridge Street")
        elif not (captions and _gallery_credit(lines[k], keys[k]) and k + 1 < n
                  and (_GALLERY_COUNT_RE.match(keys[k + 1]) or _caption_shaped(lines[k + 1]))):
            break  # (a caption's credit between two captions is the gallery's)
        k += 1
    if captions < (1 if counted else 2):
        return j
    if k < n and (_gallery_credit(lines[k], keys[k]) or _GALLERY_COUNT_RE.match(keys[k])
                  or _GALLERY_CONTROL_RE.match(keys[k])):
        return k + 1  # (a control, "View gallery", closes it: what follows is the story again)
    # (a picture's credit, "Photo: NaijaPulse/Tunde Aremu", labels no gallery: the lead may stand under it)
    closed = k < n and captions >= GALLERY_CAPTIONS and len(keys[k]) <= 40 and not lines[k].rstrip().endswith(".") \
        and "/" not in keys[j] and not _gallery_credit(lines[j], keys[j])
    return k if counted or closed else j


def _gallery_credit(line: str, key: str) -> bool:
    """A gallery's credit: "Photos: Jane Doe", "VTE Photo Minh Quyết", "GhanaBeat/Kwabena Asante-Mensah"."""
    return len(key) <= CREDIT_CHARS and bool(_credit_only(line) or _LABELLED_CREDIT_RE.match(key)
                                             or _GALLERY_CREDIT_RE.match(line))


def _past_credited_captions(lines: list[str], k: int) -> int:
    """The line after the captions that start at k, each over its own credit line ("Children
    cut a ribbon at the bridge on Saturday." / "Photo / Kiri Haddon"): k when there are none."""
    while k + 1 < len(lines) and _credit_only(lines[k + 1]):
        k += 2
    return k


def _credit_only(line: str) -> bool:
    """A photo's credit on its own line: "Photo / Kiri Haddon", "Getty Images", "Image: AFP",
    "Andrew Vance/Maritime Press", "Cole Jansen, The Continental Sports"."""
    return len(line.split()) <= CREDIT_WORDS and bool(
        CAPTION_RE.search(line) or CREDIT_LINE_RE.match(line) or _NAME_CREDIT_RE.match(line)
        or _OUTLET_CREDIT_RE.match(line) or _for_credit(line) or FOREIGN_CREDIT_RE.match(line))


def _for_credit(line: str) -> bool:
    """A photographer's name and the outlet they work for; the name is a name, not words a subheading
    uses ("Career Options for MBB Consultants")."""
    m = _FOR_CREDIT_RE.match(line)
    return m is not None and not all(common_word(w) for w in m.group("name").split())


def _caption_shaped(line: str) -> bool:
    """One sentence describing a picture: no quote, no "said", no first or second person (a
    guide's own paragraph over a stock photo's credit speaks to its reader), no "Label: ..."."""
    words = len(line.split())
    return CAPTION_MIN <= words <= CAPTION_MAX and line.rstrip().endswith(".") \
        and _NOT_CAPTION_RE.search(line) is None and ": " not in line[:25]


def drop_chrome(paragraphs: list[str]) -> list[str]:
    """Another extractor's paragraphs less what this cleaner knows is never reporting: prompts
    and appeals to the reader ("Stories like this are made possible by listeners like you"),
    a list label with the items under it ("MOST READ IN NEWS" / "- Couple's dog swallows
    ...", items as trafilatura prints them, each opening on a dash), and a copyright notice in
    the latter two thirds with all that follows it."""
    if not paragraphs:
        return []  # (_keys of no lines is one empty key)
    keys = _keys(paragraphs)
    out: list[str] = []
    listing = False
    for i, (line, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if i > len(keys) // 3 and "rights reserved" in key and _NOTICE_RE.match(key):
            break  # the page's copyright notice closes the article: teasers after it are the site's
        if listing and line.startswith("- "):
            continue
        listing = len(key) < 40 and _list_label(key)
        if listing and i > len(keys) // 3:
            # (or its teasers, headlines with their blurbs, to the end: "More Cooperatives News" / "Nebraska
            # co-op posts record patronage payout" / "Members will share $31 million ...")
            count, end = _teasers(paragraphs, base_features(paragraphs), i + 1, len(paragraphs) - 1)
            if count >= TEASER_PAIRS and end >= len(paragraphs) - 1:
                break
        if not (listing or (len(key) < 250 and _prompt(key, sure=True))):
            out.append(line)
    return out


def _prompt(key: str, *, sure: bool = False) -> bool:
    """A prompt to the reader; for a long line the model is `sure` is reporting, only when it
    says more than a word reporting uses too ("cookies", "password", "newsletter", "log in")."""
    m = _PROMPT_RE.search(key)
    if m is None or not sure:
        return m is not None
    return any(not _PROMPT_WORD_RE.fullmatch(m.group(0)) for m in _PROMPT_RE.finditer(key, m.start()))


def _list_label(key: str) -> bool:
    """A label over a list of other stories, in one language or two ("lee también / read also")."""
    return _LIST_LABEL_RE.match(key) is not None or (
        " / " in key and any(_LIST_LABEL_RE.match(part) for part in key.split(" / ")))


def _drop_widget_items(lines: list[str], keep: np.ndarray, base: np.ndarray) -> None:
    """Above the lead, a short line between two lines of chrome belongs to their widget
    ("Companies", a company's name, "Follow"). Looked at once the headline is known (a
    headline, too, sits between a date line and a byline), and never inside the story, where
    a product list's names sit between shop buttons and photo credits."""
    sentences = np.flatnonzero(keep & (base[:, 2] > 0))
    lead = int(sentences[0]) if len(sentences) else len(lines)
    for i in np.flatnonzero(keep[:lead]).tolist():
        if 0 < i < len(lines) - 1 and base[i, 2] == 0 and len(lines[i]) < 60 \
                and _chrome_line(lines[i - 1]) and _chrome_line(lines[i + 1]) \
                and not CLOCK_RE.match(lines[i - 1].strip().lower()):  # (a live page's entry under its time)
            keep[i] = False


def _chrome_line(line: str) -> bool:
    """A short line that is page furniture whatever the model says: a label, a button, a
    lone date (boilerplate.py's rules, shared with the HTML path) or a bare byline ("By Ann
    Lee", "Jon Harker Europe correspondent")."""
    return is_boilerplate(line) or bool(BYLINE_ONLY_RE.match(line) or ROLE_BYLINE_RE.match(line))


def _fill_gaps(probs: np.ndarray, keep: np.ndarray, chrome: np.ndarray) -> None:
    """One or two lines between kept lines belong to the reporting (a subheading, a one-line
    quote, a short list) when the model half-believes it and they are not chrome."""
    kept = np.flatnonzero(keep).tolist()
    for a, b in itertools.pairwise(kept):
        if 1 < b - a <= FILL_GAP + 1:
            for j in range(a + 1, b):
                if probs[j] >= FILL_TH and not chrome[j]:
                    keep[j] = True


def _end_at_comments(lines: list[str], keys: list[str], klen: np.ndarray, keep: np.ndarray, lowdoc: str,
                     widget: np.ndarray) -> None:
    """Drop everything from a comment thread's heading on ("14 Comments", "Leave a Reply"), or
    from a press release's notes after its text ("Notes to editors", "Media contacts", "About
    Solvane Robotics", "Forward-Looking Statements"), once enough reporting is kept above it that
    it cannot be a count in the byline or the release's own first heading (nor a widget's: an embedded
    post's "214 comments" or "Add a comment...")."""
    heads = sorted([i for i in lines_with(lowdoc, klen, _COMMENTS_HINTS)
                    if klen[i] < 300 and _COMMENTS_HEAD_RE.match(keys[i])]
                   + [i for i in lines_with(lowdoc, klen, _NOTES_HINTS)
                      if klen[i] < 80 and _NOTES_HEAD_RE.match(keys[i])]
                   + [i for i in np.flatnonzero(klen < 80).tolist() if keys[i].startswith("about ")
                      and _about_issuer(lines, keys, i)])
    for i in heads:
        if widget[i]:
            continue
        kept = np.flatnonzero(keep[:i])
        if len(kept) >= _COMMENTS_AFTER[0] and sum(len(keys[k].split()) for k in kept) >= _COMMENTS_AFTER[1]:
            keep[i:] = False
            return


def _about_issuer(lines: list[str], keys: list[str], i: int) -> bool:
    """A release's "About Solvane Robotics" over the paragraph on its issuer, which opens on the same name
    ("Solvane Robotics, Inc. designs ..."): not a guide's section on a book or a place."""
    if i + 1 >= len(lines) or not _ABOUT_HEAD_RE.match(lines[i]):
        return False
    name = re.sub(r"^about\s+(?:the\s+)?", "", keys[i])
    return re.sub(r"^the\s+", "", keys[i + 1]).startswith(name) and _ISSUER_RE.search(keys[i + 1]) is not None


def _keys(lines: list[str]) -> list[str]:
    """key of every line; most lines have single spaces already, so skip the re-join."""
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


