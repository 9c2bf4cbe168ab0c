"""Work off the GUI thread: the background helper and the attendee index loader."""
