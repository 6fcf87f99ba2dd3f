"""The Qt desktop: the only layer that imports Qt."""
