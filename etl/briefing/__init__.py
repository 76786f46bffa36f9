"""The monthly briefing (月度简报): one A4 page per released month and scope, in words.

facts reads the released figures through the query layer (summary_frame, targets, the release's
coverage); compose turns them into sentences (pure, wording from etl.briefing.wording); charts,
docx and html render them; archive files them with the release. May import: queries, summary,
targets, release, snapshot (the PDF printer), numbers, models.
"""
