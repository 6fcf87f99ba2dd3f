"""The 统计 page: production statistics, platform data, targets and the 留言 register."""
