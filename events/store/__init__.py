"""The store: SQLAlchemy tables, migrations, writes per article, reads for publishing."""
