"""Use cases over a unit of work; read functions return frozen rows, never ORM objects."""
