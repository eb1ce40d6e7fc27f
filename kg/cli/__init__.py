"""The ``icskg`` command line."""
