"""Behaviour of the plain-text cleaner on the seed pages and on small hand-made pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from index.ingest.boilerplate import is_boilerplate
from index.ingest.clean import clean_scored, clean_text, load_model, score_from_base
from index.ingest.text_meta import CAPTION_RE, find_date, find_dateline, lead_dateline, parse_date, split_title
from index.model import Cleaned

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
STORY = [
    "WASHINGTON — Lawmakers on Tuesday approved a sweeping budget deal after weeks of "
    "negotiations that had threatened to shut down parts of the federal government.",
    "The measure passed by a wide margin in both chambers, with members of both parties "
    "saying the compromise was imperfect but necessary to keep agencies running.",
    "“This is not the bill any of us would have written alone,” the committee chairman said "
    "in a statement released shortly after the vote on Tuesday evening.",
    "Officials said the spending plan would fund agencies through the end of September and "
    "include new money for disaster relief in several states hit by storms.",
    "The president is expected to sign the bill later this week, aides said on Wednesday.",
]


def seed(prefix: str) -> tuple[str, object]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, clean_text(text, name=path.name)


def body_of(text: str, cleaned) -> str:
    raw = text.splitlines()
    return "\n".join(raw[i] for i in cleaned.kept_lines)


def scored(lines: list[str], scores: np.ndarray, th: float = 0.5) -> Cleaned:
    """The page pipeline over these lines with these model scores (clean_scored, no model)."""
    return clean_scored("\n".join(lines), lambda _lines, _base: scores, th)


def story_with(block: list[str], at: int = 3, *, byline: bool = False) -> list[str]:
    """A page's lines as most line tests score them: the headline (and a byline), then the
    story with `block` standing after its paragraph `at`."""
    return ["Budget deal clears Congress after weeks of talks", *(["By Ann Lee"] if byline else []),
            *STORY[:at], *block, *STORY[at:]]


def page(*blocks: str, sep: str = "\n\n") -> str:
    return sep.join(blocks)


@pytest.mark.parametrize(
    ("prefix", "title", "outlet", "date"),
    [
        ("000", "Kim Jong Un welcomes Putin to North Korea and pledges 'full support' for "
         "Ukraine war", None, None),
        ("001", "Kim Jong Un and Putin meet in North Korea and sign a strategic partnership",
         "Brighton Journal", dt.date(2024, 7, 13)),
        ("002", "Russia's Putin 'desperate' for ammunition reaches North Korea", None, None),
        ("003", "Vladimir Putin receives lavish welcome in North Korea as Kim Jong Un vows "
         "closer ties", "Dlight News", dt.date(2024, 7, 20)),
        ("004", "Kim vows ‘full support’ for Russia on Ukraine", "The Manila Times", None),
    ],
)
def test_seed_metadata(prefix: str, title: str, outlet: str | None, date: dt.date | None) -> None:
    _, c = seed(prefix)
    assert (c.title, c.outlet, c.date) == (title, outlet, date)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_keeps_every_paragraph_of_reporting(prefix: str) -> None:
    text, c = seed(prefix)
    kept = set(c.kept_lines)
    raw = text.splitlines()
    # reporting = the long sentence-shaped lines of the seed, minus captions/credits
    for i, s in enumerate(raw):
        s = s.strip()
        is_caption = "Getty Images" in s or "PHOTO" in s or s.endswith(", 2024.")
        if len(s) > 55 and s.endswith((".", "”", '"', "’")) and not is_caption:
            if any(w in s for w in ("Switch to", "email address", "account data", "Please check", "password")):
                continue
            assert i in kept, f"{prefix}: dropped reporting line {s[:60]!r}"
    assert c.paragraphs[-1] == raw[c.kept_lines[-1]].strip()


CHROME_000_002 = [
    "Switch to the dark mode", "Source link", "What do you think?", "Written by ADMIN",
    "Leave a Reply", "GIPHY App Key", "Log In", "Forgot password?", "Hey Friend!",
    "Rich UK family spent more on dogs", "Signal Foundation warns", "billionaire exodus",
    "Back to Top", "Stories to tell you", "Don't worry, we don't spam",
]


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seed_chrome_removed(prefix: str) -> None:
    text, c = seed(prefix)
    body = body_of(text, c)
    for chrome in CHROME_000_002:
        assert chrome not in body


def test_seed_specific_boilerplate_removed() -> None:
    text, c = seed("001")
    body = body_of(text, c)
    assert "See also" not in body and c.title not in body
    text, c = seed("003")
    body = body_of(text, c)
    for s in ("Unlock the Editor", "Related Articles", "Advertisement", "Latest Articles"):
        assert s not in body
    text, c = seed("004")
    body = body_of(text, c)
    assert "Newspapers in English" not in body and "Newspapers from" not in body
    assert body.count("acknowledge young well-wishers") <= 1


def test_seed_datelines() -> None:
    assert seed("000")[1].dateline == "SEOUL, South Korea"
    assert seed("002")[1].dateline == "SEOUL"
    assert seed("004")[1].dateline == "SEOUL"
    assert seed("003")[1].dateline is None


def test_cookie_prompt_and_read_more_line_dropped() -> None:
    text = page(
        "We use cookies to improve your experience. Accept all cookies or manage settings.",
        "Budget deal clears Congress after weeks of talks",
        STORY[0], STORY[1],
        "Read more: Five things to know about the shutdown fight",
        *STORY[2:],
    )
    c = clean_text(text)
    assert c.paragraphs == STORY
    assert c.title == "Budget deal clears Congress after weeks of talks"


def test_teaser_list_of_headlines_at_end_dropped() -> None:
    teasers = [
        "More from our newsroom",
        "Storm knocks out power to thousands across the region",
        "City council votes to expand bike lanes downtown",
        "Local team wins championship in overtime thriller",
        "Police investigate break-in at downtown jewelry store",
    ]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY, *teasers,
                        sep="\n"))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("label", ["Recommended Reading", "Related stories", "More from Politics:",
                                   "Latest from Politics", "Latest in Business", "Also of interest", "Related guides",
                                   "Explore more on this story"])
def test_teaser_widget_inside_the_story_dropped(label: str) -> None:
    # a label, then headlines and authors (not sentences), then the reporting resumes
    widget = [label, "The quiet rise of the county budget office", "Ann Lee",
              "Why the ferry strike matters to commuters", "Tom Park"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:3], *widget,
                        *STORY[3:]))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("label", ["Read also", "Related Stories"])
def test_story_going_on_under_a_box_of_other_stories_is_kept_to_its_end(label: str) -> None:
    # headlines with one-sentence blurbs inside the story, then its last paragraphs, then the
    # page's tags: the box is not the story's end, and its second headline is no subheading
    box = [label, "Debate schedule announced: first debate set for April 9",
           "The electoral council said all candidates polling above 3% will be invited.",
           "Complaints rise ahead of March congressional primaries, watchdog says",
           "The watchdog has received 312 complaints since January, most from the coast."]
    lines = story_with(box) + ["Tags:", "Budget", "Congress", "Share this article", "Facebook", "X"]
    c = clean_text(page(*lines, sep="\n"))
    assert c.paragraphs == STORY


def test_single_related_link_inside_the_story_dropped() -> None:
    widget = ["Related article", "Storm leaves thousands without power across the north"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:3], *widget, *STORY[3:]))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("slot", ["Story continues below advertisement", "Advertisement - Page continues below",
                                  "Advertisement - Continue Reading Below", "Article continues after advertisement"])
def test_ad_slot_labels_inside_the_story_dropped(slot: str) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:2], slot, *STORY[2:]))
    assert c.paragraphs == STORY
    assert not is_boilerplate("The story continues below the surface, divers said.")


def test_clip_title_under_a_video_label_is_neither_reporting_nor_the_headline() -> None:
    head = "Budget deal clears Congress after weeks of talks"
    c = clean_text(page("The Riverside Herald", "Published March 4, 2024", head, "Video",
                        "Lawmakers react on the Capitol steps", *STORY, sep="\n"))
    assert c.title == head
    assert c.paragraphs == STORY


def test_call_to_action_inside_short_paragraph_news_does_not_end_the_story() -> None:
    """Wire-style news: one-sentence paragraphs with an app promo and an all-caps link between
    them. The promo is not a section label over teasers; the credit line after the story stays."""
    story = [
        "Europe's largest port reopened on Tuesday after a three-day shutdown caused by a storm, officials said.",
        "The port said container terminals resumed operations early Tuesday, though ships would face delays.",
        "The storm brought winds of up to 87 miles per hour to the coast, according to forecasters.",
        '"Every berth is now working through the backlog," port spokesman Pieter de Vries said.',
        "Shipping giant Maersk said about 40 vessels were delayed.",
        "The Associated Press contributed to this report.",
    ]
    c = clean_text(page("The Riverside Herald", "Storm shuts port, snarls shipping across Europe", *story[:2],
                        "CLICK HERE TO GET THE RIVERSIDE HERALD APP", *story[2:], sep="\n"))
    assert c.paragraphs == story


def test_labelled_teaser_block_after_story_dropped() -> None:
    # headline + one-sentence blurb + date triples under a section label are other stories
    teasers = ["Related stories"]
    for head, blurb, day in (
        ("Storm knocks out power to thousands across the region",
         "Crews worked through the night to restore service to homes.", "March 3, 2024"),
        ("City council votes to expand bike lanes downtown",
         "The plan adds protected lanes on four major streets.", "March 2, 2024"),
        ("Local team wins championship in overtime thriller",
         "Fans poured into the streets after the final whistle.", "March 1, 2024"),
    ):
        teasers += [head, blurb, day]
    for sep in ("\n", "\n\n"):
        c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY, *teasers,
                            sep=sep))
        assert c.paragraphs == STORY


def test_outlet_named_again_and_again_in_the_chrome_when_no_masthead_names_it() -> None:
    """No masthead, a notice naming the publisher's company: the name the credits, the cookie banner and
    the regulator's line all give, the footer's among them, is the outlet."""
    lines = ["Menu", "Search", "Environment", STORM, "By Ann Lee", "March 3, 2025",
             "Photograph: Jo Smith for The Harbour Review", *STORY[:2], "Ships wait off the coast, Reuters reported.",
             *STORY[2:], "Most read", "Cookies on The Harbour Review", "We use cookies to improve your experience.",
             "Accept", "The Harbour Review is regulated by the Independent Press Standards Organisation.",
             "© 2025 Harbour Publications Ltd. All rights reserved."]
    assert clean_text("\n".join(lines)).outlet == "The Harbour Review"


def test_pipe_title_suffix_becomes_outlet() -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks | The Daily Ledger",
                        *STORY))
    assert c.title == "Budget deal clears Congress after weeks of talks"
    assert c.outlet == "The Daily Ledger"
    assert split_title("Budget deal clears Congress - Capital News") == (
        "Budget deal clears Congress", "Capital News")
    # a dash inside a headline is not a site suffix
    assert split_title("Biden meets Xi - and the talks go badly")[1] is None


def test_masthead_outlet_and_header_date() -> None:
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", *STORY))
    assert c.outlet == "The Riverside Herald"
    assert c.date == dt.date(2024, 3, 4)
    assert "The Riverside Herald" not in " ".join(c.paragraphs)


def test_header_date_under_a_standfirst_the_cleaner_keeps_below_a_long_menu() -> None:
    """The reporting may start at a kept standfirst right under the headline: the date line under
    both is still the header's, however long the menu over them."""
    menu = [f"Section {k}" for k in range(26)]
    dek = "Measure limits out-of-network ground ambulance charges to 325% of Medicare rates."
    lines = [*menu, "Kansas Senate passes bill capping ambulance bills for rural patients", dek,
             "By: Whitney Galbraith", "April 9, 2026 4:37 pm", *STORY]
    assert find_date(lines, first_body=len(menu) + 1, t_pos=len(menu)) == dt.date(2026, 4, 9)


def test_date_inside_story_is_not_the_publication_date() -> None:
    story = [*STORY[:-1], "The agency said the rules would take effect on June 19, 2024, after "
             "a public comment period that drew thousands of responses."]
    assert clean_text(page("Budget deal clears Congress after weeks of talks", *story)).date is None


@pytest.mark.parametrize(
    ("s", "want"),
    [("July 13, 2024", dt.date(2024, 7, 13)), ("Saturday, July 20, 2024", dt.date(2024, 7, 20)),
     ("13 July 2024", dt.date(2024, 7, 13)), ("2024-07-13", dt.date(2024, 7, 13)),
     ("Jul. 4, 2023", dt.date(2023, 7, 4)), ("03/04/2024", None), ("31/12/2023", dt.date(2023, 12, 31))],
)
def test_date_formats(s: str, want: dt.date | None) -> None:
    assert parse_date(s) == want


def test_updated_header_line_gives_date() -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks",
                        "Updated 6:02 PM EDT, 13 July 2024", *STORY))
    assert c.date == dt.date(2024, 7, 13)


@pytest.mark.parametrize(
    ("para", "want"),
    [("SEOUL, South Korea — The streets were full.", "SEOUL, South Korea"),
     ("SEOUL – North Korean leader Kim said.", "SEOUL"),
     ("WASHINGTON (AP) — Lawmakers voted.", "WASHINGTON"),
     ("The President — in a rare move — spoke.", None),
     ("US officials said on Tuesday — again.", None),
     ("AMSTERDAM, Nov 25 (Reuters) - The port reopened.", "AMSTERDAM"),
     ("BREAKING — The port is closed.", None),
     ("U.S. - China talks resumed on Tuesday.", None),
     ("PUNE: The civic body on Thursday approved the water project.", "PUNE"),
     ("NEW DELHI: The ministry said on Monday.", "NEW DELHI"),
     ("UPDATE: The port reopened on Tuesday.", None), ("Q: When will the port reopen?", None),
     ("Dakar, Senegal – Tens of thousands marched on Wednesday.", "Dakar, Senegal"),
     ("The Hague (AFP) – The court suspended the permits.", "The Hague"),
     ("Search Engine Optimization (SEO) — SEO is the practice of ranking.", None),
     ("Awesome, Leah—thank you for the tip on the market.", None),
     ("OSAKA--Hoshizora Electric said on Oct. 14 it will cut 4,000 jobs.", "OSAKA"),
     ("BOGOTÁ — Colombia's electoral council on Monday fined two parties.", "BOGOTÁ"),
     ("SÃO PAULO (Reuters) - Brazil's central bank held rates.", "SÃO PAULO"),
     ("HÀ NỘI — Motorbikes that fail emission standards will be barred from the old quarter.", "HÀ NỘI"),
     # a city's name in full before a spaced hyphen; not a compound glued to its hyphen
     ("BRASÍLIA - Deforestation alerts in the Amazon fell 41% in February.", "BRASÍLIA"),
     ("JOHANNESBURG - A former municipal manager was found guilty of fraud.", "JOHANNESBURG"),
     ("MAINBOARD-LISTED Harbourline Logistics posted an 18 per cent fall in profit.", None),
     # a city in title case with the filing day, perhaps the outlet; not a weekday
     ("Accra, June 30 — The cocoa authority has secured a $1.1 billion loan.", "Accra"),
     ("Gazipur, Sep 8 (Shapla TV) – Hundreds of garment workers blocked the highway.", "Gazipur"),
     ("Tuesday, March 3 – Police said the road would reopen.", None),
     # a city's name ending on a full stop (not "U.S." or a label); a press release's day with its year and wire
     ("KAMPALA. City authorities have given boda boda riders 30 days to register.", "KAMPALA"),
     ("U.S. Senate leaders agreed on Monday to a stopgap bill.", None), ("NOTE. The figures are provisional.", None),
     ("NEW YORK, Nov. 5, 2026 /PRNewswire/ -- Acme Corp. today announced results.", "NEW YORK"),
     # a city in title case with an outlet's initials
     ("Denver (NLN) — An early-season blizzard stranded thousands of travellers.", "Denver"),
     # an agency's initials before a hyphen, in small letters too; an outlet's name in brackets before a colon
     ("Athens (AEP) - Underwater archaeologists have discovered a Roman-era ship.", "Athens"),
     ("Munich (dnp) - A brown bear has been caught on a wildlife camera.", "Munich"),
     ("OSTRAVEL (RTV Norda): Maritime archaeologists have found a merchant ship.", "OSTRAVEL"),
     ("UPDATE (3:15 p.m.): Police said the road had reopened.", None),
     # a city with its country before a colon (East African dailies), not a day
     ("NAKURU, Kenya: The High Court has nullified the election of a ward representative.", "NAKURU, Kenya"),
     ("LAGOS, Tuesday: The Senate passed the bill.", None)],
)
def test_datelines(para: str, want: str | None) -> None:
    assert find_dateline(para) == want


@pytest.mark.parametrize(("lead", "more", "want"), [
    # a city in title case before a colon, as Gulf and Indian dailies print it
    ("Dubai: The Roads and Transport Authority will open 18km of new bus lanes.", [], "Dubai"),
    ("Abu Dhabi: Speed limits near 220 schools in Abu Dhabi will be cut to 40km/h.", [], "Abu Dhabi"),
    # a label the page uses as a word too, one of a run of labelled paragraphs, a transcript's speaker
    ("Consulting: Do you thrive working with others on teams?", ["Our consulting team is hiring."], None),
    ("Objective: We tested an eight-week meditation app on nurses.", ["Methods: A randomised trial of 200 nurses."],
     None),
    ("Jane Doe: The answer is that nobody checked the figures.", [], None),
])
def test_datelines_before_a_colon(lead: str, more: list[str], want: str | None) -> None:
    assert lead_dateline([lead, *more, STORY[1]]) == want


def test_quote_short_and_last_paragraphs_kept() -> None:
    story = [STORY[0], "“We will not back down,” she said.", STORY[1], "He declined to comment.",
             STORY[3], "The vote is set for Friday."]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *story,
                        "Share this article", "Leave a comment"))
    assert c.paragraphs == story
    assert c.dateline == "WASHINGTON"


@pytest.mark.parametrize("place", ["north", "b", "Lakeside"])
def test_a_short_note_keeps_its_sentences(place: str) -> None:
    # too short for a run of reporting: whatever the line model says, the sentences stay
    note = f"Herons nest by the {place} lake this spring, wardens said."
    c = clean_text(page(f"Herons {place}", note, "Share this article"))
    assert c.paragraphs == [note]


def test_empty_and_chrome_only_pages() -> None:
    assert clean_text("").paragraphs == []
    c = clean_text(page("Home", "Log in", "Subscribe", "Privacy Policy", sep="\n"))
    assert c.paragraphs == [] and c.title is None and c.date is None


def test_shop_buttons_between_paragraphs_dropped_and_sentences_about_buying_kept() -> None:
    """Shopping journalism scrapes carry a row of buttons after each product; they are chrome,
    while a sentence of reporting that talks about buying is not."""
    buying = "Shoppers who buy on Amazon during the sale should check the return window first, the agency said."
    blocks = ["The Riverside Herald", "Budget deal clears Congress after weeks of talks"]
    for k, para in enumerate([*STORY[:3], buying, *STORY[3:]]):
        blocks += [para, "Buy on Amazon" if k % 2 else "$113 at Amazon $170 at Wayfair", "Check price at REI"]
    c = clean_text(page(*blocks))
    body = "\n".join(c.paragraphs)
    assert all(p in body for p in STORY) and buying in body
    for button in ("Buy on Amazon", "$113 at Amazon", "Check price at REI"):
        assert button not in c.paragraphs


BUTTONS = ["Buy on Amazon", "Buy it now", "Check price at REI",
           "$113 at Amazon $170 at Wayfair View on Williams Sonoma",
           "View at REI · View at Amazon", "Get a Quote", "Book a demo", "Read our full review.",
           "Loading prices for your region…", "Add to cart", "Go to website", "Starting at $20.00",
           "Read our full Lenovo Yoga 9i 2-in-1 review", "Check out our full Garmin Forerunner 165 review",
           "Price comparison from over 24,000 stores worldwide", "Best Prices Today:",
           "Get a Quote (212) 203-0280", "Get Quotes", "Get an instant quote now.",
           "Compare new car deals with leasing.com",
           # a paywall's meter and buttons, a player's, a wire's licensing link, tag labels, an aggregator's boxes
           "Subscriber exclusive", "You've reached your limit of free articles", "Maybe later", "No thanks",
           "This article is available to subscribers. You've used 2 of 3 free articles this month.",
           "For subscribers: How one town recruited 11 doctors in two years", "Full screen", "Fullscreen",
           "Purchase Licensing Rights", "Suggested Topics:", "Our Standards: The Ledgerline Trust Principles.",
           "This content is provided by Continental News Wire. View original article", "LocalPulse AI summary",
           "Was this summary helpful?", "Don't miss out on the latest news. Follow NaijaPulse on Google News.",
           "Gift this article free", "Premium subscribers can download this article as a PDF",
           # an embedded post's counts in a row, the outlet's own links
           "1.4K reactions · 612 comments · 208 shares", "3.8K · 512 comments · 1.1K shares", "Advertise with us",
           "Advertise with Kahu Media", "Korean version",
           # a stock's quote beside the story, a player's next clip
           "-4.79 (-11.00%)", "Volume 6.2M", "Up next: Joburg's ageing water network explained",
           "Next video: How the new minimum wage affects civil servants",
           # a player's toggle, a comment thread's link, a betting site's buttons
           "Autoplay is on", "Read 46 replies", "Bet Now", "Claim Offer",
           # a bilingual page's labels, its notes on translation, an illustrative picture's caption
           "Fideo / Video", "Hysbyseb / Advertisement",
           "This article is a translation of a story originally published in Welsh on the Newyddion service.",
           "Some quotes in this article have been translated from Welsh.",
           "Illustrative: The emergency room at Negev Regional Medical Center, June 2026.",
           # a donation box's buttons, a group's embedded post
           "Give $5 monthly", "Give once", "Support independent reporting", "Public group",
           "Feb 3 · 1.2K reactions · 340 comments",
           # an ad slot's label, a betting widget's label and odds
           "Advertising", "Bet on Pro Football", "Mariners to win division +450", "Over 9.5 wins -115",
           # a live page's markers
           "Key event", "Pinned post",
           # an audio player's words, an embedded post's counts and its introduction, an appeal for money
           "Add to playlist", "Duration: 7′ 48″", "Only have a minute? Listen instead", "1,204 reposts 2,817 likes",
           "Posted to X by @NSWWeatherBureau:",
           "Support the Sentinel from as little as £1 – it only takes a minute. Thank you.",
           # a poll's small print
           "This poll is not scientific and reflects only the views of NBN readers who chose to take part.",
           "Results are not scientific and reflect only the views of readers who chose to participate.",
           # an image viewer's hint, share and alert buttons, a search box's prompt, a shop link with its
           # screen reader's label, a search engine's source button, links to the site's standards
           "Press enter or click to view image in full size", "Close share Copy link", "Send via emailCopy link",
           "Manage alerts for this article", "What are you looking for?", "Get NordVPN Links to NordVPN",
           "View Plans Links to Proton VPN", "Prefer the Guardian on Google",
           "Learn about Serious Eats' Editorial Process", "Learn more about our editorial process.",
           "If you like it, please share it!",
           # a registration wall's pitch inside the story, a numbered ad slot
           "Create an account or sign in to continue with your reading experience.",
           "Enjoy additional articles per month.",
           "Unlimited online access to articles from across Canada with one account.",
           "Access articles from across Canada with one account.", "Get email updates from your favourite authors.",
           "Exclusive articles from Lena Vasquez-Hart and others.", "Advertisement 2",
           # a form's and a player's small print, a list's screen-reader label, a trial's price, notes on the
           # page's making, a failed widget, a newsletter's pitch, a lone credit
           "protected by reCAPTCHA", "Powered by Veld24 Audio", "Skip next section", "Sign Me Up", "list of 3 items",
           "Dismiss", "Supplied", "Keep reading for £1", "Become an HPR sponsor", "Learn more in our AI Policy.",
           "Then £69 per month. Complete digital access to quality Capital Ledger journalism on any device.",
           "This content was translated with the help of artificial intelligence tools and reviewed by our editors.",
           "(Disclaimer: Recommendations, suggestions, views and opinions given by the experts are their own.)",
           "We’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again later.",
           "A free daily digest of the news that matters most.",
           "Our weekly round-up of the stories shaping the continent, from politics and conflict to culture.",
           # a machine summary's note, a gift prompt, a messaging app's community
           "AI-generated summary. Please check the article for accuracy.",
           "Found this article useful? Gift it to a friend.", "Join the Black Country Echo WhatsApp community",
           "Enter email", "Invalid Email",
           # a live page's controls, a script's warning, a notifications prompt
           "Show key events only", "Refresh for latest", "Please turn on JavaScript to use this feature", "Live feed",
           "Filter", "Push notifications", "Turn on",
           "Our essential guide to what's moving the markets, sent every weekday before the opening bell.",
           # a share bar glued into one line, a form's thanks, a news agency's end mark, a bookmaker's offer
           "Send Facebook X LinkedIn Mail Messenger Telegram Whatsapp", "Thanks for signing up!", "(END)",
           "BET £10 GET £30 IN FREE BETS",
           # a player's running time and notice, a translation button, a label over clips, an embedded post's
           # label and its reactions
           "Duration: 1 minute 12 seconds", "00:01:46", "The video will auto-play soon", "Translate", "Also Watch",
           "Pacific Inquirer Facebook post", "👍 1.2K 💬 214 ↗ 89",
           # a label behind an emoji, a link to a photo story, a figure's placeholder, a paywall's tag
           "🔥 RELATED: Bremerhaven's €20m bid for Ferrand rejected", "👉 See more dental care trends from SoftSmile.",
           "Photostory: 7 ways to mosquito-proof your home this monsoon",
           "[Chart: Tidewell's valuation by round, 2019–2024. Source: The Runway Memo]",
           "Article reserved for subscribers", "Link copied to clipboard", "Save to reading list"]


@pytest.mark.parametrize("line", BUTTONS)
def test_buttons_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Shop at the market on Sunday mornings.", "He said he would buy a house.",
                                  "View at Amazon and judge for yourself whether the price is right.",
                                  "Read the review of the film by our critic, who loved it.",
                                  "Price comparison is hard for shoppers, the regulator said.",
                                  "Get quotes from several movers before you sign, the agency said.",
                                  "Compare the deals on offer before you sign, experts said.",
                                  "Share your story with us, the mayor told residents at the meeting.",
                                  "Watch the video to see how the water rose in minutes, officials said.",
                                  "More than 40 ships were waiting, officials said.",
                                  "Get the app right, engineers said.",
                                  "→ The bottom line: demand for ships will keep rising.",
                                  "The coach said he would replay more videos of the match before Sunday.",
                                  "Image captions on the agency's website were changed after the complaint.",
                                  "The USMCA covers more than a trillion dollars in trade, officials said.",
                                  "The Times is a newspaper editors read first, the survey found.",
                                  "The meeting ended at 10:30", "Kickoff is at 19:45",
                                  "Readers joined the conversation in their thousands, the editor said.",
                                  "The North Koreans may use it as a bargaining chip in any future talks.",
                                  "Donors were asked to support our schools, the mayor said.",
                                  "Text by itself is not enough, the editor said.", "Video: 4K/30p with no crop",
                                  "He said it happened 2 hours ago.",
                                  "Presented by the city council, the plan would cut fees for 2,000 households.",
                                  "10:30 p.m. was when the first alarm sounded at the plant, according to the fire "
                                  "department's timeline released on Friday.",
                                  "Sponsored by the city, the festival runs through Sunday and draws 20,000 people.",
                                  "You have read the report, the minister told lawmakers.",
                                  "He said the video got 2,000 likes in an hour.",
                                  "Threads is a social app owned by Meta.",
                                  "Embedded reporters said the unit withdrew.",
                                  "Map readers were asked to check the routes again.",
                                  "This article is available to researchers on request, the agency said.",
                                  "Maybe later this year, the minister said.",
                                  "Our standards are higher than the law requires, the company said.",
                                  "Labour / Conservative",
                                  "The charity said 18+ gamblers were most at risk of debt.",
                                  "Residents should download the county's alert app, officials said.",
                                  "He wrote a letter to the editor of the local paper in 1998.",
                                  "Insurers said they pay for videos of the damage only when claims are disputed.",
                                  "The museum's new wing is made possible by a gift from the Lee family.",
                                  "Odds of a rate cut fell to 40% after the jobs report, traders said.",
                                  "What are you looking for in a new mayor, voters were asked.",
                                  "Manage alerts for this article, readers were told, had been removed.",
                                  "Learn about the editorial process of the agency, the report urged.",
                                  "Unlimited access to the archive was granted to researchers, the ministry said.",
                                  "Powered by solar panels, the plant will open in 2026, officials said.",
                                  "Supplied water was cut off for three days, residents said.",
                                  "A free daily newspaper of the city has closed after 20 years.",
                                  "Maria Lopez is the council's longest-serving member.",
                                  "The charity asked donors to consider a gift of any size, its director said.",
                                  "He is presumed innocent until proven guilty, his lawyer said.",
                                  "The restaurant pays for all meals served to staff, the owner said.",
                                  "He writes from experience, the critic said.",
                                  "\"Add yours to the list,\" the organiser said.",
                                  "The flight was delayed by 40 minutes, passengers said.",
                                  "The mayor is the city's chief executive officer.",
                                  "Join the queue, officials told drivers at the border on Tuesday.",
                                  "Turn on the lights, the mayor told residents.", "$129.99", "£1,000",
                                  "Duration: 12 weeks to 1 year",
                                  "Translate the letter into French, the judge ordered.",
                                  "🔥 The fire spread quickly across the hillside, officials said.",
                                  "Save the date: council meets on Friday"])
def test_sentences_worded_like_buttons_or_prompts_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


CREDITS_AND_WIDGETS = ["A version of this article appears in print on Sept. 18, 2025, Section B, Page 1 of the New "
                       "York edition with the headline: Airline Refund Rules Face New Test.",
                       "Photo courtesy of Noble Desktop", "Courtesy of brand", "Image from Mary's April 2024 review.",
                       "A post shared by Patagonia (@patagonia)", "Reply to Sara", "Flag as inappropriate",
                       "December 19, 2025, 12:25 am", "Sponsor Message",
                       "Disclaimer: This article is for information only and is not advice.",
                       'Embed <iframe src="https://example.org/player/embed/12" width="100%" height="290">',
                       "Story continues", "Advertisement - Story continues below", "SHARE YOUR STORY",
                       "Unlock this article — plus in-depth analysis, newsletters, premium events, and news alerts.",
                       "Fill out the form below or email your questions or story ideas to our team.",
                       "Also Read | Flights cancelled across Europe as storm hits", "[Related: Storm batters coast]",
                       "Watch | Waves crash over harbour wall", ">> Storm leaves thousands without power",
                       "Don’t miss: the best storm photos of the year", "Must Read", "Editor’s Picks",
                       "Continue reading the main story", "Get breaking news alerts on your phone",
                       "Download the app for the latest news", "Have a news tip? Email us at tips@example.com",
                       "This is a developing story and will be updated.",
                       "For the latest news, weather, sports, and streaming video, head to FOX 5.",
                       "Full Coverage: Politics",
                       # media players and galleries, whatever the length
                       "JUST WATCHED Waves crash over the harbour wall as the storm hits Replay More Videos ... "
                       "MUST WATCH Waves crash over the harbour wall as the storm hits 03:49",
                       "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP", "toggle caption Jane Doe/NPR",
                       "Hide Caption 3 of 12 Photos: The storm in pictures – Waves crash over the harbour wall.",
                       "Image caption, Firefighters worked through the night",
                       "Story highlights Lawmakers pass the budget after weeks of talks",
                       "Video Ad Feedback", "Replay", "More Videos ...", "MUST WATCH", "3 of 14", "Link copied",
                       "Why provisional ballots take longer to count 02:47", "Storm damage in pictures (01:58)",
                       "Story continues below gallery", "Gallery: Inside the restored theatre",
                       "HLVN 212.40 -3.12%", "Wed 109° / 82°",
                       "Do you think regulators will approve the deal? Join the conversation below.",
                       "When you buy a book using a link on this page, we receive a commission.",
                       "Appeared in the June 13, 2024, print edition as 'Halvorsen Bets on Chips'.",
                       "ENDS", "###", "-30-", "If this story matters to you, please consider a gift of any size.",
                       "Donate to The Kestrel Courier", "Your donation will support our student journalists.",
                       "You may not edit our stories, except to reflect relative changes in time and location.",
                       "If you republish online, you must link to the original story.",
                       "All persons arrested are presumed innocent until proven guilty in a court of law.",
                       "This review appears in the November 2024 issue of Lakeshore Monthly.",
                       "This story was originally published November 12, 2025 at 5:00 AM.",
                       "Readers are sharing their memories of Chapter House Books. Add yours below.",
                       "Market data from Lindqvist Börsendaten. Delayed 15 minutes.",
                       "Prices as at market close. Data delayed.",
                       "Should you invest $1,000 in Bellweather Bank right now?",
                       "Continue reading with RBR Pro", "4 weeks for €1, then €34.99 per month. Cancel anytime.",
                       "Read with your company access",
                       "This interactive is not supported by your browser. View the full version.",
                       "Use a modern browser with JavaScript enabled to view this content.",
                       "This article is for informational purposes only and is not a substitute for professional "
                       "medical advice.", "DOI: 10.5512/acnm.2024.1147",
                       "Read what other readers are saying and add your view",
                       "We asked readers to share photos from the bookshop over the years.",
                       "This article was originally published by CalMatters.",
                       "The Munster Chronicle pays for all meals reviewed. Reviews are conducted anonymously.",
                       "How we rate: ★★★★ Extraordinary ★★★ Excellent ★★ Very good ★ Good",
                       "Send your letters to letters@example.com. Letters must be under 250 words.",
                       "Dr Nwankwo is a consultant paediatrician at a teaching hospital in the South-East. She writes "
                       "from Enugu.",
                       "(Except for the headline, this story has not been edited by Valley TV staff and is published "
                       "from a syndicated feed.)",
                       "Only the headline and picture of this report may have been reworked by the Daily Ledger staff; "
                       "the rest of the content is auto-generated from a syndicated feed.",
                       "This article was translated from Danish with the help of an AI tool and checked by an editor.",
                       "Thanks for reading The Slow Read! This post is public so feel free to share it.",
                       "Go deeper: Measles cases already exceed last year's total",
                       # an author's bio box under the story
                       "Jay Cost is a staff writer for The Weekly Standard.",
                       "Grace Lindqvist covers Millbrook and the northern valley. Reach her at 555-0148.",
                       "Tomás Aguilar covers transportation and city hall for The Riverton Courier.",
                       "Delphine Arkwright is the Courier's industrial reporter. She covered mining in Mackay.",
                       "Hemi Tautahi-Lowe is The Wellington Ledger's transport reporter.",
                       "Lucía Fernández-Oduya is a photographer based in Denver.",
                       # byline rows, stamps, appeals, disclaimers
                       "By Tomás Aguilar | taguilar@rivertoncourier.com | The Riverton Courier",
                       "PUBLISHED: February 28, 2024 at 9:15 p.m. | UPDATED: February 29, 2024 at 7:02 a.m.",
                       "Originally Published: February 28, 2024 at 9:15 p.m.",
                       "Advertisement - scroll to continue reading", "Paid Advertisement", "Font size",
                       "The Beacon is entirely student-run. Chip in to keep our reporters covering Whitmore.",
                       "Lakeshore Public Radio runs on listener support. Become a sustaining member today.",
                       "Get the latest news updates on WhatsApp. Tap here to follow our channel.",
                       "Your privacy is important to us",
                       "The opinions expressed by columnists are their own and do not represent the views of Townhall.",
                       "Advertisement · Scroll to continue", "Report This Ad", "View gallery", "24 photos", "Watch",
                       "Illustration: Ellery Moss/Fathom", "Social Sharing", "Estimated 4 minutes", "Install it now",
                       "The audio version of this article is generated by text-to-speech.",
                       "Text to speech powered by a third-party provider",
                       "Audio version created with a synthetic voice",
                       "Help keep family & friends informed by sharing this article",
                       "Acquire Licensing Rights, opens new tab", "(Adds details from statement in paragraphs 5-6)",
                       "UPDATE (Jan 28, 14:47 UTC): Adds comment from Martina Grob in the 12th paragraph.",
                       "(Published 02 August 2024, 22:16 IST)", "Never miss a story",
                       "Rebecca Stroud can be reached at 740-555-0132 or rstroud@ovtribune.com.",
                       "Got a story? Email news@dailybeacon.co.uk or call us on 0207 555 0911.",
                       "Get Sportsline Football alerts on your phone", "Photographs and text by Anjali Vora"]


FEED_CHROME = ["3 hours ago", "2h", "Courts | Yesterday", "Sponsored by HomeGuard Roofing", "Share Article via Email",
               "Image source, PA Media", "Media caption, Drone footage shows the flooded streets",
               "You have read 1 of 3 free articles this month.", "See subscription options", "Cancel anytime.",
               "Get full access for $1 a week for your first year.", "Email (required)", "list 4 of 4", "end of list",
               "Story by Priya Raman • 3h", "Get our breaking news email, free app or daily news podcast",
               "Jonah Pereira is a senior reviewer covering audio and wearables.",
               "If you buy something from a Gadgetline link, Gadgetline Media may earn a commission.",
               "Video player is loading.", "Up Next", "Presented by Ledgerly", "TOGETHER WITH LEDGERLY",
               "Listen on Apple Podcasts", "Summary generated with AI and reviewed by an editor.",
               "This transcript was generated automatically and edited for clarity.",
               "Data delayed 15 minutes. Powered by MarketFeed.", "Infographic: How a reef soundscape changes",
               "02:14 The morning June almost closed the store", "(27:30) Co-ops, town-owned stores and other fixes",
               "View this post on Instagram", "2,114,507 likes", "Add a comment...", "1 / 12",
               "— Teo Marchetti (@teomarchetti) March 3, 2025", "Telegram", "Embed", "Upgrade to paid", "Republish",
               "LIVE VIDEO: Aerial view of the Bayridge terminal fire", "Chart: School districts with four-day weeks",
               "Ir al contenido", "See all regional headlines",
               "Contribute", "Donate now", "Your browser does not support the audio element.",
               "Item 1 of 3 Delegates attend the closing plenary of the treaty talks in Geneva",
               "[1/3] Delegates attend the closing plenary of the treaty talks in Geneva",
               "Catch all the Banking News, Corporate News, Market Updates and Latest News on The Arthik Standard.",
               "This field is required", "Please enter a valid email address.",
               # a bookmaker's small print
               "Bet £10 Get £30 in Free Bets — New customers only. Min odds 1/2. 18+ T&Cs apply. BeGambleAware.org",
               "Odds provided by Diamond Sportsbook. 21+. Terms apply.",
               "Odds via CourtSide Sportsbook as of 1:05 p.m. ET",
               "Gamble responsibly. Call 1-800-GAMBLER.",
               # an embedded post's frame, a player's and an app's buttons, a reader's picture's credit
               "Skip twitter post by Cornwall Highways Watch", "End of twitter post by Cornwall Highways Watch",
               "The WCB is not responsible for the content of external sites.", "Embedded content: Met Éireann",
               "Play video", "Download now", "(Submitted: Jen Oickle)",
               "Download the River Valley 7 Weather app to get tornado warnings for your exact location.",
               # a form's privacy notice, a call for readers' pictures
               "Your information is being handled in accordance with the MPN Privacy Collection Statement.",
               "Send us your storm photos", "Bugle readers: send us your photos and video",
               # a donation form, a text-size control, a label over a link, a call for letters, the print edition,
               # a paywall's meter, a member-funded site's thanks
               "Contribute ₹499", "Yes, I'll give $5/month", "Other amount", "Larger text size", "Go deeper",
               "Post by @CentralRangersRFC", "Submit a letter", "Want to weigh in? Write a letter to the editor.",
               "This article appears in the April 2024 print edition with the headline “The Keepers.”",
               "You have 72.4% of this article left to read. The rest is for subscribers only.",
               "The Kōwhai is made possible by our members.",
               "We accept credit card, Apple Pay, and Google Pay. You can also contribute via PayPal.",
               # a chart's controls, an Australian site's acknowledgement of country
               "Expand chart", "Download data (CSV)", "View the roll call", 'Skip to "About government"',
               "twitter (opens in new window)", "Join now", "Join here",
               # a tabloid's call for tips, a correction's link, a widget loading, a post's replies, a shop's button
               "Do you have a story for The Daily Blaze showbiz team?",
               "Email us at showbiz@dailyblaze.co.uk or call 020 7946 0321. We pay for videos too.",
               "SUGGEST A CORRECTION", "Interactive map loading...", "Read 2.3K replies", "Wishlist",
               "Updated 2 hours ago", "Posted 3 days ago", "Last update: about 5 hours ago",
               "Don't miss out on the headlines from National. Followed categories will be added to My News.",
               "These takeaways were generated with the help of AI and reviewed by an editor.",
               "SXN acknowledges Aboriginal and Torres Strait Islander peoples as the First Australians and "
               "Traditional Custodians of the lands where we live, learn, and work."]


@pytest.mark.parametrize("line", CREDITS_AND_WIDGETS + FEED_CHROME)
def test_credits_embeds_and_comment_widgets_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


COMMENTS = [
    "I live two streets from the old bridge and honestly the lorries have been unbearable for years now.",
    "Great article, thanks for explaining the budget numbers so clearly, I had no idea about the overrun.",
    "Does anyone know whether the night buses will still use the quay once the new crossing opens?",
]


@pytest.mark.parametrize("heading", ["14 Comments", "Leave a Reply", "3 thoughts on “Budget deal clears Congress”",
                                     "Reader comments (23)"])
def test_comment_thread_after_the_story_dropped(heading: str) -> None:
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", *STORY, heading, *COMMENTS))
    body = "\n".join(c.paragraphs)
    assert all(p in body for p in STORY)
    assert not any(comment in body for comment in COMMENTS)


def test_comment_count_in_the_byline_does_not_end_the_story() -> None:
    c = clean_text(page("The Riverside Herald", "Budget deal clears Congress after weeks of talks",
                        "By Ann Lee", "12 Comments", *STORY))
    assert all(p in "\n".join(c.paragraphs) for p in STORY)


CAPTION = "Lawmakers leave the Capitol after the final vote on the spending bill in Washington on Tuesday evening."


def test_caption_printed_twice_dropped_but_parallel_items_kept() -> None:
    """Two long lines opening alike are a caption and its credited copy; three or more are the
    parallel items of a list (an offer's terms per region) and are reporting like the rest."""
    terms = [f"Customers in {region} receive 20% off a purchase of three to five qualifying products, "
             f"excluding sets and gift cards, until the end of the month, the company said." for region in
             ("the United States", "Canada", "the United Kingdom", "Australia")]
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", STORY[0], CAPTION,
                        CAPTION + " Photo: J. Doe", *STORY[1:3], *terms, *STORY[3:]))
    body = "\n".join(c.paragraphs)
    assert all(p in body for p in STORY) and all(t in body for t in terms)
    assert CAPTION not in body


def test_two_paragraphs_ending_on_the_same_clause_are_both_kept() -> None:
    """A pair of long lines sharing only their last words is two items of a list, not a caption
    and its copy: both stay."""
    items = ["Wicket is an open-source framework for building web applications in Java, with a model of "
             "components and pages, and it is suitable for both small and large web applications.",
             "Javalin is a new, lightweight framework that offers a simple and fast way to build services in "
             "Kotlin or Java; it is also suitable for both small and large web applications."]
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", *STORY[:2], *items, *STORY[2:]))
    assert c.paragraphs == [*STORY[:2], *items, *STORY[2:]]


def test_gap_of_a_line_or_two_inside_the_reporting_filled() -> None:
    """A subheading or a two-item list between paragraphs, scored low by the model, is part of the
    reporting; the same score away from it, or a widget label in the gap, is not."""
    lines = ["Budget deal clears Congress after weeks of talks", STORY[0], STORY[1], "What the deal includes",
             STORY[2], "Disaster relief", "Agency funding", STORY[3], "Advertisement", STORY[4],
             "Cheap flights to Lisbon this spring"]
    doubtful = {"What the deal includes": 0.35, "Disaster relief": 0.32, "Agency funding": 0.33,
                "Advertisement": 0.4, "Cheap flights to Lisbon this spring": 0.35}
    scores = np.array([0.1 if i == 0 else doubtful.get(line, 0.95) for i, line in enumerate(lines)])
    c = scored(lines, scores, 0.44)
    assert c.paragraphs == [STORY[0], STORY[1], "What the deal includes", STORY[2], "Disaster relief",
                            "Agency funding", STORY[3], STORY[4]]


@pytest.mark.parametrize("between", ["Reading time 5 minutes", "Estimated reading time: 11 minutes",
                                     "Lawmakers at the Capitol / Reuters", "© Jane Doe / Getty Images",
                                     "Listen to this article in summarized format", "5 mins to read"])
def test_headline_is_not_the_reading_time_or_photo_credit_under_it(between: str) -> None:
    c = clean_text(page("The Riverside Herald", "Budget deal clears Congress after weeks of talks", "By Ann Lee",
                        between, *STORY))
    assert c.title == "Budget deal clears Congress after weeks of talks"


@pytest.mark.parametrize("between", ["Fact checked by Yarilet Perez", "Subscribe: Apple Podcasts | Android | Email",
                                     "Click to share on Threads (Opens in new window) Threads"])
def test_headline_is_not_a_reviewer_credit_or_a_row_of_links(between: str) -> None:
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", between, *STORY))
    assert c.title == "Budget deal clears Congress after weeks of talks"
    assert between not in c.paragraphs


def test_headline_not_its_standfirst_nor_a_byline_naming_the_beat() -> None:
    head = "North Sea storm closes Europe's biggest port for three days"
    dek = "Rotterdam halts container traffic as gusts reach 140km/h, with delays expected across the continent"
    c = clean_text(page("The Riverside Herald", head, dek, "Jon Harker Europe correspondent",
                        "Sat 22 Nov 2025 14.05 GMT", *STORY, sep="\n"))
    assert c.title == head
    # the standfirst is the story's summary (WCXB's gold counts it as body); byline and date are not
    assert c.paragraphs in (STORY, [dek, *STORY])


@pytest.mark.parametrize(("head", "dek"), [
    ("Lender takes Gowanus office building from Hartwell Group after $71M loan default",
     "Creative-office conversion completed in 2021 was less than half leased"),
    ("Delphine Arcourt and Mateo Vale Are Engaged! See the Ring and Every Moment From Their Romance",
     "The actress and the singer-songwriter have been dating since meeting at a charity gala in 2024"),
])
def test_headline_over_a_standfirst_no_longer_than_itself(head: str, dek: str) -> None:
    """Two headline-shaped lines alone over the byline: the first is the headline, the second its
    standfirst, even when the standfirst is the shorter."""
    c = clean_text(page("Subscribe for unlimited access", "Finance", head, dek, "By Isabella Ferrante",
                        "Dec. 2, 2026 09:30 AM", "Share", *STORY, sep="\n"))
    assert c.title == head


STORM = "Storm shuts Rotterdam port for three days as ships queue off the coast"


@pytest.mark.parametrize("header", [
    ["Local // Public Safety", STORM, "By Marisol Trevino, Staff writer", "Updated Aug 19, 2026 6:48 p.m."],
    [STORM, "Nathaniel Okoro-Brandt", "Nov 5, 2026, 02:12 PM",
     "An artist's rendering of the interceptor leaving its launcher. (Halvorsen Dynamics)"],
    [STORM, "Kiri Haddon", "Reporter", "8 May, 2026 05:00 AM", "5 mins to read"],
    ["Heat Advisory", "Excessive Heat Warning for Tulsa, Creek and Wagoner Counties until 9 PM Wednesday", STORM,
     "by Jenna Holloway, KVTR 7 News", "Tue, July 15th 2025 at 5:48 PM"],
    [STORM, "Norwegian salmon farmer cuts harvest guidance and warns higher resource rent tax will curb investment",
     "Farmed salmon pens in a fjord near Ålesund. Treatment costs for sea lice have risen sharply across the "
     "industry © Eirik Solheim/Nordlys Foto", "Ingrid Vatne in Oslo", "Published November 9 2023",
     "Jump to comments section", "Print this page", "Gift this article", "Unlock the Editor’s Digest for free",
     "Ruth Calder, editor of the Ledger, selects her favourite stories in this weekly newsletter."],
])
def test_headline_is_not_a_breadcrumb_a_caption_closing_on_its_credit_or_a_reading_time(header: list[str]) -> None:
    c = clean_text(page("Weather", *header, "Share", *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize("header", [
    ["Tuesday, 11 February 2025", STORM, "11.02.2025 · 14:26 CET", "Updated 17:05 CET"],
    ["Unternehmen", STORM, "24.07.2025 - 14:38 Uhr", "Teilen"],
    [STORM, "Ships queue off the coast after the port closed on Tuesday. PHOTO: AMP", "Agence Mondiale de Presse",
     "Published Feb 11, 2025, 09:12 PM"],
    ["Agence Mondiale de Presse", STORM, "Margaux Ellenberger", "Wed, February 11, 2025 at 7:31 AM EST",
     "Ships queue off the coast. (Fabrice Kühne/AMP)"],
])
def test_headline_is_not_a_wires_dotted_stamp_nor_its_name_with_its_initials_on_the_page(header: list[str]) -> None:
    c = clean_text(page("World", *header, "Share", *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize("under", ["Source: Aurelian Diagnostics, Inc.",
                                   "Journalists: Create your free newsroom account",
                                   "Kristoffer Haug, recreation supervisor, Lowell Falls, 218-555-0162"])
def test_headline_is_not_a_releases_source_contact_or_newsroom_link(under: str) -> None:
    c = clean_text(page("News releases", STORM, "March 4, 2025", under, "Share", *STORY, sep="\n"))
    assert c.title == STORM


def test_headline_is_not_a_reviews_rating_nor_a_row_of_its_box_of_facts() -> None:
    head = "The Tide House review – a family saga that floods the stage with feeling"
    dek = "Bethan Rhys's sprawling new play about three generations of a river family is overlong but deeply moving"
    box = ["Production details", "The Tide House", "Venue: Lantern Theatre, Bristol", "Until: October 21, 2023",
           "Tickets: £15-£38", "Box office: 0117 496 0831", "Director: Oliver Grange"]
    c = clean_text(page("Reviews", head, dek, "★★★★☆", "3 out of 5 stars", "Daniel Okoro",
                        "Thursday, September 28, 2023", "Share", *box, *STORY, sep="\n"))
    assert c.title == head


@pytest.mark.parametrize("row", ["Published on: February 14, 2025", "Tags: storms, ports"])
def test_a_headline_with_a_colon_beside_a_row_of_meta_is_still_the_headline(row: str) -> None:
    head = "Port closures: How a three-day storm emptied Rotterdam's quays"
    c = clean_text(page("Home", "Blog", head, head, row, *STORY, sep="\n"))
    assert c.title == head


def test_headline_over_two_standfirst_points_and_the_writers_bare_name() -> None:
    points = ["Online consumer lender's offering is the city's third-largest this year, drawing cornerstone backing",
              "Demand from retail investors outstripped shares on offer by more than 300 times"]
    head = "Lumen Credit prices Hong Kong IPO at top of range, raising HK$6.2 billion"
    c = clean_text(page("Business", "Banking & Finance", head, *points, "Cheryl Leung", "+ FOLLOW",
                        "Published: 9:30pm, 19 Jun 2025", "Share", *STORY, sep="\n"))
    assert c.title == head


def test_headline_is_not_a_broadcasters_byline_between_dots() -> None:
    dek = "Ships queue off the coast and shelves empty as the operator blames the weather and crew shortages"
    c = clean_text(page("Victoria", "Kamloops", STORM, dek, "Tamsin Overholt · NBS News ·",
                        "Posted: Jul 19, 2024 4:00 AM PT", "Social Sharing", *STORY, sep="\n"))
    assert c.title == STORM


def test_headline_is_not_the_lead_pictures_illustration_credit_nor_over_a_short_dek_before_a_broadcasters_row() -> None:
    dek = "Team using the space telescope say the planet has a hazy, steam-rich atmosphere"
    caption = "An artist's impression of the planet passing its star. Illustration: Aurelia Consortium/Petra Lind"
    c = clean_text(page("Space", STORM, dek, caption, "Hannah Okonjo", "Science correspondent",
                        "Wed 12 Mar 2025 18.00 GMT", "Share", *STORY, sep="\n"))
    assert c.title == STORM
    row = "Priyanka Mehra-Dunn · NPB News · Posted: Aug 27, 2024 4:00 AM MDT | Last Updated: August 27, 2024"
    c = clean_text(page("Health", STORM, "Researchers call for clean-air shelters at schools", row,
                        "Social Sharing", *STORY, sep="\n"))
    assert c.title == STORM
    # (a name and an outlet alone are the picture's credit under its caption, not a byline under a headline)
    c = clean_text(page("Local News", STORM, dek, "By RENEE CORDELL", "Jul 8, 2025", "Share",
                        "The medical center in Halstead will close its labor and delivery unit in September.",
                        "Renee Cordell | The Daily Argus-Star", *STORY, sep="\n"))
    assert c.title == STORM


def test_a_pictures_alt_text_printed_over_its_caption_does_not_outrank_the_headline_printed_twice() -> None:
    alt = "Dairy cows grazing on a farm in Co. Limerick"
    c = clean_text(page("Agri Ireland Today", "Subscribe", STORM, "|", STORM, "Siobhán Moriarty14 May 2025", "Share",
                        "24Comments", alt, alt, *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize(("stamp", "day"), [("Actualizado: 3 de marzo de 2025", dt.date(2025, 3, 3)),
                                           ("terça-feira, 16 de setembro de 2025, 19h40", dt.date(2025, 9, 16)),
                                           ("Selasa, 4 Maret 2025 13:05 WIB", dt.date(2025, 3, 4)),
                                           ("wo 12 mrt 2025", dt.date(2025, 3, 12)),
                                           ("Publié le 5 novembre 2024", dt.date(2024, 11, 5))])
def test_an_english_editions_stamp_in_its_home_language_dates_the_story_and_is_not_its_headline(
        stamp: str, day: dt.date) -> None:
    c = clean_text(page("Noticias", STORM, "Read the French version", "Por Ana Ruiz", stamp, "Share", *STORY,
                        sep="\n"))
    assert (c.title, c.date) == (STORM, day)


def test_headline_is_not_the_writers_name_over_their_role() -> None:
    dek = ("Draft scheme would allow local authorities to take over properties empty for more than two years, "
           "with owners paid a market-linked rent")
    c = clean_text(page("Ireland", "Housing", STORM, dek, "Ciarán Mac Giolla Phádraig", "Political Correspondent",
                        "Tue Oct 13 2026 - 05:45", "Listen | 6 minutes", "Share", "Gift article", "Save",
                        "A row of vacant houses on Dominick Street in Limerick city. Photograph: Eoin Fahy", *STORY,
                        sep="\n"))
    assert c.title == STORM
    # (a headline over a staff byline worded as a role stays the headline, short and in title case too)
    for head, byline in (("Trump Wins Iowa Caucus", "By Staff Reporter"), ("Trump Wins Iowa Caucus", "Staff Reporter")):
        c = clean_text(page("Home", "World", "Politics", head, byline, "March 3, 2021 at 9:41 a.m.", *STORY,
                            sep="\n"))
        assert c.title == head
    c = clean_text(page("Local News", STORM, "Observer Staff Reporter", "Published: 2:41 PM, May 18, 2026",
                        "Share on Facebook", *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize(("header", "outlet"), [
    (["Health", STORM, "Upper Lakes Public Radio | By Hannah Voss", "Published March 5, 2026 at 5:48 PM CST"], None),
    (["Business", STORM, "Union says 9,300 workers could walk off the job; shippers warn of disruption to grain",
      "Émilie Gagnon · CNB News", "Posted: Apr 02, 2026 4:00 AM EDT | Last Updated: 3 hours ago"], "CNB News"),
    (["Banking", STORM, "Anirudh Menon , Shreya Kulkarni", "Updated 19 Mar 2026, 10:52 PM IST"], None),
    (["European Union", STORM, "After two days of talks, the bloc's leaders backed a deal on return hubs.",
      "Bettina Kraus in Brussels", "03/20/2026 March 20, 2026",
      "EU leaders gathered in Brussels for a summit dominated by migration and defense spending",
      "Image: Olivier Hoslet/Rheinwelle"], None),
    (["WEATHER ALERT: Severe storms possible Thursday evening — Stay with the First Alert Weather Team", "Crime", STORM,
      "By Dana Ruiz", "Published: Apr 9, 2026"], None),
    # the writer and the outlet after a dot, the writer under a label, the writer and where they file from
    (["Local", STORM, "Freight backlog in the port grows to more than 300 trailers as grocers warn of empty shelves",
      "Kim Fitzgerald · Cape Breton Beacon", "Published: 6:14 p.m. Jan. 22, 2025"], "Cape Breton Beacon"),
    (["#RamadanHomecoming", STORM, "Reporter: Ni Kadek Sri Wahyuni", "Editor: Fransiska Ninditya", "2/19/2025 15:42",
      "Tourists queue at the payment counter at the airport on Wednesday. NNA/Made Surya"], None),
    (["Bali", "Tourist levy", STORM.split(" as ")[0], "Reporter: Ni Kadek Sri Wahyuni", "2/19/2025 15:42"], None),
    # a desk for a byline, a writer with the outlet in brackets, a writer with a beat and role, a caption and its agency
    (["Politics", STORM, "Deccan Ledger News Service", "Updated: Mar 14, 2025, 07:45 IST"], None),
    (["Health", STORM, "Dewi Kartikasari (The Nusantara Post)", "Thursday, 13 March 2025 | 19:02 WIB"], None),
    (["Politics", STORM, "Anahera Tipene, Political Reporter", "5:43 am on 12 March 2025"], None),
    (["Business", STORM, "By Kyota Shimamura", "Feb 6, 2025",
      "The company's president speaks at a press conference in Tokyo on Feb. 6, 2025. (JWS)"], None),
    (["Education", STORM, "With 96,000 pupils at home and no talks scheduled, the strike has become a test of wills",
      "Maya Castellanos in Ashvale", "Tue 16 Sep 2025, 18.40", "Gift this article", "Save", "Comments (318)"], None),
])
def test_headline_over_a_byline_row_a_named_pair_or_under_an_alert(header: list[str], outlet: str | None) -> None:
    c = clean_text(page(*header, "Share", *STORY, sep="\n"))
    assert c.title == (STORM if STORM in header else STORM.split(" as ")[0])
    assert c.outlet == outlet or (outlet is None and not (c.outlet or "").startswith("By "))


@pytest.mark.parametrize("header", [
    [STORM, "Mirela Hadzic and Tomasz Brennan", "Harbour Wire", "Published 9:05 a.m. CT June 2, 2026"],
    [STORM, "Pieter Voskuijlen, The Lowland Courier", "Published Jun 2, 2026"],
    [STORM, "Shipping lines reroute to Antwerp and Hamburg as the backlog grows",
     "Gregor Aalbers | Transport Reporter", "06/02/2026 09:14 CEST"],
    [STORM, "Gusts of 140km/h halted cranes on Monday; the port expects to clear the queue by the weekend",
     "Listen to this article · 4:10 min", "A container ship waits off Hoek van Holland on Monday.", "Credit...",
     "Anouk Termeer for The Lowland Courier", "By Joost Verbeek", "June 2, 2026"],
    [STORM, "Cranes stand idle at the Maasvlakte terminal on Monday, June 1, 2026. Marieke Dorrestijn",
     "JOOST VERBEEK", "Rotterdam - JUN 02, 2026 - 09:20 CEST"],
    [STORM, "Stranded container ships at anchor off the Dutch coast on Monday", "Copyright", "Harbour Wire",
     "By Joost Verbeek", "Published on 02/06/2026 - 09:20 GMT+2"],
])
def test_headline_over_bylines_without_by_and_captions_with_their_credit(header: list[str]) -> None:
    """Writers' names over the date ("X and Y", "X, The Outlet", "X | Beat"), a photo's credit
    under a "Credit..." label, a caption closing on its photographer's bare name or over a
    "Copyright" label: none is the headline."""
    c = clean_text(page("Europe", *header, "Share", "Facebook", "Email", *STORY, sep="\n"))
    assert c.title == STORM


def test_headline_over_a_player_and_a_long_share_bar_and_its_date_line() -> None:
    """A header with a player (its clips' titles over their running times) and a row of a dozen
    share buttons is still the header: the headline is found above them, not a clip's title, and
    a date line opening on the date is read even when it runs on ("... / Updated ...")."""
    header = [STORM, "The port, Europe's busiest, expects to clear the queue of ships by the weekend.", "Now Playing",
              "Drone video shows the queue of ships off the coast", "Aerial footage recorded on Monday morning.",
              "02:14", "UP NEXT", "Storm chaser films waterspout off Scheveningen", "01:07", "Get more news",
              "June 2, 2026, 7:05 AM CEST / Updated June 2, 2026, 12:31 PM CEST", "By Joost Verbeek and Anouk Termeer",
              "Share & Save", "Facebook", "X", "Email", "SMS", "Print", "Whatsapp", "Reddit", "Pocket", "Flipboard",
              "Pinterest", "Linkedin", "Save"]
    c = clean_text(page("Skip to content", "Europe", "Weather", *header, *STORY, sep="\n"))
    assert c.title == STORM
    assert c.date == dt.date(2026, 6, 2)


def test_headline_is_not_a_teaser_of_a_grid_between_the_header_and_the_story() -> None:
    grid = ["Top Stories", "Season 6 roadmap adds ranked co-op and a cat companion",
            "Harbinger 2 review: a bigger, angrier, better sequel",
            "Retro handheld maker announces shutdown, promises refunds"]
    c = clean_text(page("News", STORM, "The port was due to reopen this week.", "Dev Karimov",
                        "Posted: Jun 23, 2026 4:05 pm", "Comments (214)", "Image credit: Port of Rotterdam", *grid,
                        *STORY, sep="\n"))
    assert c.title == STORM


def test_headline_is_not_a_sponsors_link_or_a_graphics_credit() -> None:
    c = clean_text(page("Presented by", "Halvorsen Rural Bank", "Learn more about Halvorsen Rural Bank", STORM,
                        "Post Studio", "April 7, 2026", "Share", *STORY, sep="\n"))
    assert c.title == STORM
    head = "A lake that froze for four months now freezes for three. A 150-year ice log shows how fast it changed."
    c = clean_text(page("Climate Desk", head, "By Hannah Lindgren", "Graphics by Ruth Aaland",
                        "Published January 27, 2026", "6 min read", *STORY, sep="\n"))
    assert c.title != "Graphics by Ruth Aaland"


def test_a_title_case_headline_is_not_taken_for_a_standfirst() -> None:
    """Only a long sentence-case line under another headline-shaped line is a standfirst; a
    title-case headline under a menu line stays the headline."""
    head = "Ten Easy Steps For A Great Budget Deal In Congress This Year"
    c = clean_text(page("Back to all news", head, *STORY, sep="\n"))
    assert c.title == head


def test_headline_is_not_the_lead_sentence_left_above_the_story() -> None:
    """A long unpunctuated line just above the kept reporting is a lead or a dek, and a menu
    toggle is chrome: neither is the headline, even when the model kept neither."""
    lead = ("You are looking for a way to follow the budget talks in Congress without reading every "
            "amendment and every speech on the floor")
    lines = ["The Riverside Herald", "Budget deal clears Congress after weeks of talks", "Open Menu Close Menu",
             lead, *STORY]
    scores = np.array([0.1, 0.3, 0.1, 0.3] + [0.95] * len(STORY))
    c = scored(lines, scores, 0.44)
    assert c.title == "Budget deal clears Congress after weeks of talks"


def test_of_the_repeated_header_lines_the_headline_is_the_one_nearest_the_story() -> None:
    """Pages print the headline twice (title bar, then above the story); a banner printed twice
    further up is page furniture."""
    banner, head = "Free shipping on every order this week", "Budget deal clears Congress after weeks of talks"
    lines = [banner, head, "Home", banner, head, *STORY]
    scores = np.array([0.1] * 5 + [0.95] * len(STORY))
    c = scored(lines, scores, 0.44)
    assert c.title == head


@pytest.mark.parametrize("byline", [[], ["By Ann Lee"], ["BY ANN LEE AND TOM PARK"], ["ByAnn Lee"]])
def test_pasted_article_masthead_headline_byline(byline: list[str]) -> None:
    """An article copied from a browser: the outlet's name, the headline, perhaps a byline, the
    story. The model may keep the first lines too; they are metadata, not reporting."""
    c = clean_text(page("The Riverside Herald", "Budget deal clears Congress after weeks of talks", *byline, *STORY))
    assert (c.title, c.outlet) == ("Budget deal clears Congress after weeks of talks", "The Riverside Herald")
    assert c.paragraphs == STORY


@pytest.mark.parametrize("appeal", [
    "If you're enjoying this article, consider supporting our award-winning journalism by subscribing.",
    "Northside Corner is a nonprofit newsroom. We rely on members to keep covering your block. Join for $6 a month.",
    "Local Democracy Reporting is Public Interest Journalism funded through NZ On Air.",
    "Learning Curve is supported by readers and foundations. See our full list of supporters.",
    "Do you have information about health care in jails? We want to hear from you. Contact our reporters securely.",
    "Our stories may be republished online or in print under a Creative Commons license.",
    "Pacific Daily Record is funded by readers like you",
    "We don't have a paywall. Help keep independent Pacific journalism free for everyone.",
    "The Union Record is funded by readers and union locals, not advertisers. Chip in $5 a month.",
    "Support labor journalism that doesn't answer to bosses.",
    "FPL is a nonprofit. Our reporting is free to read and free to republish, because of readers like you.",
    "The Dispatch relies on readers to fund reporting from places others overlook. Give once or monthly.",
    "If there were ever a time to join us, it is now. Every contribution, however big or small, powers our journalism.",
    "Write to Caroline Whitfield at caroline.whitfield@natsentinel.com and Andre Kessel at a.kessel@natsentinel.com",
])
def test_appeal_to_support_the_journalism_after_the_story_dropped(appeal: str) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY, appeal))
    assert c.paragraphs == STORY


def test_reporting_on_who_funds_a_programme_is_kept() -> None:
    funded = "The clinic's outreach programme is funded by the state and a local hospital trust, officials said."
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:2], funded, *STORY[2:]))
    assert funded in c.paragraphs


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    short = "By the end of the day, nobody had left."
    c = clean_text(page("The Riverside Herald", "Monday, March 4, 2024",
                        "Budget deal clears Congress after weeks of talks", *STORY[:2], short, *STORY[2:]))
    assert short in c.paragraphs


def test_headline_stands_above_the_byline_not_the_widgets_under_it() -> None:
    head = "Rotterdam port reopens after storm, backlog to take days to clear"
    c = clean_text(page("Business", head, "By Bram H. Visser", "November 25, 2025",
                        "Companies", "Acme Shipping Holdings A/S", "Follow", *STORY, sep="\n"))
    assert c.title == head


def test_headline_is_not_the_caption_under_a_photo_credit_or_a_reporting_from_line() -> None:
    head = "Storm shuts Rotterdam port for three days"
    c = clean_text(page("Home", "News", head, "6 hours ago", "Anna Hollis", "Reporting from The Hague",
                        "Getty Images", "Ships queued off the Dutch coast on Sunday", *STORY, sep="\n"))
    assert c.title == head


@pytest.mark.parametrize(("notice", "outlet"), [
    ("© 2025 Riverside Herald Media. All rights reserved.", "Riverside Herald Media"),
    ("Copyright 2025 The Associated Press. All Rights Reserved.", "The Associated Press"),
    ("©2025 FOX News Network, LLC. All rights reserved.", "FOX News Network"),
    ("© 2025 Jane Doe. All rights reserved.", None),  # a blogger's notice names a person
])
def test_outlet_from_the_copyright_notice_when_no_masthead(notice: str, outlet: str | None) -> None:
    c = clean_text(page("Home", "Register", "My News", "Budget deal clears Congress after weeks of talks",
                        *STORY, "Terms of Use", notice, sep="\n"))
    assert c.outlet == outlet


@pytest.mark.parametrize("header", [
    ["A container ship waits off the coast, Sunday, Nov. 23, 2025. (AP Photo/Peter Dejong)",
     "Updated 4:12 AM EST, November 24, 2025"],
    ["November 24, 20254:12 PM GMTUpdated 2 hours ago"],
    ["(ATTN: UPDATES with ministry reaction in paras 9-10, details throughout)", "24.11.2025, 10:22",
     "Updated: 24.11.2025, 13:05"],
])
def test_publication_date_not_from_a_caption_and_with_the_time_glued_on(header: list[str]) -> None:
    """(and written day.month.year; a wire's note to editors under the headline is not it)"""
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *header, *STORY, sep="\n"))
    assert c.date == dt.date(2025, 11, 24)
    assert c.title == "Budget deal clears Congress after weeks of talks"


def test_a_byline_naming_the_pieces_kind_and_a_dotted_date_with_the_day_first() -> None:
    # day.month.year even when the day could be a month: no one prints a month-first date with dots
    c = clean_text(page("Home", "Business", "The Decline of the East's Auto Belt",
                        "Budget deal clears Congress after weeks of talks",
                        "Lawmakers agreed on the spending package late on Friday, ending a long standoff.",
                        "An Analysis by Friederike Osterkamp", "03.11.2025, 15.12 Uhr",
                        "The plant in Zwickau: the company supplied gearbox parts to almost every carmaker.",
                        "Photo: Hendrik Scholl / MK", *STORY, sep="\n"))
    assert c.title == "Budget deal clears Congress after weeks of talks"
    assert c.date == dt.date(2025, 11, 3)


def test_dotted_dates_read_month_first_on_a_page_that_prints_them_so() -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "09.10.2024", *STORY, "Related posts",
                        "11.24.2025", "How lawmakers count the votes", sep="\n"))
    assert c.date == dt.date(2024, 9, 10)


def test_a_sections_name_from_the_menu_over_the_headline_is_its_kicker_not_the_headline() -> None:
    menu = ["Home", "Climate & Energy", "Land Use & Biodiversity", "Sustainable Finance & Reporting", "World",
            "Business"]
    headline = "Mass bleaching hits reefs as marine heatwave enters its fourth month"
    c = clean_text(page(*menu, "Land Use & Biodiversity", headline, "By Ana Ruelle", "April 9, 2024", *STORY,
                        sep="\n"))
    assert c.title == headline
    # (nor does a short button printed twice, "Start Your Project Today", top a guide's headline)
    c = clean_text(page("Start Your Project Today", "Services", "Budget deal clears Congress after weeks of talks",
                        "Start Your Project Today", "By Ann Lee", *STORY, sep="\n"))
    assert c.title == "Budget deal clears Congress after weeks of talks"


def test_a_rule_between_the_story_and_its_credit_line_is_not_a_paragraph() -> None:
    credit = "Associated Press writer Raf Casert in Brussels contributed."
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY, "___", credit, sep="\n"))
    assert c.paragraphs == [*STORY, credit]


def test_the_credit_line_under_a_rule_is_kept_even_when_scored_low() -> None:
    credit = "Associated Press writer Larry Neumeister in New York contributed to this report."
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, "___", credit, "Related stories",
             "Markets slide as investors weigh rate outlook"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.6, 0.27, 0.01, 0.1])
    c = scored(lines, scores)
    assert c.paragraphs == [*STORY, credit]


@pytest.mark.parametrize("credit", ["— AMP", "MERIDIAN, AMP", "With Tamsin Okoye-Brandt",
                                    "—With assistance from Lydia Kho"])
def test_the_agencies_or_the_colleague_credited_under_the_story_are_kept(credit: str) -> None:
    """A closing credit is part of the story however the model scores it (the issue keeps credit lines
    consistently): the agencies a world story is credited to, a colleague's "With ..." line."""
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, credit, "Related stories",
             "Markets slide as investors weigh rate outlook"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.2, 0.01, 0.1])
    assert scored(lines, scores).paragraphs == [*STORY, credit]


def test_reporting_resumes_under_a_widget_the_model_took_for_the_end() -> None:
    """A "Recommended Stories" list with screen-reader labels between paragraphs: the lines the
    model scores low after it are still the story when two sentences follow the list."""
    widget = ["Recommended Stories", "list of 3 items", "list 1 of 3", "Thousands without power as storm sweeps Europe",
              "list 2 of 3", "Ferries suspended across the English Channel", "end of list"]
    lines = story_with(widget)
    scores = np.array([0.2, 0.9, 0.9, 0.9] + [0.3] * len(widget) + [0.4, 0.3])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_headline_and_blurb_teasers_under_a_label_do_not_extend_the_story() -> None:
    teasers = ["Related Articles", "Healthy and comfortable home flooring",
               "Keeping the air clean indoors can make a home a comfortable and safe place to live.",
               "What is vinyl flooring and how is it made today?",
               "Learn everything there is to know about vinyl flooring and how it is laid."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *teasers]
    scores = np.array([0.2] + [0.9] * len(STORY) + [0.05, 0.3, 0.4, 0.3, 0.4])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_wire_copyright_notice_after_the_story_dropped_however_long() -> None:
    notice = ("Copyright 2025 The Associated Press. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed without permission.")
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY, notice, sep="\n"))
    assert c.paragraphs == STORY
    quoted = "Copyrighted photos were used without permission, the lawsuit filed on Tuesday in federal court said."
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:2], quoted, *STORY[2:], sep="\n"))
    assert quoted in c.paragraphs


def test_an_ad_slot_then_a_caption_inside_the_story_does_not_end_it() -> None:
    """An ad label is not a section label: the caption and paragraph under it are not teasers,
    though a real teaser list follows further down."""
    caption = "Container ships wait off the coast on Sunday as the storm battered the region"
    last = "Officials said safety came first and the backlog would take days to clear."
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By ANN LEE FOR THE HERALD", *STORY[:3],
                        "Advertisement", caption, last, "RELATED ARTICLES", "Previous", "1", "Next",
                        "Storm knocks out power to thousands across the region",
                        "City council votes to expand bike lanes downtown", "Share this article", "Share", sep="\n"))
    assert c.paragraphs[:3] == STORY[:3]
    assert c.paragraphs[-1] == last


def test_a_news_agency_printed_over_the_headline_is_not_a_photo_credit() -> None:
    head = "Rotterdam port reopens after three-day storm closure"
    c = clean_text(page("Portal News", "Sign in", "Reuters", head, "Bram H. Visser",
                        "Tue, November 25, 2025 at 8:12 AM EST", "2 min read", *STORY, sep="\n"))
    assert (c.title, c.date) == (head, dt.date(2025, 11, 25))


def test_date_after_an_updated_stamp_inside_a_byline_row() -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks",
                        "Riverside World Desk / RIVERSIDEHERALD.COM / Updated: Nov 24, 2025, 11:45 IST", *STORY,
                        sep="\n"))
    assert c.date == dt.date(2025, 11, 24)


@pytest.mark.parametrize("head", ["Leftists love old heroes in movies and songs. But statues? Not so much.",
                                  "The lockdown has served its purpose. It's time to end it."])
def test_a_headline_written_as_a_sentence_above_the_byline(head: str) -> None:
    c = clean_text(page("Home", "World", "Opinion", head, "By Staff Reporter", "March 3, 2021 at 9:41 a.m.", *STORY))
    assert c.title == head
    assert c.paragraphs == STORY


def test_a_menu_item_above_a_misplaced_byline_is_not_the_headline() -> None:
    c = clean_text(page("Home", "Contact Us", "By Staff Reporter", "Budget deal clears Congress after weeks of talks",
                        *STORY))
    assert c.title == "Budget deal clears Congress after weeks of talks"


def test_a_standfirst_sentence_above_the_byline_is_not_taken_for_a_sentence_headline() -> None:
    head, dek = "Budget deal clears Congress after weeks of talks", "The vote ends a standoff. Agencies stay open."
    c = clean_text(page("Home", head, dek, "By Staff Reporter", "March 3, 2021", *STORY))
    assert c.title == head


def test_the_dateline_is_read_from_the_lead_not_a_ticker_kept_above_it() -> None:
    assert lead_dateline(["+0.45%", "AMSTERDAM (Reuters) - The port of Rotterdam reopened on Tuesday."]) == "AMSTERDAM"
    assert lead_dateline(["The port of Rotterdam reopened on Tuesday.", "AMSTERDAM — Later, ships moved."]) is None
    caption = "Volunteers clear debris from the quay in Rotterdam on Tuesday."
    lead = "ROTTERDAM — The port reopened on Tuesday after a three-day closure, the port authority said."
    assert lead_dateline([caption, lead]) == "ROTTERDAM"


def test_a_caption_under_a_photo_credit_line_is_not_the_story() -> None:
    c = clean_text(page("Storm shuts Rotterdam port for three days", "6 hours ago", "Getty Images",
                        "Ships queued off the Dutch coast on Sunday", *STORY, sep="\n"))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("stamp", ["and last updated 7:10 AM, Nov 24, 2025", "Posted at 5:42 AM, Nov 24, 2025"])
def test_time_first_date_stamps_are_boilerplate(stamp: str) -> None:
    assert is_boilerplate(stamp)


def test_a_company_widget_above_the_lead_is_not_reporting() -> None:
    head = "Rotterdam port reopens after storm, backlog to take days to clear"
    c = clean_text(page(head, "By Bart Visser", "November 25, 2025", "Companies", "Acme Shipping Holdings A/S",
                        "Follow", *STORY, sep="\n"))
    assert (c.title, c.paragraphs) == (head, STORY)


@pytest.mark.parametrize(("header", "outlet"), [
    (["Shop Online", "Wix Review"], None),  # buttons and page headings with a common outlet word
    (["Today’s Paper"], "The Riverside Times"),  # a menu item: the copyright notice names the outlet
    (["The Hechinger Report"], "The Hechinger Report"),
])
def test_a_masthead_of_common_outlet_words_only_is_not_trusted(header: list[str], outlet: str | None) -> None:
    notice = ["© 2025 The Riverside Times Company"] if outlet == "The Riverside Times" else []
    c = clean_text(page(*header, "Budget deal clears Congress after weeks of talks", *STORY, *notice, sep="\n"))
    assert c.outlet == outlet


def test_ad_slots_between_paragraphs_keep_the_story_whole_when_the_model_doubts_them() -> None:
    """"Advertisement" printed between every few paragraphs (one or several in a row) says the
    page is still inside the story: the paragraphs on either side of the run the model is sure
    of stay, though scored below the threshold; a sign-up box does not carry that weight."""
    lines = ["Budget deal clears Congress after weeks of talks", STORY[0], "Advertisement", "Advertisement",
             STORY[1], "Advertisement", STORY[2], STORY[3], "Advertisement", STORY[4],
             "Sign up for our newsletter", "Enter your email", "Cheap flights to Lisbon this spring are here."]
    doubtful = {STORY[0]: 0.3, STORY[1]: 0.35, STORY[4]: 0.3, "Cheap flights to Lisbon this spring are here.": 0.3}
    scores = np.array([0.1 if i == 0 else doubtful.get(line, 0.95 if line in STORY else 0.05)
                       for i, line in enumerate(lines)])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_a_video_player_inside_the_story_is_dropped_and_the_story_kept() -> None:
    clip = ("JUST WATCHED Lawmakers react to the budget vote on the Capitol steps Replay More Videos ... "
            "MUST WATCH Lawmakers react to the budget vote on the Capitol steps 02:41")
    c = clean_text(page("The Riverside Herald", "Budget deal clears Congress after weeks of talks", "By Ann Lee",
                        "Story highlights The budget passed both chambers by a wide margin",
                        *STORY[:3], clip, clip.replace("react to", "debate"), *STORY[3:],
                        "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP", "Related stories",
                        "Storm knocks out power to thousands across the region"))
    assert c.paragraphs == STORY


def test_a_quote_pulled_out_of_a_paragraph_does_not_take_the_paragraph_with_it() -> None:
    """Two long lines opening alike are a caption and its credited copy, and both go; when one is
    far longer, it is the paragraph a pull quote was taken from, and the paragraph stays."""
    quote = "“Nobody got everything they wanted, and that is how you know it was a fair deal,” one senator said."
    paragraph = quote[:-1] + (" in a statement released shortly after the vote, adding that members of both "
                              "parties had given ground on spending caps and disaster relief.")
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:2], paragraph,
                        *STORY[2:4], quote, STORY[4], sep="\n"))
    assert paragraph in c.paragraphs and all(p in c.paragraphs for p in STORY)
    # (the pull quote's attribution under it goes with it)
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:2], paragraph,
                        *STORY[2:4], quote, "Dolores Ashby, senator for Ohio", STORY[4], sep="\n"))
    assert "Dolores Ashby, senator for Ohio" not in c.paragraphs and all(p in c.paragraphs for p in STORY)
    # (a quote a little longer than the pull quote cut from it is the paragraph too: quotes are cut down)
    pulled = "“Swim between the flags, avoid dawn and dusk, and get out when you hear the siren.”"
    said = "“The message is simple: swim between the flags, avoid dawn and dusk, and get out when you hear the siren.”"
    c = clean_text(page("Budget deal clears Congress after weeks of talks", *STORY[:3], pulled, *STORY[3:], said,
                        sep="\n"))
    assert c.paragraphs == [*STORY, said]


def test_a_quote_pulled_from_the_middle_of_a_paragraph_is_dropped_with_its_attribution() -> None:
    said = ("“I have supported every difficult choice this government has asked me to make, but I cannot vote for "
            "something that will push people who are already struggling further into hardship,” she said.")
    pulled = "‘I cannot vote for something that will push people who are already struggling further into hardship’"
    more = "Treasury sources said the chancellor remained confident the measure would pass next week."
    lines = story_with([said, more, pulled, "Gail Hendry, former work and pensions minister"], at=3)
    scores = np.array([0.1] + [0.95] * 5 + [0.92, 0.98] + [0.95] * (len(STORY) - 3))
    assert scored(lines, scores).paragraphs == [*STORY[:3], said, more, *STORY[3:]]
    # (a short one, signed under it by a dash and the speaker's name)
    said = '"This was not one bad decision. This was hundreds of them," the judge told the court on Tuesday.'
    pulled = "“This was not one bad decision. This was hundreds of them.”"
    lines = story_with([said, more, pulled, "— Circuit Judge Thomas Reardon"], at=3)
    scores = np.array([0.1] + [0.95] * 5 + [0.92, 0.98] + [0.95] * (len(STORY) - 3))
    assert scored(lines, scores).paragraphs == [*STORY[:3], said, more, *STORY[3:]]
    # (a quote paragraph printed twice is not pulled from another: a copy is the duplicates' business)
    said = "“In times of great stress, helping others is a powerful way to reassert control in a moment like this.”"
    lines = story_with([said, more, said], at=3)
    scores = np.array([0.1] + [0.95] * 6 + [0.95] * (len(STORY) - 3))
    assert said in scored(lines, scores).paragraphs


@pytest.mark.parametrize("caption", [
    "Crowds gathered at the festival's main stage in 2023. (Supplied: Festival committee)",
    "Heat shimmers above the pavement downtown on Tuesday afternoon. (KVTR 7 photo)",
    "The gang fled on scooters along the high street, police said (stock image)",
    "A passenger train pulls into a station in Wilmington, Del. | Lena Kraus/The Capitol Ledger",
    "A bus stops on Grand Avenue downtown on Feb. 20. (Michelle Ostrowski/The Riverton Courier)",
    "The actress at the 2015 premiere of her breakout film, Summer Static. Dana Whitley/Getty",
    "Bhavna Koli, 14, rakes salt crystals into rows at her family's pan. Anjali Vora for The Global Dispatch",
    "Wes Calloway warms up before a game against the Spokane Larkspurs on July 12. (Mara Yoon / The Dugout Line)",
    "A truck loaded with building supplies crosses a frozen lake in February 2025. (Submitted by Cree Nation)",
    "Trucks line up at the Los Tules international bridge on Tuesday morning. / Foto: Crónica / Itzel Garza",
    "The developer and the former warehouse on Carroll Street in Gowanus (Getty, Google Maps, Hartwell Group)",
    "The family installed 420 panels on the roof of their dairy barn in 2024. (Photo for Post Studio by Carmen Wills)",
    "Photography by Jonah Velasquez-Reyes",
    "Visibility shrinks as smog engulfs the Mall Road on Tuesday. — APP",
    "Trucks wait on the highway on the way to the port - Rafael Lima/Correio Costeiro",
    "Tourists visit the corniche in the old town [File: Nasser al-Harthi/Al Sahil]",
    "Doctors march through the city centre on November 10, 2026. /MLIMA TV",
    "Photo/Illustration The refrigerator plant in Kusatsu is one of two sites slated for closure.",
    "The plant in Kusatsu is one of two sites slated for closure. (Provided by Hoshizora Electric Co.)",
    "Workers clear debris from a street in Lathebridge, Britain, November 5, 2026, after the embankment failed."])
def test_a_caption_closing_on_a_credit_in_brackets_is_not_the_story(caption: str) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", STORY[0], STORY[1],
                        caption, *STORY[2:], sep="\n"))
    assert c.paragraphs == STORY


def test_a_title_case_subheading_with_for_in_it_is_no_photographers_credit() -> None:
    # "Career Options for Young Consultants" is a subheading of common words, not "Name Name for The Outlet"
    sub = "Career Options for Young Consultants"
    lines = story_with([sub], 2, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.6, 0.95, 0.95, 0.95]))
    assert c.paragraphs == [*STORY[:2], sub, *STORY[2:]]


@pytest.mark.parametrize("credit", ["Imogen Tallis / Harbour Wire", "Imogen Tallis/The Capitol Ledger",
                                    "Imogen Tallis, The Capitol Ledger", "Photo: Imogen Tallis / Harbour Wire",
                                    "Imogen Tallis for The Capitol Ledger"])
def test_a_caption_over_its_photographers_credit_is_not_the_story(credit: str) -> None:
    """A sentence describing a picture, over a credit naming the photographer and the agency or
    paper: neither is reporting, even scored as such. A paragraph over a bare "Getty Images"
    (an uncaptioned picture) stays, as do quotes and "said" over a credit."""
    caption = "A crane operator waits in an idle terminal at the Maasvlakte on Tuesday morning."
    lines = story_with([caption, credit], 2, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.9, 0.4, 0.95, 0.95, 0.95]))
    assert c.paragraphs == STORY
    lines[5] = "Getty Images"
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.9, 0.4, 0.95, 0.95, 0.95]))
    assert caption in c.paragraphs
    lines[4:6] = ["The terminal will reopen on Thursday, the port authority said.", credit]
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.9, 0.4, 0.95, 0.95, 0.95]))
    assert lines[4] in c.paragraphs


@pytest.mark.parametrize("ad", [
    "Meet the new Arlo Hybrid. Up to 50 mpg combined. Visit your local dealer for offers.",
    "Harbourside Dental Care - Now accepting new patients. Most insurance accepted.",
    "Discover the Douro this spring: wine tastings and river cruises. Book now with Vale Travel.",
    "Sponsored content from Northline Insurance: three things to check in your policy this winter"])
def test_an_ads_copy_under_its_slot_is_not_the_story(ad: str) -> None:
    """An ad's slot sits between paragraphs with the story going on under it; the ad's own copy,
    calling the reader to act or naming its sponsor, is not the story, however it is scored.
    Reporting under the slot stays, even when it opens on such a verb and is scored the same."""
    lines = story_with(["Advertisement", ad], byline=True)
    scores = np.array([0.1, 0.1, 0.95, 0.95, 0.95, 0.1, 0.7, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY
    lines[6] = "Visit any of the county's five offices and you will hear the same complaint, the clerk said."
    assert lines[6] in scored(lines, scores).paragraphs


def test_a_most_read_list_inside_the_story_is_dropped_and_the_story_goes_on() -> None:
    teasers = ["Beloved TV presenter, 58, reveals secret cancer battle in emotional interview",
               "Holidaymakers warned of fines for wearing flip-flops while driving in Spain",
               "Couple who won the lottery say they still shop at the same supermarket every week"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        "Most Read News", *teasers, *STORY[3:], sep="\n"))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("widget", [
    ["ALSO READ", "Inside the salt flat: the communities counting every litre of water",
     "Neighbours watch the royalty fight closely"],
    ["LEE TAMBIÉN / READ ALSO", "Maquiladora employment hits record in third quarter",
     "Business groups call for 24-hour commercial crossing"],
    ["Related from the Gazette", "Counties weigh new limits on shoreline hardening",
     "Watermen say oyster harvest is up, but crabs are scarce"],
    ["RELATED", "County board orders review of sheriff's overtime spending (Sept. 2025)",
     "Quarry County budget: Where your property tax dollars go"],
    ["Related Nostalgia stories", "When the colliery band played the Albert Hall: the 1979 tour",
     "Voices from the miners' strike, 40 years on"],
    ["Read more from the Climate Desk", "Why the northern deer herd is moving",
     "Maple syrup makers are tapping in January now"],
    ["MORE WEIRD NEWS", "Man finds message in a bottle he threw into the sea as a boy",
     "Town hires hawk to scare off chip-stealing gulls"],
    ["Also on KVRX", "City report: 23 bridges rated in 'poor' condition", "Council approves harbour upgrade"],
    ["Trending on the Harbour Courier", "Senate passes stopgap bill hours before the shutdown deadline",
     "Recall expands to two million pounds of frozen chicken strips"],
    ["Sponsored Stories", "Americans Over 50 Are Saying Goodbye to Expensive Cable. Here's Why.", "StreamSavings Daily",
     "Travelers Are Rushing to Book This All-Inclusive Caribbean Deal", "Isla Escapes"],
])
def test_an_inline_list_of_other_stories_is_dropped_and_the_story_goes_on(widget: list[str]) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        *widget, *STORY[3:], sep="\n"))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("label", ["Most Read News", "ALSO READ", "Trending on the Harbour Courier"])
def test_the_storys_own_subheading_under_an_inline_list_is_kept(label: str) -> None:
    """A short subheading with paragraphs under it ends the list of longer headlines above it;
    a link to more of the list ("Watch more videos") does not."""
    teasers = ["Beloved TV presenter, 58, reveals secret cancer battle in emotional interview",
               "Holidaymakers warned of fines for wearing flip-flops while driving in Spain"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        label, *teasers, "What the deal includes", *STORY[3:], sep="\n"))
    assert c.paragraphs == [*STORY[:3], "What the deal includes", *STORY[3:]]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        label, *teasers, "Watch more videos", *STORY[3:], sep="\n"))
    assert c.paragraphs == STORY
    # (under one headline, a subheading half its length at most)
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        label, teasers[0], "What the deal includes", *STORY[3:], sep="\n"))
    assert c.paragraphs == [*STORY[:3], "What the deal includes", *STORY[3:]]


def test_a_paragraph_closing_on_a_quote_in_single_marks_is_a_sentence_under_an_inline_list() -> None:
    # "... had been 'extremely challenging.'" ends a sentence: it is no fourth headline of the list above it
    para = ("Fire information officer Karen Lindqvist said crews were able to hold the southern flank overnight "
            "but that conditions on the eastern side had been 'extremely challenging.'")
    box = ["RELATED STORIES", "What to pack if you are placed on an evacuation alert",
           "B.C. wildfire season 2025: Maps, numbers and evacuation orders",
           "Insurance claims after wildfires: What you need to know"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3], *box, para,
                        *STORY[3:], sep="\n"))
    assert c.paragraphs == [*STORY[:3], para, *STORY[3:]]


def test_a_labelled_list_of_headlines_with_blurbs_inside_or_closing_the_story_is_dropped() -> None:
    """Under "Trending Now" or "Editor's picks", numbered headlines and questions each over a
    one-sentence blurb are other stories, wherever the list stands; the story's subheading
    under it is not."""
    trending = ["Trending Now", "1. Harbour officials signal more patience on dredging after the survey",
                "Several board members said they want to see the silt figures before acting.",
                "2. Hiker who vanished on a coastal trail found alive after nine days",
                "Rescuers said he survived on creek water and wild berries.",
                "3. Will the ferry fare freeze survive the council budget?",
                "The council and the operator are again arguing over who should pay for it."]
    scores = [0.1, 0.1, *[0.95] * 2, 0.2, *[0.95] * 6, 0.9, *[0.95] * 3]
    lines = story_with([*trending, "What the deal includes"], 2, byline=True)
    c = scored(lines, np.array(scores))
    assert c.paragraphs == [*STORY[:2], "What the deal includes", *STORY[2:]]
    picks = ["Editor's picks", *trending[1:]]
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY, *picks]
    c = scored(lines, np.array([0.1, 0.1, *[0.95] * 5, 0.3, *[0.95] * 6]))
    assert c.paragraphs == STORY


def test_a_picks_list_mixing_headlines_and_a_blurb_ends_at_the_storys_subheading() -> None:
    widget = ["Editor's Picks", "How a prairie hospital went from closures every week to none in two years",
              "The county's dental plan was supposed to help thousands, but many dentists still won't sign up.",
              "The doctor shortage, by the numbers: which counties are losing ground",
              "Opinion: Fixing emergency rooms starts outside the hospital"]
    lines = story_with([*widget, "Where the money goes"], 2, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.5, 0.9, 0.85, 0.9, 0.7, 0.85, 0.95, 0.95, 0.95]))
    assert c.paragraphs == [*STORY[:2], "Where the money goes", *STORY[2:]]


def test_a_caption_under_open_this_photo_in_gallery_is_not_the_story() -> None:
    caption = "The finance minister says the county has added more than 200 family doctors since 2023."
    lines = story_with(["Open this photo in gallery:", caption], byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.95, 0.3, 0.85, 0.95, 0.95]))
    assert c.paragraphs == STORY


def test_a_bare_read_more_over_headlines_is_a_list_but_not_over_a_round_ups_next_item() -> None:
    """"Read more" over two headlines is an inline list (the story's subheading under it stays);
    a round-up prints "Read more" under each item, over the next item's heading and paragraphs."""
    widget = ["Read more", "New ferry for the island route delayed until 2028 after a yard dispute",
              "Hauliers call for freight priority on the morning crossings to the mainland"]
    lines = story_with([*widget, "What the deal includes"], 2, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.2, 0.75, 0.7, 0.45, 0.95, 0.95, 0.95]))
    assert c.paragraphs == [*STORY[:2], "What the deal includes", *STORY[2:]]
    lines = story_with(["Read more", "2. The second thing the deal includes is disaster money"], 2, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.2, 0.75, 0.95, 0.95, 0.95]))
    assert "2. The second thing the deal includes is disaster money" in c.paragraphs


def test_a_players_block_inside_the_story_is_dropped_with_its_description() -> None:
    """"Video" / the clip's title / a sentence describing it / its running time: none of it is the
    story, though the description reads like a sentence of it."""
    player = ["Video", "Why the port ran out of berths, explained in 3 minutes",
              "Our reporter visits the container terminal and explains how the queue of ships formed.", "3:04"]
    lines = story_with(player, byline=True)
    c = scored(lines, np.array([0.1, 0.1, 0.95, 0.95, 0.95, 0.3, 0.8, 0.95, 0.6, 0.95, 0.95]))
    assert c.paragraphs == STORY


@pytest.mark.parametrize("thread", [
    ["We welcome comments from readers. Comments must include your full name and should stay on topic.",
     "Barbara Vance", "Sad day for the north end. My mother went there and so did my kids."],
    ["Most Read Politics", "Judge blocks federal layoffs in 12 states", "Governor signs bill to move state primary",
     "Perspective: Congress can't keep governing by cliff"],
    ["If you like what you read, follow us on Facebook, Instagram, X and Telegram to get the latest updates.",
     "Gateway Statehouse News is part of the Heartland Civic News Network, a nonprofit network of state newsrooms."],
    ["Breaking news alerts from across the county, straight to your phone.",
     "Contact Lydia Strassburg at lstrassburg@harbourregister.com or 920-555-0148.", "Notes to editors",
     "The Reservoirs Act 1975 applies to reservoirs in England holding 25,000 cubic metres.",
     "Media enquiries: press office, 0300 065 0441 (24 hours)."],
])
def test_a_comment_threads_rules_a_most_read_list_and_the_outlets_appeals_are_not_the_story(thread: list[str]) -> None:
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:4], *thread, STORY[4]]
    c = scored(lines, np.array([0.1, 0.1, *[0.95] * 4, 0.75, *[0.7] * (len(thread) - 1), 0.95]))
    assert c.paragraphs == (STORY[:4] if thread[0].startswith(("We ", "Breaking")) else STORY)


RELEASE = ["FRESNO, Calif., March 4, 2025 /Newsline/ -- Solvane Robotics, a maker of autonomous orchard harvesters, "
           "said on Tuesday it had raised $48 million in a Series B round led by Tillhaven Ventures.",
           "The company said the money would pay for a second assembly line in Fresno and 120 new jobs by 2026.",
           "\"Growers have told us the labour gap is now their biggest risk,\" chief executive Mara Lindqvist said.",
           "Solvane's harvesters picked about 9,000 tonnes of peaches and nectarines in California last season, "
           "up from 2,500 tonnes a year earlier, and the company expects to triple that again in 2026.",
           "Tillhaven partner Joel Ferris will join the board, the company said; existing investors also took part."]


@pytest.mark.parametrize("tail", [
    ["About Solvane Robotics", "Solvane Robotics, Inc. designs, builds and operates autonomous harvesting systems for "
     "specialty crops. Headquartered in Fresno, California, the company serves growers in three states.",
     "Forward-Looking Statements", "This press release contains forward-looking statements, including statements "
     "regarding Solvane's manufacturing expansion, production targets and hiring plans."],
    ["Cautionary Note Regarding Forward-Looking Information", "This news release contains forward-looking "
     "information within the meaning of applicable securities legislation."],
    ["Media contact:", "Dana Mirkovic, Solvane Robotics, press@solvane.example, 559-555-0142"],
])
def test_a_releases_notes_on_its_issuer_and_its_forward_looking_statements_are_not_its_text(tail: list[str]) -> None:
    c = scored(["Solvane Robotics raises $48 million to scale orchard harvesters", *RELEASE, *tail],
               np.array([0.1, *[0.95] * len(RELEASE), 0.4, *[0.9] * (len(tail) - 1)]))
    assert c.paragraphs == RELEASE


def test_a_reviews_section_about_the_book_it_reviews_is_the_review() -> None:
    about = ["About The Red Labyrinth", "The Red Labyrinth is the story of the anarchist Zoja Rose, told as a speech "
             "given by her most infamous disciple to the court that condemned her."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:4], *about, STORY[4]]
    c = scored(lines, np.array([0.1, *[0.95] * 4, 0.6, 0.9, 0.95]))
    assert c.paragraphs == [*STORY[:4], *about, STORY[4]]


def test_the_story_goes_on_under_a_read_more_list_and_photos_over_their_credits() -> None:
    widget = ["READ MORE:", "Council flood repair list tops 400 items, report shows",
              "Families asked to drive children 9km to bus stop", "Rail trail section to reopen by spring",
              "Children from the school cut a ribbon at the end of the bridge on Saturday, watched by 80 people.",
              "Photo / Kiri Haddon",
              "An elder blessed the bridge at dawn before the opening, and asked the crowd to recall the old one.",
              "Photo / Kiri Haddon"]
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3], *widget,
                        *STORY[3:], sep="\n"))
    assert all(p in c.paragraphs for p in STORY)
    assert not any(w in c.paragraphs for w in widget[:4])


@pytest.mark.parametrize("line", [
    "Goods sold over the counter, such as sandwiches, cookies, bagels and doughnuts, must be packaged, the rules say.",
    "Studies show that 81% of data breaches happen because of poor password security, the agency said on Tuesday.",
    "Ransomware gangs encrypt a company's data and demand payment to unlock it, investigators told the committee.",
    "The mayor's office said the change was first announced in its weekly newsletter to residents on Friday.",
])
def test_reporting_that_uses_a_prompts_word_in_passing_is_kept(line: str) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3], line,
                        *STORY[3:], sep="\n"))
    assert line in c.paragraphs


def test_the_story_runs_on_over_its_own_subheadings_and_chrome_words_used_in_passing() -> None:
    """Past the paragraphs the model is sure of, the run of reporting goes on over sentences it
    half believes: across a subheading with two paragraphs under it, and over a long sentence
    that says "comments" in passing."""
    passing = ("With seven months left in his term, the president could have left it to the nominee to carry "
               "the fight. But he felt a need to respond, especially to the rival's comments.")
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:2], STORY[2], "Role reversal", STORY[3],
             passing, STORY[4], "Most Read", "Markets slide as investors weigh rate outlook"]
    scores = np.array([0.2, 0.95, 0.95, 0.3, 0.3, 0.3, 0.3, 0.3, 0.05, 0.3])
    c = scored(lines, scores)
    assert c.paragraphs == [*STORY[:3], "Role reversal", STORY[3], passing, STORY[4]]


def test_a_sentence_saying_for_free_is_reporting_and_a_read_for_free_prompt_is_not() -> None:
    free = "A structural engineer from Whanganui agreed to design and sign off the project for free, the council said."
    prompt = "Read for free: create an account to keep reading our local journalism."
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3], free,
                        *STORY[3:], prompt, sep="\n"))
    assert free in c.paragraphs
    assert prompt not in c.paragraphs


@pytest.mark.parametrize("widget", [
    ["Frontier League Scoreboard", "Spokane Larkspurs 3, Boise Foxtails 5 — Bot 6th",
     "Yakima Pinecrest 0, Missoula Ospreys 2 — Top 4th", "Casper Wildcatters at Pocatello Trout — 7:05 PM MT",
     "Full scoreboard ›"],
    ["Cash Bids Near You", "Spiritwood – Prairie Meridian Soybeans: 10.13 (-0.52 N)",
     "Jamestown – Coop Elevator Soybeans: 9.96 (-0.69 N)", "View all bids"],
])
def test_a_widget_closed_by_its_link_inside_the_story_is_dropped(widget: list[str]) -> None:
    """A label under a paragraph, a few rows and the link closing them ("View all bids") are a
    widget, however the model scores its rows."""
    c = clean_text(page("Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY[:3],
                        *widget, *STORY[3:], sep="\n"))
    assert c.paragraphs == STORY


@pytest.mark.parametrize(("header", "byline", "notice", "outlet"), [
    # the logo line is the masthead when the notice names it, alone or as a company
    (["Meridian", "World", "Business"], "By Ann Lee", "© 2025 Meridian. All rights reserved.", "Meridian"),
    (["Longitude", "Subscribe", "Politics"], "By Ann Lee", "© 2025 Longitude Media. All Rights Reserved.",
     "Longitude"),
    (["THE LEDGER", "Subscribe", "Markets"], "By Ann Lee", "Copyright ©2024 Ledger Media Group, Inc.", "The Ledger"),
    # a masthead worded like a person's name stands when the notice adds a company's words to it
    (["Parallax Science", "Subscribe", "Physics"], "By Ann Lee", "© 2025 Parallax Science Media. All rights reserved.",
     "Parallax Science"),
    (["Al Sahil", "News", "Middle East"], "By Ann Lee", "© 2025 Al Sahil Media Network", "Al Sahil"),
    # a logo's link text and a support prompt naming the paper: the paper's name, not the prompt
    (["The Albion Times - Back to home", "Support the Albion Times", "Sign in"], "By Ann Lee",
     "© 2026 Albion Times Media Group Limited or its affiliated companies.", "The Albion Times"),
    (["BARREL & GRID", "Subscribe", "Markets"], "By Ann Lee", "© 2026 Barrel & Grid Information Services.",
     "Barrel & Grid"),
    (["The Meridian", "Nigeria's Independent Voice", "News"], "By Ann Lee",
     "Copyright © 2026 The Meridian Newspapers Limited", "The Meridian"),
    (["Bellwether Markets", "Markets", "Investing"], "By Ann Lee",
     "© 2025 Bellwether Markets LLC. All Rights Reserved.",
     "Bellwether Markets"),
    (["The Western Clarion", "News", "Court"], "By Ann Lee", "© The Western Clarion 2023", "The Western Clarion"),
    (["Riverina Today", "Local News", "Sport"], "By Ann Lee", "© Copyright 2024 Riverina Today", "Riverina Today"),
    # a company trading under the outlet's name: the outlet is the trading name, not a menu's
    (["Black Sky Thinking", "The Quietus", "Reviews"], "By Ann Lee",
     "©Black Sky Thinking Limited (trading as The Quietus) company number 07130747", "The Quietus"),
    # a menu item the notice happens to start with is not the masthead, nor is a menu phrase
    (["Social", "Blog", "Contact"], "By Ann Lee", "© 2025 The Social Shepherd", None),
    (["CNW", "Live TV", "Politics"], "By Ann Lee", "© 2024 Capital News Watch. All Rights Reserved.",
     "Capital News Watch"),
    # a station's byline names it; its notice names the owner
    (["KVTR 7", "Watch Live", "Weather"], "by Jenna Holloway, KVTR 7 News", "© 2025 Prairie Broadcasting Group",
     "KVTR 7 News"),
    (["Home"], "By Tom Ashcroft, Crime Correspondent", "© 2025 Daily Clarion Media", "Daily Clarion Media"),
    # a station's call sign and channel over its owner's notice; the market after the channel is no part of it
    (["KTXV News 4 Tucson", "Menu", "Weather"], "By Ann Lee", "© 2026 Sonoran Broadcasting Group", "KTXV News 4"),
    # a byline and a notice that name the same paper outweigh a menu item worded like a masthead
    (["Home Page", "Ohio News", "Sports"], "By Derek Holloway | dh@mvc.example | The Maumee Valley Courier",
     "Copyright © 2025 The Maumee Valley Courier", "The Maumee Valley Courier"),
    # a personal site's name and notice: a person, not an outlet
    (["Erin Spain", "Blog", "About"], "By Erin Spain", "Copyright © 2026 Erin Spain. Log in", None),
    # a paper whose name says "News" in its own language
    (["El Mirador Noticias", "Inicio", "English Edition"], "Redacción El Mirador",
     "© 2025 El Mirador Noticias. Todos los derechos reservados.", "El Mirador Noticias"),
    # the notice names the title and its publisher
    (["Container Trade Review", "Log in", "News"], "By Ann Lee",
     "© 2026 Container Trade Review is published by Quayside Information Group Ltd, registered in England.",
     "Container Trade Review"),
    # a paper named like a person but for its newspaper word ("Echo", "Mercury")
    (["Valleys Echo", "News", "Sport"], "By Ann Lee", "© 2026 Valleys Echo. Part of Cambrian News Media Ltd.",
     "Valleys Echo"),
    # a station's name the page prints again, given in full by the byline
    (["CPB", "News", "Sport"], "By Ann Lee, CPB News", "Thank you for reading CPB. Follow CPB on Facebook.",
     "CPB News"),
    # the logo's text with the paper's motto; a German publisher's company words
    (["Sign in", "The Northern Ledger - Independent since 1871", "UK", "World"], "By Ann Lee",
     "© 2025 The Northern Ledger Media Group. All rights reserved.", "The Northern Ledger"),
    (["DE", "EN", "Rheinische Tagespost", "English Edition"], "By Ann Lee",
     "© Rheinische Tagespost Mediengruppe 2024", "Rheinische Tagespost"),
])
def test_outlet_from_masthead_notice_and_byline(header: list[str], byline: str, notice: str,
                                                 outlet: str | None) -> None:
    c = clean_text(page(*header, "Budget deal clears Congress after weeks of talks", byline, *STORY,
                        "Terms of Use", notice, sep="\n"))
    assert c.outlet == outlet


@pytest.mark.parametrize("under", [
    ["Salma Haddad, Senior Reporter"],
    ["By Helen Marsh", "North of England correspondent"],
    ["Liam Beaulieu · CBN News"],
    ["Harriet Vance", "Senior Fellow, Technology Policy Program"],
    ["Clarissa Tan", "Share this article", "Gift this unlocked article", "Font size"],
    ["By Lucía Paredes", "Ships wait off the coast on Tuesday, April 23, 2024. (WWP Photo/Rodrigo Quispe)"],
    ["By Justine Arcand", "Print this article",
     "A ferry leaves Swartz Bay terminal on Oct. 17. CHAD LEUNG/THE STANDARD"],
    ["By Kavya Nagaraj", "A ferry leaves Swartz Bay terminal on Friday. DO Photo/Arvind Shetty"],
    # the role with the outlet after a dot; a byline under "Words:", then a highlights player
    ["Dylan Cresswell", "Cricket writer · The Harbour Herald", "15 Feb, 2026 10:42 PM", "4 mins to read"],
    ["Saturday 4 October 2025", "Words: Club Media Team", "Watch the highlights on ATFC+",
     "Highlights | Aldervale Athletic 2-1 Brindle Park", "04:36"],
    # the byline and the pictures' credit on one line; a caption between the date stamp and the byline
    ["Words: Mere Tautahi | Photos: Supplied", "27 February 2024", "3 Comments", "Share on Facebook"],
    ["Updated / Sunday, 21 Jan 2024 18:44", "Waves crash against the promenade at Salthill in Galway this afternoon",
     "By Ciara Nic Aodha", "Western Correspondent", "Share"],
    # the department a government's news release is from
    ["From: Department of Justice and Attorney General", "Share this page", "Facebook"],
    # a button to follow the site on a search engine, share buttons with their screen reader's note
    ["Priya Raman", "Jun 18, 2024 - Technology", "Add Sidebar on Google", "facebook (opens in new window)",
     "twitter (opens in new window)"],
])
def test_headline_is_not_a_role_line_a_button_or_a_credited_caption_under_it(under: list[str]) -> None:
    head = "Coastal communities brace for ferry cuts as winter sailings are trimmed"
    c = clean_text(page("Home", "News", head, *under, *STORY, sep="\n"))
    assert c.title == head
    assert c.paragraphs == STORY


@pytest.mark.parametrize("line", ["21. Safety Lockout/Tagout Kit", "Automatic thread cutter (with on/off capability)",
                                  "Pros: Excellent fares. Great filters. Price tracker/fare alert.",
                                  "NATO SUMMIT OPENS IN VILNIUS/LITHUANIA", "Photo/video editing software: a guide"])
def test_lines_with_a_slash_are_not_taken_for_photo_credits(line: str) -> None:
    assert not CAPTION_RE.search(line)


TEASERS = [("Police seek dashcam footage after ute rolls on the highway",
            "Officers say the driver escaped with minor injuries but the vehicle was badly damaged."),
           ("Council to consult on new dog off-leash areas in town",
            "Three sites are proposed, including a fenced section of the park, with feedback open until December."),
           ("Leeton Shire rolls out free green waste collection",
            "Residents will receive a new bin this month, with fortnightly pickups starting in early December."),
           ("Grandmother, 88, completes her first skydive over the valley",
            "She told friends it was better than bingo and is already planning a second jump for her 90th.")]


def test_sentence_case_teasers_with_prose_blurbs_around_a_short_story_are_dropped() -> None:
    """Headline + one-sentence blurb pairs read like reporting line by line, in sentence case
    as much as in title case: in blocks, before the story, after a label under it, or after
    an unknown label ("Trending on KVRX"), they are a list of other stories."""
    pairs = [x for pair in TEASERS for x in pair]
    c = clean_text(page("The Valley Star", "News", *pairs[:6], "Pool to stay closed all summer after leak found",
                        "By Ann Lee", *STORY[:4], "More from the region", *pairs[2:], "Trending on KVRX", *pairs,
                        "© 2025 The Valley Star", sep="\n"))
    assert c.paragraphs == STORY[:4]


def test_a_guide_made_of_numbered_steps_and_one_line_summaries_is_kept() -> None:
    steps = [x for i, (h, b) in enumerate(TEASERS, 1) for x in (f"Step {i} - {h}", b)]
    c = clean_text(page("Small business guide: staying safe", "By Ann Lee", *STORY[:3], *steps, STORY[3], sep="\n"))
    assert all(s in c.paragraphs for s in steps[1::2])


def test_numbered_most_read_headlines_after_a_teaser_block_do_not_stay_with_the_story() -> None:
    pairs = [x for pair in TEASERS for x in pair]
    most_read = ["1. Man dies after being pulled from the surf at the northern beach on Sunday",
                 "2. Supermarket price war: which chain came out cheapest this week and why it matters",
                 "3. Teacher strike to go ahead after talks collapse late on Friday night in the capital"]
    c = clean_text(page("Tūī News", "Home", "Pool to stay closed all summer after leak found", "By Ann Lee",
                        *STORY, "More weather stories", *pairs, "Most read today", *most_read, sep="\n"))
    assert c.paragraphs == STORY


def test_a_feed_of_teasers_with_their_sources_and_ages_after_the_story_dropped() -> None:
    """A portal's "More for You" feed: headline, source, age, blurb, over and over. Each blurb
    reads like reporting, and the model may believe it; none is the story."""
    feed = ["More for You"]
    for head, source, age, blurb in [
            ("Airline drops carry-on fees on short routes", "The Coastal Ledger", "2h",
             "The carrier said the change would apply to flights under 500 miles starting in July."),
            ("Grocery chain recalls bagged salad over listeria fears", "Heartland Daily", "4h",
             "The voluntary recall covers about 14,000 bags sold in nine states, the company said."),
            ("Hiker rescued after three days trapped in canyon", "KFRD News 4", "6 hours ago",
             "Search crews found the man on a ledge after a volunteer spotted his orange jacket.")]:
        feed += [head, source, age, blurb]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *feed, "© 2025 Nimbus"]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.6] + [0.8, 0.7, 0.4, 0.9] * 3 + [0.1])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_a_short_story_above_a_numbered_trending_list_is_the_reporting() -> None:
    """A three-paragraph brief far above a numbered "Trending" list the model scores higher:
    the brief is the story and the list is not kept."""
    trending = ["Trending"]
    for n, (head, blurb) in enumerate([
            ("Trail lanes to close for six weeks starting Monday",
             "Crews will replace a bridge deck near the zoo, with traffic reduced to one lane each way."),
            ("Old West End bakery to close after 62 years",
             "The owners said rising costs and a lack of staff made it impossible to continue."),
            ("County approves property tax rebate for seniors",
             "Homeowners over 65 will receive up to $400 under the program approved on Tuesday.")], 1):
        trending += [str(n), head, blurb]
    chrome = ["Report an Error", "Submit a News Tip", "Policies and Standards", "Sponsored Content",
              "Local Events", "Calendar", "Obituaries", "E-Edition", "Classifieds", "Contact Us"]
    lines = ["Clerk held at knifepoint in gas station robbery", *STORY[:3], *chrome, *trending, "About Us"]
    scores = np.array([0.2, 0.84, 0.9, 0.89] + [0.2] * len(chrome) + [0.1] + [0.2, 0.87, 0.94] * 3 + [0.05])
    c = scored(lines, scores)
    assert c.paragraphs == STORY[:3]


def test_reporting_goes_on_under_a_sign_up_box_inside_the_story() -> None:
    box = ["Daily Briefing", "Sign up for the Daily Briefing to get the day's top stories in your inbox.",
           "Email (required)", "Sign Up", "By submitting your email, you agree to our Terms and Privacy Notice."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, *STORY[3:], "Most Popular",
             "1", "Markets slide as investors weigh rate outlook"]
    scores = np.array([0.2, 0.95, 0.95, 0.95] + [0.05] * len(box) + [0.55, 0.3, 0.1, 0.05, 0.2])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


@pytest.mark.parametrize("credit", ["Reporting by Ann Lee in Brussels; Editing by Tom Park",
                                    "Additional reporting by Lee Min-jun in Seoul", "With files from Prairie Wire",
                                    "— With files from Kiera Dunlop, The Prairie Ledger",
                                    "With reports from El Heraldo Metropolitano and Diario Capital",
                                    "Edited by Martin Kessler"])
def test_a_wire_credit_line_closing_the_story_is_kept(credit: str) -> None:
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, credit, "Our Standards", "Most Read"]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.2, 0.05, 0.05])
    c = scored(lines, scores)
    assert c.paragraphs == [*STORY, credit]
    # (and inside the run, with the writer's bio the model half-believes under it)
    bio = "Ann Lee covers Congress for the Harbour Wire. She can be reached at ann.lee@harbourwire.example."
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, credit, "ABOUT THE AUTHOR", "Ann Lee", bio]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.45, 0.37, 0.48, 0.62])
    assert scored(lines, scores).paragraphs == [*STORY, credit]


@pytest.mark.parametrize("bio", ["Marchetti covers the Midwest for Harbour Wire. She is based in Indianapolis.",
                                 "Corliss is a Harbour Wire reporter based in Chicago, covering transportation.",
                                 "Trung is a content writer at Orient Software who blogs about software.",
                                 "Marchetti covers federal courts for The Harbour Courier from Washington. She "
                                 "previously reported on the Supreme Court for eight years.",
                                 "Marchetti covers retail and food companies for the Commerce Journal. Before joining "
                                 "the paper in 2019, she covered agriculture.",
                                 "Marchetti is Harbourline's primary sector editor, covering agriculture and exports.",
                                 "Marchetti covers infectious disease and vaccines for the Health desk. She previously "
                                 "reported from the Gulf Coast. More about Dana Marchetti",
                                 "Marchetti covers law and technology from San Francisco. She has written about "
                                 "legal fights over autonomous vehicles."])
def test_a_writers_bio_naming_them_by_surname_is_not_the_story(bio: str) -> None:
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, "DANA " + bio.split()[0].upper(), bio,
             "Most Read"]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.6, 0.7, 0.05])
    assert scored(lines, scores).paragraphs == STORY
    # (a sentence of the story naming a product by one word is not a bio)
    line = "Flatliner is a handy code editor that helps to test the Flatline expressions."
    lines = story_with([line])
    assert line in scored(lines, np.array([0.2] + [0.95] * 6)).paragraphs


def test_the_rows_of_a_spec_sheet_closing_a_review_are_not_trimmed_as_teasers() -> None:
    specs = ["Price: $199", "Weight: 4.6 grams per earbud", "Codecs: AAC, SBC, LC3", "Charging: USB-C and Qi wireless"]
    lines = ["Aero 3 earbuds fix the fit problem", *STORY, "Here are the key specs:", *specs, "Most Popular"]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.95, 0.9, 0.9, 0.7, 0.6, 0.05])
    c = scored(lines, scores)
    assert c.paragraphs == [*STORY, "Here are the key specs:", *specs]


HEAD = "Storm shuts Rotterdam port for three days as ships queue off the coast"


@pytest.mark.parametrize("media", [
    ["Ships queued off the Dutch coast on Sunday evening", "Image: Ruben Vos/ANP"],
    ["Ships queue off the Dutch coast on Sunday after the port authority halted all traffic.",
     "Caitlin Marrow for The Harbour Gazette"],
    ["JAMMED Ships queued off the Dutch coast on Sunday evening", "Credit: Harbour Picture Desk"],
])
def test_headline_is_not_a_caption_or_credit_under_the_byline_and_share_bar(media: list[str]) -> None:
    c = clean_text(page("World", HEAD, "Anna Hollis", "Published: 14:32, 9 Apr 2025", "Share", "Save",
                        *media, *STORY, sep="\n"))
    assert c.title == HEAD


def test_headline_is_not_a_caption_between_the_standfirst_and_the_date() -> None:
    dek = "The port authority says no ship will move before Thursday, leaving hundreds of containers stranded."
    header = ["Europe", "Netherlands", HEAD, dek, "Dredging had already begun before the storm hit the coast",
              "Image: Ruben Vos/ANP/picture alliance", "Date 18.03.2025", "Author Marieke Jansen"]
    scores = np.array([0.05, 0.05, 0.3, 0.45, 0.4, 0.1, 0.05, 0.05] + [0.95] * len(STORY))
    c = scored([*header, *STORY], scores)
    assert c.title == HEAD


def test_headline_over_a_tabloid_standfirst_of_bullet_points() -> None:
    bullets = ["Janet Pryce thought the card was a dud and left it on the kitchen table for a week",
               "Her grandson spotted the winning row while clearing up for recycling day",
               "She says she will buy a bungalow by the sea and a very nice hat for the races"]
    head = "Gran, 78, scoops £2.1m on scratchcard she nearly binned with the Sunday papers"
    c = clean_text(page("News", "WIN OR BIN", head, *bullets, "Rory Tennant", "Published: 14:32, 9 Apr 2025",
                        "142 comments", *STORY, sep="\n"))
    assert c.title == head


def test_a_table_of_contents_over_the_story_is_not_a_standfirst() -> None:
    contents = ["What to consider when you are ready for an upgrade at home",
                "Renovate, remodel or rebuild: the pros and cons of each choice",
                "New construction or renovation: deciding what is right for you"]
    c = clean_text(page("Blog", HEAD, "Jan 30, 2025", "Written by Model Remodel", "JUMP TO:", *contents,
                        "Share", *STORY, sep="\n"))
    assert c.title == HEAD


def test_a_kicker_over_a_sentence_case_headline_and_its_standfirst() -> None:
    head = "In Arizona's copper country, the mines that drained the aquifer are now being asked to refill it"
    dek = "State regulators want mining companies to pump treated water back underground."
    header = ["Climate", "The West's Water Crisis", head, dek, "Listen to this article · 11:42 min",
              "Share full article", "By Everett Saldana"]
    scores = np.array([0.05, 0.3, 0.4, 0.4, 0.05, 0.05, 0.1] + [0.95] * len(STORY))
    c = scored([*header, *STORY], scores)
    assert c.title == head
    assert c.paragraphs == STORY


def test_a_kicker_in_capitals_joining_a_label_and_the_fixture_is_not_the_headline() -> None:
    head = "Guadalmar rescue late point as Ribera rue Castell's missed penalty"
    dek = "Naranjo's header in the 89th minute cancels out Yusuf Demir's opener after the captain's miss."
    header = ["Football", "MATCH REPORT · ATLÉTICO GUADALMAR 1-1 DEPORTIVO RIBERA", head, dek, "Sergio Aldana",
              "Updated Sunday, 26 October 2025, 23:10 CET", "Share"]
    c = clean_text(page(*header, *STORY, sep="\n"))
    assert c.title == head


def test_an_updated_stamp_over_the_headline_with_the_byline_under_it() -> None:
    c = clean_text(page("Coverage from our livestreaming video studio", "UPDATED 16:47 EST / DECEMBER 19 2025", "AI",
                        HEAD, "by Victoria Gayton", "SHARE", *STORY, sep="\n"))
    assert c.title == HEAD


@pytest.mark.parametrize(("top", "mentions", "outlet"), [
    # a name worded like a person's: the outlet when the page gives it as a publisher's, else not
    ("Science Current", ["Subscribe to Science Current", "Scientists told Science Current the find was rare."],
     "Science Current"),
    ("Northside Corner", ["Hannah Okonkwo covers Ravenswood as a reporter for Northside Corner.",
                          "Northside Corner is a nonprofit newsroom."], "Northside Corner"),
    ("Erin Spain", ["Erin Spain is a writer in Leeds.", "Readers told Erin Spain the find was rare."], None),
    ("Feedback Loop", ["Sign up for the Feedback Loop newsletter", "She told Feedback Loop she never said never."],
     "Feedback Loop"),
    ("Household Verdict", ["More news from Household Verdict", "Household Verdict Ltd is a registered charity."],
     "Household Verdict"),
    # a page printing its name twice (masthead and footer) and naming it once in a sentence
    ("The Ledger Line", ["Thanks for reading The Ledger Line! Subscribe for free.", "The Ledger Line"],
     "The Ledger Line"),
    ("The Calloway Institute", ["The Calloway Institute is a nonpartisan research organization.",
                                "A fellow at the Calloway Institute, she writes about The Calloway Institute's work."],
     "The Calloway Institute"),
    ("Fathomline", ["Try Fathomline Pro", "The founders told Fathomline that the app had 3 million users."],
     "Fathomline"),
    ("Products", ["View All Products", "See our Products and services."], None),
    # a paper's name a reporter's bio and a teaser list give as a publisher's
    ("Moncton Tidings", ["Jordan Cormier is a reporter with the Moncton Tidings.", "Top Stories from Moncton Tidings"],
     "Moncton Tidings"),
    ("VerityCheck", ["A reverse image search led VerityCheck to the original upload.",
                     "Contact: helena.marsh@veritycheck.org", "VerityCheck is reader-supported."], "VerityCheck"),
    # the footer's line about the site, a bio giving the writer's job there, an "About" link
    ("StarBuzz", ["StarBuzz Shopping", "StarBuzz is part of the Pinnacle Entertainment Media publishing family.",
                  "© 2026 Pinnacle Entertainment Media."], "StarBuzz"),
    ("Aotearoa Now", ["Liam Fairbairn is Aotearoa Now's transport reporter, based in Wellington.",
                      "About Aotearoa Now", "© Copyright 2026 Kahu Media Ltd"], "Aotearoa Now"),
    # a station's frequency closing its name; a sentence the name opens, over its owner's notice
    ("Fundy 97.3", ["Get the Fundy 97.3 App", "Download the Fundy 97.3 app", "Fundy 97.3"], "Fundy 97.3"),
    ("The Suir Valley Champion", ["The Suir Valley Champion", "The Suir Valley Champion supports the work of the "
                                  "Press Council.", "Copyright © 2024 Munster Local Media Ltd. All rights reserved."],
     "The Suir Valley Champion"),
])
def test_outlet_from_the_first_line_when_the_page_names_it_again(top: str, mentions: list[str],
                                                                 outlet: str | None) -> None:
    """A brand with no outlet word ("Fathomline") is the outlet when the page names it in a
    sentence and elsewhere; a menu word is not, nor a person-like name the page does not
    give as a publisher's."""
    c = clean_text(page(top, "Home", "Business", "Budget deal clears Congress after weeks of talks", *STORY,
                        *mentions, "Privacy Policy", sep="\n"))
    assert c.outlet == outlet


@pytest.mark.parametrize("banner", [
    ["Este sitio utiliza cookies / This site uses cookies", "Aceptar / Accept", "Rechazar / Reject",
     "Más información / More information", "Ir al contenido"],
    ["We value your privacy", "The Harbour Gazette and its partners use cookies to personalise advertising.",
     "You can accept all, reject all, or subscribe to browse without personalised advertising.",
     "Accept and continue", "Reject", "Subscribe ad-free", "Settings"],
    ["We value your privacy", "We use cookies and similar technologies to run this site.", "Accept All",
     "Reject All", "Cookie Settings", "Subscribe to the digital edition from €1.50 a week"],
    ["We Care About Your Privacy", "We and our 842 partners store and access personal data on your device.",
     "I Accept", "Reject All", "Show Purposes"],
])
def test_outlet_under_a_cookie_banner_printed_first(banner: list[str]) -> None:
    name = "La Crónica del Bajo Río" if banner[0].startswith("Este") else "The Harbour Gazette"
    c = clean_text(page(*banner, name, "Noticias", "Budget deal clears Congress after weeks of talks", *STORY,
                        f"Thank you for reading {name}.", f"Follow {name} on Facebook", sep="\n"))
    assert c.outlet == name


@pytest.mark.parametrize(("top", "footer", "outlet"), [
    # the paper over its owner's notice, under a cookie banner
    (["We value your privacy", "We and our 186 partners store and access cookies on your device.", "AGREE",
      "Ballymore Leader", "Subscribe", "News", "Sport"], "© 2026 Ballymore Media Ltd. All Rights Reserved.",
     "Ballymore Leader"),
    # a logo's alt text names the outlet
    (["Skip to Content", "Harbour News Logo", "Politics", "World"], "Privacy Policy", "Harbour News"),
    # a notice with a legal form from elsewhere ("Pte. Ltd.", "Sp. z o.o.") is a company's: the masthead
    # worded like a person's name is the outlet
    (["Lionsgate Beat", "Menu", "Search", "News", "Singapore"], "© 2026 Lionsgate Beat Pte. Ltd.", "Lionsgate Beat"),
    (["Kurier Wislany", "English", "Polski", "Poland"], "© Kurier Wislany Sp. z o.o. 2026", "Kurier Wislany"),
    # a paper's name with an outlet word not in common English use ("Advocate", "Ledger")
    (["Skip to content", "The Murray Advocate", "Subscribe", "News"], "© 2026 Riverina Regional Media Pty Ltd",
     "The Murray Advocate"),
    # "MSA Network LLC": no legal form glued inside a name ("M SA")
    (["Best Subscriptions", "Menu"], "© MSA Network LLC 2012-2025", "MSA Network"),
    # a menu item is not the masthead, even with an outlet word ("Chicago News" under "Local News"); the
    # station's call sign and channel are, over its owner's notice
    (["Skip to content", "WQRT 9 Riverton", "Toggle Menu", "News", "Local News", "Riverton News", "Suburbs",
      "Weather"], "© 1998 - 2026 Nexmore Media Inc. | All Rights Reserved.", "WQRT 9"),
    # the logo's initials under the paper's name: the notice's company is the owner's ("SG Media Holdings")
    (["Skip to content", "The Straits Gazette", "Subscribe", "Sign in", "SG", "News", "Singapore"],
     "Published by SG Media Holdings Ltd. Copyright © 2025 SG Media Holdings Ltd.", "The Straits Gazette"),
])
def test_outlet_from_the_paper_over_its_owners_notice_a_logo_and_not_a_menu(top: list[str], footer: str,
                                                                            outlet: str) -> None:
    c = clean_text(page(*top, "Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY, footer,
                        sep="\n"))
    assert c.outlet == outlet


def test_the_first_line_named_again_wins_over_a_menu_item_with_an_outlet_word() -> None:
    head = "Budget deal clears Congress after weeks of talks"
    c = clean_text(page("PopReel", "Menu", "Celebrity", "Reality TV", head, *STORY,
                        "A source told PopReel the vote was close.", "Sign up for PopReel's newsletter", sep="\n"))
    assert c.outlet == "PopReel"


@pytest.mark.parametrize(("meta", "day"), [
    # a scrape glues the published and updated dates, the writer and the section into one line
    ("On January 12, 2025January 22, 2025 By Gabby BoucherIn Budget Travel, Budget Travel Guides",
     dt.date(2025, 1, 12)),
    ("February 22, 2026February 22, 2026", dt.date(2026, 2, 22)),
    ("ByAngela Kaye Carpenter Updated onFebruary 16, 2026", None),
    # a writer's name with the letters after it, a "Written by" line glued to its name
    ("Dylan Bailey, MS, RD, FAND", None),
    ("Written byby Rebecca MacFarlane", None),
])
def test_the_writers_glued_meta_line_under_the_headline_is_not_the_headline(meta: str, day: dt.date | None) -> None:
    head = "Budget deal clears Congress after weeks of talks"
    c = clean_text(page("Skip to content", "Home", "Travel", head, meta, *STORY, "Privacy Policy", sep="\n"))
    assert c.title == head and meta not in c.paragraphs
    if day is not None:
        assert c.date == day


@pytest.mark.parametrize("meta", ["September 1, 2016September 8, 2016Autumn Adams",
                                  "September 1st, 2023 By Emily Norwood"])
def test_dates_glued_to_the_writers_name_over_the_story_are_the_header(meta: str) -> None:
    c = clean_text(page("Budget deal clears Congress after weeks of talks", meta, *STORY, sep="\n"))
    assert meta not in c.paragraphs and c.paragraphs == STORY


HEAD = "Budget deal clears Congress after weeks of talks over disaster money"
DEK = "The measure funds agencies through September and adds money for states hit by storms"


@pytest.mark.parametrize("header", [
    # a lead picture's caption with its credit after the sentence, under the standfirst
    [HEAD, DEK, "Lawmakers leave the Capitol after the vote on Tuesday evening. [File, Herald]", "By Ann Lee",
     "| Jun. 27, 2024", "Share"],
    [HEAD, "By: Ann Lee - Reporter", "Courier / 02:14 PM October 24, 2024",
     "The Capitol as seen from the Mall on Tuesday morning, Oct. 22, 2024. IMAGE COURTESY OF THE SENATE", "Share"],
    # a radio site's header: the programme, the reporter, the player, the picture's bare credit
    [HEAD, "June 20, 20245:01 AM ET", "Heard on Morning Report", "Ann Lee", "4-Minute Listen", "Playlist",
     "Ann Lee", "Lawmakers leave the Capitol after the vote on Tuesday evening.",
     "Ann Lee/Heartland Public Radio", "hide caption"],
    # an archive's age notice, an audio player's note, a link to the original, a search box over the headline
    ["This was published 1 year ago", HEAD, "By Ann Lee", "November 25, 2025"],
    [HEAD, DEK, "Voice generated by AI", "By Ann Lee", "November 25, 2025"],
    [HEAD, DEK, "Original version in Portuguese", "November 25, 2025"],
    ["Search the Courier", "World", HEAD, DEK, "By Ann Lee", "November 25, 2025"],
    # writers with their role in the plural, a writer's name of four words, under the headline
    [HEAD, DEK, "ANN LEE and TOM ALDOUS, Capitol Courier staff writers", "February 7, 2025 19:05 JST"],
    [HEAD, DEK, "Michelle Tan Yi Ling", "Published Tue, Mar 18, 2025 · 07:52 PM"],
    # the writer and the outlet in a row, a photo's title under its caption toggle, a clip with its source
    [HEAD, "Show Caption", "Hide Caption", "Lawmakers rally outside the Capitol before the vote",
     "Kelsey Raddatz, Fox Valley Gazette",
     "Published 10:32 p.m. CT April 14, 2025"],
    ["Food & Drink", "Stay", "Video", HEAD, "By Ann Lee, Priya Anand and Colin Frey, MNN",
     "Updated 9:47 PM EDT, Tue June 3, 2025", "Video Ad Feedback", "Hear senators react as the vote is called",
     "01:58 - Source: MNN", "Now playing - Source: MNN", "See more videos"],
    [HEAD, "Brian Truitt USA TODAY", "Published 5:01 a.m. ET Nov. 25, 2025"],
    [HEAD, DEK, "NewsJack Pattinson Local Democracy Reporter", "11:05, 3 Jun 2025"],
    # a breadcrumb over it; the paper a portal carries the story from, named again on the page
    ["Home > Politics > Congress", HEAD, DEK, "By Ann Lee", "November 25, 2025"],
    ["Up next: Crews inspect aging bridges", "1:27", "The Miami Valley Courier", HEAD, "Ann Lee",
     "Sat, May 17, 2025 at 6:41 AM EDT", "More from The Miami Valley Courier"],
])
def test_the_headline_over_captions_credits_notices_and_writers(header: list[str]) -> None:
    c = clean_text(page("Skip to content", "News", "Politics", *header, *STORY, "Privacy Policy", sep="\n"))
    assert c.title == HEAD and c.paragraphs == STORY


def test_the_headline_over_a_shorter_standfirst_the_lead_pictures_caption_and_the_writer() -> None:
    header = [HEAD, "Free bus rides and bridging buses were activated along the whole line",
              "Commuters queue for bridging buses outside the station during the disruption on Jan 15 morning.",
              "PHOTO: THE LION CITY POST", "Shermaine Tan", "Transport Correspondent",
              "Published Jan 15, 2025, 11:48 AM"]
    assert clean_text(page("Skip to content", "Singapore", *header, *STORY, sep="\n")).title == HEAD


def test_the_headline_over_a_shorter_standfirst_a_caption_and_a_share_bar() -> None:
    """A regional chain's header: headline, a shorter standfirst, the lead picture's caption and credit, the
    share bar, then the writer and the date: the longer line over the standfirst is the headline."""
    head = "Fourteen bus routes to be axed or cut back across the valleys as operator blames driver shortage"
    dek = "Thousands of passengers in outlying villages face longer journeys, or no service at all"
    header = [head, dek, "The number 14 at the bus station. It is one of four routes that will be withdrawn.",
              "(Image: Calderbridge Evening Post)", "Bookmark", "Share", "Comments", "News", "By", "Rachel Tindall",
              "Transport Reporter", "06:00, 8 OCT 2024"]
    assert clean_text(page("News", "Transport", *header, *STORY, sep="\n")).title == head


def test_a_live_pages_entry_with_its_time_in_front_is_not_the_headline() -> None:
    head = "Live: Ship aground on the reef – all crew safe, oil sheen spotted"
    entries = ["4.15pm: Salvors fly over ship", STORY[0], "3.40pm: Fishing closure announced", STORY[1],
               "2.55pm: Crew airlifted to hospital", STORY[2]]
    c = clean_text(page("News", head, "By Ann Lee", "Updated 4.20pm", *entries, *STORY[3:], sep="\n"))
    assert c.title == head


def test_a_tabloids_long_headline_over_its_bullet_points() -> None:
    head = ("Fury on the prom as council hikes beach hut fees by 68% - with some owners now facing £2,100 a YEAR "
            "to keep their tiny timber sheds")
    bullets = ["East Suffolk Council says new charges are needed to pay for sea defence repairs",
               "Owners say the colourful huts are being turned into a 'playground for the rich'",
               "One pensioner who has had her hut since 1979 says she will be forced to sell up"]
    c = clean_text(page("Home", "News", head, *bullets, "By Harriet Coombe For The Daily Grapevine",
                        "Published: 09:14, 9 April 2025", *STORY, sep="\n"))
    assert c.title == head


def test_what_the_model_keeps_over_the_headers_date_line_is_the_header() -> None:
    """A scrape whose header the model believes (the headline, the standfirst and the writers over the
    date line): the story starts under the date, and the headline is found."""
    header = ["This article is more than 1 year old", HEAD,
              "At least 47 dead as monsoon rains swamp the north-east, with aid groups warning of disease",
              "Hannah Ellery in Dhaka and Rafiq Ahmed in Sunamganj", "Sat 6 Jul 2024 14.05 BST", "Share"]
    lines = [*header, *STORY]
    scores = np.array([0.74, 0.71, 0.68, 0.53, 0.22, 0.01] + [0.99] * len(STORY))
    c = scored(lines, scores)
    assert c.paragraphs == STORY and c.title == HEAD


MENU = ["Home", "Singapore", "Crime & Courts", "Heartland", "Trending", "Entertainment", "Celebs"]


@pytest.mark.parametrize(("top", "mentions", "outlet"), [
    # a section of ordinary words amid the menu ("Movies & TV"); the masthead over it is named again
    (["Skip to main content", "Lion City Buzz", "Log in", *MENU, "Movies & TV", "Sports", "Videos"],
     ["Download the Lion City Buzz app", "Lion City Buzz is published by Merlion Digital Media Pte Ltd."],
     "Lion City Buzz"),
    # one of a family of sections ("X News"); the masthead ("Severnside Live") is not named again
    (["Skip to main content", "Severnside Live", "Sign in", "Subscribe to newsletters", "Menu", "News",
      "Gloucestershire News", "Gloucester News", "Cheltenham News", "Stroud News", "Forest of Dean News",
      "Crime"], [], None),
    # an item after such a section in the same menu is not the masthead either
    (["Tickets", "Shop", "Hospitality", "My Account", "News", "Latest News", "Match Reports", "Interviews",
      "Club News", "Press Centre", "Academy", "Women"], [], None),
    # a masthead between two menus stays ("The Morning Chronicle" after a row of editions)
    (["Newsletters", "Sign in", "Europe edition", "UK edition", "US edition", "The Morning Chronicle", "News",
      "Opinion", "Sport"], [], "The Morning Chronicle"),
    # a newswire's name over its notice
    (["Skip to main content", "Continental Newswire", "Search", "Menu", "World News", "Politics", "Press Releases",
      "My Account"], ["All contents © copyright 2025 The Continental Newswire. All rights reserved."],
     "Continental Newswire"),
])
def test_a_section_amid_the_menu_is_not_the_outlet(top: list[str], mentions: list[str], outlet: str | None) -> None:
    """An outlet facet that lists "Movies & TV" or "Gloucester News" files the story under a
    section; no outlet is better than that."""
    c = clean_text(page(*top, "Budget deal clears Congress after weeks of talks", "By Ann Lee", *STORY,
                        *mentions, "Privacy Policy", sep="\n"))
    assert c.outlet == outlet


def test_the_lead_under_a_photo_viewers_label_is_kept() -> None:
    """"Open this photo in gallery:" stands over the picture's caption; over the dateline's paragraph
    it stands over the story."""
    lines = ["Budget deal clears Congress after weeks of talks", "Published November 6, 2024", "Share",
             "Open this photo in gallery:", *STORY]
    scores = np.array([0.2, 0.16, 0.0, 0.28] + [0.98] * len(STORY))
    assert scored(lines, scores).paragraphs == STORY


def test_the_lead_over_a_box_the_page_says_the_story_continues_below_is_kept_when_doubted() -> None:
    """A chain paper's lead (a short sentence among its paragraphs) over "Advertisement 1" / "This
    advertisement has not loaded yet, but your article continues below.": the model doubts the lead, and
    the page says the story goes on under the box."""
    lead = ["For 40 minutes, it looked like the home side's playoff celebration would have to wait.",
            "Then Nolan Brisbois took over.",
            "The 19-year-old winger scored twice in the third period to beat the visitors 5-3 on Saturday."]
    box = ["Article content", "Advertisement 1", "This advertisement has not loaded yet, but your article continues "
           "below.", "Article content"]
    lines = ["Budget deal clears Congress after weeks of talks", "Published Feb 18, 2024", "Share", "Article content",
             *lead, *box, *STORY]
    scores = np.array([0.05, 0.01, 0.0, 0.04, 0.25, 0.22, 0.45, 0.1, 0.08, 0.28, 0.19] + [0.9] * len(STORY))
    assert scored(lines, scores).paragraphs == [*lead, *STORY]


def test_the_paragraphs_over_a_registration_wall_closed_by_article_content_are_kept() -> None:
    """A chain paper's registration wall right under a paragraph, closed by its "Article content" marker:
    the story goes on under it, and the paragraphs over it (which the model doubts) are the story's."""
    wall = ["THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY",
            "Subscribe now to read the latest news in your city and across Canada.",
            "Exclusive articles from Marissa Delorme and others.", "Support local journalism.",
            "SUBSCRIBE TO UNLOCK MORE ARTICLES", "Access articles from across Canada with one account.",
            "Enjoy additional articles per month.", "Get email updates from your favourite authors.", "SUBSCRIBE",
            "Sign In", "or", "Create an account", "Article content"]
    lines = ["Budget deal clears Congress after weeks of talks", "Published Mar 05, 2025", "Article content",
             *STORY[:2], *wall, *STORY[2:]]
    scores = np.array([0.1, 0.07, 0.14, 0.23, 0.36, 0.14, 0.19, 0.15, 0.06, 0.06, 0.1, 0.15, 0.1, 0.0, 0.0, 0.12,
                       0.146, 0.154] + [0.85] * (len(STORY) - 2))
    c = scored(lines, scores)
    assert c.paragraphs == STORY and c.title == lines[0]


def test_the_lead_over_a_player_and_a_sign_up_form_is_kept() -> None:
    """A regional chain's lead, then a video player's and a newsletter form's lines (fourteen, all
    chrome), then the rest of the story: the lead the model believes is the story's."""
    box = ["Video Loading", "Video Unavailable", "Click to play", "Tap to play", "The video will start in 8",
           "Cancel", "Play now", "Get the biggest Teesside stories straight to your inbox", "Enter email",
           "Subscribe", "We use your sign-up to provide content in ways you've consented to and to improve our "
           "understanding of you. You can unsubscribe at any time.", "Invalid Email",
           "Something went wrong, please try again later.",
           "Advertisement"]
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", "16:05, 28 Nov 2024",
             *STORY[:2], *box, *STORY[2:]]
    scores = np.array([0.09, 0.02, 0.06, 0.82, 0.8, 0.15, 0.13, 0.12, 0.19, 0.19, 0.08, 0.04, 0.06, 0.03, 0.0, 0.11,
                       0.09, 0.19, 0.02] + [0.9] * (len(STORY) - 2))
    assert scored(lines, scores).paragraphs == STORY


def test_a_live_pages_list_of_key_events_is_not_its_reporting() -> None:
    """"Key events" and the entries' headlines (the model believes them) over the entries: the list is
    the page's index of its entries; the first entry, its time and headline, is the story."""
    events = ["Key events", "Civil defence emergency declared for the capital", "State Highway 6 closed at the pass",
              "400 homes evacuated in the valley", "Power cuts across the district", "Show key events only",
              "Refresh for latest"]
    entry = ["2:48pm", "More evacuations ordered along the river"]
    lines = ["Live: Budget deal clears Congress after weeks of talks", "By Ann Lee", "Share", *events, *entry, *STORY]
    scores = np.array([0.2, 0.09, 0.0, 0.15, 0.34, 0.59, 0.71, 0.78, 0.7, 0.53, 0.38, 0.79] + [0.95] * len(STORY))
    c = scored(lines, scores)
    assert not set(events) & set(c.paragraphs) and c.paragraphs[-len(STORY):] == STORY


def test_a_summary_a_machine_wrote_is_not_the_story() -> None:
    """A key-takeaways box the page says AI wrote, from its label to its note, under the header."""
    box = ["Key takeaways", "The company now expects revenue of $4.1 billion, down from $4.6 billion.",
           "Two large cloud customers delayed orders of its networking chips.",
           "The company will cut about 6% of its workforce.", "Summary generated with AI and reviewed by an editor."]
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", "Feb 12, 2025, 6:14 PM EST", *box,
             *STORY]
    scores = np.array([0.2, 0.05, 0.05, 0.3, 0.9, 0.9, 0.9, 0.6] + [0.95] * len(STORY))
    assert scored(lines, scores).paragraphs == STORY


def test_the_headline_over_a_market_widget_is_found() -> None:
    """A business page's header, then a stock's widget of two dozen cells, then the story."""
    widget = ["Quorvane Systems Inc.", "QRVN", "NASDAQ", "$41.27", "-3.79 (-8.42%)", "After hours: $40.95 (-0.78%)",
              "1D", "5D", "1M", "6M", "YTD", "1Y", "5Y", "Open", "44.80", "High", "45.10", "Low", "40.90", "Volume",
              "12.4M", "Mkt cap", "$9.8B", "P/E", "31.2"]
    head = "Quorvane shares tumble 8% as chipmaker trims 2025 outlook on data-center slowdown"
    c = clean_text(page("Tech", head, "By Priya Ramaswamy", "Feb 12, 2025, 6:14 PM EST", "Share", *widget, *STORY,
                        sep="\n"))
    assert c.title == head


def test_the_paragraph_under_a_related_box_whose_headline_is_a_question_is_kept() -> None:
    """"Related" over three headlines, the second a question: the question is a headline, not the first
    one's blurb, so the paragraph under the last headline is the story going on, not that headline's blurb."""
    box = ["Related", "Microplastics in German rivers have doubled since 2010",
           "Can plastic-eating bacteria clean up our oceans?", "EU ban on glitter and microbeads comes into force"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, *STORY[3:]]
    scores = np.array([0.2] + [0.95] * 3 + [0.14, 0.74, 0.77, 0.97] + [0.99] * (len(STORY) - 3))
    assert scored(lines, scores).paragraphs == STORY


def test_the_paragraph_under_an_ad_slot_after_a_related_box_is_kept() -> None:
    """An ad slot under a box's last headline is no teaser's source or age: the paragraph under it is
    the story going on, not that headline's blurb."""
    box = ["Related", "Ferry operator chief executive to step down after year of disruption",
           "The outgoing chief said the organisation had been let down by years of underinvestment in new vessels.",
           "Uist businesses call for compensation scheme after spring cancellations", "Advertisement"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, *STORY[3:]]
    scores = np.array([0.2] + [0.95] * 3 + [0.16, 0.94, 0.97, 0.82, 0.02] + [0.98] * (len(STORY) - 3))
    assert scored(lines, scores).paragraphs == STORY


def test_the_story_goes_on_under_a_wire_gallery_to_its_credit() -> None:
    """A wire story's gallery between paragraphs ("FILE - ..." caption, "1 of 3", "Previous", "Next"): the
    paragraphs under it and the credit under the rule are the story's, however the model scores the credit."""
    gallery = ["FILE - Water flows through the Gunnison Tunnel near Montrose, Colo., on June 3, 2024. The tunnel "
               "diverts water from the river.", "1 of 3", "Previous", "Next"]
    credit = "Continental Press writer Carla Menendez in Phoenix contributed to this report."
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *gallery, *STORY[3:], "___", credit,
             "Advertisement", "Most Read", "Markets slide as investors weigh rate outlook"]
    scores = np.array([0.2] + [0.9] * 3 + [0.54, 0.4, 0.03, 0.18] + [0.91] * (len(STORY) - 3)
                      + [0.43, 0.33, 0.03, 0.02, 0.3])
    assert scored(lines, scores).paragraphs == [*STORY, credit]


def test_the_last_paragraph_under_an_ad_slot_is_kept_even_when_scored_low() -> None:
    """Models doubt prose far down a page; an ad slot between paragraphs says the story goes on."""
    last = "Officials said safety came first and the backlog would take days to clear."
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], "Advertisement",
             "Container ships wait off the coast on Sunday as the storm battered the region", last,
             "RELATED ARTICLES", "Storm knocks out power to thousands across the region", "Share"]
    scores = np.array([0.4, 0.9, 0.9, 0.9, 0.01, 0.06, 0.1, 0.01, 0.02, 0.0])
    c = scored(lines, scores)
    assert c.paragraphs == [*STORY[:3], last]


def test_the_dateline_of_a_lead_under_a_kept_summary_box() -> None:
    summary = ["Summary", "Export earnings up 9% to 190.2 bln shillings in Jan-Apr",
               "Average auction price falls to $2.41/kg from $2.63",
               "Tea board warns of oversupply as Mombasa volumes climb"]
    lead = "NAIROBI, May 7 (Meridian) - Kenya's earnings from tea exports rose 9%."
    assert lead_dateline([*summary, lead]) == "NAIROBI"
    # (a caption and a longer summary of short points, six paragraphs in all, may stand over it)
    caption = "Workers sort tea leaves at a factory in Kericho, Kenya, May 6, 2026, as prices fell for a third month."
    lead += " Growers said the gain had not reached them, as auction prices fell for a third month in a row."
    assert lead_dateline([caption, *summary, "Smallholders' payments delayed", lead]) == "NAIROBI"
    # (but a place opening a later paragraph of the story is no dateline)
    story = [f"Paragraph {i} of the story says what the tea board decided and why the growers worry." for i in range(5)]
    assert lead_dateline([*story, lead]) is None


@pytest.mark.parametrize("header", [
    [STORM, "News provided by", "Harbour Water plc", "05 Nov, 2026, 09:00 GMT", "Share this article"],
    [STORM, "Ships must wait offshore until the port reopens", "From:", "National Port Safety Agency",
     "and Department for Transport and Maritime Affairs", "Published", "6 November 2026"],
    [STORM, "Play video", "Video unavailable", "This content may not be available in your location", "2:47",
     "Thursday 5 November 2026 at 5:52pm"],
    [STORM, "Play episode", "32:14", "Skip back 15 seconds", "Skip forward 30 seconds", "Follow on your podcast app"],
])
def test_headline_is_not_who_issued_the_page_a_line_cut_in_two_or_a_players_words(header: list[str]) -> None:
    c = clean_text(page("Newsroom", *header, *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize("header", [
    # a writer's headshot by its alt text, the outlet under the writer's name, the masthead again
    [STORM, "Profile photo of Teresa Villanueva-Koh", "Teresa Villanueva-Koh", "Published Feb. 23, 2026"],
    [STORM, "Lydia Strassburg", "Rotterdam Harbour Register", "Published 9:58 p.m. CT Feb. 23, 2026"],
    [STORM, "Jacinta Merrow", "Court Reporter", "April 8, 2026 - 3:27PM", "The Harbour Evening Star",
     "Watch next", "Man fined after failing to stop for police on the ring road", "01:04"],
    # a standfirst shorter than the headline right over the byline; one naming people in capitals
    [STORM, "Road closed for hours as port police investigate", "By Anjali Sandhu", "Published March 23, 2026"],
    [STORM, "Thousands of ships were delayed for almost two days", "Nadia Wee Li Ting", "Transport Correspondent",
     "Mar 18, 2024, 09:12 PM"],
    [STORM, "Judge says Gary Keogh was scrolling social media seconds before he struck Dr Fiona Lennon",
     "Ciarán Ó Súilleabháin", "Wed 18 Feb 2026 at 16:47"],
    # a breadcrumb with its arrow
    ["Home » Storm coverage » Rotterdam", STORM, "By Joost Verbeek", "June 2, 2026"],
])
def test_headline_over_headshots_mastheads_short_standfirsts_and_breadcrumbs(header: list[str]) -> None:
    c = clean_text(page("Skip to content", "The Harbour Evening Star", "Subscribe", "News", *header, "Share",
                        "Facebook", "Email", *STORY, sep="\n"))
    assert c.title == STORM


@pytest.mark.parametrize("under", [["Fact check by Helena Marsh", "February 26, 2025"],
                                   ["Lucía Benavent", "Mar 14, 2025 - 07:45 CET", "Translated by Daniel Whitford"],
                                   ["Submitted by Dune Grass Bakery", "September 8, 2025"],
                                   ["Hosted by Mara Lindqvist", "Play episode", "Listen on Apple Podcasts"],
                                   # a desk's byline with the wires, a correspondent filing from a town,
                                   # a byline glued to its section and role
                                   ["DAILY BOSPHORUS WITH AGENCIES", "Published 22.07.2025 14:35"],
                                   ["Councillors backed the scheme after a three-hour meeting on Tuesday.",
                                    "NewsHannah PryceLocal Democracy Reporter", "06:00, 22 Jan 2026", "Share"],
                                   ["From Kwabena Asante-Darko, Kumasi", "January 8, 2026", "0 Comment"],
                                   # the outlet's note on its standards, a link to the story in Spanish, a
                                   # text-size widget
                                   ["Rail operator says 2.5 million riders a day will pay up to HK$1 more per trip.",
                                    "Kelvin Tsang", "+ FOLLOW", "Joyce Lam", "+ FOLLOW",
                                    "Published: 10:15am, 3 Jun 2025", "Updated: 6:02pm, 3 Jun 2025",
                                    "Why you can trust Harbour Standard", "WhatsApp"],
                                   ["Redacción El Mirador", "18/06/2025 - 13:20", "Lee esta nota en español"],
                                   ["Editor: Zhang Lu", "2025-12-26 15:42:10", "Font size: A A A", "Print"],
                                   # the desk a byline names; a match report's box of scorers and cards
                                   ["Marcus Delorme", "Ottawa", "The Canadian Health Desk", "Published March 4, 2026"],
                                   ["Okafor 23, 71, Brennan 88", "Red card: Harlow (Wexley) 39", "at Rivermead Park",
                                    "Sun 22 Feb 2026 16:55 GMT"],
                                   # a link to the story in the language it was written in
                                   ["By Ann Lee", "Sept. 3, 2025", "Read the original article in French"],
                                   # a clip's credit, a desk's byline with the wires
                                   ["Video report by transport correspondent Nadia Qureshi", "Sept. 3, 2025"],
                                   ["Bosphorus Daily News with Wires", "Sept. 3, 2025"]])
def test_headline_is_not_a_credit_line_or_a_player_button_under_it(under: list[str]) -> None:
    c = clean_text(page("Home", "News", HEAD, *under, *STORY, sep="\n"))
    assert c.title == HEAD


def test_a_title_case_headline_may_end_on_a_full_stop() -> None:
    head = "The Reef Is Talking. Scientists Are Finally Learning to Listen."
    dek = "Underwater microphones and machine learning are revealing which damaged coral reefs are recovering"
    header = ["Feature", "Oceans", head, dek, "By Tamsin Achterberg", "May 19, 2025", "14 min read"]
    scores = np.array([0.05, 0.05, 0.2, 0.3, 0.05, 0.05, 0.05] + [0.95] * len(STORY))
    c = scored([*header, *STORY], scores)
    assert c.title == head


def test_a_video_players_clip_titles_inside_the_story_are_dropped() -> None:
    player = ["Video player is loading.", "What is a derecho? Explaining the storm that can travel far", "1:42",
              "Up Next", "How to stay safe during a severe thunderstorm", "2:05"]
    lines = story_with(player)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.86, 0.94, 0.81, 0.89, 0.89, 0.91, 0.95, 0.95])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


@pytest.mark.parametrize("signature", ["— Teo Marchetti (@teomarchetti) March 3, 2025",
                                       "— Teo Marchetti (@teo-m.bsky.social) March 3, 2025 at 8:14 AM"])
def test_an_embedded_posts_text_over_its_signature_is_not_reporting(signature: str) -> None:
    post = ["fell for her on a tour bus in 2022. asked her on a beach in 2025. best decision of my life", signature]
    lines = story_with(post)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.92, 0.56, 0.95, 0.95])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


@pytest.mark.parametrize(("name", "pitch", "field"), [
    ("📬 Get the Morning Brief", "The five stories you need, before your first coffee. Free at 7am, Monday to Friday.",
     "Your email"),
    ("The Review Weekly", "Our editors' pick of the week's best writing, every Saturday morning.", "Email (required)")])
def test_a_sign_up_box_in_the_story_goes_whatever_its_pitch_says(name: str, pitch: str, field: str) -> None:
    box = [name, pitch, field, "Sign up", "By signing up, you agree to our Terms of Use and Privacy Policy."]
    lines = story_with(box)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.27, 0.23, 0.03, 0.01, 0.08, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_a_sponsors_slot_in_a_newsletter_is_not_reporting() -> None:
    slot = ["TOGETHER WITH LEDGERLY", "Your books, minus the headache.",
            "Running a small business is hard enough without spending Sunday nights reconciling spreadsheets.",
            "More than 400,000 small businesses already made the switch. Try Ledgerly free for 30 days.",
            "Start your free trial"]
    lines = story_with(slot)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.88, 0.88, 0.96, 0.94, 0.6, 0.95, 0.95])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_headline_is_not_an_item_of_a_feed_of_other_stories_over_the_header() -> None:
    # "Latest": headlines each over its age; the story's headline comes under the feed, its
    # standfirst, byline without "By" and date under it
    feed = ["Latest", "Mayor says water rationing in the capital will end in April", "3h",
            "New tariffs on exports: what traders need to know this week", "5h",
            "Police seize four tons of cargo at the southern port", "7h", "Politics"]
    dek = "Two parties must pay a combined 3.4 billion pesos after regulators found undeclared spending."
    c = clean_text(page("Home", "News", *feed, STORM, dek, "Camila Restrepo", "March 2, 2026", "Share",
                        *STORY, sep="\n"))
    assert c.title == STORM


def test_a_caption_over_its_photo_credit_is_not_a_sentence_headline_over_a_byline() -> None:
    caption = "The agriculture secretary answers questions from senators during the hearing on Wednesday."
    header = ["News", STORM, "By Lea Cruz", "February 12, 2026 | 12:05 am", "Share", "Facebook", caption,
              "PHOTO BY JOEY SANTELICES"]
    scores = np.array([0.05, 0.3, 0.05, 0.05, 0.05, 0.05, 0.7, 0.1] + [0.95] * len(STORY))
    c = scored([*header, *STORY], scores)
    assert c.title == STORM


def test_a_caption_closing_on_its_credit_after_a_bar_is_neither_headline_nor_reporting() -> None:
    caption = "The harbour master speaks to journalists in Rotterdam on April 17, 2026. PHOTO | HARBOUR DIGITAL"
    c = clean_text(page("Harbour Digital", "Follow", "1d", HEAD, "Harbour Digital · 17 April 2026, 13:22", caption,
                        *STORY, sep="\n"))
    assert c.title == HEAD
    assert c.paragraphs == STORY


def test_the_story_goes_on_under_one_line_of_a_players_glued_text() -> None:
    # the run of reporting ends at a player's text glued into one line; the two paragraphs the
    # model believes under it carry the story on
    player = ("JUST WATCHED Harbour chief: ships will move by Thursday Replay More Videos ... "
              "MUST WATCH Harbour chief: ships will move by Thursday 03:09")
    lines = story_with([player]) + ["Related Topics", "Shipping", "Ports"]
    scores = np.array([0.1, 0.9, 0.9, 0.9, 0.05, 0.55, 0.55, 0.05, 0.05, 0.05])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_a_live_feed_of_headlines_with_clock_times_closing_the_story_is_dropped() -> None:
    feed = ["Markets Live", "Dow rises 180 points as retailers and banks gain", "11:42 a.m.",
            "Treasury yields edge higher ahead of the chair's speech", "11:15 a.m.",
            "Oil slips as U.S. inventories rise unexpectedly", "10:58 a.m.",
            "Carsley Brands falls in sympathy with Halvorsen", "10:31 a.m."]
    lines = story_with([], at=len(STORY)) + feed
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.63, 0.67, 0.66, 0.66, 0.66, 0.67, 0.66, 0.76, 0.83])
    c = scored(lines, scores)
    assert c.paragraphs == STORY


def test_a_bare_read_more_over_two_headlines_and_an_ad_slot_is_a_list() -> None:
    box = ["Read More", "Back-to-school spending: Which retailers are winning, and which are not",
           "Opinion: The housing freeze is hitting stores you didn't expect", "Advertisement"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.13, 0.6, 0.34, 0.1, 0.95, 0.95])
    c = scored(story_with(box), scores)
    assert c.paragraphs == STORY


@pytest.mark.parametrize("call", [
    "Have photos or video of storm damage? Send them to us at news@kvnt9.com or through the KVNT News 9 app.",
    "Do you have more information about the breach? From a non-work device, you can contact Nadia Pereira "
    "securely on Signal at nadiap.01.",
    "Got a story? Email us at tips@dailyclarion.co.uk or call 0207 123 4567.",
    "Have something to say? Send a letter to the editor.",
    # a column's disclaimer, and captions closing on a credit in capitals
    "This column reflects the views of the author and does not necessarily represent those of The Harbour Herald.",
    "The Milimani Law Courts in Nairobi, on April 16, 2026. KEVIN OMONDI FOR LA VIGIE",
    "Court of Appeal judges at a past sitting in Nairobi. PHOTO | FILE | SUNDAY COURIER",
    "The accused persons being led out of the court premises. INSET: The depot at Ahensan.",
    # a reprints desk's address, a premium plan's trial
    "For a reprint of this article, please contact reprints@docketwire.com.",
    "Get ad-free forecasts, 15-minute radar updates and severe weather alerts. Try it free for 7 days.",
    # the print edition's offer and its price
    "Get High Plains Grain & Grower in print",
    "52 weekly issues plus the annual Wheat Outlook and Co-op Directory. Subscribe for $39 a year.",
])
def test_a_call_for_tips_a_disclaimer_or_a_credited_caption_inside_the_story_is_dropped(call: str) -> None:
    lines = story_with([call])
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.8, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_a_widgets_label_under_the_masthead_is_not_the_outlet() -> None:
    header = ["Skip to main content", "The Gulf Meridian", "Tuesday, June 03, 2025", "Dubai 41°C", "Prayer Times",
              "Fajr 4:02", "Dhuhr 12:21", "News", "UAE", "World", "Business"]
    c = clean_text(page(*header, "Budget deal clears Congress after weeks of talks", "By Ann Lee", "June 3, 2025",
                        *STORY, sep="\n"))
    assert c.title == "Budget deal clears Congress after weeks of talks"
    assert c.outlet != "Prayer Times"


@pytest.mark.parametrize(("header", "want"), [
    # a masthead's bar printing today's date over the headline; the story's stamps under it
    (["Wednesday, December 10, 2025", "News", HEAD, "By Ann Lee", "Published 9:12 p.m. ET Dec. 9, 2025",
      "Updated 7:05 a.m. ET Dec. 10, 2025"], dt.date(2025, 12, 9)),
    # the publication date over the headline, the modification stamp under it
    (["News", "November 26, 2025", HEAD, "By Ann Lee", "Updated: March 12, 2026"], dt.date(2025, 11, 26)),
    # year/month/day, which reads only one way
    (["Crime & Courts", HEAD, "Thabo Mokoena and Lerato Dlamini", "Published 2024/03/11 14:05",
      "Updated 2024/03/11 17:40"], dt.date(2024, 3, 11)),
])
def test_the_date_is_the_headers_publication_date_not_todays_bar_or_an_update(header: list[str],
                                                                               want: dt.date) -> None:
    c = clean_text(page(*header, *STORY, sep="\n"))
    assert (c.title, c.date) == (HEAD, want)


def test_headline_under_a_posted_stamp_over_a_contributed_by_byline() -> None:
    header = ["Harrow Falls Bulletin", "Home", "Town Hall", "Lost & Found Pets", "About", "Donate", "Volunteer With Us",
              "Posted 2 days ago", HEAD, "Contributed by Ruth Abernathy, volunteer correspondent", "3 min read"]
    assert clean_text(page(*header, *STORY, sep="\n")).title == HEAD


def test_headline_over_the_writer_and_the_outlet_the_notice_names() -> None:
    header = ["Opinions", "English", "Health", HEAD, "Geneviève Lapointe-Roy", "Le Veilleur de l'Estrie",
              "February 5, 2026 at 6:00 a.m.", "Partager"]
    c = clean_text(page(*header, *STORY, "© 2026 Le Veilleur de l'Estrie. All rights reserved.", sep="\n"))
    assert c.title == HEAD


def test_a_wires_sign_off_closing_the_story_keeps_its_last_paragraph() -> None:
    last = "The city said it would expand the zone to other districts by 2028 depending on the pilot. — VP"
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, last, "Tags:", "Budget", "Congress"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.85, 0.04, 0.18, 0.11])
    assert scored(lines, scores).paragraphs == [*STORY, last]



@pytest.mark.parametrize("line", ["Partager", "Copier le lien", "Courriel", "Compartir", "Teilen",
                                  "Lee esta nota en español", "Lire en français", "En Español", "Font size: A A A"])
def test_share_buttons_and_language_links_in_other_languages_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


def test_a_spanish_labelled_list_inside_the_story_is_dropped() -> None:
    box = ["También te puede interesar", "The capital's water plan: what was promised and what was built",
           "Los pipas de agua: el negocio detrás de la escasez"]
    assert clean_text(page(*story_with(box), sep="\n")).paragraphs == STORY


def test_the_story_goes_on_under_a_newsletter_box_with_its_pitch_and_a_subheading() -> None:
    # the prompt, the newsletter's pitch (a sentence the model doubts), its button; then the story's
    # next subheading over two more paragraphs
    box = ["Sign up for the Inside Politics newsletter",
           "Our political team on the week's events at the statehouse, every Thursday.", "Sign up"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, "Senators divided", *STORY[3:]]
    scores = np.array([0.1, 0.8, 0.8, 0.8, 0.11, 0.02, 0.02, 0.16, 0.62, 0.6])
    assert scored(lines, scores).paragraphs == [*STORY[:3], "Senators divided", *STORY[3:]]


def test_the_storys_subheading_under_a_paywall_box_inside_the_run_is_kept() -> None:
    # the box is dropped, the subheading the model doubts under it is the story's (not a list's item)
    box = ["You've read 2 of 3 free articles this month.", "Subscribe for unlimited access to local news.",
           "Subscribe", "Already a subscriber? Sign in"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, "Parents push back", *STORY[3:]]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.62, 0.24, 0.01, 0.16, 0.17, 0.95, 0.99])
    assert scored(lines, scores).paragraphs == [*STORY[:3], "Parents push back", *STORY[3:]]


def test_a_live_pages_entry_headline_is_kept_and_its_writers_name_is_not() -> None:
    # time / headline / writer / paragraphs, the model doubting each entry's headline; a clip's length is no time
    entries = []
    for time, head, para in (("9:31 p.m.", "Senate passes stopgap bill, 67-31", STORY[0]),
                             ("8:47 p.m.", "Amendment to cut foreign aid fails", STORY[1]),
                             ("7:55 p.m.", "White House says president will sign bill", STORY[2])):
        entries += [time, head, "Elena Marchetti", para, "Share"]
    lines = ["Live updates: Congress races to avert shutdown", *entries, *STORY[3:]]
    scores = np.array([0.1] + [0.25, 0.45, 0.66, 0.95, 0.01] * 3 + [0.95, 0.95])
    c = scored(lines, scores)
    assert c.paragraphs == [x for e in range(3) for x in (entries[5 * e + 1], STORY[e])] + STORY[3:]


def test_a_credit_line_closes_a_story_that_went_on_under_a_sign_up_box() -> None:
    # under the credit, a box the model half-believes ("Recalled products" / its items) is not the story
    box = ["Sign up for the health newsletter", "Get the latest medical news every Tuesday.", "Enter email", "Sign Up"]
    after = ["Recalled Brightbloom products", "Brightbloom Gentle, 12.4 oz - Lot codes BB24A001 through BB24K880"]
    credit = "Tessa Morrow contributed to this report."
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *box, *STORY[3:], credit, *after]
    scores = np.array([0.1, 0.9, 0.9, 0.9, 0.19, 0.05, 0.08, 0.04, 0.6, 0.6, 0.55, 0.56, 0.56])
    assert scored(lines, scores).paragraphs == [*STORY, credit]


def test_the_story_goes_on_under_a_read_more_link_to_one_other_story() -> None:
    link = ["Read More", "Ann Lee: The budget deal is popular. That doesn't make it the right policy"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *link, *STORY[3:]]
    scores = np.array([0.1, 0.8, 0.8, 0.8, 0.06, 0.15, 0.6, 0.6])
    assert scored(lines, scores).paragraphs == STORY


def test_a_source_speaking_under_a_sign_up_box_carries_the_story_on() -> None:
    box = ["Enter email address", "Sign up", "By signing up you agree to our Terms of Use and Privacy Policy"]
    last = ("Trucking groups, which lobbied against the fee, said they would press House members to strip it out.")
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *box, last, "Share", "412 Comments"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.02, 0.0, 0.01, 0.16, 0.0, 0.0])
    assert scored(lines, scores).paragraphs == [*STORY, last]


def test_a_caption_naming_the_us_over_its_credit_is_not_reporting() -> None:
    # "US" is the country, not the reader's "us": the caption over its photographer's credit goes
    caption = "Senate Majority Leader Tom Harrow speaks to reporters at the US Capitol on Friday, January 30, 2026."
    lines = story_with([caption, "Kent Nakamura/ABN"], at=0)
    scores = np.array([0.1, 0.66, 0.45] + [0.95] * len(STORY))
    assert scored(lines, scores).paragraphs == STORY


def test_the_last_paragraph_under_a_box_of_teasers_the_model_believes_is_kept() -> None:
    box = ["READ MORE", "Warehouses in the north 'almost empty,' says senator",
           "The senator said inspections found stocks far below what the agency had reported.",
           "Rice program expanded to 12 more provinces",
           "The Palace said the program would now cover Eastern Visayas and parts of Mindanao."]
    lines = story_with(box, at=len(STORY) - 1) + ["Subscribe to our daily newsletter", "Sign up", "Tags:"]
    scores = np.array([0.1] + [0.95] * (len(STORY) - 1) + [0.03, 0.7, 0.87, 0.91, 0.91, 0.81, 0.03, 0.0, 0.0])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("post", [
    ["Naija Courier", "@NaijaCourier",
     "JUST IN: Petrol now N1,045 per litre at major stations in Lagos. Have prices dropped in your area?",
     "1.4K reactions · 612 comments"],
    # the author's name and handle on one line, perhaps with the post's age
    ["Loading Twitter content", "NSW SES @NSWSES · 6h",
     "EVACUATE NOW: Yarrandale - South and East. Leave before 10am Saturday. Roads out of town are expected to be cut.",
     "Posted on X"],
])
def test_an_embedded_post_printed_with_its_handle_inside_the_story_is_dropped(post: list[str]) -> None:
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.73, 0.75, 0.83, 0.6, 0.95, 0.95])
    assert scored(story_with(post), scores).paragraphs == STORY


def test_a_box_of_numbers_to_call_is_not_the_story() -> None:
    # a helpline box under the story, however sure the model is of it; a sentence giving a number stays
    last = "Anyone with information is asked to call police on 101, quoting incident 4471."
    box = ["Where to get help:", "Family violence crisis line: 0800 555 333 (available 24/7)",
           "Sexual harm helpline: 0800 555 044 or text 4334", "Life-threatening emergency: 000"]
    lines = story_with([], at=len(STORY)) + [last] + box
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.9, 0.6, 0.8, 0.8, 0.7])
    assert scored(lines, scores).paragraphs == [*STORY, last]


@pytest.mark.parametrize("label", [["Quick Poll"], ["YOUR SAY"], []])
def test_a_poll_closing_the_story_is_dropped(label: list[str]) -> None:
    # with its label or none: the question over its answers and the button
    poll = [*label, "How much snow are you expecting this weekend?", "Less than 6 inches", "6 to 12 inches",
            "More than a foot", "Vote"]
    lines = story_with([], at=len(STORY)) + poll + ["Tags:", "Weather"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.93, 0.94, 0.95, 0.96, 0.93, 0.4, 0.02, 0.05][-len(poll) - 2 :])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("gallery", [
    ["Photos: Lawmakers debate the budget", "1 of 8", "Senators leave the chamber after the final vote on Tuesday.",
     "2 of 8", "Aides carry boxes of amendments into the Capitol on Monday evening.", "(Ray Okafor / The Ledger)",
     "View Gallery"],
    ["In Pictures", "Senators leave the chamber after the final vote on Tuesday.",
     "Aides carry boxes of amendments into the Capitol on Monday evening.", "Photos: Ray Okafor"],
])
def test_a_gallery_of_captions_closing_the_story_is_dropped(gallery: list[str]) -> None:
    lines = story_with([], at=len(STORY)) + gallery + ["Tags:", "Congress"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.85 if g.endswith(".") else 0.6 for g in gallery] + [0.2, 0.3])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("gallery", [
    ["PHOTOS: Budget night", "Senators leave the chamber after the final vote on Tuesday.",
     "Aides carry boxes of amendments into the Capitol on Monday evening.", "(Ray Okafor / The Ledger)"],
    # counted, each caption over its credit, a title between the label and the first counter
    ["Photo Gallery", "Budget night in the capital", "1/7",
     "Senators leave the chamber after the final vote on Tuesday.", "VTE Photo Minh Quyết", "2/7",
     "Aides carry boxes of amendments into the Capitol on Monday evening.", "Ledger/Ray Okafor"],
    ["PHOTO GALLERY (3)", "Senators leave the chamber after the final vote on Tuesday.",
     "Aides carry boxes of amendments into the Capitol on Monday evening.",
     "A clerk reads the roll before the final vote in the Senate chamber.", "Advertising"],
    ["Picture gallery", "Budget night: In pictures", "1/6",
     "Senators leave the chamber after the final vote on Tuesday.", "2/6",
     "Aides carry boxes of amendments into the Capitol on Monday evening."],
    ["IN PICTURES", "1/5", "Senators leave the chamber after the final vote on Tuesday.", "Ray Okafor / The Ledger",
     "2/5", "Aides carry boxes of amendments into the Capitol on Monday evening.", "Ray Okafor / The Ledger"],
    # a title and the captions, counted once at their end
    ["Gallery", "Budget night in the capital", "Senators leave the chamber after the final vote on Tuesday.",
     "Aides carry boxes of amendments into the Capitol on Monday evening.", "1/2"],
    # each caption after its counter on one line, with no full stop
    ["PHOTO GALLERY", "1/3 Senators leave the chamber after the final vote",
     "2/3 Aides carry boxes of amendments into the Capitol", "3/3 A clerk reads the roll in the Senate chamber"],
    # the counter named, with a colon: "Photo 1 of 3: ..."
    ["Gallery", "Photo 1 of 3: Senators leave the chamber after the final vote on Tuesday.",
     "Photo 2 of 3: Aides carry boxes of amendments into the Capitol on Monday evening.",
     "Photo 3 of 3: A clerk reads the roll before the final vote in the Senate chamber."],
    # no counter: three captions or more and a label under them
    ["Photo Gallery", "Senators leave the chamber after the final vote on Tuesday.",
     "Aides carry boxes of amendments into the Capitol on Monday evening.",
     "A clerk reads the roll before the final vote in the Senate chamber.", "Advertisement"],
])
def test_a_gallery_inside_the_story_is_dropped_and_the_story_goes_on(gallery: list[str]) -> None:
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.75 if g.endswith(".") else 0.5 for g in gallery] + [0.95, 0.95])
    assert scored(story_with(gallery), scores).paragraphs == STORY


def test_reporting_under_a_gallery_link_is_kept() -> None:
    # a link to the gallery over the story's own sentences: no caption counted or credited, so no gallery
    lines = story_with(["Gallery: Scenes from the Capitol"])
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.5, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    # teasers under kickers in capitals
    ["Most Read in Politics", "HIDDEN GEM", "Little-known island with cheap beers named best for families",
     "It takes just one ferry from the mainland and has been dubbed the Maldives of Europe.", "BAG BATTLE",
     "Budget carrier slashes hand luggage size in shake-up that will hit millions",
     "Passengers could face fees of up to £70 at the gate if their bags are too big."],
    # long headlines in title case, closing on a quote
    ["RELATED:", "Senator Opens Up About Leaving Social Media for a Year: ‘I Had to Find Myself Again’",
     "The senator said stepping away from her phone helped her rediscover her love of the job.",
     "Budget Office Announces Fall Review — and Staff Think They Spotted a Clue About Cuts",
     "Eagle-eyed aides noticed a gap in the office's schedule in early October."],
])
def test_a_box_of_teasers_inside_the_story_is_dropped(box: list[str]) -> None:
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.4 if len(b) < 30 else 0.95 for b in box] + [0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


@pytest.mark.parametrize("credit", ["PHOTO BY JOEY SANTELICES", "[Photo: AfriPortal/James Wekesa]",
                                    "Image Credit: Supplied"])
def test_the_lead_pictures_caption_over_its_credit_is_neither_reporting_nor_the_headline(credit: str) -> None:
    caption = "Senators leave the chamber after the final vote on Tuesday. The budget passed by a wide margin."
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", "February 12, 2026", "Share",
             caption, credit, *STORY]
    scores = np.array([0.03, 0.02, 0.01, 0.0, 0.7, 0.3] + [0.95] * len(STORY))
    cleaned = scored(lines, scores)
    assert cleaned.paragraphs == STORY
    assert cleaned.title == lines[0]


def test_a_lead_paragraph_over_an_uncaptioned_pictures_credit_is_kept() -> None:
    lines = ["Budget deal clears Congress after weeks of talks", "By Ann Lee", STORY[0], "Getty Images", *STORY[1:]]
    scores = np.array([0.03, 0.02, 0.95, 0.3] + [0.95] * (len(STORY) - 1))
    assert scored(lines, scores).paragraphs == STORY


def test_a_caption_without_a_full_stop_over_a_bracketed_credit_is_dropped() -> None:
    block = ["Senators leave the chamber after the final vote on Tuesday", "(Image: Capitol Police)"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.9, 0.5, 0.95, 0.95])
    assert scored(story_with(block), scores).paragraphs == STORY


@pytest.mark.parametrize("bio", [
    ["Priya Raman", "Priya reports on Congress and the federal budget from Washington. She joined the paper in "
     "2021 after covering state politics in Ohio."],
    # the full name, and no outlet after the beat
    ["Hannah Obiora", "Hannah Obiora covers Delaware's corporate courts from Wilmington. She covered banks."],
    # the outlet's own job, in the possessive; under its label
    ["Milica Lazic", "Milica is Balkan Wire's Belgrade correspondent. She covers transport and politics."],
    ["About the author", "Sarah Whitcombe has reported on the Algarve for the Lisbon Post since 2011."],
    # the name over the job and its beat, then the bio
    ["Elspeth Ramirez", "Reporter, Methane & Energy", "Elspeth covers oil and gas, methane and the communities "
     "living alongside fossil fuel infrastructure. She was previously an environment reporter in Denver."],
])
def test_a_writers_bio_naming_them_by_first_name_under_their_name_is_dropped(bio: list[str]) -> None:
    lines = story_with([], at=len(STORY)) + bio + ["Read Next", "Politics"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.8, 0.9, 0.8][: len(bio)] + [0.2, 0.05])
    assert scored(lines, scores).paragraphs == STORY


def test_the_lead_over_boxes_of_related_articles_and_a_prompt_is_kept() -> None:
    boxes = ["Get the biggest stories from Congress delivered straight to your WhatsApp by joining our community here",
             "Read More", "Related Articles", "Drivers face months of delays as major roadworks begin", "Read More",
             "Related Articles", "Senate clerk warns of 'very difficult year' as staff numbers stall"]
    lines = story_with(boxes, at=2)
    scores = np.array([0.1, 0.76, 0.68, 0.12, 0.03, 0.01, 0.09, 0.02, 0.03, 0.4, 0.89, 0.86, 0.78])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("header", [
    # captions over their credits under the standfirst
    ["SHAMEFUL ATTACK", "THUG WHO HEADBUTTED PARAMEDIC IS JAILED",
     "Drunken Lee Brabazon, 38, left the medic with a broken nose after she rushed to help his mother",
     "Lee Brabazon was caged for 20 months at Sheffield Crown Court", "Credit: South Yorkshire Police",
     "Paramedic Joanne Fellowes was left with a broken nose", "Credit: Handout", "Kieran Boyd",
     "Published: 14:26, 29 Aug 2025", "Facebook", "X", "Email"],
    # a role of four words under the writer's name
    ["City Hall", "Council approves 6.2% property tax hike after marathon budget debate",
     "Increase works out to about $160 more a year for the average home, with most of the money going to policing",
     "Council debated the 2026 budget for more than nine hours on Tuesday.",
     "Photo: Marcus Lindgren / Thompson Valley Record", "Erin Blackwood", "Local Journalism Initiative Reporter",
     "Dec. 10, 2025 5:30 a.m.", "Updated Dec. 10, 2025 9:12 a.m.", "Share on Facebook", "Share on X", "Print"],
    # a live page's key events, each under its time
    ["LIVE", "Storm Orla live: 210,000 homes without power as red warning ends in west",
     "Schools remain closed in five counties tomorrow, while flights and ferries are expected to resume",
     "Fallen trees block a road near Clifden, Co Galway, on Thursday morning. Photo: Niall Conroy",
     "Aoife Brennan, Dara McGrath and Sinéad Walsh", "Live updates", "Last updated 9:12pm, 4 December 2025",
     "Started 6:30am", "Share", "Facebook", "X", "Key events",
     "8:45pm · ESB crews stood down for the night in Galway and Mayo",
     "6:10pm · Red warning ends for Clare, Galway and Mayo", "3:20pm · Man injured by falling tree in Tralee",
     "10:30am · All flights at Shannon cancelled until evening", "Show all key events", "Pinned post", "9:12pm"],
])
def test_the_headline_is_not_a_caption_a_role_or_a_live_pages_entry_under_it(header: list[str]) -> None:
    scores = np.array([0.05] * len(header) + [0.95] * len(STORY))
    assert scored([*header, *STORY], scores).title == header[1]


def test_a_list_of_title_case_headlines_inside_the_story_is_dropped_even_when_one_ends_on_a_full_stop() -> None:
    box = ["More on Congress", "Lawmakers Posted Record Overtime. Complaints Rose, Too.",
           "How the Budget Rules Changed What Agencies Are Owed When a Shutdown Looms",
           "The Small Towns Fighting to Keep Their Last Federal Office"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.63, 0.9, 0.91, 0.9, 0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


@pytest.mark.parametrize("widget", [["Video", "Senators celebrate outside the chamber after the vote", "0:58"],
                                    ["Photos: Rain sets in across the capital", "1 / 8",
                                     "Senators leave the chamber. Picture by Ray Okafor"]])
def test_the_storys_subheading_under_a_list_and_a_player_is_kept(widget: list[str]) -> None:
    box = ["Also read", "Congress extends budget rules until 2029 despite objections",
           "Why passing a budget has become almost impossible", *widget]
    lines = story_with([*box, "Treasury plans to object"], at=2)
    scores = np.array([0.1, 0.95, 0.95, 0.74, 0.91, 0.92, 0.22, 0.82, 0.45, 0.88, 0.95, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:2], "Treasury plans to object", *STORY[2:]]


def test_an_ad_under_its_slot_with_a_title_over_its_copy_is_dropped() -> None:
    ad = ["Advertisement", "Webinar: Managing budgets in a shutdown year",
          "Join our panel of agency chiefs and budget officers on 2 July at 14:00 CET.", "Register free"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.02, 0.69, 0.65, 0.51, 0.95, 0.95])
    assert scored(story_with(ad), scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    ["The Morning Docket", "Get the day's most important legal news, explained by our reporters. Delivered weekday "
     "mornings.", "Email address", "Sign Up"],
    ["Get Marquee Wire's Box Office Report", "Weekend numbers and studio analysis, delivered every Sunday.",
     "Email Address", "Subscribe"],
])
def test_a_newsletters_name_and_pitch_over_its_form_are_dropped(box: list[str]) -> None:
    lines = story_with([], at=len(STORY)) + box + ["You may opt out at any time."]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.6, 0.6, 0.04, 0.02, 0.1])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("prompt", [
    "Join our Telegram channel for the latest news and updates.",
    "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. "
    "This may include adverts from us and 3rd parties based on our understanding. You can unsubscribe at any time.",
    "Join our Harbour Post WhatsApp community for the latest news and updates sent straight to your phone.",
    "Get breaking news and the day's top stories straight to your phone.",
    "21+. Gambling problem? Call 1-800-GAMBLER. Terms apply.",
    "SharpLine may receive compensation from sportsbook partners. Our picks and analysis are independent.",
    "Local Democracy Reporting is local body journalism co-funded by public broadcasting partners.",
    "Get in touch with our news team by emailing us at webnews@morningline.co.uk.",
    "Email news@strathearnherald.co.uk with your stories.",
])
def test_prompts_under_the_story_are_dropped(prompt: str) -> None:
    lines = story_with([], at=len(STORY)) + [prompt, "Tags:", "Congress"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [0.9, 0.02, 0.05])
    assert scored(lines, scores).paragraphs == STORY


def test_a_have_your_say_poll_inside_the_story_ends_at_its_buttons() -> None:
    poll = ["Have your say", "Should the budget office be run directly by the Treasury?", "Yes", "No", "Don't know",
            "Vote", "View results"]
    lines = story_with([*poll, "Treasury response"], at=3)
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.86, 0.8, 0.24, 0.57, 0.66, 0.46, 0.72, 0.77, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], "Treasury response", *STORY[3:]]


@pytest.mark.parametrize("block", [
    # an embedded post whose handle carries its server's name
    ["Oren Kasprzak", "@orenk.bsky.social", "Spent two weeks trying to get a company to lock down a bucket of data.",
     "Oct 14, 2025"],
    # captions over the outlet's and the photographer's names
    ["Traders display goods along a walkway at the market on Tuesday.", "GhanaBeat/Kwabena Asante-Mensah"],
])
def test_embedded_posts_and_credited_captions_inside_the_story_are_dropped(block: list[str]) -> None:
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.9] * len(block) + [0.95, 0.95])
    assert scored(story_with(block), scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    [("Cathal McIlwaine-Ross", 0.61), ("Transport Correspondent", 0.53), ("Tags:", 0.02)],
    # under an ad slot, over the writer's bio
    [("Advertisement", 0.01), ("Marisol Ventanilla", 0.39), ("Capitol Bureau Chief", 0.59),
     ("Marisol Ventanilla covers the Legislature for The Sacramento Courier. She joined the paper in 2019.", 0.67),
     ("Follow on X", 0.06)],
    # over a bio naming the writer by first name
    [("Iryna Havrylyuk", 0.49), ("Energy reporter", 0.72),
     ("Iryna covers Ukraine's energy sector and reconstruction. She is based in Kyiv.", 0.67)],
])
def test_the_writers_name_over_their_role_under_the_story_is_dropped(box: list[tuple[str, float]]) -> None:
    lines = story_with([], at=len(STORY)) + [line for line, _ in box] + ["Congress"]
    scores = np.array([0.1] + [0.95] * len(STORY) + [score for _, score in box] + [0.05])
    assert scored(lines, scores).paragraphs == STORY


def test_a_list_label_inside_the_story_does_not_end_it_for_the_ad_slots_and_sign_up_box_under_it() -> None:
    more = ["Hendarto said the delay would add about Rp 2.4 trillion to the cost of the project.",
            "He said the company was in talks with the city and the ministry over who would pay.",
            "The governor said the city would protect the heritage sites but wanted a faster timetable.",
            "“Residents have waited a long time. We want certainty on the new timetable,” she said.",
            "An archaeologist on the survey team said the finds could offer new insights into the old port.",
            "“This is one of the most significant urban excavations in decades,” she said.",
            "Ridership on the existing line averaged 112,000 passengers per day in the first quarter.",
            "A transport analyst said the delay would keep pressure on the roads of the north of the city."]
    lines = [*STORY[:4], "Read also:", "City to raise bus fares for first time in 20 years",
             "Commuters welcome new feeder routes in the east", "Cost overrun", *more[:2], "Advertisement",
             *more[2:6], "Get the Daily Brief", "Our top stories delivered to your inbox every morning.",
             "Your email address", "Sign up", *more[6:], "Topics :", "Transport"]
    scores = np.array([0.99] * 4 + [0.81, 0.81, 0.75, 0.96, 0.98, 0.96, 0.03, 0.98, 0.99, 0.99, 0.98, 0.69, 0.43,
                                    0.1, 0.01, 0.89, 0.66, 0.06, 0.09])
    assert scored(lines, scores).paragraphs == [*STORY[:4], "Cost overrun", *more]


def test_a_list_of_headlines_inside_the_story_may_hold_one_ending_on_an_abbreviation() -> None:
    box = ["Related Stories", "Transit board weighs closing three stations after 9 p.m.",
           "Opinion: Agencies need a plan, not another bailout",
           "How much does your commute really cost? Use our calculator"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.02, 0.5, 0.36, 0.44, 0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


@pytest.mark.parametrize("teaser", ["Congress lost 2,000 staffers in five years. Here's where they went.",
                                    "Washington's shutdown preparedness: How many agencies are still at risk?"])
def test_a_teaser_worded_as_its_own_sentences_is_part_of_its_list(teaser: str) -> None:
    box = ["Related", teaser, "Opinion: Budget deals need a plan, not another stopgap"]
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.16, 0.56, 0.53, 0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


def test_the_story_goes_on_under_a_player_and_its_queue_of_clips() -> None:
    """A player's block (its label, "Now Playing" and "Up Next" over each clip's title) weighs nothing
    against the run of reporting: the story's last paragraphs under it, scored low, are still the story."""
    story = ["Marlowe and Reyes met in 2021 when he was hired to write music for the second season of Harbor Lights. "
             "They went public with their relationship at the 2022 Golden Reel Awards and got engaged last August.",
             "Dinner was served family-style at long tables set among the vines, and guests danced until after "
             "midnight to a set by Reyes' touring band."]
    player = ["Watch: Tessa Marlowe Opens Up About Her Engagement", "StarGlow Video", "Now Playing",
              "Tessa Marlowe Opens Up About Her Engagement", "Up Next",
              "Jonah Reyes Performs Acoustic Version of 'Golden Hour'", "Up Next",
              "Harbor Lights Cast Reveals Behind-the-Scenes Secrets"]
    end = ["The pair plan to honeymoon in Portugal later this summer, after Reyes wraps the North American leg of "
           "his tour.", "\"We'll take the long way,\" Reyes said. \"We've got the rest of our lives.\""]
    lines = [*story, *player, *end]
    scores = np.array([0.97, 0.99, 0.32, 0.36, 0.41, 0.41, 0.44, 0.36, 0.4, 0.42, 0.64, 0.62])
    assert scored(lines, scores).paragraphs == [*story, *end]


def test_a_counted_galleries_captions_need_no_full_stop() -> None:
    gallery = ["Gallery", "1 of 3", "Water on Bridge Street at 7am on Tuesday", "2 of 3",
               "Council crews pump water from the Quay car park", "3 of 3",
               "The river, seen from the town bridge, on Wednesday afternoon", "Photos: Gavin Roche / EBS"]
    lines = story_with(gallery)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.35, 0.47, 0.5, 0.49, 0.5, 0.52, 0.52, 0.39, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_a_gallery_ends_at_its_control_and_the_story_under_it_stays() -> None:
    # (the story's sentences under it describe things as captions do: only the control says the gallery is over)
    gallery = ["Photo Gallery", "Budget night in the capital", "1 / 6",
               "Senators leave the chamber after the final vote on Tuesday.", "2 / 6",
               "Aides carry boxes of amendments into the Capitol on Monday evening.", "View gallery"]
    after = ["Last summer, inspectors recorded 312 breaches of the spending rules across the agencies.",
             "The rules do not apply to work that must go on for technical reasons, such as repairs."]
    lines = story_with([*gallery, *after], at=3)
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.58, 0.67, 0.76, 0.91, 0.77, 0.72, 0.63, 0.98, 0.97, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], *after, *STORY[3:]]


GRID = [("Latest news", 0.04), ("12:30", 0.45), ("Machu Picchu: new ticket sales system to start in April", 0.66),
        ("12:14", 0.49), ("Arequipa: 4.5 magnitude earthquake felt in Caylloma", 0.71),
        ("No damage has been reported, according to the civil defence institute.", 0.8), ("Regions", 0.82),
        ("Puno: alpaca breeders prepare for frost season", 0.87),
        ("Producers in the high Andes will receive 40,000 veterinary kits, the ministry said.", 0.91),
        ("Loreto: river transport resumes on the Marañón after low water", 0.79), ("Economy", 0.68),
        ("Mining investment reaches US$ 5 billion in 2024", 0.73),
        ("Copper and gold projects in Apurímac accounted for most of the investment, officials said.", 0.85)]


# a portal's feed: each teaser's source, headline, blurb and age
FEED = [("Recommended Stories", 0.2), ("The Averly Courier", 0.51),
        ("Red Cross opens evening shelter for residents with breathing problems", 0.59),
        ("Volunteers at the community center said about 40 people had arrived by late evening.", 0.66),
        ("5h ago", 0.18), ("Meridian Wire", 0.62), ("Refiner's shares slide in early trade after the fire", 0.57),
        ("Shares in the refiner fell as much as 6% at the open as investors weighed the outage.", 0.69),
        ("2h ago", 0.2), ("Weather.net", 0.66), ("Smoke advisory extended as light winds keep plume over city", 0.74),
        ("Forecasters said a shift to westerly winds on Wednesday should help clear the air.", 0.87), ("1h ago", 0.24)]


# an outlet's own picks: a blurb of two sentences, a headline that asks a question
PICKS = [("Editor's picks", 0.71), ("How a small Limpopo village took its water back", 0.78),
         ("Residents built their own borehole committee after years of dry taps. Now the municipality wants it.", 0.84),
         ("The unemployed graduates turning Durban's beachfront into a business", 0.9),
         ("A cooperative of 40 young people rents out umbrellas and has paid back its start-up loan.", 0.93),
         ("The money behind the minibus: Who really profits from the taxi industry?", 0.94),
         ("Our six-month investigation traced how a handful of fleet owners control routes in three metros.", 0.97)]


@pytest.mark.parametrize("grid", [GRID, FEED, PICKS, [("More Free Agency", 0.86), *PICKS[1:]],
                                  [("In Other News", 0.31), *PICKS[1:5]], [("Trending in Calder", 0.73), *PICKS[1:]]])
def test_a_grid_of_other_stories_each_sentence_under_its_own_headline_does_not_extend_the_story(
        grid: list[tuple[str, float]]) -> None:
    """Teasers the model believes as much as the story (sentence-shaped blurbs, headlines with a
    place and a colon) under a list's label: no two of their sentences stand one under the
    other, as a story's paragraphs do, so the run of reporting ends at the label."""
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *(s for s, _ in grid)]
    scores = np.array([0.2] + [0.95] * len(STORY) + [p for _, p in grid])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    ["Read More", "Senate passes stopgap bill hours before shutdown deadline",
     "Governors warn of disaster fund shortfall as storm season looms"],
    ["Read more:", "Senate passes stopgap bill hours before shutdown deadline"],
    ["Also read", "Senate passes stopgap bill hours before shutdown deadline"]])
def test_a_link_box_under_the_lead_does_not_cut_the_lead_off_the_story(box: list[str]) -> None:
    """Inline links between the lead and the rest weigh nothing in the run of reporting: the
    lead the model doubts (scored under the bar) stays with the story under the box."""
    lines = ["Budget deal clears Congress after weeks of talks", "Share", "Facebook", "Email",
             *STORY[:2], *box, *STORY[2:]]
    scores = np.array([0.05, 0.0, 0.0, 0.0, 0.44, 0.62, 0.01, *[0.1] * (len(box) - 1), 0.8, 0.7, 0.9])
    assert scored(lines, scores).paragraphs == STORY


def test_a_cards_tap_to_read_control_makes_it_a_link_under_a_short_sentence_of_the_story() -> None:
    """A mobile page's card ("READ MORE" / a headline / "Tap to read") under a three-word paragraph is a link,
    however the model scores its lines, and the story goes on over it."""
    short = "Nobody was hurt."
    card = ["READ MORE", "Shark nets debate returns as summer crowds swell", "Tap to read"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:2], short, *card, *STORY[2:]]
    scores = np.array([0.1, 0.95, 0.94, 0.59, 0.06, 0.42, 0.5, 0.98, 0.93, 0.97])
    assert scored(lines, scores).paragraphs == [*STORY[:2], short, *STORY[2:]]


NEXT_STORY = ["The leaking roof at Hollister Elementary School will be replaced this summer, but a planned overhaul "
              "of the school's 1962 gymnasium has been put off.",
              "The school board voted unanimously Tuesday to award a $2.4 million roofing contract to Bellamy "
              "Construction of Riverton.",
              "\"Steel, labor, insulation — everything moved in the wrong direction,\" the facilities director said."]


@pytest.mark.parametrize("byline", [["By Marcus Feld", "Staff writer"], ["Pieter van der Westhuizen", "3 min read"]])
def test_the_next_article_loaded_in_full_under_the_story_is_not_the_story(byline: list[str]) -> None:
    """An infinite-scroll page loads the next article under this one, with its own header: its paragraphs,
    however sure the model is of them, stand apart from the run under a headline, a byline and a date."""
    header = ["Up next", "Schools", "Hollister Elementary gets a new roof but its gym will have to wait",
              "The school board chose the cheaper of two repair plans after bids came in over estimates.",
              *byline, "Published March 14, 2024 at 4:10 p.m.", "Share on Facebook",
              "Share on X", "Email", "Students walk past the gymnasium at Hollister Elementary School on Tuesday.",
              "Marcus Feld / The Ledger"]
    signup = ["The Morning Ledger", "The day's news, in your inbox by 6 a.m.", "Email address", "Sign up",
              "By signing up you agree to our Terms of Use and Privacy Policy."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *signup, *header, *NEXT_STORY]
    scores = np.array([0.1, *[0.95] * len(STORY), 0.1, 0.2, 0.02, 0.01, 0.02,
                       0.14, 0.13, 0.2, 0.34, 0.11, 0.1, 0.08, 0.03, 0.06, 0.0, 0.21, 0.33, 0.99, 0.97, 0.99])
    assert scored(lines, scores).paragraphs == STORY


def test_a_related_storys_card_with_its_date_does_not_end_the_story_under_it() -> None:
    card = ["Related story", "Council approves new contract for police union after months of talks",
            "The three-year deal includes 3.5% annual raises.", "Jan 7, 2025"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *card, *STORY[3:]]
    scores = np.array([0.1, *[0.95] * 3, 0.31, 0.44, 0.42, 0.32, 0.98, 0.99])
    assert scored(lines, scores).paragraphs[-2:] == STORY[3:]


@pytest.mark.parametrize("post", [
    ["Carra Ferry Action Group", "11 March at 22:14", "Tonight's meeting: new ferry now summer 2026 at the earliest. "
     "Thank you to everyone who came out in the rain.", "312 · 88 comments · 194 shares"],
    ["Mayor Ernesto Balanag-Cruz", "· March 17 at 6:05 PM ·", "Sa ating mga kababayan: hindi po namin kayo "
     "nakakalimutan.", "(To our townmates: we have not forgotten you.)"]])
def test_a_post_embedded_as_the_network_prints_it_is_not_the_story(post: list[str]) -> None:
    lines = story_with(post)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.4, 0.32, 0.67, 0.3, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    ["Match facts", "Coal City Warriors: Obi, Ugwu, Nnadi, Chukwuma, Okafor, Ani (Onyia 70'), Ede, Mbah (Odo 81')",
     "Rivers Royals: Amadi, Wike, Horsfall, Briggs (Tamuno 64'), George, Jack, Dokubo, Ibiam", "Referee: Sani Musa",
     "Attendance: 12,400"],
    ["Match statistics", "Varga / Delacroix", "Aces: 17 / 21", "Double faults: 4 / 9", "Winners: 58 / 49"],
    ["SCORERS", "St Fiachra's: C Ryan (1-9, 0-7 frees), N Brennan (0-5), D Coughlan (0-3).",
     "ST FIACHRA'S: S Hickey; B Quinlan, M Fogarty, P Kelly; J Maher, L Tierney, A Delaney; D Coughlan, R Bourke.",
     "Subs: K Ryan for Gleeson (48), F Carey for Purcell (55).", "Referee: Seán Kennedy (Waterford)."],
    ["Box score", "MEMPHIS (121)", "Cross 12-26 6-7 33, Lindgren 9-14 3-5 21, Abernathy 4-11 2-2 12",
     "SACRAMENTO (127)", "Okonjo 13-24 8-9 38, Velez 7-10 3-4 17, Dunleavy 3-7 0-0 8"]])
def test_a_sports_pages_box_of_facts_is_not_the_report(box: list[str]) -> None:
    """Line-ups, statistics and box scores under their label: rows of names and figures the model may believe,
    between two paragraphs of the report."""
    lines = story_with(box)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.4, *[0.7] * (len(box) - 1), 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_a_guides_results_section_is_not_a_box_of_facts() -> None:
    rows = ["Results", "Throughput improved by up to 8X by batching", "Higher GPU utilization",
            "Latency fell from 240 ms to 95 ms at the 99th percentile"]
    lines = story_with(rows)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.6, 0.7, 0.7, 0.7, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], *rows, *STORY[3:]]


@pytest.mark.parametrize("box", [
    ["Glossary", "Bleaching: When stressed corals expel the algae living in their tissue, turning white.",
     "Marine heatwave: A period when ocean temperatures are unusually high for at least five days."],
    ["Need to talk?", "If you're struggling, you don't have to cope alone.",
     "Harbour Line: call 0800 555 0199, free, 24/7", "Under 19? Call the Youthline on 0800 555 0123"]])
def test_a_glossary_or_a_box_of_help_lines_in_the_story_is_not_the_story(box: list[str]) -> None:
    lines = story_with(box)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.3, *[0.8] * (len(box) - 1), 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_a_storys_own_where_to_get_help_section_stays() -> None:
    section = ["Where to get help", "The American Red Cross has opened a shelter at Halbrook High School, 1200 N. Main "
               "St. The city is asking residents to place storm debris at the curb by Friday.",
               "Anyone who needs help with cleanup can call the Reno County volunteer line at 620-555-0148."]
    lines = story_with(section)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.7, 0.95, 0.9, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], *section, *STORY[3:]]


@pytest.mark.parametrize("credit", ["(ANSA).", "EFE", "(PAP)", "With inputs from ONA"])
def test_the_agencys_credit_under_the_last_paragraph_is_the_storys(credit: str) -> None:
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, credit, "Most read", "Tags"]
    scores = np.array([0.2, *[0.95] * len(STORY), 0.3, 0.05, 0.02])
    assert scored(lines, scores).paragraphs == [*STORY, credit]


def test_a_tickers_quote_box_under_the_story_is_no_agency_credit() -> None:
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, "OSTF", "Ostrander Freight Systems Inc.",
             "NYSE", "$38.17", "-1.34 (-3.39%)"]
    scores = np.array([0.2, *[0.95] * len(STORY), 0.3, 0.2, 0.1, 0.1, 0.1])
    assert scored(lines, scores).paragraphs == STORY


def test_a_list_of_sources_closes_the_story() -> None:
    sources = ["Sources", "Ramanathan-Cole P, Delgado-Heath M, et al. Time-restricted eating versus calorie "
               "restriction: a 12-month randomized trial. Annals of Clinical Nutrition. 2024.",
               "Strauss H. Meal timing and energy balance: a review. Brightwater Institute Working Papers. 2023."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *sources]
    scores = np.array([0.2, *[0.95] * len(STORY), 0.3, 0.8, 0.8])
    assert scored(lines, scores).paragraphs == STORY


def test_a_quiz_under_the_story_is_not_the_story() -> None:
    quiz = ["QUIZ", "How water-wise are you?", "Test your knowledge and find out how to stay under 50 litres a day.",
            "Question 1 of 3", "How much water does a standard toilet use per flush?", "About 2 litres",
            "About 9 litres", "Question 2 of 3", "Which of these uses the least water?",
            "Washing dishes under a running tap", "Using a full dishwasher load", "Question 3 of 3",
            "What is the best time of day to water plants?", "Midday", "Early morning or evening",
            "Check my answers", "Share your score"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *quiz, "Related"]
    scores = np.array([0.1, *[0.95] * len(STORY), 0.43, 0.76, 0.63, 0.58, 0.55, 0.39, 0.4, 0.71, 0.87, 0.89, 0.92,
                       0.85, 0.82, 0.69, 0.78, 0.48, 0.26, 0.05])
    assert scored(lines, scores).paragraphs == STORY


def test_an_editors_letter_to_the_readers_is_not_the_story() -> None:
    letter = ["Editor's note", "Dear reader,",
              "For over four decades, the Herald has reported on the city without fear or favour, from the farm "
              "distress of the 1990s to the floods of last year.",
              "Independent local journalism is expensive. Our newsroom of 46 journalists covers 11 districts.",
              "If you value what we do, please consider supporting us.", "— Meenakshi Iyer, Editor",
              "Become a Supporter"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *letter, "Topics", "Congress"]
    scores = np.array([0.1, *[0.95] * len(STORY), 0.25, 0.37, 0.97, 0.97, 0.49, 0.15, 0.03, 0.01, 0.01])
    assert scored(lines, scores).paragraphs == STORY


def test_a_standfirst_opening_as_the_lead_does_not_take_the_lead_for_its_copy() -> None:
    """A copy of a caption with its credit added is dropped, but a standfirst may open on the lead's own
    words and go its own way: the lead goes on in reporting, not in a credit, and stays."""
    standfirst = STORY[0][:90] + "ng, under a plan both parties called a stopgap."
    lines = ["Budget deal clears Congress after weeks of talks", standfirst, "By Ann Lee", *STORY]
    scores = np.array([0.05, 0.2, 0.01, 1.0, 0.95, 0.95, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("label", ["Read more about:", "Tags", "Topics:"])
def test_a_list_of_topics_closes_the_story_whatever_reads_like_reporting_under_it(label: str) -> None:
    """An editor's appeal, a bio or a comment under the story's topics is the site's, not the story."""
    appeal = ["I'll tell you the truth: life here isn't always easy. But it's full of beauty and meaning.",
              "I'm proud to work alongside colleagues who pour their hearts into their work day in, day out.",
              "I believe our reporting sets an important tone of honesty that's essential to understand the news."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, label, "State budget 2025", "Congress",
             "Senate", "Lena Brandt", *appeal]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.45, 0.7, 0.6, 0.73, 0.75, 0.94, 0.98, 0.97])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("box", [
    ["CRMK", "Crestmark Bancorp Inc.", "$38.12", "▼ -1.94 (-4.84%)", "52-week range $29.40 - $41.88", "Get quote"],
    ["Stablecoin market caps", "Token", "Market cap", "7d change", "DLRX", "$139.6B", "+0.8%", "USDV", "$53.1B",
     "+2.3%", "Source: Quantline Data"],
    ["NASDAQ: VOLT", "Volterra Motors", "Market Cap", "$11.8B", "Today's Change", "(-7.24%) -$1.88", "Current Price",
     "$24.13"],
])
def test_a_markets_box_of_figures_inside_the_story_is_dropped(box: list[str]) -> None:
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.7] * len(box) + [0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


def test_a_table_of_figures_in_the_story_is_kept() -> None:
    # (no market's mark: the story's own table, as WCXB's pages count it)
    table = ["School", "Tuition", "Graduate", "Ball State University", "$346.00", "$464.00", "Liberty University",
             "$390.00", "$565.00", "Purdue University Global", "$1,484.00", "$1,940.00"]
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.7] * len(table) + [0.95, 0.95])
    assert scored(story_with(table), scores).paragraphs == [*STORY[:3], *table, *STORY[3:]]


def test_the_sites_copyright_notice_closes_the_story_but_a_videos_over_the_lead_does_not() -> None:
    tail = ["Copyright 2025 by KTXM 9 News - All rights reserved.", "9 Weather Authority", "Feels like 112°",
            "Historic theater's marquee relit after restoration", "The neon sign had been dark for nearly 30 years.",
            "Calder High marching band invited to national parade",
            "The band will need to raise about $150,000 for the trip."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *tail]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.64, 0.69, 0.79, 0.78, 0.79, 0.81, 0.83])
    assert scored(lines, scores).paragraphs == STORY
    lines = ["Budget deal clears Congress after weeks of talks", "Lawmakers react to the vote",
             "Copyright 2025 KTXV. All rights reserved.", *STORY]
    scores = np.array([0.2, 0.69, 0.37] + [0.95] * len(STORY))
    assert scored(lines, scores).paragraphs == STORY


def test_the_story_going_on_under_a_grid_of_teasers_is_kept() -> None:
    """Two paragraphs in a row under the box say the story goes on."""
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *(s for s, _ in GRID), *STORY[3:]]
    scores = np.array([0.2] + [0.95] * 3 + [p for _, p in GRID] + [0.95] * (len(STORY) - 3))
    assert scored(lines, scores).paragraphs[-2:] == STORY[3:]


def test_headlines_far_under_the_story_are_dropped_however_sure_the_model_is() -> None:
    """A tabloid's feed of long headlines, each under its kicker, a screen under the story and its
    comments: far from the reporting only sentences are kept (or one opening a list)."""
    comments = [s for i in range(6) for s in (
        f"Reader{i}, Leeds, {i + 2} hours ago", "What a lovely story, good luck to her and her family with it all.",
        "Reply")] + ["The views expressed in the contents above are those of our users and not of the paper."]
    feed = ["Femail Today", "Enjoying herself",
            "Reality star, 29, shows off her sculpted abs as she soaks up the sun in Ibiza with her new beau",
            "Sweet tribute",
            "Royal fans go wild over Princess's 'subtle' nod to late grandmother with vintage brooch at garden party",
            "Smitten", "Singer puts on a loved-up display with her footballer boyfriend as they cosy up courtside"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *comments, *feed]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.05] * len(comments) + [0.55, 0.9, 0.92, 0.9, 0.93, 0.9, 0.95])
    assert scored(lines, scores).paragraphs == STORY


def test_the_rules_for_comments_under_the_story_are_dropped() -> None:
    rules = ["The rules of replying:",
             "Be respectful. This is a space for friendly local discussions. No threats will be tolerated.",
             "Be transparent. Use your real name, and back up your claims.",
             "Keep it local and relevant. Make sure your replies stay on topic.",
             "Review the Townline Community Guidelines."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY, *rules, "Reply", "Sign in to comment"]
    scores = np.array([0.2] + [0.95] * len(STORY) + [0.57, 0.89, 0.8, 0.84, 0.52, 0.05, 0.05])
    assert scored(lines, scores).paragraphs == STORY


def test_the_lead_under_a_pictures_credit_is_no_gallerys_captions() -> None:
    """'Photo: Outlet/Name' credits the lead picture; the paragraphs under it are the story."""
    lead = ["The pump price of petrol has climbed to as much as N1,150 per litre at filling stations in Abuja.",
            "A survey on Sunday showed that most retail outlets along the Kubwa corridor were selling at N1,120.",
            "Long queues formed at stations that still sold below N1,100, with some motorists waiting two hours."]
    lines = ["Petrol price climbs in Abuja as marketers blame depots", "Motorists queue at a station on Sunday.",
             "Photo: NaijaPulse/Tunde Aremu", "Advertisement", *lead, "Also Read:",
             "Central bank holds its benchmark rate for a third time", *STORY]
    scores = np.array([0.1, 0.09, 0.11, 0.0, 0.97, 0.98, 0.98, 0.57, 0.92] + [0.95] * len(STORY))
    assert scored(lines, scores).paragraphs[:3] == lead


@pytest.mark.parametrize("box", [
    ["HRLN", "Harrow & Lane Group PLC", "412.60", "-67.50 (-14.06%)"],
    ["Harrow & Lane Group PLC", "HRLN.LH", "412.60", "-67.50 (-14.06%)"],
])
def test_a_stocks_quote_box_inside_the_story_is_dropped(box: list[str]) -> None:
    """A company's symbol, name, price and change: the quote's change marks the box."""
    scores = np.array([0.1, 0.95, 0.95, 0.95, 0.65, 0.83, 0.67, 0.82, 0.95, 0.95])
    assert scored(story_with(box), scores).paragraphs == STORY


def test_a_writers_role_with_the_beat_stands_under_the_headline_not_over_a_promotion() -> None:
    """"Chief Rugby League Writer" is a byline's role, so the headline is above it, not the
    promotion for a live page between the header and the story."""
    head = "Wolves stripped of four points and fined $650,000 over salary cap breach"
    c = clean_text(page("Sport", "NRL", head, "Westbury have been hit with one of the heaviest salary cap penalties",
                        "Mitch Corrigan", "Chief Rugby League Writer", "4 min read", "April 9, 2025 - 12:27PM",
                        "0 comments", "Save", "Share", "Westbury coach Darren Pike at training. Picture: Grant Lacey",
                        "BREAKING NEWS", "Live Coverage: Round 6 team lists and injury news for every club",
                        "Follow live", *STORY, sep="\n"))
    assert c.title == head


def test_a_story_the_model_is_unsure_of_is_kept_over_a_grid_of_teasers_after_it() -> None:
    """A long grid of other stories (headline, one-sentence blurb) may outweigh the story,
    and a puzzle's blurb of two sentences breaks the grid's blocks; once the grid's teasers
    are trimmed off, the crumbs left of that run are not the reporting: the story is."""
    text = (Path(__file__).parent / "fixtures" / "news_layouts" / "eastafrican.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, s in enumerate(lines) if s.startswith("ROTTERDAM, Netherlands:"))
    last = lines.index("Additional reporting by Peter Mwangi")

    def unsure(page: list[str], base: np.ndarray) -> np.ndarray:
        probs = score_from_base(page, base).copy()
        probs[first : last + 1] = np.minimum(probs[first : last + 1], 0.7)
        return probs

    c = clean_scored(text, unsure, load_model()["threshold"])
    assert c.paragraphs[0].startswith("ROTTERDAM, Netherlands: Europe's biggest port")
    assert c.paragraphs[-1] == "Additional reporting by Peter Mwangi"
    grid = {"Across the site", "Stuck on the cryptic? Here are the solutions to today's puzzles."}
    assert not grid & set(c.paragraphs)


def test_the_storys_last_paragraphs_under_a_long_widget_are_kept_when_the_model_half_believes_them() -> None:
    """The ensemble's mean scores a paragraph cut off from the run by a player, its advert and a
    sign-up form lower than one model did (0.6-0.7, not 0.9): the story's end is still the story."""
    widget = ["Watch: Crews clear the road after the storm", "Play video", "00:00", "01:47", "Advert",
              "Skip ad in 5", "Morning briefing: sign up for our free newsletter", "Enter your email", "Sign up",
              "We use your sign-up to provide content in ways you've consented to."]
    footer = ["Topics", "Congress", "Budget"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *widget, *STORY[3:], *footer]
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.25, 0.2, 0.1, 0.1, 0.1, 0.1, 0.15, 0.05, 0.02, 0.2]
                      + [0.7] * len(STORY[3:]) + [0.1, 0.15, 0.1])
    assert scored(lines, scores).paragraphs == STORY


def test_a_paragraph_kept_apart_from_the_run_carries_the_neighbours_the_model_believes() -> None:
    widget = ["Watch: Crews clear the road after the storm", "Play video", "00:00", "01:47", "Advert",
              "Skip ad in 5", "Morning briefing: sign up for our free newsletter", "Enter your email", "Sign up",
              "We use your sign-up to provide content in ways you've consented to."]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:3], *widget, *STORY[3:], "Topics", "Congress"]
    scores = np.array([0.1, 0.95, 0.95, 0.95] + [0.25, 0.2, 0.1, 0.1, 0.1, 0.1, 0.15, 0.05, 0.02, 0.2]
                      + [0.55, 0.7][: len(STORY[3:])] + [0.1, 0.15])
    assert scored(lines, scores).paragraphs == STORY


EMBEDS = [
    ["jodiepryceofficial", "Verified", "View profile", "View this post on Instagram",
     "A post shared by Jodie Pryce (@jodiepryceofficial)",
     "Asked me at sunset, said yes before he finished the sentence. Forever starts now", "12,482 likes",
     "View all 1,906 comments", "Add a comment..."],
    ["Marine Mammal Rescue Aotearoa", "·", "Follow", "UPDATE 4.40pm: The pod is swimming strongly offshore. Thank you "
     "to the 300+ people who turned up today, you were amazing.", "1.9K", "214 comments", "402 shares",
     "View on Facebook"],
    ["Skip Instagram post by pennockbakehouse", "pennockbakehouse", "Heartbroken. Two feet of water through the shop "
     "overnight. We'll be closed for a while but we WILL be back.", "View more on Instagram",
     "Instagram content may not be available if you have not consented to cookies.",
     "End of Instagram post by pennockbakehouse"]]


@pytest.mark.parametrize("post", EMBEDS)
def test_a_post_embedded_with_the_platforms_own_lines_is_not_the_story_nor_its_end(post: list[str]) -> None:
    """The account, the post, its counts and links as the platform prints them: none of it is reporting, and its
    "214 comments" or "Add a comment..." is no comment thread's heading ending the story."""
    lines = story_with(post)
    scores = np.array([0.2, 0.95, 0.95, 0.95, *[0.6 if len(t) > 80 else 0.2 for t in post], 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("post", EMBEDS)
def test_the_story_goes_on_under_an_embedded_post_where_a_source_speaks(post: list[str]) -> None:
    lines = story_with(post)
    scores = np.array([0.2, 0.95, 0.95, 0.95, *[0.6 if len(t) > 80 else 0.2 for t in post], 0.3, 0.35])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("byline", ["Exclusive by Callum Reddy", "Analysis by Mira Sen", "Words by Tom Hale"])
def test_a_byline_with_its_kind_before_it_is_not_the_headline(byline: str) -> None:
    text = page("Harlow Rovers complete club-record signing of striker Mateus Oyelaran", byline,
                "Chief football correspondent", "Wednesday 31 January 2024 9:14pm GMT", *STORY, sep="\n")
    assert clean_text(text).title == "Harlow Rovers complete club-record signing of striker Mateus Oyelaran"


def test_an_item_of_a_numbered_list_of_other_stories_is_not_the_headline() -> None:
    """The list's item names the same event in fewer words than the headline, over the byline and date."""
    trending = ["Trending now", "1. Tornado watch issued for five states as storms roll east",
                "2. Lottery jackpot climbs to $640 million after no winner", "3. Small plane lands on interstate",
                "4. Judge blocks new voting map days before filing deadline",
                "5. Measles case confirmed at Cedar Point airport", "6. Stock market rally continues for third day"]
    headline = "Small plane makes emergency landing on interstate, clips pickup; no serious injuries"
    story = ["FENNIMORE JUNCTION (CP) — A small plane made an emergency landing on Interstate 61 on Saturday "
             "afternoon, clipping the back of a pickup truck before rolling to a stop on the shoulder.",
             "The pilot, who was alone in the plane, reported a loss of engine power shortly after taking off "
             "from Fennimore Junction Regional Airport, the state patrol said.",
             "Neither the pilot nor the two people in the pickup were seriously hurt, a patrol spokesperson said."]
    text = page(*trending, "Continental Press", headline, "Continental Press", "Sat, April 27, 2024 at 3:18 PM EDT",
                "1 min read", *story, sep="\n")
    assert clean_text(text).title == headline


def test_a_list_with_each_items_post_embedded_under_it_keeps_its_items() -> None:
    """Each brand's paragraph stands between one post's head and the next: no post's text, the list's own."""
    items = [("Patagonia", "Patagonia has long paired its outdoor gear with campaigns for public lands, and it repairs "
              "worn jackets for free at its stores."),
             ("Allbirds", "Allbirds makes its sneakers from merino wool and sugarcane, and prints a carbon figure on "
              "every product it sells."),
             ("Veja", "Veja buys its rubber straight from tappers in the Amazon and pays them above the market price, "
              "the company says.")]
    lines = ["The best sustainable clothing brands", *STORY[:2]]
    for name, text in items:
        lines += [name, text, "View this post on Instagram", f"A post shared by {name} (@{name.lower()})"]
    scores = np.array([0.2, 0.95, 0.95, *[0.6, 0.9, 0.2, 0.2] * len(items)])
    kept = scored(lines, scores).paragraphs
    assert [text for _, text in items if text in kept] == [text for _, text in items]
    assert not any("Instagram" in p or "post shared" in p for p in kept)


LIST = ["Officials said the deal would fund, among other things:", "• disaster relief for 14 states hit by storms;",
        "• a 3% raise for federal workers from October;", "• repairs to 40 veterans' hospitals."]


def test_a_list_the_story_introduces_is_the_storys_however_low_its_items_score() -> None:
    lines = story_with(LIST)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.45, 0.12, 0.1, 0.15, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], *LIST, *STORY[3:]]


def test_a_list_the_story_introduces_under_a_box_of_links_is_not_the_boxs() -> None:
    """"Related articles" over headlines, then a paragraph of the story and the list it introduces: the box ends
    at the paragraph, not at the list's last item."""
    box = ["RELATED ARTICLES", "Port posts record profit on log exports", "Port plans automated cranes by 2027",
           "Union files dispute over fatigue rules"]
    lines = ["Budget deal clears Congress after weeks of talks", *STORY[:2], *box, STORY[2], *LIST, *STORY[3:]]
    scores = np.array([0.2, 0.95, 0.95, 0.02, 0.3, 0.4, 0.5, 0.86, 0.91, 0.15, 0.11, 0.29, 0.68, 0.95])
    assert scored(lines, scores).paragraphs == [*STORY[:3], *LIST, *STORY[3:]]


def test_a_short_label_over_points_introduces_nothing() -> None:
    """"Key points:" over its points is a box, not a sentence of the story introducing a list."""
    box = ["Key points:", "• Congress passed the deal on Tuesday", "• Agencies are funded to September"]
    lines = story_with(box)
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.3, 0.2, 0.2, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY


@pytest.mark.parametrize("line", [
    "Publicité", "Anzeige", "PUBLICIDAD", "Pubblicità", "REKLAMA", "ΔΙΑΦΗΜΙΣΗ", "広告", "광고", "Quảng cáo", "Mainos",
    "Continua após a publicidade", "Artiklen fortsætter under annoncen", "Lesen Sie auch", "Leggi anche", "Läs också",
    "Czytaj także", "관련기사", "Bài liên quan", "Lue myös", "Noticia relacionada",
    "Baca Juga: Harga Beras di Batuampar Naik Lagi, Pedagang Keluhkan Pasokan"])
def test_an_english_storys_chrome_in_its_sites_language_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("meta", ["Temps de lecture : 4 min", "Aktualisiert am 12.04.2024, 14:05 Uhr",
                                  "Von Jan-Ole Brinkmann und Katrin Wehner", "Atualizado há 2 horas",
                                  "Offentliggjort 2. november 2023 kl. 07:30", "Χρόνος ανάγνωσης: 3 λεπτά"])
def test_a_header_line_in_the_sites_language_is_not_the_headline(meta: str) -> None:
    text = page("Actualités", "Tram line C: Vaurenne council backs €412 million extension", "Par Claire Dubois", meta,
                *STORY, sep="\n")
    assert clean_text(text).title == "Tram line C: Vaurenne council backs €412 million extension"


@pytest.mark.parametrize("headline", ["Di Maio resigns as foreign minister after coalition vote",
                                      "Par Three Hole Flooded Again as River Breaks Its Banks"])
def test_an_english_headline_opening_like_a_foreign_byline_is_still_a_headline(headline: str) -> None:
    assert clean_text(page(headline, "By Ann Lee", *STORY, sep="\n")).title == headline


@pytest.mark.parametrize("credit", ["Fotoğraf: Ekonomi Postası Arşiv", "Kuva: Jari Laaksonen", "（撮影・瀬戸内新報）"])
def test_a_caption_over_its_credit_in_the_sites_language_is_not_the_story(credit: str) -> None:
    caption = "Workers leave the plant at the end of the morning shift. The factory opened in 1987."
    lines = story_with([caption, credit])
    scores = np.array([0.2, 0.95, 0.95, 0.95, 0.7, 0.2, 0.95, 0.95])
    assert scored(lines, scores).paragraphs == STORY
