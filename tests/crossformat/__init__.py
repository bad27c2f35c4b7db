"""A cross-format corpus: briefs written once as data (``briefs.py``), produced at test time as
OpenDocument and Markdown (``render.py``) and, from those, with the real LibreOffice and pandoc,
as Word, PDF and HTML (``produce.py``). Nothing produced is committed; see test_crossformat.py.
"""
