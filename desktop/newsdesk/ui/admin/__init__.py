"""Administration: users, channels and the roles people hold in each channel."""
