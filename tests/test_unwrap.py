"""Hard-wrapped text dumps (lynx, w3m, e-mail) clean like the same page with one paragraph per line."""

from __future__ import annotations

import textwrap

import pytest

from index.ingest.clean import clean_text
from index.ingest.unwrap import logical_lines, wrap_width

HEAD = "Budget deal clears Congress after weeks of talks"
STORY = [
    "WASHINGTON — Lawmakers on Tuesday approved a sweeping budget deal after weeks of negotiations that "
    "had threatened to shut down parts of the federal government, ending a standoff that had rattled markets.",
    "The measure passed by a wide margin in both chambers, with members of both parties saying the "
    "compromise was imperfect but necessary to keep agencies running through the end of September.",
    "“This is not the bill any of us would have written alone,” the committee chairman said in a statement "
    "released shortly after the vote on Tuesday evening, adding that the talks had been difficult.",
    "Officials said the spending plan would fund agencies through the end of September and include new "
    "money for disaster relief in several states hit by storms earlier this year, including Texas.",
    "The president is expected to sign the bill later this week, aides said on Wednesday.",
]
MENU = ["Home", "World", "Politics", "Business", "Sign in"]
FOOTER = ["Privacy Policy", "Terms of Use", "Contact us"]


def dump(indent: str = "", blank: bool = True, width: int = 72) -> str:
    out = [indent + m for m in MENU] + [indent + HEAD, indent + "By Ann Lee", indent + "March 4, 2024", ""]
    for para in STORY:
        out += textwrap.wrap(para, width, initial_indent=indent, subsequent_indent=indent)
        if blank:
            out.append("")
    return "\n".join(out + [indent + f for f in FOOTER])


@pytest.mark.parametrize(("indent", "blank", "width"), [("", True, 72), ("   ", True, 78), ("", False, 64)])
def test_a_wrapped_dump_cleans_to_whole_paragraphs(indent: str, blank: bool, width: int) -> None:
    text = dump(indent, blank, width)
    c = clean_text(text)
    assert c.title == HEAD
    assert c.paragraphs == STORY
    # every raw line of the story is reported kept (line-level scoring counts them)
    raw = text.splitlines()
    story_lines = {i for i, s in enumerate(raw) if s.strip() and any(s.strip() in p for p in STORY)}
    assert story_lines <= set(c.kept_lines)


def test_a_word_split_at_the_wrap_is_mended() -> None:
    raw = ["The port reopened on Tuesday after a closure of three days and a three-",
           "day storm, officials said, and shipping firms began to count the cost",
           "of the long delays that had left forty vessels at anchor off the coast",
           "and hundreds of lorries queued at the terminal gates for the weekend."]
    lines, owners = logical_lines(raw)
    assert owners == [[0, 1, 2, 3]]
    assert "a three-day storm, officials said," in lines[0]


def test_headlines_of_similar_length_are_not_taken_for_wrapped_lines() -> None:
    raw = ["Storm knocks out power to thousands across the whole northern region",
           "City council votes to expand bike lanes downtown before the summer",
           "Local team wins championship in overtime thriller at the home ground",
           "Police investigate break-in at downtown jewelry store on Main Street",
           "Markets slide as investors weigh the rate outlook for the next year",
           "Mayor unveils plan for a new transit line to link the airport by 2030"]
    assert wrap_width(raw) is None
    lines, owners = logical_lines(raw)
    assert lines == raw and owners == [[i] for i in range(len(raw))]


def test_text_with_a_paragraph_per_line_passes_through_line_for_line() -> None:
    raw = [*MENU, HEAD, "", *STORY, "", *FOOTER]
    lines, owners = logical_lines(raw)
    assert lines == [s for s in raw if s]
    assert [o[0] for o in owners] == [i for i, s in enumerate(raw) if s]


SPLIT = [["The walkout, organised by the", "Maritime and Port Workers Union,",
          "began at the 6pm shift change on Wednesday and is due to last 48 hours."],
         ["The Prairie Rivers School Division board voted", "6-3", "on Tuesday to close the school in June."],
         ["Motorists should expect road closures from Sunday as the", "Trinidad and Tobago Police Service",
          "rolls out its Carnival traffic plan."]]


@pytest.mark.parametrize("pieces", SPLIT)
def test_a_paragraph_broken_at_its_links_is_one_paragraph_again(pieces: list[str]) -> None:
    """A renderer that breaks a line at each inline link prints the pieces apart; each alone reads like chrome."""
    lines = [*MENU, HEAD, "By Ann Lee", "March 4, 2024", *STORY[:2], *pieces, *STORY[2:], *FOOTER]
    joined, owners = logical_lines(lines)
    assert " ".join(pieces) in joined
    assert [len(o) for o in owners].count(len(pieces)) == 1
    assert " ".join(pieces) in clean_text("\n".join(lines)).paragraphs


@pytest.mark.parametrize("lines", [
    ["Already a subscriber? Sign in", "A Ballinmore farmer whose cattle escaped onto the N82 was fined €1,500."],
    ["1. Farmer fined €1,500 after cattle wandered onto the N82", "2.", "New nursing home gets green light", "3."],
    ["Terms and", "conditions", "Privacy"],
    ["How we chose the best movers in New York", "moveBuddha's team analyzed 133 movers and ranked them."],
    ["Dear reader,", "For over four decades, The Herald has reported on the city without fear or favour."]])
def test_lines_that_do_not_go_on_with_a_sentence_stay_apart(lines: list[str]) -> None:
    """A prompt over the lead, a list's numbers, menu words, a heading over a paragraph, a greeting."""
    assert logical_lines(lines)[0] == lines
