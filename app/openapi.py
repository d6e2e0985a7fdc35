"""The OpenAPI 3 description of /api: kept beside the code it describes and fuzzed in tests."""

from __future__ import annotations

from typing import Any

NULLABLE_STR = {"type": ["string", "null"]}
DATE_OR_NULL = {"type": ["string", "null"], "format": "date"}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}}}},
}

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected", "toggle_url"],
    "properties": {
        "value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"}, "toggle_url": NULLABLE_STR,
        "from": DATE_OR_NULL, "to": DATE_OR_NULL,
    },
}

HIT = {
    "type": "object",
    "required": ["id", "title", "outlet", "date", "url", "snippet", "score"],
    "properties": {
        "id": {"type": "string"}, "title": {"type": "string"}, "title_html": {"type": "string"},
        "outlet": NULLABLE_STR, "date": DATE_OR_NULL, "dateline": NULLABLE_STR, "url": NULLABLE_STR,
        "snippet": {"type": "string", "description": "Sanitised HTML: only <mark> tags."},
        "score": {"type": "number"}, "word_count": {"type": "integer"},
        "article_url": {"type": "string"}, "json_url": {"type": "string"},
        "copies": {"type": "array", "items": {"type": "string"}},
        "copy_details": {"type": "array", "items": {
            "type": "object", "required": ["id", "outlet", "date", "article_url", "compare_url"],
            "properties": {"id": {"type": "string"}, "outlet": NULLABLE_STR, "date": DATE_OR_NULL,
                           "article_url": {"type": "string"}, "compare_url": {"type": "string"}}}},
    },
}

STORY = {
    "type": "object",
    "description": "Same-story coverage grouped at index time (articles within a week sharing key terms).",
    "required": ["id", "headline", "articles", "matching", "outlets", "first_outlet", "first_date", "last_date",
                 "ids", "article_url", "search_url", "all_url"],
    "properties": {
        "id": {"type": "string", "description": "The story's first article id: its key for ?story=."},
        "headline": {"type": "string", "description": "Title of the first published article."},
        "articles": {"type": "integer", "minimum": 1, "description": "Articles in the story, whole corpus."},
        "matching": {"type": "integer", "minimum": 0, "description": "Of those, how many the search matched."},
        "outlets": {"type": "integer", "minimum": 0},
        "first_outlet": {**NULLABLE_STR, "description": "Who published first."},
        "first_date": DATE_OR_NULL, "last_date": DATE_OR_NULL,
        "ids": {"type": "array", "items": {"type": "string"},
                "description": "The first 5 matching article ids, earliest first (search_url lists them all)."},
        "article_url": {"type": "string"},
        "search_url": {"type": "string", "description": "This search narrowed to the story's articles."},
        "all_url": {"type": "string", "description": "Every article of the story, oldest first."},
        "clear_url": {"type": "string", "description": "The search without the story filter."},
    },
}

SEARCH = {
    "type": "object",
    "required": ["query", "total", "page", "results", "facets"],
    "properties": {
        "query": {"type": "string"}, "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer"}, "pages": {"type": "integer"},
        "sort": {"type": "string", "enum": ["relevance", "newest", "oldest"]},
        "filters": {"type": "object"}, "took_ms": {"type": "number"},
        "suggestion": NULLABLE_STR, "suggestion_url": NULLABLE_STR,
        "ignored": {"type": "array", "items": {"type": "string"}},
        "next_url": NULLABLE_STR, "prev_url": NULLABLE_STR, "html_url": {"type": "string"},
        "results": {"type": "array", "items": HIT},
        "facets": {"type": "object", "properties": {
            "outlet": {"type": "array", "items": FACET_VALUE}, "date": {"type": "array", "items": FACET_VALUE}}},
        "facets_meta": {"type": "object"},
        "collapse": {"type": "boolean"}, "collapse_url": {"type": "string"},
        "folded": {"type": "integer", "minimum": 0,
                   "description": "collapse=1: matching articles folded behind an earlier version (not in total)."},
        "view": {"type": "string", "enum": ["articles", "stories"]},
        "view_urls": {"type": "object", "properties": {"articles": {"type": "string"},
                                                       "stories": {"type": "string"}}},
        "story": {"oneOf": [STORY, {"type": "null"}], "description": "The story the story filter selected."},
        "stories_total": {"type": "integer", "minimum": 0, "description": "Stories among the matches."},
        "stories": {"type": "array", "items": STORY,
                    "description": "view=stories: this page of the stories, most matches first; "
                                   "view=articles: the top three."},
    },
}

ARTICLE = {
    "type": "object",
    "required": ["id", "title", "outlet", "date", "dateline", "url", "body", "source"],
    "properties": {
        "id": {"type": "string"}, "title": {"type": "string"}, "outlet": NULLABLE_STR, "date": DATE_OR_NULL,
        "dateline": NULLABLE_STR, "url": NULLABLE_STR, "body": {"type": "string"}, "source": {"type": "string"},
        "word_count": {"type": "integer"}, "html_url": {"type": "string"}, "similar_url": {"type": "string"},
        "story": {"oneOf": [STORY, {"type": "null"}], "description": "The story the article belongs to, if any."},
    },
}

SIMILAR = {
    "type": "object",
    "required": ["id", "similar"],
    "properties": {"id": {"type": "string"}, "similar": {"type": "array", "items": {
        "type": "object",
        "required": ["id", "title", "outlet", "date", "score", "relation"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "outlet": NULLABLE_STR, "date": DATE_OR_NULL,
            "score": {"type": "number"},
            "relation": {"type": "string", "enum": ["duplicate", "rewrite", "same-story", "related"]},
            "reused": {"type": "number"}, "term_overlap": {"type": "number"},
            "shared_terms": {"type": "array", "items": {"type": "string"}},
            "only_here": {"type": "array", "items": {"type": "string"}},
            "only_there": {"type": "array", "items": {"type": "string"}},
            "article_url": {"type": "string"}, "json_url": {"type": "string"},
            "compare_url": {"type": "string"},  # /api/compare/<this>/<that>: the evidence passage by passage
        }}}},
}


SIDE = {"type": "object", "required": ["id", "title"], "properties": {
    "id": {"type": "string"}, "title": {"type": "string"}, "outlet": NULLABLE_STR, "date": DATE_OR_NULL,
    "article_url": {"type": "string"}}}
QUOTE = {"type": "object", "required": ["text", "speaker", "match"], "properties": {
    "text": {"type": "string"}, "speaker": NULLABLE_STR, "match": NULLABLE_STR, "similarity": {"type": "number"}}}
COMPARE = {
    "type": "object",
    "required": ["a", "b", "a_in_b", "b_in_a", "passages", "quotes"],
    "properties": {
        "a": SIDE, "b": SIDE,
        "a_in_b": {"type": "number"}, "b_in_a": {"type": "number"},
        "a_verbatim_in_b": {"type": "number"}, "b_verbatim_in_a": {"type": "number"},
        "passages": {"type": "array", "items": {"type": "object", "required": ["a", "b", "similarity", "kind"],
                                                "properties": {"a": NULLABLE_STR, "b": NULLABLE_STR,
                                                               "similarity": {"type": "number"},
                                                               "kind": {"type": "string", "enum": [
                                                                   "same", "reworded", "only-a", "only-b"]}}}},
        "quotes": {"type": "object", "properties": {"a": {"type": "array", "items": QUOTE},
                                                    "b": {"type": "array", "items": QUOTE}}},
        "html_url": {"type": "string"},
    },
}


def param(name: str, schema: dict, description: str, many: bool = False) -> dict[str, Any]:
    p: dict[str, Any] = {"name": name, "in": "query", "required": False, "description": description,
                         "schema": {"type": "array", "items": schema} if many else schema}
    if many:
        p["style"], p["explode"] = "form", True
    else:  # `from=&to=` (what a form submits) means "not given", as the parameter's default
        p["allowEmptyValue"] = True
    return p


# what app/params.parse_day reads: YYYY, YYYY-M(M), YYYY-MM-DD; year 0 does not exist (31 Feb is still a 400)
DATE_PARAM = {"type": "string", "pattern": r"^(000[1-9]|00[1-9]\d|0[1-9]\d\d|[1-9]\d{3})"
                                           r"(-(0?[1-9]|1[0-2])|-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$"}
SEARCH_PARAMS = [
    param("q", {"type": "string", "maxLength": 2000}, "Query: words, \"phrases\"~slop, AND/OR/NOT, -word, "
          "title:/body:/outlet:/dateline:, wildcards, fuzzy~, date:[A to B]. Malformed parts are ignored, not errors."),
    param("outlet", {"type": "string"}, "Outlet filter, repeatable (OR); empty value = unknown outlet.", many=True),
    param("from", DATE_PARAM, "From date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    param("to", DATE_PARAM, "To date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    param("sort", {"type": "string", "enum": ["relevance", "newest", "oldest"]}, "Result order."),
    param("page", {"type": "integer", "minimum": 1, "maximum": 100000}, "Page number, from 1."),
    param("per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Results per page (at most 100)."),
    param("facet_size", {"type": "string", "pattern": r"^(max|\+?0{0,6}([1-9]\d?|[1-4]\d\d|500))?$"},
          "Outlets the outlet facet lists, most articles first (default 30, at most 500, or max); chosen outlets "
          "are always listed. facets_meta.outlet says how many there were (available) and gives more_url."),
    param("date_interval", {"type": "string", "enum": ["auto", "day", "month", "year"]}, "Date histogram bucket size."),
    param("collapse", {"type": "string", "enum": ["0", "1"]},
          "1: fold copies (verbatim or reworded, grouped at index time) behind their earliest version; "
          "see each hit's copies. total then counts the folded results."),
    param("view", {"type": "string", "enum": ["articles", "stories"]},
          "stories: list the stories the matches belong to (stories, stories_total; page/per_page page them)."),
    param("story", {"type": "string", "maxLength": 500},
          "An article id: only articles of the story it belongs to (an unknown id matches nothing, with a note)."),
]


def responses(ok: dict, content_type: str = "application/json") -> dict[str, Any]:
    err = {"content": {"application/json": {"schema": ERROR}}}
    return {"200": {"description": "OK", "content": {content_type: {"schema": ok}}},
            "400": {"description": "Invalid parameter", **err}, "404": {"description": "Not found", **err},
            "503": {"description": "No index built yet", **err}}


ID_PARAM = {"name": "aid", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1}}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Lede API", "version": "1.0.0",
                 "description": "Search a corpus of news coverage: the JSON twins of Lede's pages."},
        "paths": {
            "/api/search": {"get": {"operationId": "search", "summary": "Search articles, with facets",
                                    "parameters": SEARCH_PARAMS, "responses": responses(SEARCH)}},
            "/api/search.csv": {"get": {"operationId": "searchCsv", "summary": "All matching rows as CSV",
                                        "parameters": SEARCH_PARAMS,
                                        "responses": responses({"type": "string"}, "text/csv")}},
            "/api/articles/{aid}": {"get": {"operationId": "article", "summary": "One cleaned article",
                                            "parameters": [ID_PARAM], "responses": responses(ARTICLE)}},
            "/api/articles/{aid}/similar": {"get": {"operationId": "similar", "summary": "Similar coverage",
                                                    "parameters": [ID_PARAM], "responses": responses(SIMILAR)}},
            "/api/compare/{aid}/{bid}": {"get": {
                "operationId": "compare", "summary": "Two articles aligned passage by passage",
                "parameters": [ID_PARAM, {**ID_PARAM, "name": "bid"}], "responses": responses(COMPARE)}},
        },
    }
