"""Benchmarks: scripts that print ratios; never run by the test suite."""
