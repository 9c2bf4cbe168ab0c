"""Webinar Desk desktop shell (Qt)."""
