"""The user's texts and what reader keeps of them: passages and search in a document, and
analyses kept on disk (so a book opens again at once). Built on the core; no UI."""
