"""JSON Schemas generated from the pydantic models: plan files, configuration, findings."""
