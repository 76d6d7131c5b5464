"""The core of reader: documents, NER, entity grouping. Knows nothing of the UI."""
