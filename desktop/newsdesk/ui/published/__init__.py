"""The Published page and the publishing actions the board shares."""
