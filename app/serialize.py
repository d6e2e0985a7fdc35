"""JSON bodies: one function per shape, used by the API, the CLI and the HTML's JSON twins."""

from __future__ import annotations

from typing import Any

from flask import url_for

from app.urls import article_url, date_toggle, outlet_toggles, path_url, search_url
from index.model import MAX_FACET_SIZE, Article, Hit, SearchPage, SearchRequest, SimilarArticle, Story


def iso(d) -> str | None:
    return d.isoformat() if d else None


def hit_json(hit: Hit, req: SearchRequest) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "title_html": hit.title_html,
        "outlet": hit.outlet,
        "date": iso(hit.date),
        "dateline": hit.dateline,
        "url": hit.url,
        "snippet": hit.snippet,
        "score": hit.score,
        "word_count": hit.word_count,
        "article_url": article_url(hit.id, req),
        "json_url": path_url("api.article", hit.id),
        "copies": hit.copies,
        "copy_details": [{"id": c.id, "outlet": c.outlet, "date": iso(c.date), "article_url": article_url(c.id, req),
                          "compare_url": url_for("api.compare", aid=hit.id, bid=c.id)} for c in hit.copy_refs],
    }


def story_json(st: Story, req: SearchRequest, endpoint: str = "api.search") -> dict[str, Any]:
    """One story; `id` is its first article's id, the key ?story= takes (docnums change per build)."""
    return {
        "id": st.first_id,
        "headline": st.headline,
        "articles": st.articles,
        "matching": st.matching,
        "outlets": st.outlets,
        "first_outlet": st.first_outlet,
        "first_date": iso(st.first_date),
        "last_date": iso(st.last_date),
        "ids": st.ids,
        "article_url": article_url(st.first_id),
        # the story's articles within this search, and the whole story in publication order
        "search_url": search_url(req.but(story=st.first_id, view="articles"), endpoint),
        "all_url": search_url(SearchRequest(story=st.first_id, sort="oldest"), endpoint),
    }


def page_json(page: SearchPage, endpoint: str = "api.search") -> dict[str, Any]:
    """The /api/search body; field names of the foundation contract are kept as they were."""
    req = page.request
    facets: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    if "outlet" in page.facets:
        f = page.facets["outlet"]
        urls = outlet_toggles(req, [v.value for v in f.values], endpoint)
        facets["outlet"] = [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected, "toggle_url": u}
            for v, u in zip(f.values, urls, strict=True)
        ]
        meta["outlet"] = {"truncated": f.truncated, "available": f.available, "size": req.facet_size,
                          "more_url": (search_url(req.but(facet_size=MAX_FACET_SIZE, page=req.page), endpoint)
                                       if f.truncated and req.facet_size < MAX_FACET_SIZE else None)}
    if "date" in page.facets:
        f = page.facets["date"]
        facets["date"] = [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected,
             "from": iso(v.start), "to": iso(v.end),
             "toggle_url": date_toggle(req, v.start, v.end, endpoint) if v.start else None}
            for v in f.values
        ]
        meta["date"] = {"interval": f.interval}
    return {
        "query": req.q,
        "total": page.total,
        "page": req.page,
        "per_page": req.per_page,
        "pages": page.pages,
        "sort": req.sort,
        "collapse": req.collapse,
        "collapse_url": search_url(req.but(collapse=not req.collapse), endpoint),
        "filters": {"outlet": list(req.outlets), "from": iso(req.date_from), "to": iso(req.date_to),
                    "story": req.story or None},
        "folded": page.folded,
        "view": req.view,
        "view_urls": {v: search_url(req.but(view=v), endpoint) for v in ("articles", "stories")},
        "story": ({**story_json(page.story, req, endpoint), "clear_url": search_url(req.but(story=""), endpoint)}
                  if page.story else None),
        "stories_total": page.stories_total,
        "stories": [story_json(st, req, endpoint) for st in page.stories],
        "took_ms": page.took_ms,
        "suggestion": page.suggestion,
        "suggestion_url": search_url(req.but(q=page.suggestion), endpoint) if page.suggestion else None,
        "ignored": page.ignored,
        "next_url": search_url(req.but(page=req.page + 1), endpoint) if page.has_next else None,
        "prev_url": search_url(req.but(page=req.page - 1), endpoint) if req.page > 1 else None,
        "html_url": search_url(req),
        "results": [hit_json(h, req) for h in page.hits],
        "facets": facets,
        "facets_meta": meta,
    }


def article_json(a: Article, story: Story | None = None) -> dict[str, Any]:
    body = a.to_json()
    body["html_url"] = url_for("views.article", aid=a.id)
    body["similar_url"] = url_for("api.similar", aid=a.id)
    body["story"] = story_json(story, SearchRequest()) if story else None  # every member, earliest first
    return body


def similar_json(aid: str, items: list[SimilarArticle]) -> dict[str, Any]:
    return {
        "id": aid,
        "similar": [
            {"id": s.id, "title": s.title, "outlet": s.outlet, "date": iso(s.date), "score": s.score,
             "relation": s.relation, "reused": s.reused, "term_overlap": s.term_overlap,
             "shared_terms": s.shared_terms, "only_here": s.only_here, "only_there": s.only_there,
             "article_url": article_url(s.id), "json_url": path_url("api.article", s.id),
             "compare_url": url_for("api.compare", aid=aid, bid=s.id)}
            for s in items
        ],
    }


def compare_json(c) -> dict[str, Any]:
    """The /api/compare body: both articles' metadata, aligned passages, shares and quotes."""
    def meta(a: Article) -> dict[str, Any]:
        return {"id": a.id, "title": a.title, "outlet": a.outlet, "date": iso(a.date),
                "article_url": url_for("views.article", aid=a.id)}

    def quote(q) -> dict[str, Any]:
        return {"text": q.text, "speaker": q.speaker, "match": q.match, "similarity": q.similarity}

    return {
        "a": meta(c.a), "b": meta(c.b),
        "a_in_b": c.a_in_b, "b_in_a": c.b_in_a,
        "a_verbatim_in_b": c.a_verbatim_in_b, "b_verbatim_in_a": c.b_verbatim_in_a,
        "passages": [{"a": p.a, "b": p.b, "similarity": p.similarity, "kind": p.kind} for p in c.passages],
        "quotes": {"a": [quote(q) for q in c.quotes_a], "b": [quote(q) for q in c.quotes_b]},
        "html_url": url_for("views.compare", aid=c.a.id, bid=c.b.id),
    }
