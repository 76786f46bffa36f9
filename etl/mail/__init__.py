"""Delivery of the monthly briefing by e-mail: the outbox (store), SMTP sending with retries, and
the step a release runs after it commits. Nothing is sent while STM_SMTP_HOST is unset.
May import: briefing, accounts, queries, models, settings.
"""
