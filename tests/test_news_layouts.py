"""Whole news pages as text scrapes, in the layouts of fifteen kinds of news site.

Each fixture in fixtures/news_layouts is an invented story (a storm closing Rotterdam's port)
printed in the shape one kind of site gives a scrape: a wire service, a broadcaster, a
tabloid, an aggregator, a paper of record, a local TV station, a paywalled local paper with
a sign-up box inside the story. People and outlets are
fictional (news agencies appear only as credits). Every paragraph of the story must be kept,
in order, and the chrome listed must not be; headline, outlet, date and dateline are checked
where the page states them plainly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.ingest.clean import clean_text

LAYOUTS = Path(__file__).parent / "fixtures" / "news_layouts"
D = dt.date

# name: (headline or None when not checked, outlet, date, dateline, story openings, chrome lines)
CASES = {
    "cnn": ("Ports reopen after storm as shipping firms count the cost", "World News Network", D(2025, 11, 25), None,
            ["Dockworkers in Rotterdam returned", '"We lost almost seventy-two', "Container ships anchored",
             "The storm, named Gerrit", "Analysts at Maersk", "Trucks carrying produce", "Unions said they would",
             "WNN’s Anna Kowal contributed"],
            ["Story continues below advertisement", "Related article",
             "Storm Gerrit leaves thousands without power across northern Europe", "Most Read",
             "How a small town in Ohio became a hub for electric trucks",
             "The town's mayor says the new factory has doubled tax revenues in two years."]),
    # (the logo's link text, "The Northern Courier - Back to home", names the paper the notice's
    # "Northern Courier Media Limited" publishes)
    "guardian": ("North Sea storm closes Europe's biggest port for three days", "The Northern Courier",
                 D(2025, 11, 22), None,
                 ["Europe's biggest port has closed", "The port authority in Rotterdam", "“Safety comes first,”"],
                 ["Jon Harker Europe correspondent", "Explore more on these topics", "Most viewed",
                  "Why is the pound falling and what does it mean for you?", "Reuse this content"]),
    "fox": (None, "Falcon News", D(2025, 11, 24), None,
            ["Europe's largest port reopened on Tuesday", "The Port of Rotterdam said", "The storm brought winds",
             '"Every berth is now working', "Shipping giant Maersk said", "The Associated Press contributed"],
            ["CLICK HERE TO GET THE FALCON NEWS APP", "Storm batters northern Europe", "Related Topics",
             "You've successfully subscribed to this newsletter!"]),
    "bbc": ("Storm shuts Rotterdam port for three days", "Britannic Broadcasting Corporation", None, None,
            ["Europe's busiest port has reopened", "Port officials in Rotterdam", "Thousands of lorries",
             "The Dutch weather service", "Port chief executive"],
            ["Read more: How the storm unfolded across Europe", "Ships queued off the Dutch coast on Sunday",
             "Dutch farmers count cost of flooding", "Storm Gerrit: What we know so far",
             "Watch: Waves crash over harbour wall", "Reporting from The Hague"]),
    "reuters": ("Rotterdam port reopens after storm, backlog to take days to clear", "Courier Wire", D(2025, 11, 25),
                "AMSTERDAM", ["AMSTERDAM, Nov 25", "Around 40 container vessels", '"We are working around',
                              "Maersk said in a customer advisory"],
                ["Sign up here.", "Our Standards: The Courier Wire Group Trust Principles., opens new tab",
                 "Airbus delivers 70 jets in October, sources say", "A.P. Moller - Maersk A/S"]),
    "ap": ("Storm closes Europe's largest port as gale-force winds lash the Netherlands", "AP", D(2025, 11, 24),
           "THE HAGUE, Netherlands",
           ["THE HAGUE, Netherlands (AP)", "The Port of Rotterdam said terminals", '"Safety comes first,"',
            "The storm, which forecasters", "Allied Press writer Raf Claes"],
           ["___", "Read More", "Thousands without power as storm sweeps northern Europe",
            "Carter covers the Netherlands and international courts for The Allied Press."]),
    "nyt": ("Storm Shuts Europe’s Busiest Port, Rattling Fragile Supply Chains", "The Metropolitan Times",
            D(2025, 11, 24), None,
            ["Europe’s busiest port reopened", "The Port of Rotterdam said that", "“We are working around",
             "The storm is the latest"],
            ["Share full article", "Listen to this article · 5:12 min Learn more", "See more on: Netherlands, Maersk",
             "SKIP ADVERTISEMENT", "Reporting from London"]),
    "wapo": ("Storm shuts Europe’s largest port, stranding ships and ferries", "The Capital Post", D(2025, 11, 24),
             "BRUSSELS",
             ["BRUSSELS — Europe’s largest port", "Authorities in Rotterdam", "The closure is likely to ripple",
              "“It’s the worst possible timing,”"],
             ["Follow Emily Rauch", "Gift this article Gift Article",
              "What to know about the storm hitting northern Europe",
              "The comments on this story express concern over supply chain delays."]),
    "localtv": ("Rotterdam port closes as storm hammers Europe", "Lakeside Media", D(2025, 11, 24),
                "THE HAGUE, Netherlands",
                ["THE HAGUE, Netherlands — Europe's", "The Port of Rotterdam said terminals", "Ferries between"],
                ["Copyright 2025 The Associated Press. All rights reserved. This material may not be published, "
                 "broadcast, rewritten, or redistributed.", "Now signed up to receive the Headlines Newsletter.",
                 "Local man wins lottery for second time"]),
    "aljazeera": ("Storm shuts Rotterdam, Europe’s busiest port, for third day", "Gulf Horizon Media Network",
                  D(2025, 11, 24), None,
                  ["Europe’s busiest port has remained", "The Port of Rotterdam said on Monday",
                   "The storm, named Gerrit", "Shipping giant Maersk said"],
                  ["Recommended Stories", "list 1 of 4", "Thousands without power as storm sweeps Europe",
                   "end of list", "Source: Gulf Horizon and news agencies"]),
    "dailymail": (None, None, D(2025, 11, 24), None,
                  ["Europe's biggest port has been shut", "The Port of Rotterdam said container",
                   "Ferries between the Netherlands", "Port officials said safety came first"],
                  ["View comments", "RELATED ARTICLES", "Share or comment on this article:",
                   "I remember the 1953 flood, it was terrible.", "Thousands without power as storm batters Europe"]),
    "yahoo": ("Rotterdam port reopens after three-day storm closure", "Portal News", D(2025, 11, 25), "AMSTERDAM",
              ["AMSTERDAM (Reuters)", "Around 40 container vessels", '"We are working around', "Maersk said in a",
               "(Reporting by Bram Visser"],
              ["Story continues", "View comments", "Stocks slide as tech earnings disappoint",
               "The planemaker is on track to meet its annual target, sources said."]),
    "paywalled": ("Storm shuts Rotterdam for three days, stranding 40 ships", "The Harbour Chronicle", None, None,
                  ["Europe's busiest port reopened", "The closure was the longest", "Ferries between the Netherlands",
                   '"It was chaos at the terminal,"', "The port authority said it would review"],
                  ["Ferries to England were cancelled", "Enter your email", "Read this next",
                   "Why ports are struggling to cope with bigger storms",
                   "You have 2 free articles remaining this month.", "Subscribe to continue reading",
                   "Council approves new bridge"]),
    # an East African daily: a dateline with the country before a colon, and a long grid of other
    # stories after the story
    "eastafrican": ("Storm shuts Rotterdam port for three days, stranding Kenyan flower cargo",
                    "The Coastline Standard", D(2025, 11, 25), "ROTTERDAM, Netherlands",
                    ["ROTTERDAM, Netherlands: Europe's biggest port", '"We have never had',
                     "Ms Wambui said the council", "Shipping lines said", "Analysts said the closure",
                     "Additional reporting by Peter Mwangi"],
                    ["Related Articles", "Flower farms count losses as airfreight rates climb", "View on X",
                     "Stuck on the cryptic? Here are the solutions to today's puzzles.",
                     "Crews remained at the scene overnight damping down hotspots."]),
    # a chain paper's page: numbered ad slots saying the story continues below, a registration wall's
    # pitch inside the story, "Article content" between paragraphs, an embedded post before the last ones
    "chainpaper": ("Storm shuts Rotterdam port for three days, stranding Prairie grain shipments", None, None,
                   "ROTTERDAM, Netherlands",
                   ["ROTTERDAM, Netherlands — Europe's busiest port", "The port authority said gale-force",
                    "Shipping lines said about 40", '"We lost almost three days', "Analysts said the delay",
                    "The port authority said it would review", "This report by Maple Press"],
                   ["Advertisement 2", "Exclusive articles from Lena Vasquez-Hart and others.",
                    "Enjoy additional articles per month.", "Article content", "Read more on X",
                    "Update 3:15 p.m.: winds in the port area have fallen below the safety limit. Terminals may "
                    "resume work from midnight."]),
    # a live page: entries under their times, each a headline, a byline, a short paragraph or two and a
    # share row; the model doubts such short paragraphs cut apart, and the entries carry the story (their
    # headlines too, though a list of the key events repeats them over the entries)
    "livepage": ("Live: Storm closes Rotterdam port as gales lash the Netherlands", "Southern Cross Broadcasting",
                 D(2025, 11, 25), None,
                 ["Terminals to reopen at midnight", "The port authority says terminals",
                  "Shipping lines have been told", "Ferry services cancelled", "Ferry operators have cancelled",
                  '"We cannot take risks', "Lorries queue on the A15", "Police say lorries", "Drivers have been told",
                  "Gales close Europe's biggest port", "Europe's biggest port has closed"],
                 ["By Tom Aldous", "Share this post", "Key Event", "Show only key events", "12:41pm",
                  "Why ports are struggling to cope with bigger storms"]),
    "toi": ("Storm shuts Rotterdam port for three days; 40 ships stranded", "Delta Times Media", D(2025, 11, 24), None,
            ["Europe's largest port, Rotterdam", "Port authorities said terminals", "Around 40 container vessels",
             "Ferries between the Netherlands"],
            ["Also read: Storm Gerrit: Flights cancelled across northern Europe", "Visual Stories",
             "10 most beautiful villages in Europe", "FOLLOW US ON SOCIAL MEDIA"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_news_layout(name: str) -> None:
    title, outlet, date, dateline, story, chrome = CASES[name]
    text = (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")
    c = clean_text(text)
    # every paragraph of the story, in order
    found = [next((i for i, p in enumerate(c.paragraphs) if p.startswith(s)), None) for s in story]
    assert None not in found, [s for s, i in zip(story, found, strict=True) if i is None]
    assert found == sorted(found)
    assert not set(chrome) & set(c.paragraphs)
    if title is not None:
        assert c.title == title
    if outlet is not None:
        assert c.outlet == outlet
    if date is not None:
        assert c.date == date
    assert c.dateline == dateline
