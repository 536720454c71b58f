"""The contracts as data: schemas and vocabularies (shipped inside the package as pipeline.schemas)."""
