"""The PDF letter's face for a server: the conversion through LibreOffice, and the sweep that ends the
conversions a killed process left behind (their LibreOffice and temporary folder)."""

from __future__ import annotations

from .render._pdf import CONVERT_SECONDS, ConverterMissingError, render_pdf, soffice, sweep

__all__ = ["CONVERT_SECONDS", "ConverterMissingError", "render_pdf", "soffice", "sweep"]
