"""Importers: other formats to native plan data, remembering where each value came from."""
