"""The main window and what it coordinates: menus, series, file commands."""
