"""Database: typed models, engine set-up and Alembic migrations."""
