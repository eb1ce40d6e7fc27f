"""icskg: a cited knowledge graph about NHS England's integrated care systems."""

__version__ = "1.0.0"
