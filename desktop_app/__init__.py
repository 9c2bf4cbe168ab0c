"""Webinar Desk core: domain rules, database, services and files, without Qt."""

__version__ = "0.1.0"
