"""Routes (to be filled by its issue)."""

from fastapi import APIRouter

router = APIRouter()
