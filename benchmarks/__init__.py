"""Speed and memory measurements: ``python -m benchmarks.NAME`` from the project root."""
