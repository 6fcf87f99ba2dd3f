"""The hand-written stories, channel by channel: together, a story in every state."""

from __future__ import annotations

from newsdesk.demo.handwritten.culture import CULTURE_STORIES
from newsdesk.demo.handwritten.library import LIBRARY_STORIES
from newsdesk.demo.handwritten.news import NEWS_STORIES
from newsdesk.demo.handwritten.services import SERVICES_STORIES
from newsdesk.demo.story import Story

HANDWRITTEN_STORIES: tuple[Story, ...] = (
    NEWS_STORIES + CULTURE_STORIES + SERVICES_STORIES + LIBRARY_STORIES
)
