"""Editor forms for sessions and speakers, and the form helpers they share."""
