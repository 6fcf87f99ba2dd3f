"""Proposals (报题) and the topics (选题) they become: the editor, the chief's dialogs, and the
"My tasks" and topic library pages with their models.

Other pages use :mod:`newsdesk.ui.proposals.dialogs` (``ProposalEditor``, ``ReturnDialog``,
``AssignDialog``) and :func:`newsdesk.ui.proposals.roster.load_editors`.
"""
