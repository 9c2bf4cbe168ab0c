"""The three tabs of the main window."""
