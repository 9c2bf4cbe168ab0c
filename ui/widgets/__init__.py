"""Small reusable widgets and widget behaviours."""
