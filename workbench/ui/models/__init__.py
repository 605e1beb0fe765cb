"""Qt item models over plain Python lists of rows (tested without a window).

Kept free of imports: walking the package (as tests/test_architecture.py does) must not load Qt.
"""
