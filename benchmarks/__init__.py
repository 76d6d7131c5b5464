"""Speed and memory benchmarks (``make bench``); not tests."""
