"""The store: the compiled SQLite index of a merged dataset and the caches beside it (replayed
pages, completion names), so repeated answers are instant. Built on the catalogue."""
