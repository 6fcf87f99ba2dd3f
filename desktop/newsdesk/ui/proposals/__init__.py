"""Proposals (报题) and the topics (选题) they become: the editor, the chief's dialogs, the models
behind "My tasks" and the topic library.

Other pages use :mod:`newsdesk.ui.proposals.dialogs` (``ProposalEditor``, ``ReturnDialog``,
``AssignDialog``) and :func:`newsdesk.ui.proposals.roster.load_editors`.
"""
