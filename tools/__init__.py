"""Tooling that is not shipped: sample generators, benchmarks, peers, fuzzing and scoring."""
