"""The report and studies: :mod:`~framing.report.analysis` runs what a report or study asks for, once;
:mod:`~framing.report.evidence` assembles the spans behind every number; :mod:`~framing.report.html` writes
the offline page; :mod:`~framing.report.output` writes the report folder (tables, figures, manifest) and is
where :func:`report` lives; :mod:`~framing.report.study` reads and runs study specs; and
:mod:`~framing.report.plot` draws the publication figures.

Stage ``report`` may import every stage above it except :mod:`framing.cli`.
"""

from framing.report.output import report
from framing.report.study import load_study, run_study

__all__ = ["load_study", "report", "run_study"]
