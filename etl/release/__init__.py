"""Releases (数据发布): a statistician releases a month of a reporting scope after a checklist.

scopes: the reporting scopes and which one a region belongs to (pure); checklist: what the
statistician sees before confirming (coverage, open flags, loads since the last release, changes);
store: the release itself (copies agg_* rows into pub_*, audited), marking a month final; jobs:
a release run in a worker process (etl.cli.release_worker) while the page polls its state (a
release takes minutes late in a large year).
May import: models, queries, coverage, accounts, periods, data_version, disclosure, settings.
"""
