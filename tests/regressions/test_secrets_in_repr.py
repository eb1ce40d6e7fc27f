"""Regression: the store password and admin token appeared in ``repr()`` of Settings and
GraphStore, so any log line or error report that printed them leaked the secret."""

from __future__ import annotations

from kg.push import GraphStore
from kg.service import Service
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore

PASSWORD = "pw-3b1e0c-never-logged"
TOKEN = "tk-77a2d9-never-logged"


def test_settings_repr_and_str_hide_the_password_and_the_token() -> None:
    settings = Settings(store_user="alice", store_password=PASSWORD, admin_token=TOKEN)
    for text in (repr(settings), str(settings), repr(Service(settings, EmbeddedStore()))):
        assert PASSWORD not in text and TOKEN not in text
        assert "alice" in text  # the user name is not a secret: the repr is still useful
    assert settings.store_password == PASSWORD and settings.admin_token == TOKEN


def test_graph_store_repr_hides_the_password() -> None:
    store = GraphStore("http://127.0.0.1:7878/store", user="alice", password=PASSWORD)
    assert PASSWORD not in repr(store)
    assert "alice" in repr(store)
