"""The lint engine: rule discovery, findings and running rules over a plan."""
