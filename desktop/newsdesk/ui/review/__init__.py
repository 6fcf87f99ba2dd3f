"""The review queue: articles waiting for the signed-in user's decision (初审, 复审, 终审, 签发)."""

from newsdesk.ui.review.page import ReviewPage

__all__ = ["ReviewPage"]
