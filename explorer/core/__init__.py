"""The dataset and its questions: model, loading, checks, queries, names, dates, safe text.

Imports nothing from Textual or from the other three folders (a test checks it).
"""
