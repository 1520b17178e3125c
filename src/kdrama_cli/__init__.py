"""kdrama: offline trivia and fact lookup for Korean dramas, with every fact sourced."""

__version__ = "0.1.0"
