"""Printable documents rendered to HTML (PDF and printing are done by the Qt shell)."""
