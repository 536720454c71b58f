"""Sample PDFs rendered from ground truth: a generic plan-table renderer and the documents built with it.

``python -m tools.samples`` regenerates the committed sample input and the test fixtures.
"""
