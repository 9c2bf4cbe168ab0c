"""Dialogs: import, export, run of show, series, registrant, confirmations."""
