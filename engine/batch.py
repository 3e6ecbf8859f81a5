"""Many cases at once, over processes: the items of a folder or a JSON
Lines file, and one result per case in input order."""

from __future__ import annotations

from .reasoning._batch import BatchError, BatchItem, BatchProblem, BatchResult, batch_items, run_batch

__all__ = ["BatchError", "BatchItem", "BatchProblem", "BatchResult", "batch_items", "run_batch"]
