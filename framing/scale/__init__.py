"""Running the measures on corpora larger than memory: :mod:`framing.scale.stream` (files in chunks, worker
processes, Parquet out) and :mod:`framing.scale.dask` (Dask DataFrames, the optional ``[dask]`` extra).

Stage ``scale`` may import every stage above it; it runs measures through :mod:`framing.registry`.
"""
