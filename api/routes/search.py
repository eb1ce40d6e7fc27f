"""``GET /search?q=&k=``: the best cited statements and passages for a query (for RAG).

The ranking is :class:`kg.search.SearchIndex`'s, the one the question answering
uses; ``k`` out of range is a 422, an unknown parameter a 422 naming it.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import get_runtime
from kg.payload import to_json
from kg.runtime import Runtime
from kg.search.index import MAX_K
from kg.tools import FactSearch, search_facts

router = APIRouter(tags=["retrieval"])


class SearchQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str = Field(description="Words to look for; nothing matching gives empty lists.",
                   examples=["integrated care board members"])
    k: int = Field(5, ge=1, le=MAX_K, description="How many statements and passages.")


@router.get("/search", response_model=FactSearch, summary="Search cited facts",
            operation_id="search",
            description="BM25 over every passage graph (its summary, the names of what it "
            "mentions and its statements, read out as text). `statements` are the best single "
            "statements, each with the passage that cites it; `passages` the best passages "
            "with their best statements. Cite `title` and `locator`.")
async def search(params: Annotated[SearchQuery, Query()],
                 runtime: Annotated[Runtime, Depends(get_runtime)]) -> Response:
    def work() -> bytes:
        return to_json(search_facts(runtime.current.search(), params.q, params.k))

    return Response(await asyncio.to_thread(work), media_type="application/json")
