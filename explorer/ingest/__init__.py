"""Articles to dataset: building, merging, drafting annotations, and synthetic data.

Imports `explorer.core` only.
"""
