"""Qt item models over plain Python lists of rows (tested without a window)."""
