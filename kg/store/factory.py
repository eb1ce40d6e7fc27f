"""Choose and open the store the settings describe."""

from __future__ import annotations

from kg.errors import StoreUnavailableError
from kg.settings import Settings
from kg.store.base import Store
from kg.store.embedded import EmbeddedStore


def open_store(settings: Settings) -> Store:
    """Open the remote store, the given data files, or the built dataset, in that order."""
    if settings.endpoint_url:
        from kg.store.remote import RemoteStore

        return RemoteStore.from_settings(settings)
    if settings.data_files or settings.data_graphs:
        files = [*settings.data_files, *settings.data_graphs.values()]
        missing = [str(p) for p in files if not p.is_file()]
        if missing:
            raise StoreUnavailableError(f"data file not found: {', '.join(missing)}")
        return EmbeddedStore.from_files(settings.data_files, settings.data_graphs,
                                        settings.data_union_default_graph)
    dataset = settings.build_dir / "kg.trig"
    if not dataset.is_file():
        raise StoreUnavailableError(
            f"no built dataset at {dataset}; run `icskg build --out {settings.build_dir}` first"
        )
    return EmbeddedStore.from_files([dataset])
