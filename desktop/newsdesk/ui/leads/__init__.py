"""The 线索 (leads) page, and a desktop's own polling when it has no sync service."""
