"""Webinar Desk core: domain rules, database, services and files, without Qt."""

import logging

__version__ = "0.1.0"

# Details of failures are logged; without a configured log they must not reach stderr
# (Python's last-resort handler would print them, personal data included).
logging.getLogger(__name__).addHandler(logging.NullHandler())
