"""Many cases at once, over processes: the items of a folder or a JSON
Lines file, and one result per case in input order."""

from __future__ import annotations

from .reasoning._batch import BatchError, BatchProblem, BatchResult, run_batch
from .reasoning._batch_input import BatchItem, batch_items

__all__ = ["BatchError", "BatchItem", "BatchProblem", "BatchResult", "batch_items", "run_batch"]
