"""Training recipe for reader's bundled NER pipelines (not shipped with the app)."""
