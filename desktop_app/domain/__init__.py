"""Plain domain rules: time zones, people, validation; no database, no Qt."""
