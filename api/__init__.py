"""The HTTP layer of icskg: it only translates HTTP to and from ``kg`` calls."""
