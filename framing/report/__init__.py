"""The report and studies: running what a report or study spec asks for, once; assembling the evidence;
writing the offline HTML page, tables and figures; and the publication figures (:mod:`framing.report.plot`).

Stage ``report`` may import every stage above it except :mod:`framing.cli`.
"""

from framing.report.analysis import report
from framing.report.study import load_study, run_study

__all__ = ["load_study", "report", "run_study"]
