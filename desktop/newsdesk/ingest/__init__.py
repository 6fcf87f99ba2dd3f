"""Bringing outside material into the newsroom: images a pasted page points at, reposts."""
