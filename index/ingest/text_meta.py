"""Headline, outlet, date and dateline of a plain-text page: what a reader takes from its header.

The headline is the prominent line just above the reporting and above the byline (often
printed twice), the outlet a masthead near the top, the headline's " | Outlet" suffix or the
copyright notice's holder, and the date a short date line in the header. Anything below the
start of the reporting is never used for the headline or the date, because captions and
teasers there carry dates and names that belong to other stories.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from index.ingest.boilerplate import ROLE_GRADES, ROLE_NOUNS, is_boilerplate, is_stamp
from index.ingest.foreign_chrome import FOREIGN_META_RE
from index.ingest.lines import BOILER_LINE_RE, BYLINE_RE, DATE_RE, STRONG_CHROME_RE, load_model

HEADER_SPAN = 25
DATE_UNDER_HEADLINE = 10  # lines under the headline searched for its date, at least
LEAD_WORDS = 12  # words of an opening paragraph that counts towards LEAD_SPAN, at least
LEAD_SPAN = 5  # opening paragraphs searched for the dateline (a summary box may be kept above the lead)
LIVE_ENTRIES = 3  # entries of a live page, each under its time, that make it one
MASTHEAD_SPAN = 3  # lines at the top of a page where a site's name stands
MENU_RUN = 3  # section links right before a masthead-like line that make it one of them
CONSENT_SPAN = 10  # lines of a cookie banner printed over the masthead, at most
# lower-case words inside a name: "La Crónica del Bajo Río", "Chamber of Commerce"
_CONSENT_SAID_RE = re.compile(r"(?i)cookie|\byour privacy\b|\bpersonal data\b")
_CONSENT_BUTTON_RE = re.compile(
    r"(?i)^(?:accept|reject|decline|allow|deny|agree|i agree|ok|got it|manage|customi[sz]e|more information"
    r"|learn more|settings|preferences|options|i accept|show purposes|show vendors"
    r"|(?:cookie|privacy|consent) (?:settings|preferences|options|policy))(?: all)?"
    r"(?: cookies| options| preferences| settings| and continue)?\W*$")
_KICKER_JOIN_RE = re.compile(r"\s[·•|]\s")  # a kicker joining its label and the fixture: "MATCH REPORT · ..."
_FRAGMENT_STARTS = frozenset("and or but nor of by with".split())  # lower case, opening no headline
_NAME_PARTICLES = frozenset("of the and & de del la el di da du des von van der y".split())
HEADLINE_MAX_WORDS = 20  # 791 of 793 WCXB headlines have fewer; longer lines are a lead or a dek
DEK_WORDS = 10  # a standfirst is at least this long
SHORT_DEK_WORDS = 6  # a standfirst shorter than its headline, right over the byline, at least
DEK_CAPS = 0.4  # and its words after the first, this share capitalised at most (names: "Judge says Gary Keogh ...")
HEADLINE_OVER_DEK = 7  # words of a headline over a standfirst of about its length, at least
NAME_WORDS = 5  # words of a writer's name on its own line, at most
KICKER_WORDS = 5  # a kicker over a headline ("The West's Water Crisis") is this short
REPEATED_HEADLINE_WORDS = 5  # words of a line printed twice in the header that makes it the headline outright
CAPTION_WORDS = 8  # a caption or standfirst over a credit line is a sentence this long
META_REACH = 14  # lines under a standfirst its byline or date may stand, past a caption and a share bar
CAPTION_SPAN = 6  # lines under the headline a caption over its credit stands, at most
_MONTH_NUM = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_SUFFIX_RE = re.compile(r"^(?P<head>.+?)\s*(?:\s[-|–—]\s*|\s*\|\s*)(?P<site>[^-|–—]{2,40})$")
_OUTLET_WORDS = re.compile(
    r"(?i)\b(?:times|journal|news|post|herald|tribune|daily|gazette|press|media|magazine"
    r"|chronicle|telegraph|guardian|observer|star|mail|express|today|monitor|review|standard"
    r"|independent|insider|wire|newswire|network|tv|radio|broadcasting|weekly|online|digest|globe|sun"
    r"|record|courier|examiner|inquirer|reporter|bulletin|dispatch|sentinel|voice|mirror"
    r"|beacon|nation|agency|report|journalism|newspaper|herald|bbc|cnn|nbc|abc|cbs|npr|ap"
    r"|reuters|bloomberg|channel|world|pulse|register|leader|enquirer|week|informer"
    r"|advocate|argus|banner|bugle|clarion|courant|gleaner|ledger|messenger|recorder|spectator"
    r"|statesman|telegram|tidings|echo|mercury|despatch|intelligencer|scotsman"
    # the same words in the languages of papers with English pages: "El Mirador Noticias", "Diário do Sul"
    r"|noticias|notícias|diario|diário|periódico|jornal|nouvelles|quotidien|gazzetta|corriere|zeitung|nachrichten"
    r"|tageblatt|dagblad|gazeta|dziennik)\b"
    r"|\.(?:com|net|org|co|news|io)\b"
)
# a company's legal form after its name, in English and elsewhere ("Pte. Ltd.", "Sp. z o.o.", "S.A.")
_LEGAL_FORMS = (r"LLC|Inc|Ltd|Limited|Corp|Company|GmbH|plc|Pte|Pty|Sp\. z o\.o|S\.A|S\.L|S\.p\.A|AG|SA|SpA|BV|NV"
                r"|AB|ASA|Oy|KK|SAS|SRL|Bhd")
# "© 2025 Cable News Network. A Warner Bros. Discovery Company.", "Copyright 2025 The Associated
# Press. All rights reserved.", "©2025 FOX News Network, LLC."
_COPYRIGHT_RE = re.compile(
    r"(?:(?:©|\(c\)|\b(?i:copyright)\b)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&'’ -]*?(?:\.(?:com|co\.uk|org|net))?)"
    rf"(?=\s*(?:(?:,\s*|\s+)(?:{_LEGAL_FORMS})\b|[.|,;]|\s+or\s+its"
    r"|\s+(?i:all\s+rights|powered\s+by|\d{4}\b)|$))")
FOOTER_SPAN = 40  # last lines of a page searched for its copyright notice
_TRADING_AS_RE = re.compile(r"\b(?:trading as|t/a)\s+([A-Z][^)(,;.]{1,48})")
_LEGAL_FORM_RE = re.compile(rf"(?:\s*,\s*|\s+)({_LEGAL_FORMS})\b")
_LEGAL_TAIL_RE = re.compile(rf"(?i)(?:{_LEGAL_FORMS})\b")
# Two or three capitalised words and nothing else: a personal site's owner ("Erin Spain") as
# often as a brand, so never taken for the outlet on the notice's word alone
_PERSON_LIKE = re.compile(r"^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2}$")
_COMPANY_WORDS = frozenset("media group inc inc. llc ltd ltd. limited company co co. corp corp. corporation plc "
                           "holdings network networks publishing publications communications news digital gmbh "
                           "newspapers newspaper publishers information services broadcasting "
                           # (and in the languages of the papers' English editions)
                           "mediengruppe verlag verlagsgruppe medien ag kg sa s.a. srl bv nv grupo groupe".split())
BYLINE_SPAN = 8  # lines under the headline searched for a byline naming the outlet
# "by Jenna Holloway, KVTR 7 News", "By Ann Lee and Bo Li | The Herald"
_BYLINE_OUTLET_RE = re.compile(r"(?i)^by\s+[^,|•]{3,60}?(?:\s*[,|•]\s*[^,|•\s]+@[^,|•\s]+)?"
                               r"\s*[,|•]\s*(?P<outlet>[^,|•]{2,40})$")  # (an e-mail address between)
_ROLE_WORDS = re.compile(rf"(?i)\b(?:{ROLE_NOUNS}|{ROLE_GRADES}|intern|analyst|fellow)\b")
# A North American station's masthead: its call sign and channel ("WLKT 12 Chicago", "KTXV News 4
# Tucson", "WLEP 90.3 FM"); the city after the channel's number is the market, not the name
_CALL_SIGN_RE = re.compile(
    r"^(?P<name>[KWC][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?(?:\s+(?:News|TV|FM|AM|Radio|\d{1,3}(?:\.\d)?))+)"
    r"(?:\s+[A-Z][a-z]+){0,2}$")  # (the market)
_WEAK_OUTLET_WORDS = frozenset("today world week weekly report record review online voice pulse leader star sun "
                                "nation digest network channel register".split())
# Outlet words that, alone on a line, are a menu item rather than a masthead
_MENU_WORDS = frozenset("news register review world week today weekly online digest report record video "
                        "radio tv network wire insider magazine media press daily".split())
_SECTION_ONLY = re.compile(
    r"(?i)^(?:(?:world|us|u\.s\.|uk|local|national|international|breaking|latest|top|news"
    r"|politics|business|sports?|opinion|tech(?:nology)?|science|health|entertainment"
    r"|lifestyle|culture|asia|europe|africa|americas|middle east|economy|markets|home)\s*"
    r"(?:&|and|/|-|\|)?\s*)+$"
)
# A wire dateline: "SEOUL, South Korea —", "WASHINGTON (AP) —", "AMSTERDAM, Nov 25 (Reuters) -"
_CAPS = "A-ZÀ-ÖØ-Þ\u1e00-\u1eff"  # capitals, with accents ("BOGOTÁ", "HÀ NỘI")
_DATELINE_RE = re.compile(
    rf"^(?P<place>[{_CAPS}][{_CAPS}.'’-]+(?:\s+[{_CAPS}][{_CAPS}.'’-]+){{0,3}}"  # SEOUL / NEW YORK / HÀ NỘI
    r"(?P<region>,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)"  # , South Korea / , Calif.
    r"(?P<day>,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # , Nov 25 (the wires' filing day)
    r"(?P<agency>\s*(?:\([^)]{1,40}\)|/[^/\s][^/]{0,38}/))?"  # (AP) / (Reuters) / a release's /PRNewswire/
    r"\s*(?P<dash>—|–|--|-|:|\.(?=\s+[A-Z]))\s*\S"  # (or a full stop: "KAMPALA. City authorities ...")
)
# The same in title case, as some sites print it: "Dakar, Senegal – Tens of thousands...", "The
# Hague (AFP) – The court..." (a region or a news agency, then a dash and a capital: a glossary's
# "Search Engine Optimization (SEO) — SEO is..." or a reader's "Awesome, Leah—thank you" is not one)
_TITLE_DATELINE_RE = re.compile(
    r"^(?P<place>(?:The\s)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:(?P<region>,\s+[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+){0,2})|\s*\((?:AFP|AP|Reuters|dpa|AAP|PTI|IANS|ANI|Xinhua"
    # or an outlet's initials: "Denver (NLN)", "Munich (dnp)"
    r"|EFE|ANSA|Kyodo|Yonhap|UPI|Bernama|Anadolu|Agencies|(?P<initials>[A-Z]{2,5}|[a-z]{2,4}))\)"
    # (or the filing day, perhaps with the outlet: "Accra, June 30 —", "Gazipur, Sep 8 (Shapla TV) –")
    r"|,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:\s*\([^)]{1,40}\))?)"
    r"(?:\s*[–—]|(?<=\))\s?-)\s*[A-Z\"“‘]")  # (a hyphen after the agency: "Athens (AEP) - ...")
# ... or before a colon, as Gulf and Indian dailies print it: "Abu Dhabi: The Department of ..."
_TITLE_COLON_DATELINE_RE = re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?:The|A|An|[A-Z][a-z]+)\s")
_AGENCY_NAME_RE = re.compile(r"^\((?:[A-Z][\w&.'’-]*\s?){1,4}\)$")  # "(RTV Norda)", "(AP)"; not "(3:15 p.m.)"
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# capitals before a colon that label a paragraph rather than place it
_NOT_COLON = {"FILE", "PHOTO", "PHOTOS", "READ", "ALSO", "Q", "A", "NB", "PS", "TL;DR", "TLDR", "SUMMARY", "FACT",
              "FACTS", "WHY", "WHAT", "HOW", "WHO", "WHEN", "WHERE", "BACKGROUND", "CONTEXT", "CLAIM", "VERDICT",
              "RELATED", "MORE", "SOURCE", "SOURCES", "DISCLAIMER", "DISCLOSURE", "TIP", "WARNING", "IMPORTANT"}
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS",
               "EDITORIAL", "NOTE", "EDITOR'S NOTE", "REVIEW", "VIDEO", "PHOTOS", "CORRECTION"}
# words in title case before a colon that label a paragraph: a how-to's "Conclusion:", a Q&A's "Answer:"
_LABELS = _NOT_COLON | _NOT_PLACES | {
    "ANSWER", "QUESTION", "CONCLUSION", "OVERVIEW", "EXAMPLE", "PROS", "CONS", "STEP", "BOTTOM LINE", "TAKEAWAY",
    "RESULT", "RESULTS", "PROBLEM", "SOLUTION", "MYTH", "REALITY", "RATING", "PRICE", "COST", "LOCATION", "ADDRESS",
    "DATE", "TIME", "TICKETS", "DETAILS", "INFO", "PLUS", "BONUS", "HINT", "REMINDER", "SPOILER", "TRANSCRIPT",
    "HOST", "GUEST", "EDITOR", "CAPTION", "CREDIT", "LISTEN", "LATEST", "TOPIC", "TOPICS", "ISSUE", "GOAL",
    "INTRODUCTION", "DESCRIPTION", "DEFINITION", "SCOPE", "PURPOSE", "KEY POINTS", "HIGHLIGHTS", "TAGS", "UPSHOT"}
# Photo captions end in (or carry) an agency credit; reporting almost never does.
# an agency's or a photographer's initials after the last sentence: "... on Tuesday. — APP", "... for assent. — PNW"
_SIGN_OFF = r"(?<=[.!?])\s+[—–]\s*[A-Z][A-Za-z]{1,20}$"
SIGN_OFF_RE = re.compile(_SIGN_OFF)
CAPTION_RE = re.compile(
    r"(?i)(?:getty ?images|\bap photo\b|(?:photo(?:graphy?|grapher)?|\bfoto)(?: by| via|\s*:)"
    r"|\b(?:image|illustration)(?: by|:)|(?:^|[.!?]\s)(?-i:Picture)(?: by|:)|\bcredit:|shutterstock"
    r"|/(?:afp|reuters|ap|epa|bloomberg)\b|\bfile photo\b"
    # a credit in brackets closing the caption: "(Supplied: Festival committee)", "(KVTR 7 photo)"
    r"|\((?:supplied|submitted(?:\s+by\s[^)]{1,60})?|handout|(?:[^()]{1,60},\s*)?getty\b[^()]{0,60}"
    r"|(?:photo|image|picture)s?\s+for\s[^)]{1,40}\sby\s[^)]{1,40}"
    r"|stock\s+(?:image|photo|picture)|(?:[\w&.'’-]+\s){1,4}(?:photo|photograph|image|picture)s?"
    r"|(?:photo|image|picture)s?\s+courtesy(?:\s+of)?\s[^)]{1,60}"
    r"|(?:photo|image|picture|illustration|graphic)s?\s*(?:by|:)[^)]{1,60}|supplied\s*:[^)]{1,60})\)\W*$"
    # the photographer and the outlet closing a caption: "... | Lena Kraus/The Ledger", "(Ann Lee/The Courier)"
    r"|(?-i:(?:\|\s*|\()[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}/[A-Z][\w .'’&-]{1,40}\)?\W*$)|/getty\b"
    # (after a copyright sign: "... across the industry © Eirik Solheim/Nordlys Foto")
    r"|(?-i:©\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2}\s?/\s?[A-Z][\w .'’&-]{1,40}$)"
    # (spaced, after the caption's sentence: "... on July 12. (Mara Yoon / The Dugout Line)")
    r"|(?-i:[.!?]\s+\([A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}\s/\s[A-Z][\w .'’&-]{1,40}\)\W*$)"
    r"|\([\w&.'’ -]{1,30}\s(?:photo|image|picture)s?\s*/[^)]{1,60}\)"  # "(WWP Photo/Rodrigo Quispe)"
    # "... on Friday. DO Photo/Arvind Shetty", "Getty Images / Siri Strafford", "... 2026. PHOTO | KILELE DIGITAL"
    r"|(?-i:(?:^|[.!?]\s+)(?:[A-Z][\w&.'’-]*\s){0,3}(?:(?:Photo|Image|Picture)s?|(?:PHOTO|IMAGE|PICTURE)S?)"
    r"\s*[/|]\s*[A-Z][\w.'’ |-]{2,40}$)"
    # a wire's file picture: "FILE - Water flows through the Gunnison Tunnel near Montrose, Colo., on June 3, 2024."
    r"|(?-i:^FILE\s*[-–—]\s+[A-Z])"
    # "... on Thursday morning, Oct. 24, 2024. IMAGE COURTESY OF PAGASA", "... at City Hall. [File, Herald]"
    r"|[.!?]\s+(?:photo|image|picture)s?\s+courtesy\s+of\s+[^.!?]{2,40}$"
    r"|[.!?]\s+\[(?:file|photo|image|pic(?:ture)?|courtesy)\b[^\]]{0,60}\]\W*$"
    # "... on Oct. 17. CHAD LEUNG/THE STANDARD"
    r"|(?-i:(?:^|[.!?)”\"]\s+)[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){1,2}/[A-Z][A-Z .'’&-]{2,40}$)"
    # "... at her family's pan. Anjali Vora for The Global Dispatch", "... 2026. KEVIN OMONDI FOR LA VIGIE"
    r"|(?-i:[a-z]{2}[.!?]\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+for\s+(?:The\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}$)"
    r"|(?-i:[a-z0-9]{2}[.!?]\s+[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){1,2}\s+FOR\s+[A-Z][A-Z'’&-]*(?:\s+[A-Z][A-Z'’&-]*){0,3}$)"
    # "... led out of the court premises. INSET: The depot at Ahensan."
    r"|(?-i:[.!?]\s+INSET:\s)"
    # "(Provided by Hoshizora Electric Co.)", "... on Tuesday. — APP", "... highway - Rafael Lima/Correio
    # Atlântico", "[File: Nasser al-Harthi/Al Sahil]", "... November 10. /MLIMA TV", "Photo/Illustration The plant ..."
    r"|\((?:provided|courtesy)\s+(?:by|of)\s[^)]{1,60}\)\W*$|(?-i:" + _SIGN_OFF + ")"
    r"|(?-i:\s[-–—]\s[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}/[A-Z][\w .'’&-]{1,40}$)"
    r"|\[(?:file|photo|image)\s*:?[^\]]{0,60}/[^\]]{1,40}\]\W*$|(?-i:[.!?]\s*/[A-Z][A-Z .'’&-]{1,30}$)"
    r"|^photo/illustration\b"
    # a wire photo's caption, its place and full date mid-sentence: "... in Lathebridge, Britain, November 5, 2026, two
    # days after ..." (reporting says "on Thursday")
    r"|(?-i:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s\d{1,2},\s(?:19|20)\d\d(?=[.,])))"
)
# Header lines shaped like a headline that are about the page, not its story.
_NOT_HEADLINE_RE = re.compile(
    r"(?i)\b(?:reading time|read(?:ing)? time|min(?:ute)?s?(?: to)? (?:read|listen)"
    r"|listen to (?:this|the) (?:article|story|audio)"
    r"|(?:open|close|toggle) (?:menu|navigation|search)|editorial (?:policies|policy|guidelines|standards)"
    r"|this (?:article|story|post) is (?:more than|over)|©|(?:fact[- ]checked|(?:medically )?reviewed|edited) by)"
    r"|^learn more\b"  # a sponsor's link: "Learn more about Halvorsen Rural Bank"
    r"|\([+\-−–]\d+(?:\.\d+)?%\)"  # a stock's move: "After hours: $40.95 (-0.78%)"
    r"|^\(?attn\s*:"  # a wire's note to editors: "(ATTN: UPDATES with reaction in paras 9-10)"
    r"|^(?:weather|traffic|amber|severe weather|storm) alert\s*:"  # "WEATHER ALERT: Severe storms possible ..."
    # a weather or traffic alert's banner: "Excessive Heat Warning for Tulsa ... until 9 PM Wednesday"
    r"|\b(?:warning|advisory|watch|alert)s? (?:for|in|issued for)\b.{0,80}\buntil \d"
    r"|\s//?\s[A-Z]|\s[»›]\s|^(?:[A-Z][\w&'’-]*\s){1,3}>\s(?:[A-Z][\w&'’-]*\s){1,3}>\s[A-Z]"  # a breadcrumb: "News /
    # Local", "Home » Best ...", "Home > Society > Education"
    r"|[a-z]\.\s+\([^()]{2,60}\)$"  # a caption's sentence, then its credit: "... its launcher. (Halvorsen Dynamics)"
    # or the photographer's bare name: "... during the trial, in October 2025. Álvaro Centeno"
    r"|(?-i:(?:[a-z]{3}|\d\d)\.\s+[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2}$)"
    r"|^why you can trust\b"  # the outlet's note on its standards, under the header: "Why you can trust X"
    # a release's labels and contacts: "Source: Aurelian Diagnostics, Inc.", "Contact: Noreen Baptiste, ...",
    # "Journalists: Create your free newsroom account", "..., recreation supervisor, 218-555-0162"
    r"|^(?:source|contact|(?:media|press)\s+contact|journalists|źródło|fuente|quelle|fonte|bron|kaynak|sumber)\s*:"
    r"|\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b"
    # a review's rating: "3 out of 5 stars", "Rating: 4/5", "★★★☆☆"
    r"|^(?:(?:our\s+)?rating\s*:?\s*)?\d(?:\.\d)?\s*(?:out\s+of|/)\s*(?:5|10)(?:\s+stars?)?$|^[★☆✩✭✮⭐\s]+$"
    # a link to the story in another language: "Read the French version", "Read this news in Turkish"
    r"|^read (?:the|this) (?:original )?(?:\w+ )?(?:article|story|news|version)(?: in \w+)?$"
    # the desk a byline names: "The Canadian Health Desk", "TOI Business Desk", "Metro Bureau"
    r"|(?-i:^(?:The\s)?(?:[A-Z][\w&'’-]*\s){0,3}(?:Desk|Bureau|Newsroom)$)"
    # a live page's entry under its time: "10:30am · All flights at Shannon cancelled until evening"
    r"|^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[·•|]\s"
    # a match report's box: "Red card: Harlow (Wexley) 39", "Goals: Okafor 23, 71", "Okafor 23, 71, Brennan 88"
    r"|(?-i:^[A-Z][a-z]+(?:\s[a-z]+)?:\s[^:]{2,60}\s\d{1,3}'?$)"
    r"|(?-i:^[A-Z][\w'’-]+\s\d{1,3}'?(?:,\s(?:[A-Z][\w'’-]+\s)?\d{1,3}'?)+$)"
)
# A line that is nothing but a byline: "By Ann Lee", "BY ANN LEE AND TOM PARK" ("By the end of
# the day." is a sentence: its words are not capitalised names); scrapes glue "ByAnn Lee"; the
# piece's kind may come first: "An Analysis by Friederike Osterkamp", "Commentary by Ann Lee"
BYLINE_ONLY_RE = re.compile(
    r"^(?:(?:An?\s+)?(?i:analysis|commentary|column|essay|opinion|review|interview|guest essay|exclusive|words"
    r"|report|reporting|story|feature|investigation)\s+)?"
    r"[Bb][Yy]:?(?:\s+|(?=[A-Z][a-z]))[A-Z][\w.'’-]*(?:\s*(?:,|&|\band\b|\s)\s*[A-Z0-9][\w.'’-]*){0,5}\s*$")
_YEAR = re.compile(r"\d{2}")  # every date DATE_RE reads has two digits in a row
# "November 25, 20251:12 PM GMT": a scrape glues the time to the year
_GLUED_TIME_RE = re.compile(r"\b((?:19|20)\d{2})(?=\d{1,2}:\d{2})")
_DOTTED_DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")
_YMD_SLASH_RE = re.compile(r"\b((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})\b")
_STAMP_RE = re.compile(r"(?i)\b(?:updated|published|posted)\s*(?:on)?:")  # "TOI Desk / Updated: Nov 24, 2025"
_UPDATED_RE = re.compile(r"(?i)^(?:updated|published|posted|last updated|first published)\b")
_MODIFIED_RE = re.compile(r"(?i)^(?:updated|last updated|modified|last modified)\b")
# The writer's role on its own line under the name: "Political Correspondent", "Theatre critic"
ROLE_LINE_RE = re.compile(rf"(?i)^(?!by\s)(?:[\w-]+\s+){{0,3}}(?:{ROLE_NOUNS}|bureau chief)"
                          r"(?:\s*[·|]\s*[^·|]{2,40}|,(?:\s+[A-Z][\w&'’-]*|\s+&|\s+and){1,5})?$")
# (and the outlet: "Cricket writer · The Harbour Herald"; or the beat: "Reporter, Methane & Energy")
# A byline that names the writer's beat instead of starting with "By": "Jon Harker Europe
# correspondent", "Ann Lee, Senior Editor" (a headline does not end on the writer's job)
_ROLE = rf"(?:(?:{ROLE_GRADES})\s+)?(?:{ROLE_NOUNS})s?"
ROLE_BYLINE_RE = re.compile(
    # "Jon Harker Europe correspondent", "North of England correspondent"
    r"^[A-Z][\w.'’-]*,?\s+(?:(?:[A-Z][\w.'’-]*|of|and|for|the),?\s+){0,4}" + _ROLE + "$"
    # the name and the beat in a row: "Sophie Lindgren | Economics Reporter"
    r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2}\s+\|\s+(?:[A-Z][\w-]*\s+){0,2}(?i:" + _ROLE + ")$"
    # a name and the outlet after a middle dot: "Liam Beaulieu · CBN News"
    r"|^[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){1,2}\s*[·•]\s*(?:[A-Z0-9][\w&'’.-]*\s+){0,3}"
    r"(?i:news|press|times|post|herald|radio|tv|media|journal|daily|tribune|gazette|wire|network|channel|magazine)$"
    # "Salma Haddad, Senior Reporter", "Anahera Tipene, Political Reporter"; a role line under the name:
    # "Senior Fellow, Technology Policy Program"
    r"|^(?:[A-Z][\w.'’-]*\s+(?:(?:and|&)\s+)?){1,5}[A-Z][\w.'’-]*,\s+(?:[A-Z][\w&-]*\s+(?:and\s+|&\s+)?){0,3}"
    r"(?i:" + _ROLE + ")$"
    # (perhaps with the beat between: "Chief Rugby League Writer")
    rf"|^(?i:(?:{ROLE_GRADES})\s+)(?:[A-Z][\w&-]*\s+){{0,3}}(?i:{ROLE_NOUNS}|fellow|analyst)(?:,\s.{{0,50}})?$")
# Two writers' names and nothing else, as a byline row prints them: "Anirudh Menon , Shreya Kulkarni"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s[A-ZÀ-ÖØ-Þ][\w.'’-]+){1,2}"
_NAMES_RE = re.compile(rf"^{_NAME}(?:\s,\s{_NAME})+$")
# Shaped like a title-case headline ("Home Networks and Cyber Security"), so bylines only over the
# header's date: "Elena Marchetti and Dwayne Corliss", "Julien Marchand, The Northern Press"
_NAME_PAIR_RE = re.compile(rf"^{_NAME}(?:(?:,\s|\s+and\s+|\s+&\s+){_NAME})+$")
_NOT_NAME_START = r"(?!(?:The|A|An|Our|My|This|Your)\s)"  # "The Year in Mathematics" names no writer
# (or as a broadcaster's byline prints it between dots: "Tamsin Overholt · NBS News ·")
_NAME_OUTLET_RE = re.compile(rf"^{_NAME}(?:,|\s[·•|])\s+"
                             r"(?P<outlet>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})(?:\s[·•|])?$")
# The words of a logo's link after the outlet's name: " - Back to home", " | Homepage"
_HOME_LINK_RE = re.compile(r"(?i)\s+[-–—|:]\s*(?:back to|go to|return to)?\s*(?:the\s+)?home\s*(?:page)?\s*$"
                           r"|\s+logo\s*$")  # (or the logo's alt text: "KBN News Logo")
# A label over summary points at the top of a story
_SUMMARY_LABEL_RE = re.compile(r"(?i)^(?:key points|highlights|story highlights|at a glance|in brief|summary"
                               r"|what you need to know|the big picture|key takeaways|in short)\W*$")
SUMMARY_MAX = 6  # points under a summary label, at most
_REPORTING_FROM_RE = re.compile(r"(?i)^(?:reporting|writing) (?:from|in)\b")
_TIMED_HEADLINE_RE = re.compile(r"(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[:|–—-]\s+[A-Z]")
# A live page's clock time over an entry: "9:31 p.m.", "14:05 GMT", "7.55pm"
CLOCK_RE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?(?:\s*(?:gmt|bst|utc|[ecmp][sd]?t|ist|aest|aedt))?"
                      r"|(?:gmt|bst|utc|[ecmp][sd]?t|cet|cest|ist|aest|aedt))$")  # (not a clip's length: "2:34")
# A label over a player or a gallery: the line under it titles the clip, not the story (or,
# "Open this photo in gallery:", is the picture's caption)
MEDIA_LABEL_RE = re.compile(r"(?i)^(?:video|watch|play|photos?|gallery|now playing|up next|watch next|next video"
                            r"|hide caption"
                            r"|(?:open|view|expand) this (?:photo|image|picture)(?: in gallery)?)\W*$")
# A clip's running time alone on its line, under its title: "1:42", "1:02:15"
# (perhaps with the clip's source: "01:58 - Source: MNN")
DURATION_RE = re.compile(r"^\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:\s*[-–—|]\s*(?i:source)\s*:\s*[^.!?]{1,40})?$")
# "Live updates by Hannah Doyle", "Story by Priya Raman", "Words by Jodie Caruana"
_CREDITED_RE = re.compile(r"(?i)^(?:live\s+)?(?:updates|coverage|story|words|text|analysis|reporting|photos?|graphics?"
                          r"|(?:video\s+)?report"
                          r"|fact[- ]check(?:ed)?|translated|submitted|contributed|hosted|produced|compiled|interview)"
                          # (perhaps the writer's job before the name: "by transport correspondent Nadia Qureshi")
                          rf"\s+by\s+(?:(?:[a-z]+\s+){{0,2}}(?:{ROLE_NOUNS})\s+)?(?-i:[A-Z])")
_PHOTO_BY_RE = re.compile(r"(?i)^(?:photos?|photograph|pictures?|images?)\s+by\b")
# A share bar's buttons and counts under the headline
_SHARE_RE = re.compile(r"(?i)^(?:share(?!\s+your)|save|print|e-?mail|gift|bookmark|copy link|facebook|twitter|x"
                       r"|whatsapp|linkedin|\d+\s+comments?|comments?|view comments|listen)\b.{0,40}$")
# A credit line opening a caption's credit: "Image: Ruben Vos/ANP/picture alliance", "Credit: Kennedy Press"
_CREDIT_START_RE = re.compile(r"(?i)^(?:image|photo|picture|credit|illustration|photograph)s?\s*(?:credit)?\s*:")
# A byline with its place or its outlet: "Ingrid Vatne in Oslo", "Caitlin Marrow for The Dispatch"
_NAME_IN_RE = re.compile(rf"^{_NOT_NAME_START}[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,2}}\s+(?:in|for)\s+(?:The\s+)?"
                         r"[A-Z][\w .,'’-]{1,40}$")
# A label standing alone over a picture's credit or under its caption: "Credit...", "Photo:", "Copyright";
# or over who issued the page: "News provided by", "From:"
_ISSUER = r"(?:news\s+)?provided\s+by|from|published\s+by"
_CREDIT_LABEL_RE = re.compile(rf"(?i)^(?:(?:image|photo|picture)?\s*credits?|{_ISSUER})\W*$")
# who issued a release, its byline: "From:" / "National Port Safety Agency"
_ISSUER_LABEL_RE = re.compile(rf"(?i)^(?:{_ISSUER}|issued\s+by)\W*$")
_COPYRIGHT_LABEL_RE = re.compile(r"(?i)^(?:©|copyright)\W*$")
# A ticker over the headline
_BANNER_RE = re.compile(r"(?i)^(?:breaking(?:\s+news)?|live|developing|just\s+in|watch|update)\s*[:|-]")
# A photo credit printed as its own line above the caption ("Getty Images", "Image source, EPA");
# not a news agency's name, which aggregators print over the headline ("Reuters")
CREDIT_LINE_RE = re.compile(
    r"(?i)^(?:image source,?\s*)?(?:[\w.'’ -]{1,30}\s(?:via|for)\s)?(?:getty images|shutterstock|alamy"
    r"|pa media|epa(?:-efe)?)(?:\s*(?:/|via)\s*[\w ]{1,30})?\W*$")


def key(s: str) -> str:
    return " ".join(s.lower().split())


def _title_case(words: list[str]) -> bool:
    """Every word of four letters or more capitalised, and at least three of them."""
    long_ = [w for w in words if len(w.strip("\"'“”‘’.,!?")) >= 4]
    return len(long_) >= 3 and all(w.lstrip("\"'“‘")[:1].isupper() for w in long_)


# a writer's line: "Written by ...", a name and letters after it ("Dylan Bailey, MS, RD, FAND")
_AUTHOR_LINE_RE = re.compile(r"^(?:[Ww]ritten|[Aa]uthored|[Rr]eviewed)\s+by"
                             r"|^[A-Z][a-z]+(?:\s+[A-Z][\w.'’-]+){1,3},\s*[A-Z]{2,6}\.?(?:,?\s*[A-Z]{2,6}\.?)*$")


def author_line(s: str) -> bool:
    """A writer's line that no byline pattern reads: "Written by ...", a name with letters after it."""
    return _AUTHOR_LINE_RE.match(s) is not None


_SIGNED_RE = re.compile(r"\bBy\s+[A-Z][a-z]+\s*[A-Z]")  # "... 2025 By Gabby Boucher In Budget Travel"
_GLUED_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)(?=[A-Za-z])")  # "2025January 22": a scrape glued two dates
_GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "onFebruary", "BoucherIn"


_NAME_CAPS_OUTLET_RE = re.compile(r"^[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}"
                                  r"\s+(?P<outlet>[A-Z]{2,}(?:\s+[A-Z]{2,}){0,3})$")


def _bare_credit(s: str) -> bool:
    """A picture's credit alone on its line: "Delphine Arkwright-Soto/Heartland Public Radio" (not a
    subheading with a slash, "Top Hybrids/EVs Questions")."""
    name, slash, outlet = s.partition("/")
    return bool(slash) and len(s) <= 80 and looks_like_person(name.strip()) and _OUTLET_WORDS.search(outlet) is not None


_INITIALS_RE = re.compile(r"\b[A-Z]{2,6}\b")
_SEPARATORS_RE = re.compile(r"\s[|·•]\s|\s[|·•]$")  # a row of links or a byline's parts: "Name · Outlet · Posted: ..."
_FACT_ROW_RE = re.compile(r"^[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}:\s+\S")  # "Box office: ...", "Running time: ..."
_INITIALS_PARTICLES = frozenset("de del della di du des la le of and for the & y e da do van von der".split())


def _initialled_name(s: str, initials: set[str]) -> bool:
    """A name of a few capitalised words (particles aside) whose initials stand elsewhere on the page."""
    words = re.findall(r"[^\W\d_]+|&", s)
    if not 2 <= len(words) <= 6 or len(s) > 60 or re.search(r"\d|[.!?:,]$", s):
        return False
    if not all(w[0].isupper() or w.lower() in _INITIALS_PARTICLES for w in words):
        return False
    caps = [w for w in words if w.lower() not in _INITIALS_PARTICLES]
    return len(caps) >= 3 and "".join(w[0] for w in caps) in initials  # (two letters meet by chance: "IT")


def headline_like(s: str) -> bool:
    """Shape of a headline: a few words, no full stop, not a widget, date or byline."""
    words = s.split()
    if not (3 <= len(words) <= HEADLINE_MAX_WORDS) or len(s) > 300:
        return False
    if s.endswith((":", ",", ";")) or (s.endswith(".") and not s.endswith("...") and not _title_case(words)):
        return False  # (a magazine's headline in title case may end on a full stop)
    named = _NAME_OUTLET_RE.match(s) or _NAME_CAPS_OUTLET_RE.match(s)
    if named and _OUTLET_WORDS.search(named.group("outlet")):
        return False  # the writer and the outlet: "Kelsey Raddatz, Fox Valley Gazette", "Brian Truitt USA TODAY"
    if _CREDITED_SENTENCE_RE.search(s) or _NAME_PAREN_RE.match(s):
        # a caption with its agency's initials ("... in Tokyo on Feb. 6, 2025. (JWS)"), a name with an
        # outlet in brackets: the writer's ("Dewi Kartikasari (The Nusantara Post)") or a picture's credit
        return False
    if words[0] in _FRAGMENT_STARTS:
        return False  # the tail of a line cut in two: "and Department for Environment, Water and ..."
    if BOILER_LINE_RE.match(s) or BYLINE_RE.match(s) or _UPDATED_RE.match(s) or FOREIGN_META_RE.match(s):
        return False  # (or in the site's own language: "Aktualisiert am 12.04.2024", "Temps de lecture : 4 min")
    # (a scrape glues a date to its neighbours: "Updated onFebruary 16, 2026", "February 22, 2026February 22, 2026")
    dated = DATE_RE.search(s) or DATE_RE.search(_GLUED_RE.sub(" ", _unglue_dates(s)))
    if (dated and len(s) < 60) or date_line(s) or author_line(s):
        return False
    if dated and _SIGNED_RE.search(s):
        return False  # a date and a signature: the header's meta line, however long ("On January 12, 2025 By ...")
    if ROLE_BYLINE_RE.match(s) or _REPORTING_FROM_RE.match(s) or _CREDITED_RE.match(s) or _is_byline(s):
        return False
    if _NOT_HEADLINE_RE.search(s) or CAPTION_RE.search(s) or is_boilerplate(s) or len(_SEPARATORS_RE.findall(s)) >= 2 \
            or _bare_credit(s) \
            or (len(words) <= 3 and _SHARE_RE.match(s)):
        return False  # a reading time, a credit, a label, a row of links, a share button ("Share & Save")
    return len(STRONG_CHROME_RE.findall(s)) == 0 or len(words) > 10


def find_title(lines: list[str], first_body: int, keep: np.ndarray) -> int | None:
    """Index of the headline: the headline-shaped line nearest above the reporting.

    A line repeated near the top wins outright, because pages print the headline both in
    the breadcrumb/title bar and above the story while chrome lines rarely repeat verbatim
    at headline length. Without reporting there is no headline to trust.
    """
    if not keep.any():
        return None
    lo = _header_start(lines, first_body)
    cands = [j for j in range(lo, min(first_body + 1, len(lines))) if headline_like(lines[j])]
    cands = _without_summary_points(lines, lo, cands)
    # (nor a live page's entry under its time, nor the key events' list repeating them: "11:14pm" / "Labor's
    # Ben Sarkis concedes"; the page's own headline stands over them)
    timed = [j for j in cands if any(CLOCK_RE.match(lines[t].strip().lower()) for t in (j - 1, j - 2) if t >= 0)
             or _TIMED_HEADLINE_RE.match(lines[j]) is not None]  # (or its time before it: "4.15pm: Salvors fly ...")
    if len(timed) >= LIVE_ENTRIES and len(timed) < len(cands):
        cands = [j for j in cands if j not in timed]
    # (nor a caption, a credit, a clip's title under its player's label or over its running time)
    cands = [j for j in cands if not (_caption_or_credit(lines, j) or (j and _player_label(lines, j - 1))
                                      or (j + 1 < len(lines) and DURATION_RE.match(lines[j + 1].strip())))]
    # (nor an agency's or an outlet's name whose initials the page prints too: "Agence Mondiale de Presse"
    # over the headline or under the picture, "PHOTO: AMP")
    # (nor an item of a numbered list of other stories, "Trending now" / "1. Tornado watch ..." / ... / "5. Small
    # plane lands on interstate": the item over it or under it has the number before or after its own)
    cands = [j for j in cands if not _numbered_item(lines, j)]
    initials = set(_INITIALS_RE.findall("\n".join(lines)))
    cands = [j for j in cands if not _initialled_name(lines[j], initials)]
    # (nor a row of a review's or an event's box of facts: "Venue: Lantern Theatre" / "Box office: 0117 496 0831")
    # (three rows at least: a headline with a colon stands by "Published on: ..." or "Tags: ...", or its copy)
    cands = [j for j in cands if not (_FACT_ROW_RE.match(lines[j]) and sum(
        0 <= t < len(lines) and lines[t] != lines[j] and _FACT_ROW_RE.match(lines[t]) is not None
        for t in (j - 2, j - 1, j + 1, j + 2)) >= 2)]
    # a writer's name over their role ("Political Correspondent"), under the headline, and that role
    cands = [j for j in cands if not (j + 1 < len(lines) and ROLE_LINE_RE.match(lines[j + 1]) and name_like(lines[j])
                                      and any(j - 4 <= k < j and len(lines[k].split()) > NAME_WORDS for k in cands))
             and not (j and name_like(lines[j - 1]) and ROLE_LINE_RE.match(lines[j]))]
    # a caption over its credit under the headline and its standfirst (the headline may have the lead
    # picture's credit under it too)
    credited = [j for j in cands if j + 1 < len(lines) and _credit(lines[j + 1])]
    cands = [j for j in cands if not (j in credited and any(
        j - CAPTION_SPAN <= k < j and k not in credited and len(lines[k].split()) >= 4
        and all(len(lines[t].split()) >= CAPTION_WORDS or _credit(lines[t]) for t in range(k + 1, j)) for k in cands))]
    notice = {key(n) for n in _copyright_names(lines[-FOOTER_SPAN:])}
    cands = [j for j in cands if not (_names_over_date(lines, j, cands, notice) or _masthead_again(lines, j))]
    # a feed of other stories over the header ("Latest" / a headline / "3h" / a headline / "5h"):
    # neither its headlines nor their ages are the story's header
    feed = _feed_lines(lines, cands)
    cands = [j for j in cands if j not in feed]
    # (a photo's credit is no byline: "PHOTO BY JOEY SANTELICES")
    by = [b for b in range(lo, first_body) if _is_byline(lines[b]) and not CAPTION_RE.search(lines[b])]
    if by and by[-1] > lo and _loose_headline(lines[by[-1] - 1]) and not any(
            by[-1] - 4 <= j < by[-1] and len(lines[j].split()) >= 4 for j in cands):
        # right above the byline with no headline-shaped line near: a headline that is a
        # sentence ("Statues? Not so much.")
        return by[-1] - 1
    if not cands:
        return None
    # of the repeated lines, the one nearest the story (menus repeat too, further up; a section's
    # name from the menu may stand over the headline as its kicker: "Land Use & Biodiversity")
    counts = Counter(key(lines[j]) for j in cands)
    repeated = [j for j in cands if counts[key(lines[j])] > 1 and len(lines[j].split()) >= REPEATED_HEADLINE_WORDS]
    for j in reversed(repeated):
        # (a picture's alt text printed over its caption is a copy in the next line; the headline printed twice
        # over it, as the page's title and its heading, wins)
        twin = any(0 <= t < len(lines) and key(lines[t]) == key(lines[j]) for t in (j - 1, j + 1))
        if twin and any(key(lines[t]) != key(lines[j]) for t in repeated if t < j - 1):
            continue
        return j
    # the header's byline, share bar and time stamps stand under the headline (and its
    # standfirst): headline-shaped lines under them are captions, credits and widgets (unless
    # a byline follows: an "Updated" stamp may top the headline)
    over = [j for j in cands if len(lines[j].split()) >= 4 and not _under_meta(lines, j, lo, feed)
            and any(_meta_line(lines[k]) for k in range(j + 1, min(j + 5, first_body)))]
    if over:
        # (a caption between the headline's date stamp and the byline is no such headline: "Over 80,000 without
        # power ..." / "Updated / Sunday, 21 Jan 2024 18:44" / "Waves crash against the promenade ..." / "By ...")
        cands = [j for j in cands if j <= over[-1] or not _under_meta(lines, j, lo, feed)
                 or (any(_is_byline(lines[k]) for k in range(j + 1, min(j + 3, len(lines))))
                     and not (j - over[-1] == 2 and DATE_RE.search(lines[j - 1]) and _meta_line(lines[j - 1])))]
        # and past the header's meta lines, a headline-shaped line with none of its own under it is
        # a teaser of the grid some pages print between the header and the story
        meta_end = next((k for k in range(over[-1] + 1, min(over[-1] + 8, len(lines)))
                         if not (_meta_line(lines[k]) or k - over[-1] <= 2)), over[-1] + 1)
        cands = [j for j in cands if j <= meta_end or any(
            _meta_line(lines[k]) for k in range(j + 1, min(j + 5, len(lines))))]
    # a tabloid's standfirst is a few bullet points under the headline, each headline-shaped
    # (a "BREAKING:" banner over them is a ticker)
    bullets = _bullet_run(lines, cands, first_body)
    if bullets is not None:
        return bullets
    # the headline stands above the byline: headline-shaped lines between a byline and the
    # story are captions and widgets
    if by and any(by[-1] - 4 <= j < by[-1] and len(lines[j].split()) >= 4 for j in cands):
        cands = [j for j in cands if j < by[-1]]
    # prefer the closest candidate with at least four words; teaser-free header lines above
    # the story are usually section names or taglines that are shorter
    for j in reversed(cands):
        words = len(lines[j].split())
        if words >= 4 and not (j and (_player_label(lines, j - 1) or CREDIT_LINE_RE.match(lines[j - 1]))):
            # a long sentence-case line right under another headline-shaped one is the
            # standfirst, and the line above it the headline (unless that is glued-up menu)
            above = lines[j - 1]
            n_above = len(above.split())
            # (not a section's name printed in the menu too, a kicker: "Land Use & Biodiversity")
            # (nor a kicker in capitals joining a label and the fixture: "MATCH REPORT · CITY 1-1 UNITED")
            kicker = above.isupper() and _KICKER_JOIN_RE.search(above) is not None
            # (nor the name of the paper a portal carries the story from, printed again on the page: "The Miami
            # Valley Courier" over "Ohio shuts Great Miami River bridge after ...")
            source = n_above <= KICKER_WORDS and _OUTLET_WORDS.search(above) is not None \
                and sum(key(above) in key(s) for s in lines) > 1
            if j - 1 in cands and 4 <= n_above < words and len(above) <= 10 * n_above and _dek_like(lines[j]) \
                    and not kicker and not source and not (n_above <= KICKER_WORDS and (
                        _standfirst_under(lines, j) or _printed_above(lines, j - 1))):
                return j - 1
            # a headline and its standfirst, two lines alone over the byline or the date, the
            # standfirst not the longer ("Lender takes ... after $71M loan default" / "Creative-office
            # conversion completed in 2021 was less than half leased")
            # (or a shorter standfirst right over the byline: "2 dead, 1 seriously hurt in head-on crash
            # on Highway 5 north of Kamloops" / "Road closed for hours as RCMP collision analysts investigate")
            # (the byline may be the writer's name over their role: "Nadia Wee Li Ting" / "Transport Correspondent")
            # (perhaps with the lead picture's caption and credit between: "Commuters queue for ..." / "PHOTO: ...")
            b = j + 3 if j + 2 < len(lines) and _credit(lines[j + 2]) else j + 1
            # (or over who issued it: "From:" / "National Port Safety Agency")
            issued = b < len(lines) and _ISSUER_LABEL_RE.match(lines[b]) is not None
            short_dek = n_above > words >= SHORT_DEK_WORDS and _dek_like(lines[j], min_words=SHORT_DEK_WORDS) \
                and b < len(lines) and (_is_byline(lines[b]) or issued or (
                    name_like(lines[b]) and b + 1 < len(lines) and ROLE_LINE_RE.match(lines[b + 1]) is not None))
            if j - 1 in cands and n_above >= HEADLINE_OVER_DEK and (_dek_like(lines[j]) or short_dek) and not kicker \
                    and not (j - 2 in cands and len(lines[j - 2].split()) >= 4) \
                    and (_meta_below(lines, j) or issued):
                return j - 1
            return j
    return cands[-1]


def _meta_below(lines: list[str], j: int) -> bool:
    """A byline or a date within three lines under j, or further down past the lead picture's caption, its
    credit and a share bar only ("The number 14 at Calderbridge bus station. ..." / "(Image: ...)" /
    "Bookmark" / "Share" / "By" / "Rachel Tindall")."""
    for k in range(j + 1, min(j + META_REACH, len(lines))):
        if _byline_or_date(lines[k]):
            return True
        if k >= j + 3 and not (_credit(lines[k]) or is_boilerplate(lines[k]) or _SHARE_RE.match(lines[k].strip())
                               or CAPTION_RE.search(lines[k]) or (k == j + 3 and _caption_shaped_line(lines[k]))
                               or len(lines[k].split()) <= NAME_WORDS):
            return False
    return False


def _caption_shaped_line(s: str) -> bool:
    return s.rstrip().endswith(".") and len(s.split()) >= CAPTION_WORDS


def _player_label(lines: list[str], j: int) -> bool:
    """A player's or a gallery's label at j ("Video"), not the last item of a menu ("Food & Drink" /
    "Stay" / "Video")."""
    def item(s: str) -> bool:  # (a section's link, not a player's own words: "Play video", "0:43")
        return _menu_item(s) and len(s.split()) <= 3 \
            and not (MEDIA_LABEL_RE.match(s) or DURATION_RE.match(s.strip()) or is_boilerplate(s))
    return MEDIA_LABEL_RE.match(lines[j]) is not None and not (j >= 2 and item(lines[j - 1]) and item(lines[j - 2]))


def _printed_above(lines: list[str], j: int) -> bool:
    """Whether line j is printed higher up the page too, as a menu prints a section's name."""
    k = key(lines[j])
    return any(key(s) == k for s in lines[:j])


def _header_start(lines: list[str], first_body: int) -> int:
    """HEADER_SPAN lines above the reporting, not counting a share bar's buttons (two or more
    in a row), a player's labels and running times, a market widget's cells: a header with a row
    of twelve buttons and a clip or two is as near its story as one without."""
    def button(i: int) -> bool:
        s = lines[i].strip()
        return len(s.split()) <= 3 and _SHARE_RE.match(s) is not None

    lo, counted = first_body, 0
    while lo > 0 and counted < HEADER_SPAN:
        lo -= 1
        s = lines[lo].strip()
        in_bar = button(lo) and ((lo and button(lo - 1)) or (lo + 1 < len(lines) and button(lo + 1)))
        # (nor a market widget's cells: "QRVN", "$41.27", "-3.79 (-8.42%)", "1D", "YTD", "44.80")
        cell = len(s) <= 16 and (len(s) <= 4 or any(c.isdigit() for c in s)) and len(s.split()) <= 2
        counted += not (in_bar or cell or MEDIA_LABEL_RE.match(s) or DURATION_RE.match(s))
    return lo


def _masthead_again(lines: list[str], j: int) -> bool:
    """The site's name printed at the top of the page and again in the header, by the byline
    ("The Brisbane Evening Star"): a few words with an outlet word, not the headline."""
    s = lines[j].strip()
    return len(s.split()) <= KICKER_WORDS and _OUTLET_WORDS.search(s) is not None and j >= MASTHEAD_SPAN \
        and any(key(t) == key(s) for t in lines[:MASTHEAD_SPAN])


_LONG_NAME_RE = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){3,4}$")


def _names_over_date(lines: list[str], j: int, cands: list[int], notice: set[str] = frozenset()) -> bool:
    """Writers' names without a "By" ("Elena Marchetti and Dwayne Corliss", "Julien Marchand,
    The Northern Press", "Maya Castellanos in Ashvale") under a longer headline-shaped line and
    over the header's date; or the outlet's name under the writer's ("Lydia Strassburg" /
    "Appleton Fox Cities Register", or a name the copyright notice gives: "Le Veilleur de l'Estrie")."""
    m = _NAME_OUTLET_RE.match(lines[j])
    outlet = _OUTLET_WORDS.search(lines[j]) is not None or key(lines[j]) in notice
    outlet_under_name = j > 0 and outlet and len(lines[j].split()) <= KICKER_WORDS \
        and len(lines[j - 1].split()) <= 3 and looks_like_person(lines[j - 1].strip())
    # (or a name of four words: "Michelle Tan Yi Ling")
    long_name = 4 <= len(lines[j].split()) <= NAME_WORDS and name_like(lines[j]) and not outlet \
        and _LONG_NAME_RE.match(lines[j]) is not None
    if not (_NAME_PAIR_RE.match(lines[j]) or (m and _OUTLET_WORDS.search(m.group("outlet"))) or outlet_under_name
            or _NAME_IN_RE.match(lines[j]) or long_name):
        return False
    words = len(lines[j].split())
    return any(j - 4 <= k < j and len(lines[k].split()) > words for k in cands) and any(
        _byline_or_date(lines[k]) for k in range(j + 1, min(j + 3, len(lines))))


def name_like(s: str) -> bool:
    """A person's name as a byline prints it, over their role: a few capitalised words."""
    words = s.split()
    return len(words) <= NAME_WORDS and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _credit(s: str) -> bool:
    """A picture's credit on its own line: "Credit: Handout", "(Image: Rhodri Pugh / Valleys Echo)"."""
    return len(s) <= 100 and bool(CREDIT_LINE_RE.match(s) or _CREDIT_START_RE.match(s.lstrip("([ "))
                                  or (CAPTION_RE.search(s) and len(s.split()) <= 8))


def _caption_or_credit(lines: list[str], j: int) -> bool:
    """Under a sentence (a standfirst, a caption) or the header's byline and share bar: a
    caption with its credit on the next line ("Image: Ruben Vos/ANP"), or a credit or a
    byline ("Caitlin Marrow for The Dispatch", "E. Varga et al/Journal of Fossil Biology",
    "Ingrid Vatne in Oslo"). A headline stands under a menu or a section's name, and a
    lead picture's credit may follow it."""
    above = lines[j - 1] if j else ""
    nxt = lines[j + 1] if j + 1 < len(lines) else ""
    if _CREDIT_LABEL_RE.match(above):
        return True  # "Credit..." over "Lauren Fiske for The Continental Post"
    if _COPYRIGHT_LABEL_RE.match(nxt) and headline_like(above) and len(above.split()) >= 4:
        return True  # under the headline, the lead picture's caption over its "Copyright" label
    # (a caption closing on its credit, "... across the industry © Eirik Solheim/Nordlys Foto", is one too)
    sentence = _sentence(above, CAPTION_WORDS) or (
        len(above.split()) >= CAPTION_WORDS and CAPTION_RE.search(above) is not None)
    if not (sentence or _under_header(above) or _byline_or_date(above)):
        return False
    if _credit(nxt):
        return True
    return sentence and ("/" in lines[j] or "|" in lines[j] or bool(_NAME_IN_RE.match(lines[j])))


def _meta_line(s: str) -> bool:
    """A line of the header under a headline: a byline, a date or time stamp, a share bar."""
    return _byline_or_date(s) or bool(_SHARE_RE.match(s) or FOREIGN_META_RE.match(s))


def _under_header(s: str) -> bool:
    """Header lines that never stand over the headline: a byline, a "Published:" stamp, a
    feed's age, a share or save button (a bare date does, in a page's top bar)."""
    return _byline_or_stamp(s) or bool(_SHARE_RE.match(s))


def _under_meta(lines: list[str], j: int, lo: int, feed: set[int] = frozenset()) -> bool:
    """A byline, a time stamp or a share bar (two buttons: a lone "Share" may stand over a
    headline) in the three lines over j, not counting a feed's lines."""
    above = [lines[k] for k in range(max(lo, j - 3), j) if k not in feed]
    return any(_byline_or_stamp(s) for s in above) or sum(bool(_SHARE_RE.match(s)) for s in above) >= 2


def _feed_lines(lines: list[str], cands: list[int]) -> set[int]:
    """Headline candidates each with its age under it ("3h", "2 hours ago"), two in a row at
    least, and those ages: a feed of other stories."""
    pairs = [j for j in cands if j + 1 < len(lines) and is_stamp(lines[j + 1]) and not _is_byline(lines[j + 1])]
    run = {j for j in pairs if j + 2 in pairs or j - 2 in pairs}
    return run | {j + 1 for j in run}


def _byline_or_stamp(s: str) -> bool:
    return len(s) < 100 and bool(_is_byline(s) or _UPDATED_RE.match(s) or is_stamp(s))


def _byline_or_date(s: str) -> bool:
    return _byline_or_stamp(s) or bool(DATE_RE.search(s) and len(s) < 60)


def story_header(lines: list[str], h: int) -> bool:
    """A story's own header at h: a headline of five words or more with its byline and its date within the
    five lines under it (perhaps past a standfirst and a role), as a second story loaded under the first
    prints it ("Up next" / "Hollister Elementary will get a new roof ..." / "By Marcus Feld" / "Published
    March 14, 2024"); a related story's card gives its date, not its writer."""
    under: list[str] = []
    prose = 0
    for s in lines[h + 1 : h + 6]:  # (past a standfirst at most: a second paragraph is the story's text)
        prose += len(s.split()) >= CAPTION_WORDS and s.rstrip().endswith((".", "!", "?", '"', "”"))
        if prose > 1:
            break
        under.append(s)
    return len(lines[h].split()) >= 5 and any(len(s) < 60 and DATE_RE.search(s) for s in under) \
        and any(_is_byline(s) or (name_like(s) and len(s.split()) <= NAME_WORDS) for s in under) \
        and headline_like(lines[h])


def _bullet_run(lines: list[str], cands: list[int], first_body: int) -> int | None:
    """The headline over a standfirst of bullet points: three or more headline-shaped lines
    in a row, each of eight words or more (not a menu, nor a table of contents), right over
    the byline or the date (a name may come between); the headline is the first of them."""
    shaped = set(cands)
    long_ = {j for j in cands if len(lines[j].split()) >= 8}
    for j in reversed(cands):
        if j not in long_ or j - 1 in long_:
            continue
        end = j
        while end + 1 in long_:
            end += 1
        # (the writer's bare name may stand first, and a follow button between it and the date: "Cheryl Leung" /
        # "+ FOLLOW" / "Published: 9:30pm, 19 Jun 2025")
        if end - j >= 2 and (any(_byline_or_date(lines[k]) for k in range(end + 1, min(end + 3, first_body))) or (
                end + 1 < first_body and name_like(lines[end + 1])
                and any(_byline_or_date(lines[k]) for k in range(end + 2, min(end + 5, first_body))))):
            # (a tabloid's headline may run past HEADLINE_MAX_WORDS: "Fury on the prom as council hikes beach hut
            # fees by 68% - with some owners now facing £2,100 a YEAR to keep their tiny timber sheds")
            if j and HEADLINE_MAX_WORDS < len(lines[j - 1].split()) <= 2 * HEADLINE_MAX_WORDS \
                    and not lines[j - 1].rstrip().endswith((".", ":")) and not is_boilerplate(lines[j - 1]):
                return j - 1
            start = j - 1 if j - 1 in shaped else j  # a kicker over it ("WIN OR BIN")
            for k in range(start, end + 1):
                if len(lines[k].split()) >= 4 and not _BANNER_RE.match(lines[k]):
                    return k
    return None


def _without_summary_points(lines: list[str], lo: int, cands: list[int]) -> list[int]:
    """The points under a "Key points" label summarise the story; none is its headline."""
    shaped = set(cands)
    points: set[int] = set()
    for j in range(lo, cands[-1] if cands else lo):
        if len(lines[j]) < 30 and _SUMMARY_LABEL_RE.match(lines[j]):
            k = j + 1
            while k - j <= SUMMARY_MAX and k in shaped:
                points.add(k)
                k += 1
    return [j for j in cands if j not in points]


def sentence_headline(lines: list[str], i: int) -> bool:
    """The model kept a headline written as a sentence: the byline under it says so (a
    standfirst sits there too, but under a headline)."""
    if i + 1 >= len(lines) or not _is_byline(lines[i + 1]) or not _loose_headline(lines[i]):
        return False
    if _PHOTO_BY_RE.match(lines[i + 1]):
        return False  # a picture's caption over its photographer's credit ("PHOTO BY ANN LEE")
    return not any(headline_like(lines[j]) and len(lines[j].split()) >= 4 for j in range(max(0, i - 3), i))


def _loose_headline(s: str) -> bool:
    """A headline written as a sentence, as opinion pages do ("It won't."): three to twenty
    words ending in a full stop; never a label, a date, a byline or a caption."""
    words = s.split()
    if not (3 <= len(words) <= HEADLINE_MAX_WORDS) or len(s) > 200 or s.endswith((":", ",", ";")):
        return False
    if BOILER_LINE_RE.match(s) or BYLINE_RE.match(s) or _UPDATED_RE.match(s) or (DATE_RE.search(s) and len(s) < 60):
        return False
    if _NOT_HEADLINE_RE.search(s) or CAPTION_RE.search(s) or is_boilerplate(s) or STRONG_CHROME_RE.search(s):
        return False
    return s.endswith((".", "?", "!", "”", '"', "’"))


# a caption's agency after its full stop: "... in Tokyo on Feb. 6, 2025. (JWS)"
_CREDITED_SENTENCE_RE = re.compile(r"[a-z0-9][.!?]\s+\([A-Z][\w&/ .-]{1,30}\)$")
# a name with an outlet in brackets
_NAME_PAREN_RE = re.compile(rf"^{_NOT_NAME_START}{_NAME}\s*"
                            r"\((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}\)$")
# the writer and the outlet after a dot ("Kim Fitzgerald · Cape Breton Beacon"), the writer under a label
# ("Reporter: Ni Kadek Sri Wahyuni")
_NAME_DOT_RE = re.compile(rf"^{_NAME}\s*[·•]\s*(?P<outlet>[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*){{0,4}})$")
_LABELLED_BYLINE_RE = re.compile(r"^(?i:reporter|writer|author|editor|correspondent|reported by|written by|words|text)"
                                 r"\s*:\s*"
                                 r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,4}"
                                 # (with the pictures' credit: "Words: Mere Tautahi | Photos: Supplied")
                                 r"(?:\s*[|·•]\s*(?i:photos?|pictures?|images?)\s*:\s*[^|·•]{2,40})?$")
# a byline naming the desk and the wires ("DAILY BOSPHORUS WITH AGENCIES"), or a correspondent and
# where they file from ("From Kwabena Asante-Darko, Kumasi", "From Our Correspondent, Accra"), or the
# desk alone ("Deccan Ledger News Service", "Web Desk")
_DESK_BYLINE_RE = re.compile(r"(?i)^[\w.'’ -]{2,60}\swith\s+(?:agencies|wires)$"
                             # (or the department a government's release is from: "From: Department of Justice")
                             r"|^From:\s+(?-i:[A-Z])[\w&'’.,\s-]{2,80}$"
                             r"|^From\s+(?:[Oo]ur\s+)?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3},\s+[A-Z][\w.'’ -]{2,30}$"
                             r"|(?-i:^(?:[A-Z][\w&'’.-]*\s){0,4}(?:News\s+Service|News\s+Desk|Web\s+Desk|Online\s+Desk"
                             r"|Bureau)$)")


def _numbered_item(lines: list[str], j: int) -> bool:
    """An item of a numbered list: "5. Small plane lands on interstate" between "4. ..." and "6. ..."."""
    m = _ITEM_NUMBER_RE.match(lines[j])
    if m is None:
        return False
    number = int(m.group(1))
    return any(0 <= t < len(lines) and (n := _ITEM_NUMBER_RE.match(lines[t])) is not None
               and int(n.group(1)) == number + step for t, step in ((j - 1, -1), (j + 1, 1)))


_ITEM_NUMBER_RE = re.compile(r"^(\d{1,2})[.)]\s+\S")


def _is_byline(s: str) -> bool:
    """A byline: "By Ann Lee", "Jon Harker Europe correspondent", "Anirudh Menon , Shreya Kulkarni",
    "Sophie Lindgren | Economics Reporter", one in a row with the outlet ("Upper Lakes Public
    Radio | By Hannah Voss", "Kim Fitzgerald · Cape Breton Beacon"), or under its label
    ("Reporter: Ni Kadek Sri Wahyuni")."""
    # (a broadcaster's row, however long: "Priyanka Mehra-Dunn · NPB News · Posted: Aug 27, 2024 4:00 AM MDT | ...";
    # a name and an outlet alone, "Renee Cordell | The Daily Argus-Star", is a picture's credit as often)
    parts = _SEPARATORS_RE.split(s)
    if len(parts) >= 3 and len(parts[0].split()) >= 2 and name_like(parts[0]) and (
            _OUTLET_WORDS.search(parts[1]) or any(DATE_RE.search(p) for p in parts[1:])):
        return True
    if len(s) >= 80:
        return False
    dotted = _NAME_DOT_RE.match(s)
    return bool(BYLINE_ONLY_RE.match(s) or ROLE_BYLINE_RE.match(s) or _CREDITED_RE.match(s) or _NAMES_RE.match(s)
                or (BYLINE_RE.match(s) and len(s.split()) <= 8) or _DESK_BYLINE_RE.match(s)
                or _LABELLED_BYLINE_RE.match(s) or (dotted and _OUTLET_WORDS.search(dotted.group("outlet")))) \
        or _byline_row(s) or (len(_GLUE_RE.findall(s)) >= 2 and _ROLE_END_RE.search(s) is not None) \
        or (_GLUED_SECTION_RE.match(s) is not None and len(s.split()) <= 8 and _ROLE_END_RE.search(s) is not None)


# a byline whose section, name and role a scrape glued together: "NewsHannah PryceLocal Democracy Reporter"
# (two glue points: one is a name's own, "McDonald")
_GLUE_RE = re.compile(r"[a-z][A-Z]")
# (a section glued to the writer's first name: "NewsJack Pattinson Local Democracy Reporter")
_GLUED_SECTION_RE = re.compile(r"^(?:News|Sports?|Business|Politics|Health|Local|World|Opinion|Crime|Education"
                               r"|Entertainment|Money|Tech|Weather)[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b")
_ROLE_END_RE = re.compile(rf"(?i)\b(?:{ROLE_NOUNS})$")


def _byline_row(s: str) -> bool:
    """The outlet and a byline in one row: "Upper Lakes Public Radio | By Hannah Voss"."""
    return " | " in s and len(s) < 80 and any(BYLINE_ONLY_RE.match(part.strip()) for part in s.split(" | "))


def _standfirst_under(lines: list[str], j: int) -> bool:
    """A standfirst written as a sentence stands under line j, with the header going on under
    it (not the reporting): j is the headline, whatever its case."""
    return j + 1 < len(lines) and _sentence(lines[j + 1]) and not (j + 2 < len(lines) and _sentence(lines[j + 2]))


def _sentence(s: str, min_words: int = DEK_WORDS) -> bool:
    return len(s.split()) >= min_words and s.rstrip("”\"’)").endswith((".", "!", "?"))


def _dek_like(s: str, min_words: int = DEK_WORDS) -> bool:
    """A standfirst under a headline: a long line in sentence case (headlines are shorter, and
    those in title case capitalise most words)."""
    words = s.split()
    caps = sum(w[0].isupper() for w in words[1:])
    return len(words) >= min_words and caps <= DEK_CAPS * (len(words) - 1)


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


def looks_like_person(name: str) -> bool:
    """Two or three capitalised words with no outlet word: a person's name as often as a brand's."""
    return _PERSON_LIKE.match(name) is not None and not _OUTLET_WORDS.search(name)


def is_section_name(name: str) -> bool:
    """A site section ("Health", "World News"), which some pages give as their site's name."""
    return _SECTION_ONLY.match(name.strip()) is not None


def find_masthead(header: list[str]) -> str | None:
    """The outlet's name printed as its own short line above the headline (not an item of a
    menu: "Chicago News" under "Local News"; nor any item after a section's in the same menu)."""
    menu = False  # a section's name was passed over: the rest of its menu goes too
    for i, s in enumerate(header):
        menu = menu and _menu_item(s) and not s.startswith("The ")
        if menu or i and _SECTION_ONLY.match(header[i - 1]):
            continue
        words = s.split()
        if not (1 <= len(words) <= 6) or len(s) > 50:
            continue
        if s.endswith((".", ":", "?", "!", ",")) or DATE_RE.search(s) or BYLINE_RE.match(s):
            continue
        if words[0].lower() in ("my", "your", "our", "live", "watch", "listen", "support", "subscribe", "donate",
                                "join", "prayer") or (
                len(words) == 1 and s.lower() in _MENU_WORDS):
            continue  # a menu item or widget ("My News", "Register", "World", "Prayer Times"), not the outlet's name
        if BOILER_LINE_RE.match(s) or _SECTION_ONLY.match(s) or STRONG_CHROME_RE.search(s):
            continue
        if not all(w[0].isupper() or w[0].isdigit() or w.lower() in {"of", "the", "and", "&"}
                   for w in words):
            continue
        station = _CALL_SIGN_RE.match(s)
        if station is None and not _OUTLET_WORDS.search(s):
            continue
        if _section_in_menu(header, i):
            menu = True
        elif station is not None:
            return station.group("name") if station.group("name")[-1].isdigit() else s
        else:
            return s
    return None


def _menu_item(s: str) -> bool:
    """A section's link: short, no sentence."""
    return 1 <= len(s.split()) <= 4 and len(s) <= 30 and not s.endswith((".", ":", "?", "!", ","))


def _utility(s: str) -> bool:
    """A utility link or button between menus ("Skip to main content", "Sign in", "Menu")."""
    return is_boilerplate(s) or BOILER_LINE_RE.match(s) is not None


def _section_in_menu(header: list[str], i: int) -> bool:
    """Line i is a section's item amid a menu (section links right before and after it,
    utility buttons aside) that only looks like a masthead: made of ordinary words ("Movies
    & TV", "Club News"; "The Morning Chronicle" is a name), one of a family ("Gloucester
    News" beside "Cheltenham News" and "Stroud News"), or printed twice; an agency's name
    ("National Reservoir Safety Agency") under a cookie banner's buttons is not one. The real name may
    carry no outlet word ("Lion City Buzz"); a masthead may also stand between two menus."""
    if i + 1 >= len(header) or not _menu_item(header[i + 1]):
        return False
    before = [s for s in header[max(0, i - MENU_RUN * 2):i] if not _utility(s)][-MENU_RUN:]
    if len(before) < MENU_RUN or not all(_menu_item(s) for s in before):
        return False
    line = header[i]
    words = [w for w in line.split() if w not in ("&", "and")]
    if words[-1].lower() in _MENU_WORDS and words[0] != "The" and all(common_word(w) for w in words):
        return True
    last = " " + words[-1]
    family = sum(1 for j, s in enumerate(header) if j != i and s.endswith(last) and len(s.split()) > 1)
    return family >= 2 or header.count(line) > 1


def weak_masthead(name: str) -> bool:
    """A masthead whose only outlet words are common ones ("Today’s Paper", "Shop Online",
    "Wix Review") is a menu item or a button far more often than the outlet's name (88 such
    lines in WCXB headers, nearly all chrome); only "The ..." names ("The Hechinger Report")
    stand. The copyright notice's holder is used instead, or no outlet."""
    found = {m.group(0).lower() for m in _OUTLET_WORDS.finditer(name)}
    return bool(found) and found <= _WEAK_OUTLET_WORDS and not name.startswith("The ")


def find_outlet(lines: list[str], header_end: int, first_body: int) -> str | None:
    """The outlet of a page whose headline carries no " | Outlet" suffix. In order: a header
    line the copyright notice names too, alone or as the start of a company's name
    ("Longitude" over the story, "© 2025 Longitude Media" under it: a masthead need not
    contain an outlet word), the page's first line when the page names it again
    (_named_again: before the masthead, which may be a menu's "Reality TV"), a masthead
    line, the outlet the byline names ("by Jenna Holloway, KVTR 7 News": a station's
    notice names its owner), the notice's holder."""
    # (a logo's link text names the outlet with the link's words: "The Albion Times - Back to home")
    header = [_HOME_LINK_RE.sub("", s) for s in lines[: max(header_end, 0)][:HEADER_SPAN]]
    footer = lines[-FOOTER_SPAN:]
    names = [key(n) + " " for n in _copyright_names(footer, legal=True)]
    # (a logo's text may carry the paper's motto after a dash: "The Northern Ledger - Independent since 1871")
    mottos = [s.split(sep)[0] for s in header for sep in (" - ", " – ", " | ") if sep in s]
    for s in header + mottos:
        k = re.sub(r"^the ", "", key(s))
        if not (1 <= len(s.split()) <= 5 and k and k not in _MENU_WORDS and not _SECTION_ONLY.match(s)):
            continue
        # a name like a person's ("Parallax Science") stands when the notice adds a company's
        # words to it ("© 2025 Parallax Science Media"): a blogger's notice gives the bare name
        person = looks_like_person(s) and not s.startswith("The ")
        if any(_names_company(n, k, company=person) for n in names):
            # (a logo's initials, "SG", under the paper's name, "The Straits Gazette": the notice's
            # "SG Media Holdings" is the owner's, and the paper is the masthead over them)
            above = find_masthead(header[: header.index(s)]) if s in header and s.isupper() and len(s) <= 4 else None
            if above is not None and not weak_masthead(above):
                return above
            return s.title() if s.isupper() and len(s) > 4 else s  # "THE LEDGER" over "Ledger Media Group"
    byline = _byline_outlet(lines[max(header_end, 0) : max(first_body, header_end + BYLINE_SPAN)][:BYLINE_SPAN])
    if byline is not None and key(byline) + " " in names:
        return byline  # the byline and the notice agree: surer than any line of the menu
    named = _named_again(lines)
    if named is not None:  # (the byline may give it in full: "KVTR 7" over "by Jenna Holloway, KVTR 7 News")
        return byline if byline is not None and key(byline).startswith(key(named) + " ") else named
    start = _after_consent(lines)
    shared = _shares_notice_name(header[start : start + MASTHEAD_SPAN], names)
    if shared is not None:
        return shared
    outlet = find_masthead(header)
    if outlet is not None and not weak_masthead(outlet):
        # the byline may give the masthead's name in full ("KVTR 7" over "by Jenna Holloway, KVTR 7 News")
        return byline if byline is not None and key(byline).startswith(key(outlet) + " ") else outlet
    return byline or find_copyright_holder(footer)


_NAME_RUN_RE = re.compile(r"\b(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4}")
REPEATED_NAME_LINES = 3  # lines of the page's chrome that name the outlet, at least, for the name to stand


def repeated_outlet(lines: list[str], chrome: Sequence[bool]) -> str | None:
    """The outlet named again and again in the page's chrome when nothing else names it: "Photograph: ... for
    The Kestrel Review", "Cookies on The Kestrel Review", "The Kestrel Review is regulated by ..."; a name
    ending on an outlet's word ("Review", "Ledger", "News"), in three lines at least, one in the footer (a
    portal credits the papers and wires it carries all over the page)."""
    start = len(lines) - FOOTER_SPAN
    footer = [line for i, (line, flag) in enumerate(zip(lines, chrome, strict=True))
              if i >= start and flag and len(line) <= 300 and _OUTLET_WORDS.search(line)]
    names: set[str] = set()
    for line in footer:
        for m in _NAME_RUN_RE.finditer(line):
            words = re.sub(r"['’]s$", "", m.group()).split()
            while words and not _OUTLET_WORDS.fullmatch(words[-1]):
                words.pop()  # ("The Kestrel Review Podcast": the outlet's name, then its product)
            own = [w for w in words[:-1] if w != "The"]
            if own and not all(common_word(w.lower()) for w in own):  # (not "Breaking News")
                names.add(" ".join(words))
    if not names:
        return None
    texts = [line for line, flag in zip(lines, chrome, strict=True) if flag and len(line) <= 300]
    seen = {name: sum(name in text for text in texts) for name in names}
    best = max(seen.items(), key=lambda kv: (kv[1], len(kv[0])), default=None)
    return best[0] if best is not None and best[1] >= REPEATED_NAME_LINES else None


def _shares_notice_name(header: list[str], names: list[str]) -> str | None:
    """A short capitalised line at the top of the page (under any cookie banner), naming a
    paper and opening on the distinctive first word of the notice's company: "Shannonside
    Leader" over "© 2026 Shannonside Media Ltd." (the paper, not the company that owns it; the
    notice's own name is find_outlet's first test)."""
    firsts = {n.split()[0] for n in names if n.split()}
    firsts = {w for w in firsts if len(w) >= 4 and w not in _MENU_WORDS and w != "the" and not common_word(w)}
    for s in header:
        words = s.split()
        if 2 <= len(words) <= 4 and words[0].lower() in firsts and all(w[0].isupper() for w in words) \
                and _OUTLET_WORDS.search(s) and key(s) + " " not in names \
                and not (_SECTION_ONLY.match(s) or BOILER_LINE_RE.match(s)):
            return s
    return None


def _byline_outlet(under: list[str]) -> str | None:
    """The outlet a byline under the headline names ("by Jenna Holloway, KVTR 7 News",
    "Émilie Gagnon · CNB News")."""
    for s in under:
        m = _BYLINE_OUTLET_RE.match(s)
        if m is None and ("·" in s or "•" in s) and (ROLE_BYLINE_RE.match(s) or _NAME_DOT_RE.match(s)):
            m = re.search(r"[·•]\s*(?P<outlet>.+)$", s)
        if m and _OUTLET_WORDS.search(m.group("outlet")) and not _ROLE_WORDS.search(m.group("outlet")):
            return m.group("outlet").strip()
    return None


def _named_again(lines: list[str]) -> str | None:
    """The page's first line, short and capitalised, when the page names it again inside
    other lines, once in a sentence ("Subscribe to Science Current", "told Al Sahil",
    "© 2024 The Calloway Institute"): the masthead of a site whose name has no outlet
    word. Not a menu item or a section (prose uses their words in lower case), nor a
    person's name unless the page names it as a publisher ("Subscribe to Northside Corner",
    "a reporter for Northside Corner", "Household Verdict Ltd"). A consent banner over it is
    passed over."""
    top = lines[_after_consent(lines):]
    first = next((s for s in top[:MASTHEAD_SPAN] if not is_boilerplate(s) and not BOILER_LINE_RE.match(s)), None)
    if first is None:
        return None
    words = first.split()
    if not (1 <= len(words) <= 5) or len(first) > 40 or first.endswith((".", ":", "?", "!", ",")):
        return None
    # (a station's frequency may close it: "Fundy 97.3")
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_PARTICLES for w in words) \
            or not words[0][0].isupper() or not (words[-1][0].isupper() or words[-1][0].isdigit()):
        return None
    if re.sub(r"^the ", "", key(first)) in _MENU_WORDS or _SECTION_ONLY.match(first):
        return None
    inside, prose = _mentions(lines, first)
    # the footer's line about the site counts as a sentence naming it ("Aotearoa Now is New
    # Zealand's independent home for news", "StarBuzz is part of the ... family")
    # (or any sentence it opens: "The Suir Valley Champion supports the work of the Press Council ...")
    prose = prose or any(s.startswith(first + " ") and s.endswith(".") and s[len(first) + 1 : len(first) + 2].islower()
                         for s in inside)
    if looks_like_person(first) and words[0] != "The":
        name = re.escape(first)
        publisher = (rf"(?i:\b(?:subscribe to|sign up for(?: the)?|join|support|more (?:\w+ )?from"
                     rf"|(?:{ROLE_NOUNS}) (?:for|at|with)(?: the)?|(?:stories|news|headlines) from))\s+{name}\b"
                     rf"|\b{name}(?i:'s)? (?i:newsletter|ltd|limited|inc|llc|is part of|may earn"
                     rf"|is (?:published|owned|operated) by)\b|(?i:download the) {name} (?i:app)\b"
                 rf"|\b{name}'s (?:\w+ )?(?i:{ROLE_NOUNS})\b|^About {name}$")
        if re.search(publisher, "\n".join(inside), re.M) is None:
            return None
    if len(words) == 1 and (re.search(rf"(?:^|\s){re.escape(first.lower())}\b", "\n".join(lines)) is not None
                            or common_word(first)):
        return None  # a common word ("Features", "Awards"), in the page's prose or elsewhere, not a name
    # named inside two other lines, or printed again on its own and named inside one, and once
    # at least as a name in a sentence
    again = sum(m.strip() != first for m in inside) + min(sum(m.strip() == first for m in inside) - 1, 1)
    return first if again >= 2 and prose else None


def _lower_word_ends(s: str, j: int) -> bool:
    """A word of lower-case letters a-z ends at s[j - 1]."""
    k = j
    while k and "a" <= s[k - 1] <= "z":
        k -= 1
    return k < j and not (k and (s[k - 1].isalnum() or s[k - 1] == "_"))


def _mentions(lines: list[str], name: str) -> tuple[list[str], bool]:
    """The lines that name `name` as whole words, and whether one names it in a sentence, after
    a lower-case word ("told Al Sahil", "reading The Slow Read": a menu's words stand at the
    start of a line or after another capital, "View All Products"). str.find, not a regex
    compiled for every page's name."""
    inside, prose = [], False
    n = len(name)
    for s in lines:
        i = s.find(name)
        found = False
        while i >= 0:
            before = s[i - 1] if i else " "
            after = s[i + n] if i + n < len(s) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                found = True
                prose |= i >= 2 and before in " \u00a0" and _lower_word_ends(s, i - 1)
            i = s.find(name, i + 1)
        if found:
            inside.append(s)
    return inside, prose


def _after_consent(lines: list[str]) -> int:
    """Where the page starts under a cookie banner printed first: after the banner's last
    button ("Aceptar / Accept", "Settings"), when a line over it names cookies or the reader's
    privacy ("We Care About Your Privacy")."""
    top = lines[:CONSENT_SPAN]
    said = next((j for j, s in enumerate(top) if _CONSENT_SAID_RE.search(s)), None)
    if said is None or said >= MASTHEAD_SPAN:
        return 0
    buttons = [j for j in range(said + 1, len(top)) if len(top[j].split()) <= 6
               and any(_CONSENT_BUTTON_RE.match(part) for part in top[j].split(" / "))]
    return buttons[-1] + 1 if buttons else 0


def common_word(word: str) -> bool:
    """A word the line model's vocabulary knows: an ordinary word ("Features", "Connect"), not a name."""
    model = load_model()
    return model is not None and model["vocab"] is not None and model["vocab"].knows(word)


def _names_company(name: str, masthead: str, *, company: bool = False) -> bool:
    """The notice's name is the masthead, perhaps with a company's words after it ("ledger
    media group" for "ledger"; not "social shepherd" for a menu's "social"); with `company`,
    those words must be there."""
    for head in (masthead + " ", "the " + masthead + " "):
        if name.startswith(head):
            tail = name[len(head):].split()
            legal = _LEGAL_TAIL_RE.match(" ".join(tail)) is not None
            return (legal or all(w in _COMPANY_WORDS for w in tail)) and (bool(tail) or not company)
    return False


_PUBLISHED_BY_RE = re.compile(r"\s+(?:is|are)\s+(?:(?:published|owned|operated)\s+by"
                              r"|(?:a\s+)?(?:part|publication|division|brand|trademark)\s+of)\s+")


def _copyright_names(footer: list[str], *, legal: bool = False) -> list[str]:
    """Every name a copyright notice in the footer gives, last notice first (with `legal`,
    with the company's legal form after it: "Bellwether Markets LLC")."""
    out = []
    for s in reversed(footer):
        if len(s) > 250:
            continue
        m = _COPYRIGHT_RE.search(s)
        if m:
            # a company trading under the outlet's name: "©Black Sky Thinking Limited (trading as The Quietus)"
            trading = _TRADING_AS_RE.search(s, m.end("name"))
            if trading:
                out.append(trading.group(1).strip())
                continue
            name = m.group("name").strip(" ,.-–")
            # "© 2026 Container Trade Review is published by Quayside Information Group Ltd": the outlet
            name = _PUBLISHED_BY_RE.split(name, maxsplit=1)[0]
            form = _LEGAL_FORM_RE.match(s, m.end("name")) if legal else None
            out.append(name + " " + form.group(1) if form else name)
    return out


def find_copyright_holder(footer: list[str]) -> str | None:
    """The outlet named in the page's copyright notice ("© 2025 Reuters. All rights reserved"),
    when it reads as a news organisation (a blog's notice names a person)."""
    for name in _copyright_names(footer):
        if 2 <= len(name) <= 50 and _OUTLET_WORDS.search(name) and not _SECTION_ONLY.match(name):
            return name
    return None


def _numeric_date(s: str, month_first: bool = False) -> dt.date | None:
    """A date in figures that DATE_RE does not read: day.month.year ("13.09.2026, 10:22", "03.09.2024,
    15.12 Uhr"), as Europe prints it, unless the page prints its dotted dates month first; or
    year/month/day ("Published 2024/03/11 14:05"), which reads one way."""
    m = _DOTTED_DATE_RE.search(s)
    ymd = _YMD_SLASH_RE.search(s) if m is None else None
    try:
        if ymd is not None:
            return dt.date(int(ymd.group(1)), int(ymd.group(2)), int(ymd.group(3)))
        if m is None:
            return None
        day, month = (m.group(2), m.group(1)) if month_first else (m.group(1), m.group(2))
        return dt.date(int(m.group(3)), int(month), int(day))
    except ValueError:
        return None


def find_date(lines: list[str], first_body: int, t_pos: int | None) -> dt.date | None:
    """A short date line, or one opening on its date ("April 14, 2026, 7:05 AM CDT / Updated
    ..."), in the header: above the reporting, or just below the headline, where a standfirst
    the cleaner keeps (a tabloid's three bullet points and a caption) may stand over it."""
    end = first_body
    if t_pos is not None:
        end = max(end, min(t_pos + DATE_UNDER_HEADLINE, len(lines)))
    start = max(0, min(end, HEADER_SPAN) - HEADER_SPAN)
    stop = min(end, max(HEADER_SPAN, first_body, end if t_pos is not None else 0))
    # the header's date under the headline first (a masthead's bar over it prints today's date),
    # and a modification stamp only when no other date is printed
    order = range(start, stop) if t_pos is None else [*range(max(start, t_pos), stop), *range(start, min(t_pos, stop))]
    modified = None
    # (the whole page is read for the dotted dates' order only when the header prints one)
    month_first = any(_DOTTED_DATE_RE.search(lines[i]) for i in order) and _dots_month_first(lines)
    for s in (lines[i] for i in order):
        if len(s) > 120 or _YEAR.search(s) is None:
            continue
        d = _header_date(s, month_first)
        if d is not None and _MODIFIED_RE.match(s):
            modified = modified or d
        elif d is not None:
            return d
    return modified


FOREIGN_DATE_WORDS = 9  # words of a date line in another language, at most
# the months of twelve languages' calendars, January to December (all forms a page may print: "março", "mrt")
_FOREIGN_MONTH_NAMES = (
    "enero janeiro janvier januar gennaio januari ocak stycznia",
    "febrero fevereiro février februar febbraio februari şubat lutego",
    "marzo março mars märz maart mrt maret mart marca",
    "abril avril aprile nisan kwietnia",
    "mayo maio mai maggio mei mayıs maja",
    "junio junho juin juni giugno haziran czerwca",
    "julio julho juillet juli luglio temmuz lipca",
    "agosto août augustus agustus ağustos sierpnia",
    "septiembre setiembre setembro septembre settembre eylül września",
    "octubre outubro octobre oktober ottobre okt ekim października",
    "noviembre novembro novembre kasım listopada",
    "diciembre dezembro décembre dezember dicembre desember aralık grudnia")
_FOREIGN_MONTHS = "|".join(sorted({m for names in _FOREIGN_MONTH_NAMES for m in names.split()}, key=len, reverse=True))
# each month by its first four letters (unique across these languages)
_FOREIGN_MONTH_NUM = {m[:4]: n for n, names in enumerate(_FOREIGN_MONTH_NAMES, start=1) for m in names.split()}
_FOREIGN_DATE_RE = re.compile(rf"(?i)\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_FOREIGN_MONTHS})\b,?\s+(?:de\s+)?(?:19|20)\d\d\b")
_DATED_NAME_RE = re.compile(r"^(?:[Bb]y\s+)?[A-Z][a-z]+(?:\s+[A-Z][\w.'’-]*){1,3}$")
_GLUED_STAMP_RE = re.compile(r"(?<=[A-Za-z])(?=(?:Updated|Published|Posted)\b)")  # "GMTUpdated 2 hours ago"
_NOT_DATE_WORDS_RE = re.compile(
    r"(?i)\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|[ap]\.?m\.?|gmt|utc|[ecmp][sd]t|bst|cet|cest|ist|aest|aedt|jst"
    r"|kst|sast|wat|eat|ast|adt|akst|akdt|hst|nzst|nzdt|sgt|hkt|pht|wib|cat|msk|gst|pkt|ict"
    r"|updated|published|posted|last|first|modified|ago|hours?|hrs?|minutes?|mins?|days?|on|at|uhr|\d+"
    r"|zuletzt|aktualisiert|um|actualizado|atualizado|publicado|mis|jour|le|às|diperbarui|pukul"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?)\b"
    r"|[^\w]+")


def _unglue_dates(s: str) -> str:
    """A year a scrape glued to the time or the next word set apart: "November 25, 20251:12 PM",
    "2025January 22"."""
    return _GLUED_YEAR_RE.sub(r"\1 ", _GLUED_TIME_RE.sub(r"\1 ", s))


def date_line(s: str) -> bool:
    """A line that is only a date, perhaps with its time, zone and "Updated" ("November 24, 20254:12 PM
    GMTUpdated 2 hours ago"): the header's, never reporting."""
    if len(s) > 80:
        return False
    s = _unglue_dates(_GLUED_STAMP_RE.sub(" ", s))
    if DATE_RE.search(s) is None and _DOTTED_DATE_RE.search(s) is None:  # (and a wire's "11.02.2025 · 14:26 CET")
        # (or an English edition's stamp in its home language: "Actualizado: 3 de marzo de 2025", "wo 12 mrt 2025",
        # "Selasa, 4 Maret 2025 13:05 WIB")
        return len(s.split()) <= FOREIGN_DATE_WORDS and _FOREIGN_DATE_RE.search(s) is not None
    rest = " ".join(_NOT_DATE_WORDS_RE.sub(" ", _DOTTED_DATE_RE.sub(" ", DATE_RE.sub(" ", s))).split())
    # (the published and updated dates glued to the writer's name: "September 1, 2016September 8, 2016Autumn Adams")
    return not rest or (_DATED_NAME_RE.match(rest) is not None and len(rest) < len(s) / 2)


def _dots_month_first(lines: list[str]) -> bool:
    """Whether the page prints dotted dates month first, as some American sites do: one of them
    reads no other way ("11.24.2025") and none reads day first."""
    pairs = [(int(a), int(b)) for a, b, _ in _DOTTED_DATE_RE.findall("\n".join(lines))]
    return any(b > 12 for _, b in pairs) and not any(a > 12 for a, _ in pairs)


def _header_date(s: str, month_first: bool = False) -> dt.date | None:
    """The date of a header line: a short date line, one opening on its date, a stamp or a byline
    with a date (not a photo's caption, which dates the photo)."""
    s = _unglue_dates(s)  # ("May 21, 2025April 24, 2025 by ...")
    m = DATE_RE.search(s)
    if m is None and len(s) < 60:
        foreign = _FOREIGN_DATE_RE.search(s)
        return _foreign_date(foreign.group(0)) if foreign else _numeric_date(s, month_first)
    if m and not CAPTION_RE.search(s) and (len(s) < 60 or m.start() == 0 or _UPDATED_RE.match(s)
                                           or BYLINE_RE.match(s) or "|" in s or _STAMP_RE.search(s)
                                           or _SIGNED_RE.search(s)):
        return parse_date(m.group(0))
    return None


def _foreign_date(s: str) -> dt.date | None:
    words = re.findall(r"[^\W\d_]+|\d+", s.lower())
    month = next((_FOREIGN_MONTH_NUM[w[:4]] for w in words if w[:4] in _FOREIGN_MONTH_NUM), None)
    nums = [int(w) for w in words if w.isdigit()]
    if month is None or len(nums) < 2:
        return None
    try:
        return dt.date(nums[-1], month, nums[0])
    except ValueError:
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
    """'SEOUL, South Korea' from 'SEOUL, South Korea — The streets…' (the place a wire story
    was filed from, in capitals, opening the lead paragraph; or in title case with a region or
    an agency: 'Dakar, Senegal – ...')."""
    m = _DATELINE_RE.match(first)
    if not m:
        t = _TITLE_DATELINE_RE.match(first)
        if t is None or t.group("place").split()[0].lower() in _WEEKDAYS:  # "Tuesday, March 3 – ..." is no place
            return None
        if t.group("initials") and t.group("initials") == "".join(w[0] for w in t.group("place").split()):
            return None  # a glossary's "Search Engine Optimization (SEO) — ...", not an outlet's initials
        return (t.group("place") + (t.group("region") or "")).strip()
    place = m.group("place").strip()
    if m.group("dash") == "." and not (place.isalpha() and len(place) >= 4 and place not in _LABELS):
        return None  # only a city's name ends on a full stop ("KAMPALA."; not "U.S." or "NOTE.")
    if place.endswith("-") and m.group("dash") == "-":  # "OSAKA--Hoshizora Electric ..." (a double hyphen)
        place = place.rstrip("-")
    elif m.group("dash") == "-" and not (m.group("agency") or m.group("region") or m.group("day")) \
            and not (len(place.split()) <= 2 and len(place) >= 4 and place.replace(" ", "").isalpha()
                     and first[m.start("dash") - 1] == " "):
        # a bare hyphen after capitals is too often prose ("U.S. - China talks"); wire datelines
        # with a hyphen carry an agency, a region or the day, or name a city in full ("BRASÍLIA -")
        return None
    city = place.split(",")[0]
    if city.upper() in _NOT_PLACES or len(city.replace(" ", "").replace(".", "")) < 2 or len(place) > 60:
        return None
    # "PUNE: The civic body..." (Indian dailies): one or two words of a city, then the sentence
    # (or with the outlet's name in brackets: "OSTRAVEL (RTV Norda): Maritime archaeologists ...")
    outlet = m.group("agency") and _AGENCY_NAME_RE.match(m.group("agency").strip())
    # (and with its country or state before the colon, "NAKURU, Kenya: ...", not a day: "LAGOS, Tuesday: ...")
    weekday = m.group("region") and m.group("region").strip(", ").split()[0].lower() in _WEEKDAYS
    if m.group("dash") == ":" and (weekday or m.group("day") or (m.group("agency") and not outlet)
                                   or len(city.split()) > 2 or city.upper() in _NOT_COLON):
        return None
    return place


def _colon_dateline(first: str, paragraphs: list[str]) -> str | None:
    """'Abu Dhabi' from 'Abu Dhabi: The Department of ...': a name, not a label the page uses
    as a word too ('Consulting: Do you ...' over '... our consulting work'), nor a person
    answering in a transcript ('Jane Doe: The answer ...'; a place is named again), nor one of
    a run of labelled paragraphs (an abstract's 'Objective:', 'Methods:', 'Results:')."""
    t = _TITLE_COLON_DATELINE_RE.match(first)
    if t is None or sum(_TITLE_COLON_DATELINE_RE.match(p) is not None for p in paragraphs) > 1:
        return None
    place = t.group("place")
    if place.upper() in _LABELS or place.split()[0].lower() in _WEEKDAYS \
            or re.search(rf"\b{re.escape(place.lower())}\b", "\n".join(paragraphs)) is not None:
        return None
    if looks_like_person(place) and place not in first[t.end("place"):]:
        return None
    return place


def lead_dateline(paragraphs: list[str]) -> str | None:
    """The dateline of the lead: the first of the opening paragraphs of a few words that has
    one and is longer than those above it (a stray ticker, label or caption kept above the lead
    is not the lead; a later paragraph opening on a place is not a dateline)."""
    above = 0  # words of the longest paragraph above: a caption kept over the lead is shorter than it
    seen = 0  # (a summary box's short points, "Summary" / "At least three dead, nine missing", do not count)
    for p in paragraphs:
        words = len(p.split())
        if words >= 4:
            place = find_dateline(p.strip()) or _colon_dateline(p.strip(), paragraphs)
            if place and words > above:
                return place
            above = max(above, words)
        seen += words >= LEAD_WORDS
        if seen >= LEAD_SPAN:
            break
    return None
