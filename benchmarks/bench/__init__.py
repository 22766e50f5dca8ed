"""The benchmark runner's modules: tools (peers, harness builds), engines (build and run one
program on one engine), report (targets, tables, JSON, chart). Entry point: benchmarks/run.py."""
