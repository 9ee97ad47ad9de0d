"""Measuring the engine: relevance evaluation, benchmarks, the stemmer comparison."""
